// Two to four journeys side by side, stage by stage. The journey that needs the most steps or meets
// the most friction in a stage is marked in words ("most steps") as well as by bold type and a fill.

import type PptxGenJS from 'pptxgenjs';
import type { Comparison } from '../../metrics/compare';
import { formatEmotion } from '../../metrics/journey';
import type { Journey } from '../../model';
import { clip, count, COLOUR, FONT, heading, MASTER, SEVERITY_TINT, SLIDE } from './theme';

const STAGE_ROWS = 9;

export function compareSlide(pptx: PptxGenJS, journeys: Journey[], comparison: Comparison): void {
  const slide = pptx.addSlide({ masterName: MASTER });
  heading(slide, `Compare ${journeys.length} journeys`, 'Compare');
  const headCell = (text: string): PptxGenJS.TableCell => ({
    text,
    options: { bold: true, color: COLOUR.surface, fill: { color: COLOUR.accent } },
  });
  const shown = comparison.stages.slice(0, STAGE_ROWS);
  const rows: PptxGenJS.TableCell[][] = [
    [headCell('Stage'), ...journeys.map((j) => headCell(clip(j.title, 60)))],
    ...shown.map((stage) => [
      { text: clip(stage.stage, 30), options: { bold: true } },
      ...journeys.map((_, i): PptxGenJS.TableCell => {
        const emotion = stage.averageEmotion[i];
        const lines: [string, boolean][] = [
          [`${count(stage.touchpoints[i]!, 'step')}${stage.mostSteps[i] ? ' ▲ most steps' : ''}`, stage.mostSteps[i]!],
          [`${stage.friction[i]} friction${stage.mostFriction[i] ? ' ▲ most friction' : ''}`, stage.mostFriction[i]!],
          [`Emotion ${emotion === undefined ? '–' : formatEmotion(emotion)}`, false],
        ];
        return {
          text: lines.map(([text, bold], n) => ({ text, options: { bold, breakLine: n < lines.length - 1 } })),
          options: stage.mostSteps[i] || stage.mostFriction[i] ? { fill: { color: SEVERITY_TINT.moderate } } : {},
        };
      }),
    ]),
    [
      { text: 'Steps to first purchase', options: { bold: true } },
      ...comparison.toFirstPurchaseSteps.map((steps, i) => {
        const most = comparison.mostStepsToPurchase[i];
        return {
          text: `${steps ?? 'No purchase'}${most ? ' ▲ most steps' : ''}`,
          options: most ? { bold: true, fill: { color: SEVERITY_TINT.moderate } } : {},
        };
      }),
    ],
  ];
  const firstW = 2.1;
  slide.addTable(rows, {
    x: SLIDE.margin,
    y: 1.3,
    w: 12.3,
    colW: [firstW, ...journeys.map(() => (12.3 - firstW) / journeys.length)],
    fontFace: FONT,
    fontSize: shown.length > 6 ? 8 : 10,
    color: COLOUR.text,
    margin: 0.05,
    valign: 'top',
    border: { type: 'solid', pt: 0.5, color: COLOUR.border },
  });
  const more = comparison.stages.length - shown.length;
  slide.addText(
    `▲ marks the one journey with the most steps or the most friction in a stage.${more > 0 ? ` ${more} more stages not shown.` : ''}`,
    { x: SLIDE.margin, y: 6.6, w: 12.3, h: 0.35, fontFace: FONT, fontSize: 10, color: COLOUR.muted },
  );
}
