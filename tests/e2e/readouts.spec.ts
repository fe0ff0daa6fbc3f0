// The readouts a researcher presents — the PDF report and the slide deck — downloaded through the
// dashboard and judged by the tools their readers use: poppler (any PDF reader) and LibreOffice.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { exportFile } from '../../lib/export/format';
import { expect, test } from './fixtures';
import { AnnotationEditor } from './pages/AnnotationEditor';
import { Dashboard } from './pages/Dashboard';
import { chooseReadout, downloadExport } from './support/downloads';
import { inspectImage, type Region } from './support/images';
import { addCopiesOfHomePage } from './support/many-touchpoints';
import { pptxToPdf } from './support/office';
import { parsedScripts } from './support/parsed-scripts';
import { pdfImageCount, pdfImages, pdfInfo, pdfText } from './support/poppler';

const NORTHWIND = 'Northwind Insurance — first quote';
const CONTOSO = 'Contoso Cover — first quote';
const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'];
const NORTHWIND_TOUCHPOINTS = [
  'Search ad: “cheap car insurance”',
  'Home page',
  'Cover options explained',
  'Quote step 1 — Your car',
  'Quote step 2 — Your licence',
  'Price page',
  'Checkout — payment',
  'Welcome email with policy',
  'Asked for a review a week later',
];

/** Text as a reader searches it: titles may wrap, so every run of white space is one space. */
const searchable = (text: string) => text.replace(/\s+/g, ' ');
const slideCount = (deck: Uint8Array) =>
  Object.keys(unzipSync(deck)).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;

test('the PDF report of a journey and of the study open in a PDF reader with everything as text', async ({
  session,
}) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  const page = dashboard.page;
  await dashboard.openJourney(NORTHWIND);
  // pdf-lib and pptxgenjs load when a readout is asked for, not with the dashboard: the scripts the page parsed say so.
  const scripts = await parsedScripts(session, page);
  expect(scripts.chunks('dashboard')).toHaveLength(1); // the page's own code is seen
  // The exporters as a whole (papaparse, fflate, the writers) wait for an export too.
  expect(scripts.chunks('pdf', 'deck', 'run')).toEqual([]);
  await chooseReadout(page, 'Export journey', { touchpoints: 'All in order', paper: 'A4' });
  const pdf = await downloadExport(page, 'Export journey', 'PDF report');
  expect(scripts.chunks('pdf')).toHaveLength(1);
  await scripts.detach();
  expect(pdf.name).toMatch(/northwind-insurance-first-quote-\d{4}-\d{2}-\d{2}\.pdf$/);

  const info = await pdfInfo(pdf.path);
  expect(info.pages).toBeGreaterThanOrEqual(5);
  expect(info.title).toContain(NORTHWIND);
  expect(info.pageSize).toContain('(A4)');
  const text = searchable(await pdfText(pdf.path));
  expect(text).toContain(NORTHWIND);
  expect(text).toContain('Persona: Carl');
  for (const stage of STAGES) expect(text).toContain(stage);
  for (const [index, title] of NORTHWIND_TOUCHPOINTS.entries()) expect(text).toContain(`${index + 1} · ${title}`);
  expect(text).toContain('Friction per stage'); // the charts, with their tables
  // Each screenshot of the journey (its JSON export says which) is embedded once.
  const json = exportFile.parse(JSON.parse((await downloadExport(page, 'Export journey', 'JSON')).bytes.toString()));
  const withScreenshot = json.touchpoints.filter((t) => t.screenshotId);
  expect(withScreenshot.length).toBeGreaterThan(5);
  expect(await pdfImageCount(pdf.path)).toBe(withScreenshot.length);

  await chooseReadout(page, 'Export journey', { touchpoints: 'Key only', paper: 'US Letter' });
  const letter = await downloadExport(page, 'Export journey', 'PDF report');
  expect((await pdfInfo(letter.path)).pageSize).toMatch(/^612 x 792 pts/);
  // The choices are remembered: a reload shows them again.
  await page.reload();
  await page.getByText('Export journey', { exact: true }).click();
  const options = page.getByRole('group', { name: 'PDF and slide deck' });
  await expect(options.getByRole('radio', { name: 'Key only' })).toBeChecked();
  await expect(options.getByLabel('Paper (PDF)')).toHaveValue('letter');
  await page.getByText('Export journey', { exact: true }).click();
  const keyShots = withScreenshot.filter((t) => t.key).length;
  expect(keyShots).toBeLessThan(withScreenshot.length);
  expect(await pdfImageCount(letter.path)).toBe(keyShots);

  await dashboard.openStudy('Sample: car insurance quote');
  const study = await downloadExport(page, 'Export study', 'PDF report');
  const studyText = searchable(await pdfText(study.path));
  for (const title of [NORTHWIND, CONTOSO]) expect(studyText).toContain(title);
  expect(studyText).toContain('Dana'); // the study's other persona is introduced too
});

test('the slide deck opens in LibreOffice Impress with one page per slide and a compare slide for two journeys', async ({
  session,
}) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  const page = dashboard.page;
  const out = await mkdtemp(join(tmpdir(), 'touchtrail-deck-'));

  await dashboard.openJourney(NORTHWIND);
  await chooseReadout(page, 'Export journey', { touchpoints: 'Key only' });
  const deck = await downloadExport(page, 'Export journey', 'Slide deck (.pptx)');
  expect(deck.name).toMatch(/\.pptx$/);
  const slides = slideCount(deck.bytes);
  const converted = await pptxToPdf(await saveAs(out, 'journey.pptx', deck.bytes), out);
  expect((await pdfInfo(converted)).pages).toBe(slides);
  const text = searchable(await pdfText(converted));
  for (const title of ['Cover options explained', 'Quote step 2 — Your licence', 'Price page'])
    expect(text).toContain(title);
  expect(text).not.toContain('Compare 2 journeys');

  await dashboard.openStudy('Sample: car insurance quote');
  const both = await downloadExport(page, 'Export study', 'Slide deck (.pptx)');
  const studyPdf = await pptxToPdf(await saveAs(out, 'study.pptx', both.bytes), out);
  expect((await pdfInfo(studyPdf)).pages).toBe(slideCount(both.bytes));
  const studyText = searchable(await pdfText(studyPdf));
  expect(studyText).toContain('Compare 2 journeys');
  for (const title of [NORTHWIND, CONTOSO]) expect(studyText).toContain(title);
});

test('a redaction drawn before the export is not undone in the PDF or the deck, and the box is drawn on', async ({
  session,
  panel,
  shop,
}) => {
  await panel.createStudy('Readout redaction', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', ['Reorder quickly']);
  await panel.startJourney('Reorder for the readout', 'Buy the same boots again');
  await panel.setMasking(false);
  await shop.open('checkout.html');
  await shop.page.getByLabel('Email').fill('dana.secret@example.com');
  const email = await shop.fieldBoxInScreenshot('Email');
  await panel.capture();
  await panel.expand(1);
  const editor = await AnnotationEditor.open(panel.page, panel.touchpoint(1));
  await editor.tool('Redact (solid)').click();
  await editor.dragOver(grow(email, 2));
  await editor.tool('Box').click();
  const box: Region = { x: 20, y: 20, width: 300, height: 120 };
  await editor.dragOver(box);
  await editor.saved();
  const shot = (await panel.export()).file.screenshots[0]!;
  const typed = await inspectImage(panel.page, shot.image, shot.mime, email);
  expect(typed.regionMean!.every((c) => c < 8)).toBe(true); // the export holds the redacted pixels

  const dashboard = await Dashboard.open(session);
  await dashboard.openStudy('Readout redaction');
  await dashboard.openJourney('Reorder for the readout');
  const page = dashboard.page;
  const out = await mkdtemp(join(tmpdir(), 'touchtrail-redacted-'));

  const pdf = await downloadExport(page, 'Export journey', 'PDF report');
  const [pdfJpeg] = await pdfImages(pdf.path, out);
  await expectRedactedAndBoxed(page, await readFile(pdfJpeg!), shot.width, email, box);

  const deck = await downloadExport(page, 'Export journey', 'Slide deck (.pptx)');
  const media = Object.entries(unzipSync(deck.bytes)).filter(([name]) => name.startsWith('ppt/media/'));
  expect(media).toHaveLength(1);
  await expectRedactedAndBoxed(page, media[0]![1], shot.width, email, box);
  expect(strFromU8(deck.bytes, true)).not.toContain('dana.secret');
});

test('a long PDF export shows its progress and can be cancelled', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.openJourney(NORTHWIND);
  await addCopiesOfHomePage(dashboard.page, 400);
  await chooseReadout(dashboard.page, 'Export journey', { touchpoints: 'All in order' });
  const downloads: string[] = [];
  dashboard.page.on('download', (d) => downloads.push(d.suggestedFilename()));

  await dashboard.page.getByText('Export journey', { exact: true }).click();
  await dashboard.page.getByRole('button', { name: 'PDF report', exact: true }).click();
  const progress = dashboard.page.getByRole('progressbar', { name: 'Exporting PDF report' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('value', /^[1-9]/); // it counts the touchpoints done
  await dashboard.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(dashboard.page.getByText('Export journey', { exact: true })).toBeVisible();
  await expect(dashboard.page.getByRole('alert')).toHaveCount(0);
  expect(downloads).toEqual([]);
});

const grow = (region: Region, by: number): Region => ({
  x: region.x - by,
  y: region.y - by,
  width: region.width + 2 * by,
  height: region.height + 2 * by,
});

async function saveAs(dir: string, name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** The embedded JPEG: black where the email was typed (JPEG noise allowed), the box's top edge red. */
async function expectRedactedAndBoxed(page: Page, jpeg: Uint8Array, shotWidth: number, email: Region, box: Region) {
  const base64 = Buffer.from(jpeg).toString('base64');
  const { width } = await inspectImage(page, base64, 'image/jpeg');
  const scale = (r: Region): Region => ({
    x: r.x * (width / shotWidth),
    y: r.y * (width / shotWidth),
    width: r.width * (width / shotWidth),
    height: r.height * (width / shotWidth),
  });
  const inner = scale({
    x: email.x + email.width * 0.1,
    y: email.y + email.height * 0.1,
    width: email.width * 0.8,
    height: email.height * 0.8,
  });
  const redacted = await inspectImage(page, base64, 'image/jpeg', inner);
  expect(redacted.regionMean!.every((c) => c < 16)).toBe(true);
  expect(Math.max(...redacted.regionSpread!)).toBeLessThanOrEqual(24);
  const edge = scale({ x: box.x + box.width * 0.25, y: box.y - 0.5, width: box.width * 0.5, height: 1 });
  const [red, green, blue] = (await inspectImage(page, base64, 'image/jpeg', edge)).regionMean!;
  expect(red).toBeGreaterThan(170);
  expect(green).toBeLessThan(90);
  expect(blue).toBeLessThan(120);
}
