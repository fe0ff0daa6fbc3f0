import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { gatherExport } from '../../lib/export/gather';
import { writePdf, type PdfOptions } from '../../lib/export/pdf';
import { defaultPaper } from '../../lib/export/readout/paper';
import { flatGeometry } from '../../lib/export/readout/raster';
import type { Rasterise } from '../../lib/export/readout/raster';
import { kept } from '../../lib/metrics/journey';
import { loadSampleStudy } from '../../lib/sample/sample-study';
import { drawStandIn } from './factories';

const fonts = {
  regular: new Uint8Array(readFileSync('public/fonts/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('public/fonts/DejaVuSans-Bold.ttf')),
};
// Node has no canvas: every screenshot becomes the same real 1280×800 JPEG.
const jpeg = new Uint8Array(readFileSync('tests/fixtures/readout/screen.jpg'));
const rasterised: string[] = [];
const rasterise: Rasterise = (shot) => {
  rasterised.push(shot.id);
  return Promise.resolve({ bytes: jpeg, width: 1280, height: 800 });
};
const options = (extra: Partial<PdfOptions> = {}): PdfOptions => ({
  fonts,
  rasterise,
  paper: 'a4',
  touchpoints: 'all',
  now: new Date('2026-11-27T10:00:00Z'),
  ...extra,
});

async function sampleJourney() {
  const study = await loadSampleStudy(drawStandIn);
  const journey = (await db.journeys.where({ studyId: study.id }).sortBy('startedAt'))[0]!;
  return { study, journey, data: await gatherExport({ journeyId: journey.id }) };
}

function saved(blob: Blob, bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'touchtrail-pdf-')), 'readout.pdf');
  writeFileSync(file, bytes);
  if (process.env.TOUCHTRAIL_KEEP_PDF) writeFileSync(process.env.TOUCHTRAIL_KEEP_PDF, bytes);
  return file;
}

async function bytesOf(blob: Blob) {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('the PDF readout', () => {
  it('has the cover, the landscape map and every touchpoint as text a reader can search', async () => {
    const { data, journey } = await sampleJourney();
    const blob = await writePdf(data, options());
    expect(blob.type).toBe('application/pdf');
    const bytes = await bytesOf(blob);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toContain(journey.title);
    const [cover, map] = doc.getPages();
    expect(cover!.getWidth()).toBeLessThan(cover!.getHeight());
    expect(map!.getWidth()).toBeGreaterThan(map!.getHeight());

    const file = saved(blob, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const persona = data.personas.find((p) => p.id === journey.personaId)!;
    expect(text).toContain(journey.title);
    expect(text).toContain(persona.name);
    for (const stage of data.study.stages) expect(text).toContain(stage);
    for (const point of kept(data.touchpoints)) expect(text).toContain(`${point.seq} · ${point.title}`);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(kept(data.touchpoints).filter((t) => t.screenshotId).length);
  });

  it('shows only the key touchpoints when asked, and says so when there are none', async () => {
    const { data } = await sampleJourney();
    const key = kept(data.touchpoints).filter((t) => t.key);
    expect(key.length).toBeGreaterThan(0);
    rasterised.length = 0;
    await writePdf(data, options({ touchpoints: 'key' }));
    expect(rasterised.sort()).toEqual(
      key
        .map((t) => t.screenshotId)
        .filter(Boolean)
        .sort(),
    );

    const none = { ...data, touchpoints: data.touchpoints.map((t) => ({ ...t, key: false })) };
    const file = saved(new Blob(), await bytesOf(await writePdf(none, options({ touchpoints: 'key' }))));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('No key touchpoints were marked');
  });

  it('continues a map of more than six stages on a second landscape page', async () => {
    const { data } = await sampleJourney();
    const stages = ['Trigger', 'Research', ...data.study.stages, 'Renewal', 'Referral'];
    expect(stages).toHaveLength(9);
    const wide = { ...data, study: { ...data.study, stages } };
    const file = saved(new Blob(), await bytesOf(await writePdf(wide, options({ touchpoints: 'key' }))));
    const doc = await PDFDocument.load(readFileSync(file));
    const landscape = doc.getPages().filter((page) => page.getWidth() > page.getHeight());
    expect(landscape).toHaveLength(2);
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '3', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('(stages 1–6 of 9)');
    expect(text).toContain('(stages 7–9 of 9)');
    expect(text.match(/Touchpoints/g)).toHaveLength(2); // the lane names on both pages
    for (const stage of stages) expect(text).toContain(stage);
  });

  it('is A4 or US Letter as chosen', async () => {
    const { data } = await sampleJourney();
    const sizes = async (paper: 'a4' | 'letter') => {
      const doc = await PDFDocument.load(await bytesOf(await writePdf(data, options({ paper }))));
      return doc.getPages()[0]!.getSize();
    };
    expect(await sizes('letter')).toEqual({ width: 612, height: 792 });
    expect(await sizes('a4')).toEqual({ width: 595.28, height: 841.89 });
  });

  it('covers every journey of a study in one file', async () => {
    const study = await loadSampleStudy(drawStandIn);
    const data = await gatherExport({ studyId: study.id });
    const file = saved(new Blob(), await bytesOf(await writePdf(data, options({ touchpoints: 'key' }))));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(data.journeys).toHaveLength(2);
    for (const journey of data.journeys) expect(text).toContain(journey.title);
    for (const persona of data.personas) expect(text).toContain(persona.name);
    expect(data.personas.length).toBe(2);
  });

  it('reports progress per touchpoint and stops when cancelled', async () => {
    const { data } = await sampleJourney();
    const progress: number[] = [];
    await writePdf(data, options({ onProgress: (p) => progress.push(p.done / p.total) }));
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBe(kept(data.touchpoints).length + 1);

    const controller = new AbortController();
    const cancelled = writePdf(data, {
      ...options(),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('draws characters the font lacks as □ instead of failing', async () => {
    const { data } = await sampleJourney();
    const titled = { ...data, journeys: [{ ...data.journeys[0]!, title: 'Ünïcödé Ωμέγα Кириллица 日本語 🙂' }] };
    const file = saved(new Blob(), await bytesOf(await writePdf(titled, options({ touchpoints: 'key' }))));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Ünïcödé Ωμέγα Кириллица □□□ □');
  });
});

describe('the PDF readout on hard material', () => {
  it('keeps going when a screenshot cannot be read, and says which', async () => {
    const { data } = await sampleJourney();
    const broken = kept(data.touchpoints).find((t) => t.screenshotId)!;
    const failing: Rasterise = (shot, annotations) =>
      shot.id === broken.screenshotId
        ? Promise.reject(new DOMException('The source image could not be decoded.', 'InvalidStateError'))
        : rasterise(shot, annotations);
    const file = saved(new Blob(), await bytesOf(await writePdf(data, options({ rasterise: failing }))));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`${broken.seq} · ${broken.title}`);
    expect(text).toContain(
      'The screenshot could not be read, so it is left out here (The source image could not be decoded.)',
    );
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(kept(data.touchpoints).filter((t) => t.screenshotId).length - 1);
  });

  it('says when only the top of a full-page capture is shown', async () => {
    const { data } = await sampleJourney();
    const tall: Rasterise = () =>
      Promise.resolve({ bytes: jpeg, width: 1280, height: 800, topOf: { width: 1280, height: 20_000 } });
    const file = saved(
      new Blob(),
      await bytesOf(await writePdf(data, options({ rasterise: tall, touchpoints: 'key' }))),
    );
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Top of a full-page capture (1280 × 20000 px)');
  });

  it('fits a map whose one stage holds 200 touchpoints on its page, curve included', async () => {
    const { data, journey } = await sampleJourney();
    const model = kept(data.touchpoints)[1]!;
    const many = Array.from({ length: 200 }, (_, i) => ({
      ...model,
      id: `many-${i}`,
      seq: 100 + i,
      title: `A rather long touchpoint title number ${i} that wraps over lines`,
      goal: `Goal ${i} that is also written out at some length`,
      stage: 'Consideration',
      screenshotId: undefined,
    }));
    const busy = { ...data, touchpoints: [...data.touchpoints, ...many] };
    const file = saved(new Blob(), await bytesOf(await writePdf(busy, options({ touchpoints: 'key' }))));
    const map = execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    expect(map).toContain(`Journey map: ${journey.title}`);
    expect(map).toMatch(/\+ \d+ more/);
    // The curve's scale and its points are on the page, not drawn below its edge.
    expect(map).toContain('0 neutral');
    expect(map).toContain('+1.0 Positive');
  });

  it('prints right-to-left text as □ rather than reversed, and says when a journey is empty', async () => {
    const { data } = await sampleJourney();
    const empty = {
      ...data,
      journeys: [{ ...data.journeys[0]!, title: 'Quote שלום مرحبا' }],
      touchpoints: [],
      screenshots: [],
    };
    const file = saved(new Blob(), await bytesOf(await writePdf(empty, options({ touchpoints: 'all' }))));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Quote □□□□ □□□□□');
    expect(text).toContain('This journey has no touchpoints yet.');
  });
});

describe('the readout image of a capture', () => {
  it('is at most 1,600 px wide, and shows only the top of a capture taller than 1.25 × its width', () => {
    expect(flatGeometry(1280, 800)).toEqual({ scale: 1, width: 1280, height: 800, fullHeight: 800, cropped: false });
    expect(flatGeometry(2560, 1600)).toMatchObject({ scale: 0.625, width: 1600, height: 1000, cropped: false });
    expect(flatGeometry(1280, 20_000)).toMatchObject({ width: 1280, height: 1600, fullHeight: 20_000, cropped: true });
    expect(flatGeometry(1280, 1600)).toMatchObject({ height: 1600, cropped: false });
  });
});

describe('the default paper', () => {
  it.each([
    ['en-US', 'letter'],
    ['fr-CA', 'letter'],
    ['es-MX', 'letter'],
    ['en-GB', 'a4'],
    ['de', 'a4'],
    ['pt-BR', 'a4'],
    ['not a locale!', 'a4'],
  ])('%s → %s', (locale, paper) => {
    expect(defaultPaper(locale)).toBe(paper);
  });
});
