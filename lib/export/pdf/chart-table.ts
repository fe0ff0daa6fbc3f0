// A chart's numbers under it in the PDF: a small table with aligned columns, real text that
// pdftotext and screen readers read in order.

import { ellipsize } from './text';
import { hex, type PdfFlow } from './flow';
import { INK, MUTED, RULE } from '../readout/palette';

export interface Column {
  title: string;
  /** Share of the width (all columns' shares add up to 1 or less). */
  width: number;
  align?: 'left' | 'right';
}

const SIZE = 7.5;
const ROW = 10.5;

/** Draws a header and the rows at flow.y, a page break repeating the header. */
export function drawChartTable(flow: PdfFlow, columns: Column[], rows: string[][]): void {
  const lefts = columns.map(
    (_, i) => flow.left + columns.slice(0, i).reduce((sum, c) => sum + c.width, 0) * flow.width,
  );
  const line = (cells: string[], bold: boolean, colour: string) => {
    const font = bold ? flow.fonts.bold : flow.fonts.regular;
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      const room = column.width * flow.width - 6;
      const text = ellipsize(font, cell, SIZE, room);
      const x = column.align === 'right' ? lefts[i]! + room - font.widthOfTextAtSize(text, SIZE) : lefts[i]!;
      flow.page.drawText(text, { x, y: flow.y - SIZE, size: SIZE, font, color: hex(colour) });
    });
    flow.y -= ROW;
  };
  const header = () => {
    line(
      columns.map((c) => c.title),
      true,
      MUTED,
    );
    flow.page.drawLine({
      start: { x: flow.left, y: flow.y + 1.5 },
      end: { x: flow.left + flow.width, y: flow.y + 1.5 },
      thickness: 0.5,
      color: hex(RULE),
    });
    flow.y -= 2;
  };
  flow.ensure(3 * ROW);
  header();
  for (const row of rows) {
    if (flow.y - ROW < flow.margin) {
      flow.newPage();
      header();
    }
    line(row, false, INK);
  }
  flow.space(8);
}
