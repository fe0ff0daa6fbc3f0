// The metrics' charts in the PDF, drawn with pdf-lib's shapes from the same series and ticks as
// the dashboard (lib/metrics/charts.ts), each followed by its numbers as a table.

import type { PDFFont } from 'pdf-lib';
import {
  CHART_SEVERITIES,
  EMOTION_TICKS,
  SEVERITY_HATCHED,
  emotionPerTouchpoint,
  emotionRuns,
  emotionTickLabel,
  formatShare,
  frictionBySeverity,
  labelEvery,
  niceTicks,
  scale,
  shareBars,
  stageSpans,
  type ShareBar,
  type StageFriction,
} from '../../metrics/charts';
import { formatEmotion, type JourneyMetrics } from '../../metrics/journey';
import { label, type Touchpoint } from '../../model';
import { ACCENT, INK, MUTED, PANEL, RULE, SEVERITY_HEX } from '../readout/palette';
import { drawChartTable } from './chart-table';
import { hex, type PdfFlow } from './flow';
import { ellipsize } from './text';

const SIZE = 7.5;
const WHITE = 'ffffff';
/** Room for a chart's heading above it, so a heading never ends a page alone. */
const HEADING = 34;

/** Friction per stage, emotion per touchpoint, owner and channel shares; from flow.y down. */
export function drawCharts(flow: PdfFlow, metrics: JourneyMetrics, points: Touchpoint[]): void {
  drawFriction(flow, frictionBySeverity(metrics));
  drawEmotion(flow, points);
  drawShares(flow, 'Share of touchpoints per owner', 'Owner', shareBars(metrics.ownerShare));
  drawShares(flow, 'Share of touchpoints per channel', 'Channel', shareBars(metrics.channelShare));
}

function drawFriction(flow: PdfFlow, rows: StageFriction[]): void {
  const row = 17;
  const bar = 11;
  const legend = 16;
  const height = legend + rows.length * row + 16;
  flow.ensure(HEADING + height);
  flow.heading('Friction per stage, by severity', 3);
  const top = flow.y;
  const labelWidth = 110;
  const right = flow.left + flow.width - 20;
  drawSeverityLegend(flow, top);
  const barsTop = top - legend;
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.total)), { whole: true });
  const x = scale([0, ticks.at(-1)!], [flow.left + labelWidth, right]);
  const bottom = barsTop - rows.length * row;
  drawValueAxis(
    flow,
    ticks.map((t) => [x(t), String(t)]),
    barsTop,
    bottom,
  );
  rows.forEach((r, i) => {
    const y = barsTop - (i + 1) * row + (row - bar) / 2;
    drawRowLabel(flow, r.stage, flow.left + labelWidth - 6, y, bar);
    for (const s of r.segments) {
      const left = x(s.start);
      const width = x(s.start + s.count) - left;
      flow.page.drawRectangle({ x: left, y, width, height: bar, color: hex(SEVERITY_HEX[s.severity]) });
      if (SEVERITY_HATCHED[s.severity]) hatch(flow, left, y, width, bar);
      // A white edge between segments, and the count on a plain patch so stripes do not cross it.
      if (s.start > 0) drawEdge(flow, left, y, bar);
      const count = String(s.count);
      const tag = flow.fonts.bold.widthOfTextAtSize(count, SIZE) + 10;
      if (width >= tag + 4) {
        const colour = hex(SEVERITY_HEX[s.severity]);
        flow.page.drawRectangle({
          x: left + (width - tag) / 2,
          y: y + 1.5,
          width: tag,
          height: bar - 3,
          color: colour,
        });
        centred(flow, count, left + width / 2, y, bar, WHITE, true);
      }
    }
    drawBarEnd(flow, String(r.total), x(r.total), y, bar);
  });
  flow.y = bottom - 24;
  drawChartTable(
    flow,
    [
      { title: 'Stage', width: 0.3 },
      ...CHART_SEVERITIES.map((s) => ({ title: label(s), width: 0.13, align: 'right' as const })),
      { title: 'With friction', width: 0.18, align: 'right' },
    ],
    rows.map((r) => [r.stage, ...CHART_SEVERITIES.map((s) => String(r.counts[s])), String(r.total)]),
  );
}

function drawEmotion(flow: PdfFlow, all: Touchpoint[]): void {
  const points = emotionPerTouchpoint(all);
  const height = 150;
  flow.ensure(HEADING + height);
  flow.heading('Emotion per touchpoint', 3);
  const top = flow.y;
  const left = flow.left + 70;
  const right = flow.left + flow.width;
  const plotTop = top - 18;
  const plotBottom = top - height + 16;
  const spacing = (right - left) / Math.max(1, points.length);
  const x = (index: number) => left + (index + 0.5) * spacing;
  const y = scale([-2, 2], [plotBottom, plotTop]);
  const { regular, bold } = flow.fonts;
  stageSpans(points).forEach((span, i) => {
    const from = left + span.from * spacing;
    const width = (span.to - span.from + 1) * spacing;
    if (i % 2 === 0)
      flow.page.drawRectangle({ x: from, y: plotBottom, width, height: top - plotBottom, color: hex(PANEL) });
    if (width >= 24) {
      const name = ellipsize(bold, span.stage, SIZE, width - 4);
      const nameX = from + (width - bold.widthOfTextAtSize(name, SIZE)) / 2;
      flow.page.drawText(name, { x: nameX, y: top - 10, size: SIZE, font: bold, color: hex(MUTED) });
    }
  });
  for (const tick of EMOTION_TICKS) {
    flow.page.drawLine({
      start: { x: left, y: y(tick) },
      end: { x: right, y: y(tick) },
      thickness: tick === 0 ? 0.8 : 0.4,
      color: hex(tick === 0 ? MUTED : RULE),
      dashArray: tick === 0 ? [3, 2] : undefined,
    });
    const text = emotionTickLabel(tick);
    flow.page.drawText(text, {
      x: left - 5 - regular.widthOfTextAtSize(text, SIZE),
      y: y(tick) - SIZE * 0.35,
      size: SIZE,
      font: regular,
      color: hex(MUTED),
    });
  }
  if (points.length === 0) centred(flow, 'No touchpoints', (left + right) / 2, y(0) + 4, 10, MUTED, false);
  for (const run of emotionRuns(points)) {
    run.slice(1).forEach(([index, emotion], i) => {
      const [prevIndex, prevEmotion] = run[i]!;
      flow.page.drawLine({
        start: { x: x(prevIndex), y: y(prevEmotion) },
        end: { x: x(index), y: y(emotion) },
        thickness: 1.6,
        color: hex(ACCENT),
      });
    });
  }
  const every = labelEvery(points.length, spacing, 16);
  points.forEach((p, i) => {
    if (p.emotion !== undefined) {
      flow.page.drawCircle({
        x: x(i),
        y: y(p.emotion),
        size: 2.6,
        color: hex(ACCENT),
        borderColor: hex(WHITE),
        borderWidth: 0.8,
      });
    }
    if (i % every === 0) centred(flow, String(p.seq), x(i), plotBottom - 12, 10, MUTED, false);
  });
  flow.y = top - height - 6;
  drawChartTable(
    flow,
    [
      { title: '#', width: 0.06, align: 'right' },
      { title: 'Touchpoint', width: 0.52 },
      { title: 'Stage', width: 0.2 },
      { title: 'Emotion', width: 0.22 },
    ],
    points.map((p) => [String(p.seq), p.title, p.stage, p.emotion === undefined ? '–' : formatEmotion(p.emotion)]),
  );
}

function drawShares(flow: PdfFlow, title: string, what: string, bars: ShareBar[]): void {
  const row = 15;
  const bar = 10;
  const height = Math.max(1, bars.length) * row + 16;
  flow.ensure(HEADING + height);
  flow.heading(title, 3);
  const top = flow.y;
  const labelWidth = 110;
  const right = flow.left + flow.width - 34;
  const ticks = niceTicks(Math.max(0, ...bars.map((b) => b.share)));
  const x = scale([0, ticks.at(-1)!], [flow.left + labelWidth, right]);
  const bottom = top - Math.max(1, bars.length) * row;
  drawValueAxis(
    flow,
    ticks.map((t) => [x(t), formatShare(t)]),
    top,
    bottom,
  );
  bars.forEach((b, i) => {
    const y = top - (i + 1) * row + (row - bar) / 2;
    drawRowLabel(flow, b.label, flow.left + labelWidth - 6, y, bar);
    flow.page.drawRectangle({ x: x(0), y, width: x(b.share) - x(0), height: bar, color: hex(ACCENT) });
    drawBarEnd(flow, formatShare(b.share), x(b.share), y, bar);
  });
  flow.y = bottom - 24;
  drawChartTable(
    flow,
    [
      { title: what, width: 0.4 },
      { title: 'Share', width: 0.15, align: 'right' },
    ],
    bars.map((b) => [b.label, formatShare(b.share)]),
  );
}

/** Severity swatches with their names, in one line at the top of the chart. */
function drawSeverityLegend(flow: PdfFlow, top: number): void {
  let x = flow.left;
  const y = top - 9;
  for (const severity of CHART_SEVERITIES) {
    flow.page.drawRectangle({ x, y, width: 8, height: 8, color: hex(SEVERITY_HEX[severity]) });
    if (SEVERITY_HATCHED[severity]) hatch(flow, x, y, 8, 8);
    const name = label(severity);
    flow.page.drawText(name, { x: x + 11, y: y + 1, size: SIZE, font: flow.fonts.regular, color: hex(INK) });
    x += 11 + flow.fonts.regular.widthOfTextAtSize(name, SIZE) + 14;
  }
}

/** Grid lines at the ticks, with their values under the bars. */
function drawValueAxis(flow: PdfFlow, ticks: [number, string][], top: number, bottom: number): void {
  ticks.forEach(([x, text], i) => {
    flow.page.drawLine({
      start: { x, y: top },
      end: { x, y: bottom - 2 },
      thickness: i === 0 ? 0.8 : 0.4,
      color: hex(i === 0 ? MUTED : RULE),
    });
    centred(flow, text, x, bottom - 13, 8, MUTED, false);
  });
}

function drawEdge(flow: PdfFlow, x: number, y: number, height: number): void {
  flow.page.drawLine({ start: { x, y }, end: { x, y: y + height }, thickness: 0.8, color: hex(WHITE) });
}

/** A bar's value in bold just after its end. */
function drawBarEnd(flow: PdfFlow, text: string, x: number, y: number, height: number): void {
  flow.page.drawText(text, { x: x + 4, y: baseline(y, height), size: SIZE, font: flow.fonts.bold, color: hex(INK) });
}

function drawRowLabel(flow: PdfFlow, text: string, right: number, y: number, height: number): void {
  const font = flow.fonts.regular;
  const safe = ellipsize(font, text, SIZE, right - flow.left);
  flow.page.drawText(safe, {
    x: right - font.widthOfTextAtSize(safe, SIZE),
    y: baseline(y, height),
    size: SIZE,
    font,
    color: hex(INK),
  });
}

/** Text centred on x, vertically in the band from y up `height` points. */
function centred(
  flow: PdfFlow,
  text: string,
  x: number,
  y: number,
  height: number,
  colour: string,
  bold: boolean,
): void {
  const font: PDFFont = bold ? flow.fonts.bold : flow.fonts.regular;
  const width = font.widthOfTextAtSize(text, SIZE);
  flow.page.drawText(text, { x: x - width / 2, y: baseline(y, height), size: SIZE, font, color: hex(colour) });
}

const baseline = (y: number, height: number) => y + height / 2 - SIZE * 0.35;

/** White diagonal stripes across a rectangle, cut at its edges (pdf-lib has no clipping). */
function hatch(flow: PdfFlow, x: number, y: number, width: number, height: number): void {
  for (let t = -height + 3; t < width; t += 3.5) {
    const start = t < 0 ? { x, y: y - t } : { x: x + t, y };
    const end = t + height > width ? { x: x + width, y: y + (width - t) } : { x: x + t + height, y: y + height };
    flow.page.drawLine({ start, end, thickness: 0.9, color: hex(WHITE) });
  }
}
