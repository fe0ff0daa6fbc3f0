// The journey map on landscape pages: stages as columns, lanes as rows, the emotion curve under
// them. More stages than fit side by side go on further pages, which repeat the lane names.

import {
  formatConsiderations,
  formatEmotion,
  journeyMetrics,
  kept,
  stagesInUse,
  worstSeverity,
} from '../../metrics/journey';
import { label, type Journey, type Touchpoint } from '../../model';
import type { ExportData } from '../gather';
import { INK, MUTED, PANEL, RULE, SEVERITY_HEX } from '../readout/palette';
import { hex, type PdfFlow } from './flow';
import { ellipsize, wrap } from './text';

const STAGES_PER_PAGE = 6;
const LANE_WIDTH = 92;
const SIZE = 8;
const LINE = SIZE * 1.3;
const PAD = 4;
const MAX_LINES = 9;
const CURVE_HEIGHT = 150;

type Lane = { name: string; cell: (stage: string) => string[]; severity?: (stage: string) => string | undefined };

export function drawMap(flow: PdfFlow, data: ExportData, journey: Journey): void {
  const points = kept(data.touchpoints.filter((t) => t.journeyId === journey.id));
  const stages = stagesInUse(data.study.stages, points);
  const metrics = journeyMetrics(journey, points, data.study.stages);
  const stageOf = (stage: string) => metrics.stages.find((m) => m.stage === stage);
  const inStage = (stage: string) => points.filter((t) => t.stage === stage);
  const distinct = (stage: string, pick: (t: Touchpoint) => string | undefined) => [
    ...new Set(
      inStage(stage)
        .map(pick)
        .filter((v): v is string => Boolean(v)),
    ),
  ];
  const lanes: Lane[] = [
    {
      name: 'Touchpoints',
      cell: (s) => inStage(s).map((t) => `${t.momentOfTruth ? '★ ' : ''}${t.seq} · ${t.title || 'Untitled'}`),
    },
    { name: 'Channel', cell: (s) => distinct(s, (t) => label(t.channel)) },
    { name: 'Owner', cell: (s) => distinct(s, (t) => label(t.owner)) },
    { name: 'Goal', cell: (s) => distinct(s, (t) => t.goal) },
    {
      name: 'Friction',
      cell: (s) => {
        const m = stageOf(s);
        if (!m || m.friction === 0) return m?.touchpoints ? ['None'] : [];
        const categories = Object.keys(m.byCategory).map(label).join(', ');
        return [`${m.friction} · worst ${label(worstSeverity(m.bySeverity))}`, ...(categories ? [categories] : [])];
      },
      severity: (s) => {
        const m = stageOf(s);
        return m && m.friction > 0 ? SEVERITY_HEX[worstSeverity(m.bySeverity)] : undefined;
      },
    },
    {
      name: 'Considerations',
      cell: (s) => {
        const text = formatConsiderations(stageOf(s)?.considerations ?? {});
        return text ? [text] : [];
      },
    },
  ];

  const landscape: [number, number] = [flow.size[1], flow.size[0]];
  for (let first = 0; first < Math.max(stages.length, 1); first += STAGES_PER_PAGE) {
    const shown = stages.slice(first, first + STAGES_PER_PAGE);
    const page = flow.newPage(landscape);
    const part =
      stages.length > STAGES_PER_PAGE ? ` (stages ${first + 1}–${first + shown.length} of ${stages.length})` : '';
    flow.text(`Journey map: ${journey.title}${part}`, { size: 14, bold: true, after: 2 });
    flow.text(
      '★ moment of truth · friction: count · worst severity · considerations: averages 1–5 (A appropriateness, R relevance, M meaningfulness, E endearment)',
      {
        size: 7.5,
        colour: MUTED,
        after: 6,
      },
    );
    const columnWidth = (landscape[0] - 2 * flow.margin - LANE_WIDTH) / Math.max(shown.length, 1);
    const x = (column: number) => flow.left + LANE_WIDTH + column * columnWidth;
    const { regular, bold } = flow.fonts;

    // Header row: the stage names.
    let top = flow.y;
    const headerHeight = LINE + 2 * PAD;
    page.drawRectangle({
      x: flow.left,
      y: top - headerHeight,
      width: landscape[0] - 2 * flow.margin,
      height: headerHeight,
      color: hex(PANEL),
    });
    page.drawText('Stage', { x: flow.left + PAD, y: top - PAD - SIZE, size: SIZE, font: bold, color: hex(INK) });
    shown.forEach((stage, i) =>
      page.drawText(ellipsize(bold, stage, SIZE + 1, columnWidth - 2 * PAD), {
        x: x(i) + PAD,
        y: top - PAD - SIZE,
        size: SIZE + 1,
        font: bold,
        color: hex(INK),
      }),
    );
    top -= headerHeight;

    // As many lines per cell as let the lanes and the curve fit on the page (a busy stage says "+ n more").
    const laneCells = (maxLines: number) =>
      lanes.map((lane) => shown.map((stage) => cellLines(flow, lane.cell(stage), columnWidth - 2 * PAD, maxLines)));
    const laneHeight = (cells: string[][]) => Math.max(1, ...cells.map((c) => c.length)) * LINE + 2 * PAD;
    const room = top - flow.margin - CURVE_HEIGHT - 2 * PAD;
    let cellsByLane = laneCells(MAX_LINES);
    for (const maxLines of [7, 5, 3, 2]) {
      if (cellsByLane.reduce((sum, cells) => sum + laneHeight(cells), 0) <= room) break;
      cellsByLane = laneCells(maxLines);
    }

    for (const [laneIndex, lane] of lanes.entries()) {
      const cells = cellsByLane[laneIndex]!;
      const height = laneHeight(cells);
      rule(flow, top, landscape[0]);
      page.drawText(lane.name, { x: flow.left + PAD, y: top - PAD - SIZE, size: SIZE, font: bold, color: hex(INK) });
      cells.forEach((lines, i) => {
        const colour = lane.severity?.(shown[i]!);
        if (colour)
          page.drawRectangle({ x: x(i) + 1, y: top - height + 1, width: 3, height: height - 2, color: hex(colour) });
        lines.forEach((line, n) =>
          page.drawText(line, {
            x: x(i) + PAD + (colour ? 3 : 0),
            y: top - PAD - SIZE - n * LINE,
            size: SIZE,
            font: regular,
            color: hex(line.startsWith('+ ') ? MUTED : INK),
          }),
        );
      });
      top -= height;
    }
    rule(flow, top, landscape[0]);
    if (top - CURVE_HEIGHT - 2 * PAD < flow.margin) {
      flow.newPage(landscape);
      flow.text(`Journey map: ${journey.title}${part}, emotion`, { size: 14, bold: true, after: 8 });
      top = flow.y;
    }
    drawCurve(
      flow,
      shown.map((stage) => stageOf(stage)?.averageEmotion),
      top,
      x,
      columnWidth,
    );
    flow.y = top - CURVE_HEIGHT - 2 * PAD;
  }
}

/** Each entry wrapped to the column (two lines at most, then "…"), at most maxLines in all, then "+ n more". */
function cellLines(flow: PdfFlow, entries: string[], width: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const [index, entry] of entries.entries()) {
    const wrapped = wrap(flow.fonts.regular, entry, SIZE, width);
    const shown =
      wrapped.length > 2
        ? [wrapped[0]!, ellipsize(flow.fonts.regular, wrapped.slice(1).join(' '), SIZE, width)]
        : wrapped;
    const left = entries.length - index;
    if (lines.length + shown.length > maxLines - (left > 1 ? 1 : 0)) {
      lines.push(`+ ${left} more`);
      break;
    }
    lines.push(...shown);
  }
  return lines;
}

function rule(flow: PdfFlow, y: number, pageWidth: number): void {
  flow.page.drawLine({
    start: { x: flow.left, y },
    end: { x: pageWidth - flow.margin, y },
    thickness: 0.5,
    color: hex(RULE),
  });
}

/** The per-stage emotion curve: −2 to +2, a dashed neutral line, each point with its value. */
function drawCurve(
  flow: PdfFlow,
  values: (number | undefined)[],
  top: number,
  x: (column: number) => number,
  columnWidth: number,
): void {
  const { page } = flow;
  const { regular, bold } = flow.fonts;
  page.drawText('Emotion', { x: flow.left + PAD, y: top - PAD - SIZE, size: SIZE, font: bold, color: hex(INK) });
  const middle = top - PAD - CURVE_HEIGHT / 2;
  const yOf = (value: number) => middle + (value / 2) * (CURVE_HEIGHT / 2 - 16);
  for (const level of [-2, -1, 0, 1, 2]) {
    const name = level === 0 ? '0 neutral' : `${level > 0 ? '+' : '−'}${Math.abs(level)}`;
    const width = regular.widthOfTextAtSize(name, 6.5);
    page.drawText(name, { x: x(0) - width - 4, y: yOf(level) - 2, size: 6.5, font: regular, color: hex(MUTED) });
    page.drawLine({
      start: { x: x(0), y: yOf(level) },
      end: { x: x(values.length), y: yOf(level) },
      thickness: level === 0 ? 0.6 : 0.3,
      color: hex(RULE),
      dashArray: level === 0 ? [3, 3] : undefined,
    });
  }
  let previous: { x: number; y: number } | undefined;
  values.forEach((value, i) => {
    const cx = x(i) + columnWidth / 2;
    if (value === undefined) {
      previous = undefined;
      page.drawText('–', { x: cx - 2, y: middle - 3, size: SIZE, font: regular, color: hex(MUTED) });
      return;
    }
    const point = { x: cx, y: yOf(value) };
    if (previous) page.drawLine({ start: previous, end: point, thickness: 1.5, color: hex(INK) });
    page.drawCircle({ x: point.x, y: point.y, size: 3, color: hex(INK) });
    const text = formatEmotion(value);
    const width = regular.widthOfTextAtSize(text, 7);
    const labelY = value < 0 ? point.y - 12 : point.y + 6;
    page.drawText(text, { x: cx - width / 2, y: labelY, size: 7, font: regular, color: hex(INK) });
    previous = point;
  });
}
