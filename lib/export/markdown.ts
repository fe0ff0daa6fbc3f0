// report.md: the report as Markdown, with its images in the bundle's screenshots/ folder.
// User strings are escaped for Markdown and HTML alike, since Markdown renderers pass HTML through.

import { formatEmotion, journeyMetrics, kept, stagesInUse } from '../metrics/journey';
import { label, type Journey, type Touchpoint } from '../model';
import type { ExportData } from './gather';
import { screenshotFileName } from './names';

export function markdownReport(data: ExportData): string {
  const { study } = data;
  const lines = [
    `# ${md(study.name)}`,
    '',
    md([study.company, ...study.siteUrls].filter(Boolean).join(' · ')),
    '',
    ...(study.description ? [md(study.description), ''] : []),
  ];
  for (const journey of data.journeys) lines.push(...journeySection(data, journey));
  return lines.join('\n') + '\n';
}

function journeySection(data: ExportData, journey: Journey): string[] {
  const persona = data.personas.find((p) => p.id === journey.personaId);
  const points = kept(data.touchpoints.filter((t) => t.journeyId === journey.id));
  const stages = stagesInUse(data.study.stages, points);
  const metrics = journeyMetrics(journey, points, data.study.stages);
  // CR ends a line in Markdown as LF does: either would cut a table row.
  const cell = (text: string) => md(text).replace(/\r\n?|\n/g, ' ') || ' ';
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    `## ${md(journey.title)}`,
    '',
    `**Persona:** ${md(persona?.name ?? 'Unknown')}${persona?.summary ? ` — ${md(persona.summary)}` : ''}  `,
    `**Scenario:** ${md(journey.scenario)}`,
    '',
    '### Journey map',
    '',
    row(['Lane', ...stages.map(cell)]),
    row(['---', ...stages.map(() => '---')]),
    row([
      'Touchpoints',
      ...stages.map((s) =>
        cell(
          points
            .filter((t) => t.stage === s)
            .map((t) => t.title)
            .join('; '),
        ),
      ),
    ]),
    row(['Friction', ...stages.map((s) => String(metrics.stages.find((m) => m.stage === s)?.friction ?? 0))]),
    row([
      'Emotion',
      ...stages.map((s) => {
        const value = metrics.stages.find((m) => m.stage === s)?.averageEmotion;
        return value === undefined ? '–' : formatEmotion(value);
      }),
    ]),
    '',
    '### Touchpoints',
    '',
  ];
  for (const t of points) lines.push(...touchpointSection(data, journey, t));
  return lines;
}

function touchpointSection(data: ExportData, journey: Journey, t: Touchpoint): string[] {
  const shot = data.screenshots.find((s) => s.id === t.screenshotId);
  const facts = [t.stage, label(t.channel), label(t.owner)];
  if (t.friction.severity !== 'none') facts.push(`${label(t.friction.severity)} friction`);
  if (t.emotion !== undefined) facts.push(`emotion ${formatEmotion(t.emotion)}`);
  if (t.momentOfTruth) facts.push('★ moment of truth');
  return [
    `#### ${t.seq}. ${md(t.title || 'Untitled')}`,
    '',
    md(facts.join(' · ')),
    ...(t.url ? ['', md(t.url.replace(/\s+/g, ' '))] : []),
    ...(t.friction.notes ? ['', md(t.friction.notes)] : []),
    ...(shot ? ['', `![Screenshot: ${md(t.title)}](${screenshotFileName(journey, t, shot)})`] : []),
    '',
  ];
}

/**
 * Text that Markdown shows as written: its markup characters and HTML are escaped, and so is the
 * colon of "://", which GFM would otherwise turn into a live link (as it does "www.", whose dot
 * is escaped already).
 */
export function md(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1')
    .replace(/:(?=\/\/)/g, '\\:');
}
