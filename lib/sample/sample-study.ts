// "Load sample study": a realistic study a newcomer can explore every view with — two
// personas and the same scenario walked on two competitors' sites, with screenshots.

import {
  journey,
  persona,
  screenshot,
  study,
  touchpoint,
  type Channel,
  type FrictionCategory,
  type FrictionSeverity,
  type Journey,
  type Persona,
  type Screenshot,
  type Study,
  type Touchpoint,
} from '../model';
import { db } from '../db/database';

/** What a sample screenshot shows; drawn by draw.ts in the browser. */
export interface MockPage {
  company: string;
  colour: string;
  heading: string;
  body: string;
}

export type DrawMockPage = (page: MockPage) => Promise<Omit<Screenshot, 'id' | 'touchpointId'>>;

interface Step {
  title: string;
  stage: string;
  channel: Channel;
  friction?: [FrictionSeverity, FrictionCategory[], string];
  emotion?: number;
  effort?: number;
  key?: boolean;
  momentOfTruth?: boolean;
  /** Promise checks, in the order of the study's promises. */
  promises?: ('kept' | 'broken')[];
  /** Off-site steps have no screenshot. */
  offsite?: boolean;
  goal?: string;
}

const NORTHWIND: Step[] = [
  {
    title: 'Search ad: “cheap car insurance”',
    stage: 'Awareness',
    channel: 'online-ad',
    emotion: 0,
    key: true,
    goal: 'Find insurers worth a quote',
  },
  { title: 'Home page', stage: 'Awareness', channel: 'website', emotion: 1, effort: 2 },
  {
    title: 'Cover options explained',
    stage: 'Consideration',
    channel: 'website',
    emotion: 1,
    effort: 2,
    key: true,
    goal: 'Understand what is covered',
  },
  {
    title: 'Quote step 1 — Your car',
    stage: 'Consideration',
    channel: 'website',
    friction: ['minor', ['complicated-process'], 'Asks for the registration before explaining why'],
    emotion: 0,
    effort: 3,
  },
  {
    title: 'Quote step 2 — Your licence',
    stage: 'Consideration',
    channel: 'website',
    friction: ['major', ['missing-information', 'trust-privacy'], 'Licence number demanded before any price is shown'],
    emotion: -1,
    effort: 5,
    key: true,
    promises: ['broken'],
  },
  {
    title: 'Price page',
    goal: 'See the price before committing',
    stage: 'Purchase',
    channel: 'website',
    emotion: 1,
    effort: 2,
    key: true,
    momentOfTruth: true,
    promises: ['kept', 'kept'],
  },
  {
    title: 'Checkout — payment',
    stage: 'Purchase',
    channel: 'website',
    friction: ['moderate', ['error'], 'Card form rejects spaces in the card number'],
    emotion: -1,
    effort: 4,
  },
  {
    title: 'Welcome email with policy',
    stage: 'Retention',
    channel: 'email',
    emotion: 1,
    key: true,
    offsite: true,
    goal: 'Know the policy is in place',
  },
  { title: 'Asked for a review a week later', stage: 'Advocacy', channel: 'email', emotion: 0, offsite: true },
];

const CONTOSO: Step[] = [
  {
    title: 'Comparison site listing',
    stage: 'Awareness',
    channel: 'review-site',
    emotion: 0,
    key: true,
    goal: 'Find insurers worth a quote',
  },
  { title: 'Home page with instant quote box', stage: 'Awareness', channel: 'website', emotion: 2, effort: 1 },
  {
    title: 'Instant quote',
    goal: 'See the price before committing',
    stage: 'Consideration',
    channel: 'website',
    emotion: 1,
    effort: 2,
    key: true,
    promises: ['kept'],
  },
  {
    title: 'Add-ons upsell',
    stage: 'Purchase',
    channel: 'website',
    friction: ['moderate', ['inconsistent-message'], 'Breakdown cover pre-selected; price jumps by 18 %'],
    emotion: -1,
    effort: 3,
    momentOfTruth: true,
    promises: ['kept', 'broken'],
  },
  {
    title: 'Phone call to remove the add-on',
    stage: 'Purchase',
    channel: 'phone',
    friction: ['major', ['poor-service', 'slow'], '14 minutes on hold to untick one box'],
    emotion: -2,
    effort: 6,
    key: true,
    offsite: true,
  },
  { title: 'Checkout', stage: 'Purchase', channel: 'website', emotion: 0, effort: 2 },
  { title: 'Policy documents by post', stage: 'Retention', channel: 'print', emotion: 0, offsite: true },
];

const PROMISES = ['A price in under 5 minutes', 'No hidden fees'];

/** Writes the sample study in one transaction; returns it. */
export async function loadSampleStudy(draw: DrawMockPage, now = Date.now()): Promise<Study> {
  const studyRecord = study.parse({
    id: crypto.randomUUID(),
    name: 'Sample: car insurance quote',
    company: 'Northwind Insurance vs Contoso Cover',
    siteUrls: ['https://northwind.example', 'https://contoso.example'],
    description: 'Getting a first car insurance quote, walked on two competitors’ sites by the same persona.',
    stages: ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'],
    promises: PROMISES.map((text) => ({ id: crypto.randomUUID(), text })),
    maskAllowList: [],
    createdAt: now,
    updatedAt: now,
  });
  const carl = samplePersona(studyRecord.id, 'Carl', 'First-time driver, 19, price-sensitive', {
    goals: ['Get a quote in minutes', 'Understand what is covered'],
    frustrations: ['Forms that ask for everything up front', 'Jargon'],
    behaviours: ['Compares on his phone', 'Abandons long forms'],
  });
  const dana = samplePersona(studyRecord.id, 'Dana', 'Switching insurer after a renewal price rise', {
    goals: ['Pay less for the same cover'],
    frustrations: ['Hidden fees', 'Waiting on the phone'],
    behaviours: ['Reads the small print'],
  });
  const walks = [
    { company: 'Northwind Insurance', colour: '#1f4d3a', steps: NORTHWIND, startedAt: now - 3 * 86_400_000 },
    { company: 'Contoso Cover', colour: '#3b2f7a', steps: CONTOSO, startedAt: now - 2 * 86_400_000 },
  ];
  const journeys: Journey[] = [];
  const touchpoints: Touchpoint[] = [];
  const screenshots: Screenshot[] = [];
  for (const walk of walks) {
    const record = journey.parse({
      id: crypto.randomUUID(),
      studyId: studyRecord.id,
      personaId: carl.id,
      title: `${walk.company} — first quote`,
      scenario: 'Get a quote for a 2015 hatchback and buy the policy',
      status: 'done',
      startedAt: walk.startedAt,
      endedAt: walk.startedAt + walk.steps.length * 95_000,
      pausedMs: 0,
      masking: true,
      nextSeq: walk.steps.length + 1,
      autoRecord: false,
      pendingSignals: [],
    });
    journeys.push(record);
    for (const [index, step] of walk.steps.entries()) {
      const id = crypto.randomUUID();
      const shot = step.offsite
        ? undefined
        : screenshot.parse({
            ...(await draw({
              company: walk.company,
              colour: walk.colour,
              heading: step.title,
              body: step.friction?.[2] ?? '',
            })),
            id: crypto.randomUUID(),
            touchpointId: id,
          });
      if (shot) screenshots.push(shot);
      touchpoints.push(sampleTouchpoint(id, record, index, step, studyRecord, shot));
    }
  }
  await db.transaction('rw', [db.studies, db.personas, db.journeys, db.touchpoints, db.screenshots], async () => {
    await db.studies.add(studyRecord);
    await db.personas.bulkAdd([carl, dana]);
    await db.journeys.bulkAdd(journeys);
    await db.touchpoints.bulkAdd(touchpoints);
    await db.screenshots.bulkAdd(screenshots);
  });
  return studyRecord;
}

function samplePersona(
  studyId: string,
  name: string,
  summary: string,
  lists: Pick<Persona, 'goals' | 'frustrations' | 'behaviours'>,
) {
  return persona.parse({ id: crypto.randomUUID(), studyId, name, summary, ...lists });
}

function sampleTouchpoint(id: string, journey: Journey, index: number, step: Step, owner: Study, shot?: Screenshot) {
  const [severity, categories, notes] = step.friction ?? ['none', [], ''];
  return touchpoint.parse({
    id,
    journeyId: journey.id,
    seq: index + 1,
    capturedAt: journey.startedAt + (index + 1) * 90_000,
    source: step.offsite ? 'offsite' : 'manual',
    title: step.title,
    url: step.offsite ? undefined : `https://${journey.title.split(' ')[0]!.toLowerCase()}.example/step-${index + 1}`,
    stage: step.stage,
    channel: step.channel,
    owner: step.channel === 'review-site' || step.channel === 'online-ad' ? 'partner-owned' : 'company-owned',
    friction: { severity, categories, notes },
    emotion: step.emotion,
    effort: step.effort,
    goal: step.goal,
    momentOfTruth: step.momentOfTruth ?? false,
    key: step.key ?? false,
    promiseChecks: (step.promises ?? []).map((status, i) => ({ promiseId: owner.promises[i]!.id, status })),
    signals: [],
    screenshotId: shot?.id,
    annotations:
      shot && step.friction
        ? [
            { kind: 'box', id: crypto.randomUUID(), area: { x: 0.1, y: 0.3, width: 0.5, height: 0.15 } },
            { kind: 'marker', id: crypto.randomUUID(), at: { x: 0.62, y: 0.3 }, number: 1 },
          ]
        : [],
  });
}
