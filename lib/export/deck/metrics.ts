// The journey's figures: a per-stage table (considerations averages included), friction per stage
// stacked by severity as a native chart, and the channel and owner shares as bars.

import type PptxGenJS from 'pptxgenjs';
import { formatEmotion, type JourneyMetrics } from '../../metrics/journey';
import { CONSIDERATION_KEYS, FRICTION_SEVERITIES, label, type Journey } from '../../model';
import { frictionCell } from './map';
import { chartText, clip, count, COLOUR, FONT, heading, MASTER, SEVERITY_COLOUR, SLIDE } from './theme';

const FRICTION_LEVELS = FRICTION_SEVERITIES.filter((s) => s !== 'none');
/** Rows of the table before the rest are summed up in one line. */
const STAGE_ROWS = 8;

export function metricsSlide(pptx: PptxGenJS, journey: Journey, metrics: JourneyMetrics): void {
  const slide = pptx.addSlide({ masterName: MASTER });
  heading(slide, journey.title, 'Metrics');
  slide.addText(summary(metrics), {
    x: SLIDE.margin,
    y: 1.2,
    w: 12.3,
    h: 0.35,
    fontFace: FONT,
    fontSize: 13,
    color: COLOUR.text,
  });
  stageTable(slide, metrics);
  if (metrics.friction > 0) frictionChart(pptx, slide, metrics);
  else
    slide.addText('No friction recorded in this journey.', {
      x: SLIDE.margin,
      y: 4.7,
      w: 6,
      h: 0.5,
      fontFace: FONT,
      fontSize: 14,
      italic: true,
      color: COLOUR.muted,
    });
  shareChart(pptx, slide, 'Channel share', metrics.channelShare, 7.0);
  shareChart(pptx, slide, 'Owner share', metrics.ownerShare, 10.0);
}

function summary(metrics: JourneyMetrics): string {
  const purchase = metrics.toFirstPurchase;
  return [
    count(metrics.total, 'touchpoint'),
    `${metrics.friction} with friction`,
    purchase
      ? `first purchase step after ${count(purchase.steps, 'step')} (${Math.round(purchase.ms / 60_000)} min)`
      : 'no purchase step',
  ].join(' · ');
}

function stageTable(slide: PptxGenJS.Slide, metrics: JourneyMetrics): void {
  const head = ['Stage', 'Touchpoints', 'Friction', 'Emotion', 'Effort', ...CONSIDERATION_KEYS.map(label)].map(
    (text): PptxGenJS.TableCell => ({
      text,
      options: { bold: true, color: COLOUR.surface, fill: { color: COLOUR.accent } },
    }),
  );
  const one = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));
  const shown = metrics.stages.slice(0, STAGE_ROWS);
  const rows: PptxGenJS.TableCell[][] = shown.map((s) => [
    { text: clip(s.stage, 30), options: { bold: true } },
    { text: String(s.touchpoints) },
    frictionCell(s),
    { text: s.averageEmotion === undefined ? '–' : formatEmotion(s.averageEmotion) },
    { text: one(s.averageEffort) },
    ...CONSIDERATION_KEYS.map((key) => ({ text: one(s.considerations[key]) })),
  ]);
  if (metrics.stages.length > shown.length)
    rows.push([
      {
        text: `and ${metrics.stages.length - shown.length} more stages`,
        options: { colspan: head.length, color: COLOUR.muted },
      },
    ]);
  slide.addTable([head, ...rows], {
    x: SLIDE.margin,
    y: 1.6,
    w: 12.3,
    colW: [1.9, 1.1, 1.6, 1.7, 0.8, 1.4, 1.2, 1.4, 1.2],
    fontFace: FONT,
    fontSize: 10,
    color: COLOUR.text,
    margin: 0.05,
    border: { type: 'solid', pt: 0.5, color: COLOUR.border },
  });
}

function frictionChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, metrics: JourneyMetrics): void {
  const labels = metrics.stages.map((s) => clip(s.stage, 30));
  slide.addChart(
    pptx.ChartType.bar,
    FRICTION_LEVELS.map((severity) => ({
      name: label(severity),
      labels,
      values: metrics.stages.map((s) => s.bySeverity[severity]),
    })),
    {
      ...chartText('Friction per stage, by severity'),
      x: SLIDE.margin,
      y: 4.3,
      w: 6.3,
      h: 2.7,
      barDir: 'col',
      barGrouping: 'stacked',
      chartColors: FRICTION_LEVELS.map((s) => SEVERITY_COLOUR[s]),
      showLegend: true,
      legendPos: 'r',
      legendFontSize: 9,
      legendFontFace: FONT,
      valAxisMajorUnit: 1,
      valGridLine: { color: COLOUR.border, size: 0.5 },
    },
  );
}

function shareChart(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  title: string,
  share: Record<string, number>,
  x: number,
): void {
  // Horizontal bars list their categories bottom-up: smallest first puts the largest share on top.
  const entries = Object.entries(share)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .reverse();
  if (entries.length === 0) return;
  slide.addChart(
    pptx.ChartType.bar,
    [
      {
        name: title,
        labels: entries.map(([key]) => label(key)),
        values: entries.map(([, value]) => Math.round(value * 100)),
      },
    ],
    {
      ...chartText(title),
      x,
      y: 4.3,
      w: 2.9,
      h: 2.7,
      barDir: 'bar',
      chartColors: [COLOUR.accent],
      valAxisHidden: true,
      valGridLine: { style: 'none' },
      showValue: true,
      dataLabelFormatCode: '0"%"',
      dataLabelFontSize: 9,
    },
  );
}
