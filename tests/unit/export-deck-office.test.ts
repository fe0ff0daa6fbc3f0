// LibreOffice Impress opens the deck and prints one page per slide; poppler reads the titles back.
// Runs wherever the unit tests run: a missing tool fails with how to install it (npm run setup).

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { pptxToPdf } from '../e2e/support/office';
import { pdfInfo, pdfText } from '../e2e/support/poppler';
import { deckOf, sampleStudy, unzipDeck } from './deck-support';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('slide deck in LibreOffice Impress', () => {
  it('converts to a PDF with one page per slide and the touchpoint titles as text', { timeout: 180_000 }, async () => {
    const { northwind, contoso } = await sampleStudy();
    const blob = await deckOf({ journeyIds: [northwind.id, contoso.id] }, { touchpoints: 'all' });
    const { slides } = await unzipDeck(blob);
    dir = await mkdtemp(join(tmpdir(), 'touchtrail-deck-'));
    const pptx = join(dir, 'readout.pptx');
    await writeFile(pptx, new Uint8Array(await blob.arrayBuffer()));

    const pdf = await pptxToPdf(pptx, dir);

    expect((await pdfInfo(pdf)).pages).toBe(slides.length);
    const text = flat(await pdfText(pdf));
    const titles = (await db.touchpoints.toArray()).map((t) => t.title);
    expect(titles).toHaveLength(16);
    expect(titles.filter((title) => !text.includes(flat(title)))).toEqual([]);
    expect(text).toContain('Compare 2 journeys');
  });
});
