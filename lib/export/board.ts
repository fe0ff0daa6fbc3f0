// "Copy map": the journey map as a grid (stages as columns, lanes as rows) in the two shapes the
// clipboard carries — tab-separated text and an HTML table — which spreadsheets and whiteboards
// (Miro, Mural, FigJam) turn into cells or sticky notes when pasted.

import { formatConsiderations, formatEmotion, journeyMetrics, kept, stagesInUse } from '../metrics/journey';
import { label, type Journey, type Touchpoint } from '../model';
import { neutralise } from './csv';
import { escapeMarkup } from './escape';
import type { ExportData } from './gather';

export function boardGrid(data: ExportData, journey: Journey, keyOnly = false): string[][] {
  const points = kept(data.touchpoints.filter((t) => t.journeyId === journey.id)).filter((t) => !keyOnly || t.key);
  const stages = stagesInUse(data.study.stages, points);
  const metrics = journeyMetrics(journey, points, data.study.stages);
  const inStage = (stage: string) => points.filter((t) => t.stage === stage);
  const distinct = (stage: string, pick: (t: Touchpoint) => string | undefined) =>
    [...new Set(inStage(stage).map(pick).filter(Boolean))].join('; ');
  const lane = (name: string, cell: (stage: string) => string) => [name, ...stages.map(cell)];
  return [
    ['Stage', ...stages],
    lane('Touchpoints', (s) =>
      inStage(s)
        .map((t) => `${t.momentOfTruth ? '★ ' : ''}${t.title || 'Untitled'}`)
        .join('; '),
    ),
    lane('Channel', (s) => distinct(s, (t) => label(t.channel))),
    lane('Owner', (s) => distinct(s, (t) => label(t.owner))),
    lane('Goal', (s) => distinct(s, (t) => t.goal)),
    lane('Friction', (s) =>
      distinct(s, (t) => (t.friction.severity === 'none' ? '' : t.friction.notes || label(t.friction.severity))),
    ),
    lane('Considerations', (s) =>
      formatConsiderations(metrics.stages.find((m) => m.stage === s)?.considerations ?? {}),
    ),
    lane('Emotion', (s) => {
      const value = metrics.stages.find((m) => m.stage === s)?.averageEmotion;
      return value === undefined ? '' : formatEmotion(value);
    }),
  ];
}

/** Tab-separated: a tab or line break inside a cell would split it, so they become spaces. */
export function gridToTsv(grid: string[][]): string {
  // Pasted into a spreadsheet, a cell starting with = runs as a formula: page titles are not ours.
  return grid
    .map((row) => row.map((cell) => String(neutralise(cell.replace(/[\t\r\n]+/g, ' ')))).join('\t'))
    .join('\n');
}

export function gridToHtml(grid: string[][]): string {
  const [head = [], ...body] = grid;
  const cells = (row: string[], tag: string) => row.map((c) => `<${tag}>${escapeMarkup(c)}</${tag}>`).join('');
  return `<table><thead><tr>${cells(head, 'th')}</tr></thead><tbody>${body
    .map((row) => `<tr>${cells(row, 'td')}</tr>`)
    .join('')}</tbody></table>`;
}
