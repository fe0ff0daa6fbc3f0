// pdf-lib's fontkit has a known subsetting bug (a short-format `loca` written wrong) that draws
// some glyphs blank while the text still extracts: only the rendered pixels show it. The PDF
// readout subsets DejaVu Sans, so its glyphs are rendered subset and whole and compared.

import fontkit from '@pdf-lib/fontkit';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

const SAMPLE = [
  'The quick brown fox jumps over the lazy dog 0123456789',
  'Ça brûle, naïve façade — Größe, ŁÓDŹ, İstanbul, Ærø, ñandú',
  'Ωμέγα ψυχή · Съешь же ещё этих мягких булок · ★ “quoted” −2 … €',
];

async function render(file: string, subset: boolean, dir: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(file), { subset });
  const page = doc.addPage([600, 120]);
  SAMPLE.forEach((line, i) => page.drawText(line, { x: 10, y: 95 - i * 30, size: 14, font }));
  const pdf = join(dir, `${subset ? 'subset' : 'whole'}.pdf`);
  writeFileSync(pdf, await doc.save());
  execFileSync('pdftoppm', ['-gray', '-r', '72', '-singlefile', pdf, pdf]);
  return readFileSync(`${pdf}.pgm`);
}

describe('the embedded PDF font', () => {
  it.each(['public/fonts/DejaVuSans.ttf', 'public/fonts/DejaVuSans-Bold.ttf'])(
    '%s draws every glyph of the sample the same subset as whole',
    async (file) => {
      const dir = mkdtempSync(join(tmpdir(), 'touchtrail-font-'));
      const [subset, whole] = [await render(file, true, dir), await render(file, false, dir)];
      const dark = (image: Buffer) => image.filter((v) => v < 128).length;
      expect(dark(whole)).toBeGreaterThan(2000); // the sample is drawn at all
      expect(subset.equals(whole)).toBe(true);
    },
  );
});
