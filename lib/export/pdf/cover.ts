// The first page of a PDF readout: what was studied, as whom, and when.

import { label } from '../../model';
import type { ExportData } from '../gather';
import { ACCENT, MUTED } from '../readout/palette';
import { hex, type PdfFlow } from './flow';
import { formatDay } from './format';

export function drawCover(flow: PdfFlow, data: ExportData, now: Date): void {
  const page = flow.newPage();
  page.drawRectangle({ x: 0, y: flow.size[1] - 12, width: flow.size[0], height: 12, color: hex(ACCENT) });
  flow.space(90);
  const single = data.journeys.length === 1 ? data.journeys[0] : undefined;
  flow.text(single ? 'Journey readout' : 'Study readout', { size: 12, colour: MUTED, after: 6 });
  flow.text(single?.title ?? data.study.name, { size: 26, bold: true, after: 10 });
  if (single) flow.text(`Study: ${data.study.name}`, { size: 13, after: 4 });
  if (data.study.company) flow.text(`Company: ${data.study.company}`, { size: 13, after: 4 });
  const sites = data.study.siteUrls.filter(Boolean);
  if (sites.length) flow.text(`Sites: ${sites.join(', ')}`, { size: 11, colour: MUTED, after: 4 });
  flow.space(18);

  for (const journey of data.journeys) {
    const persona = data.personas.find((p) => p.id === journey.personaId);
    if (!single) flow.text(journey.title, { size: 13, bold: true, after: 2 });
    flow.text(`Persona: ${persona?.name ?? 'Unknown persona'}`, { size: single ? 13 : 11, after: 2 });
    if (journey.scenario) flow.text(`Scenario: ${journey.scenario}`, { size: single ? 12 : 10, after: 2 });
    const points = data.touchpoints.filter((t) => t.journeyId === journey.id && !t.draft).length;
    flow.text(
      `${formatDay(journey.startedAt)}${journey.endedAt ? ` – ${formatDay(journey.endedAt)}` : ''} · ` +
        `${points} touchpoint${points === 1 ? '' : 's'} · ${label(journey.status)}`,
      { size: 10, colour: MUTED, after: single ? 12 : 10 },
    );
  }
  const shownPersonas = single ? data.personas.filter((p) => p.id === single.personaId) : data.personas;
  if (!single && shownPersonas.length) flow.heading('Personas', 3);
  for (const persona of shownPersonas) {
    if (!single) flow.text(persona.name, { size: 11, bold: true, after: 2 });
    if (persona.summary) flow.text(persona.summary, { size: single ? 11 : 10, after: single ? 8 : 4 });
    if (!single) continue;
    for (const [title, items] of [
      ['Goals', persona.goals],
      ['Frustrations', persona.frustrations],
    ] as const) {
      if (items.length === 0) continue;
      flow.text(title, { size: 11, bold: true, after: 2 });
      for (const item of items) flow.text(`• ${item}`, { size: 10, indent: 8, after: 1 });
      flow.space(6);
    }
  }
  flow.page.drawText(`Exported ${formatDay(now.getTime())} with Touchtrail`, {
    x: flow.left,
    y: flow.margin,
    size: 9,
    font: flow.fonts.regular,
    color: hex(MUTED),
  });
}
