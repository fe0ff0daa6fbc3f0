// A journey as Customer Journey Modeling Language (CJML) 2.0 XML, "actual journey": the persona
// as end user, the company as service provider and partners as actors; journey phases from the
// stages; touchpoints as actualCommunicationPoint (one actor to another over a channel) or
// actualAction (the persona doing something); the experience from emotion and friction notes.
// Element names follow the CJML 2.0 concepts; see README for what was and was not checked.

import { kept, stagesInUse } from '../metrics/journey';
import { CHANNEL_GROUPS, label, type Journey, type Touchpoint } from '../model';
import { escapeMarkup as x } from './escape';
import type { ExportData } from './gather';

export const CJML_NAMESPACE = 'https://cjml.no/schema/2.0';

/** Channels where one party speaks to another, rather than the persona acting alone. */
const COMMUNICATION = new Set<string>([
  'email',
  'chat',
  'social-media',
  'phone',
  'print',
  'online-ad',
  ...CHANNEL_GROUPS.human,
]);

export function cjmlJourney(data: ExportData, journey: Journey): string {
  const persona = data.personas.find((p) => p.id === journey.personaId);
  const points = kept(data.touchpoints.filter((t) => t.journeyId === journey.id));
  const stages = stagesInUse(data.study.stages, points);
  const phaseId = (stage: string) => `phase-${stages.indexOf(stage) + 1}`;
  const partners = points.some((t) => t.owner === 'partner-owned' || t.owner === 'external');
  const actors = [
    `<actor id="persona" type="endUser"><name>${x(persona?.name ?? 'Customer')}</name>${
      persona?.summary ? `<description>${x(persona.summary)}</description>` : ''
    }</actor>`,
    `<actor id="company" type="serviceProvider"><name>${x(data.study.company || data.study.name)}</name></actor>`,
    ...(partners ? ['<actor id="partner" type="partner"><name>Partners and third parties</name></actor>'] : []),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<journey xmlns="${CJML_NAMESPACE}" version="2.0" type="actual" id="${x(journey.id)}">
  <name>${x(journey.title)}</name>
  <description>${x(journey.scenario)}</description>
  <startTime>${new Date(journey.startedAt).toISOString()}</startTime>
  ${journey.endedAt ? `<endTime>${new Date(journey.endedAt).toISOString()}</endTime>` : ''}
  <actors>
    ${actors.join('\n    ')}
  </actors>
  <journeyPhases>
    ${stages.map((s) => `<journeyPhase id="${phaseId(s)}"><name>${x(s)}</name></journeyPhase>`).join('\n    ')}
  </journeyPhases>
  <touchpoints>
    ${points.map((t) => touchpointXml(t, phaseId(t.stage))).join('\n    ')}
  </touchpoints>
</journey>
`;
}

function touchpointXml(t: Touchpoint, phase: string): string {
  const counterpart = t.owner === 'partner-owned' || t.owner === 'external' ? 'partner' : 'company';
  const common = `<name>${x(t.title || 'Untitled')}</name>
      <sequence>${t.seq}</sequence>
      <timestamp>${new Date(t.capturedAt).toISOString()}</timestamp>
      <channel>${x(label(t.channel))}</channel>${t.url ? `\n      <url>${x(t.url)}</url>` : ''}
      ${experience(t)}`;
  if (t.initiator || COMMUNICATION.has(t.channel)) {
    // Proactive: the company reached out; reactive (or unsaid): the persona did.
    const [from, to] = t.initiator === 'proactive' ? [counterpart, 'persona'] : ['persona', counterpart];
    return `<actualCommunicationPoint id="tp-${x(t.id)}" phase="${phase}">
      <initiator ref="${from}"/>
      <receiver ref="${to}"/>
      ${common}
    </actualCommunicationPoint>`;
  }
  return `<actualAction id="tp-${x(t.id)}" phase="${phase}" actor="persona">
      ${common}
    </actualAction>`;
}

function experience(t: Touchpoint): string {
  const parts = [];
  if (t.emotion !== undefined) parts.push(`<emotion>${t.emotion}</emotion>`);
  if (t.friction.severity !== 'none') parts.push(`<deviation severity="${t.friction.severity}"/>`);
  if (t.friction.notes) parts.push(`<description>${x(t.friction.notes)}</description>`);
  return parts.length ? `<touchpointExperience>${parts.join('')}</touchpointExperience>` : '';
}
