import fontkit from '@pdf-lib/fontkit';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { db, listTouchpoints } from '../../lib/db';
import { drawCharts } from '../../lib/export/pdf/charts';
import { PdfFlow } from '../../lib/export/pdf/flow';
import { journeyMetrics } from '../../lib/metrics/journey';
import type { Touchpoint } from '../../lib/model';
import { loadSampleStudy } from '../../lib/sample/sample-study';
import { drawStandIn, touchpointRecord } from './factories';

const A4: [number, number] = [595.28, 841.89];
const directory = mkdtempSync(join(tmpdir(), 'touchtrail-pdf-charts-'));

/** The charts of these touchpoints in a fresh A4 document, saved; returns the file's path. */
async function chartsPdf(name: string, points: Touchpoint[], stages: string[]): Promise<string> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = (file: string) => doc.embedFont(readFileSync(join('public/fonts', file)), { subset: true });
  const flow = new PdfFlow(doc, { regular: await font('DejaVuSans.ttf'), bold: await font('DejaVuSans-Bold.ttf') }, A4);
  flow.newPage();
  const journey = { id: points[0]?.journeyId ?? crypto.randomUUID(), startedAt: 0 } as never;
  drawCharts(flow, journeyMetrics(journey, points, stages), points);
  const path = join(directory, `${name}.pdf`);
  writeFileSync(path, await doc.save());
  return path;
}

/** The PDF's text as pdftotext lays it out, with runs of spaces kept (columns). */
const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const pages = (path: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);

describe('the charts in the PDF', () => {
  it('draw the sample journey with titles, stages and the numbers as text', async () => {
    const study = await loadSampleStudy(drawStandIn);
    const northwind = (await db.journeys.where({ studyId: study.id }).sortBy('startedAt'))[0]!;
    const path = await chartsPdf('sample', await listTouchpoints(northwind.id), study.stages);
    // Render it for a look: pdftoppm -png -r 60 <path> (the test only reads the text).
    const text = pdfText(path);
    for (const title of [
      'Friction per stage, by severity',
      'Emotion per touchpoint',
      'Share of touchpoints per owner',
      'Share of touchpoints per channel',
    ]) {
      expect(text).toContain(title);
    }
    for (const stage of study.stages) expect(text).toContain(stage);
    expect(text).toMatch(/Minor\s+Moderate\s+Major\s+Blocker/); // the legend, in words
    // The table rows under the friction chart: minor, moderate, major, blocker, with friction.
    expect(text).toMatch(/Consideration\s+1\s+0\s+1\s+0\s+2\n/);
    expect(text).toMatch(/Purchase\s+0\s+1\s+0\s+0\s+1\n/);
    expect(text).toMatch(/5\s+Quote step 2 — Your licence\s+Consideration\s+-1\.0 Negative/);
    expect(text).toMatch(/Company-owned\s+89 %/);
    expect(text).toMatch(/Website\s+67 %/);
  });

  it('break across pages for a long journey and keep strange titles drawable', async () => {
    const journeyId = crypto.randomUUID();
    const stages = ['Awareness', 'A stage whose name is far too long to fit beside its bar', 'Purchase'];
    const points = Array.from({ length: 80 }, (_, i) =>
      touchpointRecord({
        journeyId,
        seq: i + 1,
        title: i === 3 ? '購入手続き\u0007 checkout' : `Step ${i + 1}`,
        stage: stages[Math.floor(i / 30)]!,
        emotion: i % 7 === 0 ? undefined : (i % 5) - 2,
        friction: { severity: i % 9 === 0 ? 'blocker' : 'none', categories: [], notes: '' },
      }),
    );
    const path = await chartsPdf('long', points, stages);
    const text = pdfText(path);
    expect(pages(path)).toBeGreaterThan(1);
    expect(text).toContain('□□□□□ checkout'); // glyphs DejaVu lacks, and a control character, replaced
    expect(text).toMatch(/80\s+Step 80\s+Purchase\s+\+2\.0 Very positive/);
    expect(text).toMatch(/8\s+Step 8\s+Awareness\s+–/); // unrated: a dash, not 0
  });
});
