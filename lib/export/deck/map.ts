// The journey map as a slide: the study's stages as columns, the lanes as rows (a native table the
// researcher can edit), and the per-stage emotion curve as a native line chart under it.

import type PptxGenJS from 'pptxgenjs';
import {
  formatConsiderations,
  formatEmotion,
  type JourneyMetrics,
  type StageMetrics,
  worstSeverity,
} from '../../metrics/journey';
import { FRICTION_SEVERITIES, label, type Journey, type Touchpoint } from '../../model';
import { chartText, clip, COLOUR, FONT, heading, MASTER, SEVERITY_TINT, SLIDE } from './theme';

/** Touchpoints named per cell before "+ n more": the table must stay on its slide. */
const TITLES_PER_CELL = 4;
const LANE_W = 1.5;
const TABLE_W = SLIDE.w - 2 * SLIDE.margin;

type Cell = PptxGenJS.TableCell;

export function mapSlide(
  pptx: PptxGenJS,
  journey: Journey,
  points: Touchpoint[],
  stages: string[],
  metrics: JourneyMetrics,
): void {
  const slide = pptx.addSlide({ masterName: MASTER });
  heading(slide, journey.title, 'Journey map');
  const inStage = (stage: string) => points.filter((t) => t.stage === stage);
  const stageOf = (stage: string) => metrics.stages.find((m) => m.stage === stage);
  const distinct = (stage: string, pick: (t: Touchpoint) => string) =>
    clip([...new Set(inStage(stage).map(pick))].join(', '), 60);
  const small = stages.length > 7;
  const lane = (name: string, cell: (stage: string) => Cell): Cell[] => [
    { text: name, options: { bold: true, fill: { color: COLOUR.band }, color: COLOUR.muted } },
    ...stages.map(cell),
  ];
  const rows: Cell[][] = [
    [
      { text: '', options: { fill: { color: COLOUR.surface } } },
      ...stages.map((s) => ({
        text: clip(s, 40),
        options: { bold: true, color: COLOUR.surface, fill: { color: COLOUR.accent }, align: 'center' as const },
      })),
    ],
    lane('Touchpoints', (s) => ({ text: touchpointList(inStage(s)) })),
    lane('Channel', (s) => ({ text: distinct(s, (t) => label(t.channel)) })),
    lane('Owner', (s) => ({ text: distinct(s, (t) => label(t.owner)) })),
    lane('Friction', (s) => frictionCell(stageOf(s))),
    lane('Considerations', (s) => ({ text: formatConsiderations(stageOf(s)?.considerations ?? {}) })),
    lane('Emotion', (s) => {
      const value = stageOf(s)?.averageEmotion;
      return { text: value === undefined ? '' : formatEmotion(value) };
    }),
  ];
  const stageW = (TABLE_W - LANE_W) / Math.max(1, stages.length);
  slide.addTable(rows, {
    x: SLIDE.margin,
    y: 1.3,
    w: TABLE_W,
    colW: [LANE_W, ...stages.map(() => stageW)],
    fontFace: FONT,
    fontSize: small ? 7 : 9,
    color: COLOUR.text,
    valign: 'top',
    margin: 0.05,
    border: { type: 'solid', pt: 0.5, color: COLOUR.border },
  });
  const values = stages.map((s) => stageOf(s)?.averageEmotion);
  if (points.length === 0) {
    note(slide, 'No touchpoints were kept in this journey yet.');
  } else if (values.every((v) => v === undefined)) {
    note(slide, 'No emotion was scored in this journey.');
  } else {
    emotionCurve(pptx, slide, stages, values, SLIDE.margin + LANE_W, stageW * stages.length);
  }
}

function touchpointList(points: Touchpoint[]): string {
  const names = points
    .slice(0, TITLES_PER_CELL)
    .map((t) => `${t.momentOfTruth ? '★ ' : ''}${clip(t.title || 'Untitled', 48)}`);
  if (points.length > TITLES_PER_CELL) names.push(`+ ${points.length - TITLES_PER_CELL} more`);
  return names.join('\n');
}

/** "2 · worst Major" on the tint of the worst severity: the label says what the colour says. */
export function frictionCell(stage: StageMetrics | undefined): Cell {
  if (!stage?.touchpoints) return { text: '' };
  const { bySeverity } = stage;
  const count = FRICTION_SEVERITIES.filter((s) => s !== 'none').reduce((sum, s) => sum + bySeverity[s], 0);
  if (count === 0) return { text: 'None' };
  const worst = worstSeverity(bySeverity);
  return { text: `${count} · worst ${label(worst)}`, options: { bold: true, fill: { color: SEVERITY_TINT[worst] } } };
}

function emotionCurve(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  stages: string[],
  values: (number | undefined)[],
  x: number,
  w: number,
): void {
  slide.addChart(
    pptx.ChartType.line,
    // A stage with no score is a gap in the line, not a zero.
    [
      {
        name: 'Average emotion',
        labels: stages.map((s) => clip(s, 40)),
        values: values.map((v) => v ?? null) as number[],
      },
    ],
    {
      ...chartText('Emotion per stage (−2 to +2)'),
      x,
      y: 4.2,
      w,
      h: 2.7,
      displayBlanksAs: 'gap',
      chartColors: [COLOUR.accent],
      lineSize: 2,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 8,
      valAxisMinVal: -2,
      valAxisMaxVal: 2,
      valAxisMajorUnit: 1,
      catAxisLabelPos: 'low',
      valGridLine: { color: COLOUR.border, size: 0.5 },
      showValue: true,
      dataLabelFormatCode: '+0.0;-0.0;0.0',
      dataLabelPosition: 't',
      dataLabelFontSize: 9,
    },
  );
}

function note(slide: PptxGenJS.Slide, text: string): void {
  slide.addText(text, {
    x: SLIDE.margin,
    y: 5.2,
    w: TABLE_W,
    h: 0.5,
    fontFace: FONT,
    fontSize: 14,
    color: COLOUR.muted,
    italic: true,
  });
}
