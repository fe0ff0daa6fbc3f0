// The metrics of a PDF readout: the figures per stage as a table, then the journey's totals.

import { formatConsiderations, formatEmotion, type JourneyMetrics, worstSeverity } from '../../metrics/journey';
import { label } from '../../model';
import { INK, MUTED, PANEL, RULE } from '../readout/palette';
import { hex, type PdfFlow } from './flow';
import { ellipsize } from './text';

const COLUMNS = ['Stage', 'Touchpoints', 'Friction', 'Worst', 'Emotion', 'Effort', 'Considerations'];
const WIDTHS = [0.2, 0.13, 0.09, 0.1, 0.18, 0.08, 0.22];
const SIZE = 8.5;
const ROW = 15;

export function drawMetricsTable(flow: PdfFlow, metrics: JourneyMetrics): void {
  flow.heading('Metrics');
  const purchase = metrics.toFirstPurchase;
  flow.text(
    `${metrics.total} touchpoints · ${metrics.friction} with friction` +
      (purchase
        ? ` · first purchase after ${purchase.steps} steps (${Math.round(purchase.ms / 60_000)} min)`
        : ' · no purchase reached'),
    { colour: MUTED, after: 6 },
  );
  const rows = metrics.stages.map((s) => [
    s.stage,
    String(s.touchpoints),
    String(s.friction),
    s.friction ? label(worstSeverity(s.bySeverity)) : '–',
    s.averageEmotion === undefined ? '–' : formatEmotion(s.averageEmotion),
    s.averageEffort === undefined ? '–' : s.averageEffort.toFixed(1),
    formatConsiderations(s.considerations) || '–',
  ]);
  tableRow(flow, COLUMNS, true);
  for (const row of rows) tableRow(flow, row, false);
  flow.space(8);
}

function tableRow(flow: PdfFlow, cells: string[], header: boolean): void {
  flow.ensure(ROW);
  const font = header ? flow.fonts.bold : flow.fonts.regular;
  const top = flow.y;
  if (header)
    flow.page.drawRectangle({ x: flow.left, y: top - ROW, width: flow.width, height: ROW, color: hex(PANEL) });
  let x = flow.left;
  cells.forEach((cell, i) => {
    const width = flow.width * WIDTHS[i]!;
    flow.page.drawText(ellipsize(font, cell, SIZE, width - 6), {
      x: x + 3,
      y: top - ROW + 4.5,
      size: SIZE,
      font,
      color: hex(INK),
    });
    x += width;
  });
  flow.page.drawLine({
    start: { x: flow.left, y: top - ROW },
    end: { x: flow.left + flow.width, y: top - ROW },
    thickness: 0.5,
    color: hex(RULE),
  });
  flow.y = top - ROW;
}
