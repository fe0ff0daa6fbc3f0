// Text and blocks laid out top to bottom, a new page started whenever the next block does not fit.

import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { INK } from '../readout/palette';
import { wrap } from './text';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export type Paper = 'a4' | 'letter';

/** Portrait width and height in points. */
export const PAPER_SIZES: Record<Paper, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };

export function hex(colour: string): RGB {
  const n = parseInt(colour, 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  colour?: string;
  indent?: number;
  /** Space after the text, in points. */
  after?: number;
}

export class PdfFlow {
  page!: PDFPage;
  /** The baseline of the next line, from the bottom of the page (PDF coordinates). */
  y = 0;
  readonly margin = 48;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly size: [number, number],
  ) {}

  get left(): number {
    return this.margin;
  }

  /** The width text and blocks can take on the current page (portrait or landscape). */
  get width(): number {
    return (this.page?.getWidth() ?? this.size[0]) - 2 * this.margin;
  }

  newPage(size: [number, number] = this.size): PDFPage {
    this.page = this.doc.addPage(size);
    this.y = size[1] - this.margin;
    return this.page;
  }

  /** Starts a new page unless `height` points are left above the bottom margin. */
  ensure(height: number): void {
    if (!this.page || this.y - height < this.margin) this.newPage(this.size);
  }

  space(points: number): void {
    this.y -= points;
  }

  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.3;
    for (const line of wrap(font, text, size, this.width - indent)) {
      this.ensure(lineHeight);
      this.y -= size;
      this.page.drawText(line, { x: this.left + indent, y: this.y, size, font, color: hex(style.colour ?? INK) });
      this.y -= lineHeight - size;
    }
    this.y -= style.after ?? 0;
  }

  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const size = { 1: 20, 2: 14, 3: 11.5 }[level];
    this.ensure(size * 3);
    this.space(level === 1 ? 0 : size * 0.6);
    this.text(text, { size, bold: true, after: size * 0.4 });
  }
}
