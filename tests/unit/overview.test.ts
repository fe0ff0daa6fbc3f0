import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { loadStudyOverview } from '../../lib/db/overview';
import { exportFile, type ExportFile } from '../../lib/export/format';
import { runExport } from '../../lib/export/run';
import { filterChoices, filterRows, studyOverview, topFriction } from '../../lib/metrics/overview';
import {
  journey as journeySchema,
  persona as personaSchema,
  study as studySchema,
  type FrictionSeverity,
  type Touchpoint,
} from '../../lib/model';
import { loadSampleStudy } from '../../lib/sample/sample-study';
import { figuresFromExport, stagesFromExports } from '../fixtures/overview-by-hand';
import { drawStandIn, touchpointRecord } from './factories';

async function exportedJourney(journeyId: string): Promise<ExportFile> {
  const { blob } = await runExport('json', { journeyId });
  return exportFile.parse(JSON.parse(await blob.text()));
}

describe('the study overview', () => {
  it('shows the figures that the journeys’ JSON exports give, drafts and extra stages included', async () => {
    const study = await loadSampleStudy(drawStandIn);
    const [northwind, contoso] = await db.journeys.where({ studyId: study.id }).sortBy('startedAt');
    // What real studies have and the sample has not: a draft (left out), a stage the study does
    // not list, friction without emotion.
    await db.touchpoints.bulkAdd([
      touchpointRecord({
        journeyId: northwind!.id,
        seq: 90,
        stage: 'Purchase',
        draft: true,
        emotion: -2,
        friction: { severity: 'blocker', categories: ['error'], notes: '' },
      }),
      touchpointRecord({ journeyId: northwind!.id, seq: 93, stage: 'Renewal', draft: true }),
      touchpointRecord({
        journeyId: contoso!.id,
        seq: 91,
        stage: 'Claims',
        url: 'https://help.contoso.example/claim',
        friction: { severity: 'major', categories: ['slow'], notes: '' },
      }),
      touchpointRecord({
        journeyId: contoso!.id,
        seq: 92,
        stage: 'Retention',
        friction: { severity: 'minor', categories: [], notes: '' },
      }),
    ]);

    const overview = await loadStudyOverview(study.id);
    const files = [await exportedJourney(northwind!.id), await exportedJourney(contoso!.id)];
    const stages = stagesFromExports(files);

    expect(stages).toEqual(['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy', 'Claims']);
    expect(overview?.stages).toEqual(stages);
    expect(
      overview?.rows.map((row) => ({
        journeyId: row.journey.id,
        title: row.journey.title,
        persona: row.persona?.name,
        site: row.site,
        cells: row.cells,
      })),
    ).toEqual(files.map((file) => figuresFromExport(file, stages)));
  });

  it('is empty for a study without journeys, and absent for a study that is gone', async () => {
    const study = await loadSampleStudy(drawStandIn);
    await db.journeys.where({ studyId: study.id }).delete();
    expect((await loadStudyOverview(study.id))?.rows).toEqual([]);
    expect(await loadStudyOverview(crypto.randomUUID())).toBeUndefined();
  });
});

// Pure: three journeys of a made-up study, two personas, two sites and one walk with no address.
const study = studySchema.parse({
  id: crypto.randomUUID(),
  name: 'Boots',
  company: 'Northwind',
  siteUrls: [],
  description: '',
  stages: ['Awareness', 'Purchase'],
  promises: [],
  createdAt: 0,
  updatedAt: 0,
});
const persona = (name: string) =>
  personaSchema.parse({
    id: crypto.randomUUID(),
    studyId: study.id,
    name,
    summary: '',
    goals: [],
    frustrations: [],
    behaviours: [],
  });
const carl = persona('Carl');
const dana = persona('Dana');
const walk = (title: string, personaId: string, startedAt: number) =>
  journeySchema.parse({
    id: crypto.randomUUID(),
    studyId: study.id,
    personaId,
    title,
    scenario: '',
    status: 'done',
    startedAt,
    pausedMs: 0,
    masking: true,
    nextSeq: 1,
  });
const one = walk('One', carl.id, 1);
const two = walk('Two', carl.id, 2);
const three = walk('Three', dana.id, 3);

function point(
  journeyId: string,
  stage: string,
  severity: FrictionSeverity,
  categories: string[],
  more: Partial<Touchpoint> = {},
) {
  return touchpointRecord({
    journeyId,
    stage,
    url: 'https://shop.example/page',
    friction: { severity, categories, notes: '' },
    ...more,
  } as Partial<Touchpoint>);
}

function overviewOf(points: Touchpoint[]) {
  const byJourney = new Map([one, two, three].map((j) => [j.id, points.filter((t) => t.journeyId === j.id)]));
  return studyOverview(study, [one, two, three], [carl, dana], byJourney);
}

describe('top friction', () => {
  it('ranks by the worst severity, then by how many journeys meet it, then by how many touchpoints', () => {
    const points = [
      // Moderate, slow, at Purchase: met in all three journeys.
      ...[one, two, three].map((j) => point(j.id, 'Purchase', 'moderate', ['slow'])),
      // Moderate, error, at Purchase: all three journeys too, one of them twice.
      ...[one, two, three, three].map((j) => point(j.id, 'Purchase', 'moderate', ['error'])),
      // Minor, missing information, at Awareness: only one journey, but five times; so after
      // a minor friction at Purchase met twice, in two journeys.
      ...[1, 2, 3, 4, 5].map(() => point(one.id, 'Awareness', 'minor', ['missing-information'])),
      ...[one, two].map((j) => point(j.id, 'Purchase', 'minor', ['other'])),
      // Major once: outranks everything more frequent but milder; the minor one with it is
      // counted in its group, whose worst is still major.
      point(two.id, 'Awareness', 'major', ['trust-privacy']),
      point(three.id, 'Awareness', 'minor', ['trust-privacy']),
      // A blocker that is a draft, and friction-free touchpoints with a category: not counted.
      point(one.id, 'Purchase', 'blocker', ['error'], { draft: true }),
      point(one.id, 'Purchase', 'none', ['error']),
    ];
    const { rows, stages } = overviewOf(points);
    const ranked = topFriction(rows, stages).map((g) => [
      g.worst,
      g.stage,
      g.category,
      g.journeys,
      g.touchpoints.length,
    ]);
    expect(ranked).toEqual([
      ['major', 'Awareness', 'trust-privacy', 2, 2],
      ['moderate', 'Purchase', 'error', 3, 4],
      ['moderate', 'Purchase', 'slow', 3, 3],
      ['minor', 'Purchase', 'other', 2, 2],
      ['minor', 'Awareness', 'missing-information', 1, 5],
    ]);
  });

  it('counts a touchpoint under each of its categories, and friction without one under none', () => {
    const both = point(one.id, 'Purchase', 'major', ['slow', 'error']);
    const bare = point(two.id, 'Claims', 'minor', []);
    const { rows, stages } = overviewOf([both, bare]);
    const groups = topFriction(rows, stages);
    expect(groups.map((g) => [g.stage, g.category])).toEqual([
      ['Purchase', 'slow'],
      ['Purchase', 'error'],
      ['Claims', ''],
    ]);
    expect(groups[0]!.touchpoints.map((t) => [t.touchpoint.id, t.journey.id])).toEqual([[both.id, one.id]]);
    expect(groups[2]!.touchpoints.map((t) => t.journey.title)).toEqual(['Two']);
  });
});

describe('overview rows and filters', () => {
  const points = [
    point(one.id, 'Awareness', 'none', [], { emotion: 1, url: 'https://northwind.example/a' }),
    point(one.id, 'Awareness', 'minor', ['slow'], { emotion: -2, url: 'https://northwind.example/b' }),
    point(one.id, 'Purchase', 'none', [], { url: 'https://partner.example/pay' }),
    point(two.id, 'Purchase', 'major', ['error'], { emotion: 2, url: 'https://contoso.example/' }),
    point(two.id, 'Support', 'moderate', ['slow'], { url: 'https://contoso.example/help' }),
    point(two.id, 'Onboarding', 'blocker', ['error'], { draft: true }),
    point(three.id, 'Awareness', 'none', [], { url: undefined }),
  ];

  it('adds the stages only kept touchpoints use, and gives each row a cell per stage', () => {
    const { stages, rows } = overviewOf(points);
    expect(stages).toEqual(['Awareness', 'Purchase', 'Support']);
    expect(rows.map((r) => r.cells.map((c) => c.stage))).toEqual([stages, stages, stages]);
    expect(rows[0]!.cells).toEqual([
      { stage: 'Awareness', touchpoints: 2, friction: 1, worst: 'minor', averageEmotion: -0.5 },
      { stage: 'Purchase', touchpoints: 1, friction: 0, worst: 'none', averageEmotion: undefined },
      { stage: 'Support', touchpoints: 0, friction: 0, worst: 'none', averageEmotion: undefined },
    ]);
  });

  it('finds each journey’s site by the most common hostname, and none for a walk without addresses', () => {
    expect(overviewOf(points).rows.map((r) => [r.journey.title, r.persona?.name, r.site])).toEqual([
      ['One', 'Carl', 'northwind.example'],
      ['Two', 'Carl', 'contoso.example'],
      ['Three', 'Dana', undefined],
    ]);
    const tie = [point(one.id, 'Awareness', 'none', [], { url: 'https://first.example/' })];
    tie.push(point(one.id, 'Awareness', 'none', [], { url: 'https://second.example/' }));
    expect(overviewOf(tie).rows[0]!.site).toBe('first.example'); // a tie goes to the site walked first
  });

  it('narrows the rows by persona and by site, and offers each once', () => {
    const { rows } = overviewOf(points);
    const titles = (filtered: typeof rows) => filtered.map((r) => r.journey.title);
    expect(titles(filterRows(rows, {}))).toEqual(['One', 'Two', 'Three']);
    expect(titles(filterRows(rows, { personaId: carl.id }))).toEqual(['One', 'Two']);
    expect(titles(filterRows(rows, { site: 'contoso.example' }))).toEqual(['Two']);
    expect(titles(filterRows(rows, { personaId: dana.id, site: 'contoso.example' }))).toEqual([]);
    const choices = filterChoices(rows);
    expect(choices.personas.map((p) => p.name)).toEqual(['Carl', 'Dana']);
    expect(choices.sites).toEqual(['contoso.example', 'northwind.example']);
  });
});
