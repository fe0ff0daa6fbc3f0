// Text in a PDF: characters the embedded font lacks (CJK, emoji) replaced so the page still draws,
// and lines wrapped to a width (words first; a word longer than a line, such as a URL, is broken).

import type { PDFFont } from 'pdf-lib';

const MISSING = '□';
/**
 * pdf-lib draws text left to right without shaping: Hebrew or Arabic would come out reversed and
 * unjoined, which reads as something else. They print as □ like other scripts the font cannot draw.
 */
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const characterSets = new WeakMap<PDFFont, Set<number>>();

/** The text with control characters as spaces and every glyph the font lacks as "□". */
export function safeText(font: PDFFont, text: string): string {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (character === '\n') out += character;
    else if (code < 32 || code === 127) out += ' ';
    else out += set.has(code) && !RIGHT_TO_LEFT.test(character) ? character : MISSING;
  }
  return out;
}

/** Lines no wider than maxWidth at this size; explicit line breaks are kept. */
export function wrap(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  for (const paragraph of safeText(font, text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (width(rest) > maxWidth) {
        const cut = longestFit(rest.length, (end) => width(rest.slice(0, end)) <= maxWidth);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** The text cut to fit maxWidth on one line, ending in "…" when cut. */
export function ellipsize(font: PDFFont, text: string, size: number, maxWidth: number): string {
  const safe = safeText(font, text).replace(/\s+/g, ' ');
  if (font.widthOfTextAtSize(safe, size) <= maxWidth) return safe;
  const end = longestFit(safe.length, (n) => font.widthOfTextAtSize(`${safe.slice(0, n)}…`, size) <= maxWidth, 0);
  return `${safe.slice(0, end).trimEnd()}…`;
}

/** The largest n in [least, length] for which fits(n) holds (fits is monotonic), by halving: a 2,000-character URL takes a dozen measurements, not thousands. */
function longestFit(length: number, fits: (n: number) => boolean, least = 1): number {
  let [low, high] = [least, length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
