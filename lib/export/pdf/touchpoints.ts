// The friction summary and the touchpoint pages of a PDF readout: each touchpoint with its
// screenshot (annotations burned in, redactions already in the pixels) and what was noted.

import { formatConsiderations, formatEmotion } from '../../metrics/journey';
import { FRICTION_SEVERITIES, label, type Touchpoint } from '../../model';
import { MUTED, SEVERITY_HEX } from '../readout/palette';
import { topOfCaption, UNREADABLE, type FlatImage } from '../readout/raster';
import { hex, type PdfFlow } from './flow';
import { wrap } from './text';

export function drawFrictionSummary(flow: PdfFlow, points: Touchpoint[]): void {
  flow.heading('Friction summary');
  const met = points
    .filter((t) => t.friction.severity !== 'none')
    .sort(
      (a, b) =>
        FRICTION_SEVERITIES.indexOf(b.friction.severity) - FRICTION_SEVERITIES.indexOf(a.friction.severity) ||
        a.seq - b.seq,
    );
  if (met.length === 0) {
    flow.text('No friction was recorded in this journey.', { colour: MUTED, after: 6 });
    return;
  }
  flow.text(`${met.length} of ${points.length} touchpoints met friction, worst first.`, { colour: MUTED, after: 6 });
  for (const t of met) {
    const categories = t.friction.categories.map(label).join(', ');
    flow.ensure(28);
    flow.page.drawRectangle({
      x: flow.left,
      y: flow.y - 10,
      width: 4,
      height: 11,
      color: hex(SEVERITY_HEX[t.friction.severity]),
    });
    flow.text(
      `${label(t.friction.severity)} · ${t.seq} · ${t.title || 'Untitled'} · ${t.stage}${categories ? ` · ${categories}` : ''}`,
      {
        bold: true,
        indent: 10,
        after: 1,
      },
    );
    if (t.friction.notes) flow.text(t.friction.notes, { size: 9, indent: 10, colour: MUTED });
    flow.space(5);
  }
}

/** The facts under a touchpoint's title, as one line a reader scans. */
export function touchpointFacts(t: Touchpoint): string {
  return [
    t.stage,
    label(t.channel),
    label(t.owner),
    t.friction.severity === 'none'
      ? 'no friction'
      : `${label(t.friction.severity)} friction${t.friction.categories.length ? ` (${t.friction.categories.map(label).join(', ')})` : ''}`,
    t.emotion === undefined ? '' : `emotion ${formatEmotion(t.emotion)}`,
    t.effort === undefined ? '' : `effort ${t.effort}`,
    formatConsiderations(t.considerations ?? {}, true),
    t.momentOfTruth ? '★ moment of truth' : '',
    t.key ? 'key touchpoint' : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One touchpoint: title, facts, address, screenshot fitted to the page, notes. */
export async function drawTouchpoint(
  flow: PdfFlow,
  t: Touchpoint,
  image: FlatImage | { unreadable: string } | undefined,
): Promise<void> {
  const flat = image && 'bytes' in image ? image : undefined;
  const maxImageHeight = flow.size[1] * (flat?.topOf ? 0.55 : 0.3);
  const scale = flat ? Math.min(flow.width / flat.width, maxImageHeight / flat.height, 1) : 0;
  const imageHeight = flat ? flat.height * scale : 0;
  const lines = [
    { text: `${t.seq} · ${t.title || 'Untitled'}`, size: 12.5, bold: true, after: 2 },
    { text: touchpointFacts(t), size: 9, colour: MUTED, after: 2 },
    ...(t.url ? [{ text: t.url, size: 8, colour: MUTED, after: 2 }] : []),
  ];
  const height = (line: (typeof lines)[number]) =>
    wrap(line.bold ? flow.fonts.bold : flow.fonts.regular, line.text, line.size, flow.width).length * line.size * 1.3 +
    line.after;
  // The title, its facts and its screenshot stay on one page.
  flow.ensure(lines.reduce((sum, line) => sum + height(line), 0) + imageHeight + 10);
  for (const { text, ...style } of lines) flow.text(text, style);
  if (flat) {
    const embedded = await flow.doc.embedJpg(flat.bytes);
    flow.space(4);
    flow.page.drawImage(embedded, {
      x: flow.left,
      y: flow.y - imageHeight,
      width: flat.width * scale,
      height: imageHeight,
    });
    flow.space(imageHeight + 6);
    const caption = topOfCaption(flat);
    if (caption) flow.text(caption, { size: 8, colour: MUTED, after: 2 });
  } else if (image && 'unreadable' in image) {
    flow.text(`${UNREADABLE} (${image.unreadable}).`, { size: 9, colour: MUTED, after: 4 });
  }
  if (t.friction.notes) flow.text(`“${t.friction.notes}”`, { size: 10, after: 2 });
  flow.space(14);
}
