import { strFromU8, unzipSync } from 'fflate';
import { parse, StepType } from '@puppeteer/replay';
import { XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { bundleManifest, exportFile } from '../../lib/export/format';
import { expect, test } from './fixtures';
import { Dashboard } from './pages/Dashboard';
import { GRANTED_BUILD_DIR, launchWithExtension } from './support/browser';
import { downloadExport } from './support/downloads';
import { parsedScripts } from './support/parsed-scripts';
import { addCopiesOfHomePage } from './support/many-touchpoints';

const download = downloadExport;

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\ufeff/, '');

test('every export format downloads from the dashboard with what it should hold', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  const page = dashboard.page;

  const bundle = await download(page, 'Export study', 'Bundle (.zip)');
  expect(bundle.name).toMatch(/^touchtrail-sample-car-insurance-quote-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(bundle.bytes));
  const manifest = bundleManifest.parse(JSON.parse(strFromU8(files['touchtrail.json']!)));
  expect(manifest.journeys).toHaveLength(2);
  expect(manifest.screenshots).toHaveLength(12);
  for (const shot of manifest.screenshots) expect(files[shot.image]?.length).toBeGreaterThan(1000);
  expect(strFromU8(files['report.md']!)).toContain('## Contoso Cover — first quote');
  expect(strFromU8(files['README.txt']!)).toContain('touchpoints.csv');

  const json = await download(page, 'Export study', 'JSON');
  const file = exportFile.parse(JSON.parse(text(json.bytes)));
  expect(file.touchpoints).toHaveLength(16);

  const csv = Papa.parse<string[]>(text((await download(page, 'Export study', 'CSV, one row per touchpoint')).bytes), {
    skipEmptyLines: true,
  }).data;
  expect(csv[0]?.slice(0, 5)).toEqual(['Journey Stage', 'Touchpoint', 'Channel', 'Owner', 'Goal']);
  expect(csv).toHaveLength(17);

  const stages = Papa.parse<string[]>(text((await download(page, 'Export study', 'CSV, one row per stage')).bytes), {
    skipEmptyLines: true,
  }).data;
  const studyStages = ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'];
  expect(stages.slice(1).map((r) => r[1])).toEqual([...studyStages, ...studyStages]); // two journeys

  // A selection of journeys, then one journey's report.
  await page.getByRole('checkbox', { name: 'Pick Contoso Cover — first quote' }).check();
  const picked = exportFile.parse(JSON.parse(text((await download(page, 'Export 1 journey', 'JSON')).bytes)));
  expect(picked.journeys.map((j) => j.title)).toEqual(['Contoso Cover — first quote']);

  await dashboard.openJourney('Contoso Cover — first quote');
  const report = await download(page, 'Export journey', 'HTML report');
  expect(report.name).toMatch(/^touchtrail-sample-car-insurance-quote-contoso-cover-first-quote-.*\.html$/);
  const html = text(report.bytes);
  expect(html).toContain('Content-Security-Policy');
  expect(html).not.toContain('<script');
  expect(html.match(/<img src="data:image\/webp;base64,/g)).toHaveLength(5);

  const cjml = await download(page, 'Export journey', 'CJML (XML)');
  expect(cjml.name).toMatch(/\.cjml\.xml$/);
  expect(XMLValidator.validate(text(cjml.bytes))).toBe(true);
  expect(text(cjml.bytes)).toContain('<actualCommunicationPoint');

  const flow = parse(JSON.parse(text((await download(page, 'Export journey', 'Replayable user flow')).bytes)));
  expect(flow.title).toBe('Contoso Cover — first quote');
  expect(flow.steps.filter((s) => s.type === StepType.CustomStep)).toHaveLength(7);
  expect(flow.steps.filter((s) => s.type === StepType.Navigate).length).toBeGreaterThan(0);
});

test('"Copy map" puts the map on the clipboard as tab-separated text and as a table', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.openJourney('Northwind Insurance — first quote');
  await dashboard.page.getByRole('link', { name: 'Journey map' }).click();
  await dashboard.page.getByRole('switch', { name: 'Key touchpoints only' }).check();
  // Automation cannot read the clipboard of an extension page (no permission can be granted to
  // its origin): keep a copy of what the page hands to the clipboard, then let it through.
  await dashboard.page.evaluate(() => {
    const write = navigator.clipboard.write.bind(navigator.clipboard);
    const seen: ClipboardItem[] = [];
    (window as unknown as { copied: ClipboardItem[] }).copied = seen;
    navigator.clipboard.write = (items) => {
      seen.push(...items);
      return write(items);
    };
  });
  await dashboard.page.getByRole('button', { name: 'Copy map' }).click();
  await expect(dashboard.page.getByText('Map copied')).toBeVisible();
  const copied = await dashboard.page.evaluate(async () => {
    const [item] = (window as unknown as { copied: ClipboardItem[] }).copied;
    const read = async (type: string) => (await item!.getType(type)).text();
    return { tsv: await read('text/plain'), html: await read('text/html') };
  });
  const rows = copied.tsv.split('\n').map((line) => line.split('\t'));
  expect(rows[0]).toEqual(['Stage', 'Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']);
  expect(rows[1]?.[3]).toBe('★ Price page');
  expect(copied.html).toContain('<table>');
});

test('a long export shows its progress and can be cancelled', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.openJourney('Northwind Insurance — first quote');
  await addCopiesOfHomePage(dashboard.page, 1500);
  const downloads: string[] = [];
  dashboard.page.on('download', (d) => downloads.push(d.suggestedFilename()));

  await dashboard.page.getByText('Export journey', { exact: true }).click();
  await dashboard.page.getByRole('button', { name: 'Bundle (.zip)', exact: true }).click();
  const progress = dashboard.page.getByRole('progressbar', { name: 'Exporting Bundle (.zip)' });
  await expect(progress).toBeVisible();
  await dashboard.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(dashboard.page.getByText('Export journey', { exact: true })).toBeVisible();
  await expect(dashboard.page.getByRole('alert')).toHaveCount(0);
  expect(downloads).toEqual([]);
});

test('another researcher imports the bundle (picked) and a broken file (dropped); importing twice changes nothing', async ({
  session,
}) => {
  const mine = await Dashboard.open(session);
  await mine.loadSample();
  const bundle = await download(mine.page, 'Export study', 'Bundle (.zip)');
  const json = await download(mine.page, 'Export study', 'JSON');

  const theirs = await launchWithExtension(GRANTED_BUILD_DIR);
  try {
    const dashboard = await Dashboard.open(theirs);
    const page = dashboard.page;
    // The import pipeline (reader, unzip, decoder) loads when a file comes, not with the dashboard.
    const scripts = await parsedScripts(theirs, page);
    expect(scripts.chunks('dashboard')).toHaveLength(1);
    expect(scripts.chunks('import-file')).toEqual([]);
    await page.getByLabel('Touchtrail file to import').setInputFiles({
      name: bundle.name,
      mimeType: 'application/zip',
      buffer: bundle.bytes,
    });
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
      '33 added, 0 updated, 0 skipped',
    );
    expect(scripts.chunks('import-file')).toHaveLength(1);
    await scripts.detach();
    await expect(
      page.getByRole('main').getByRole('link', { name: 'Sample: car insurance quote' }).first(),
    ).toBeVisible();

    await page
      .getByLabel('Touchtrail file to import')
      .setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.bytes });
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
      '0 added, 0 updated, 33 skipped',
    );

    // Dropped on the import area: a file whose touchpoint has an unknown severity.
    const broken = JSON.parse(text(json.bytes)) as { touchpoints: { friction: { severity: string } }[] };
    broken.touchpoints[0]!.friction.severity = 'catastrophic';
    await page.getByRole('region', { name: 'Import' }).evaluate((area, content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'broken.json', { type: 'application/json' }));
      area.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, JSON.stringify(broken));
    await expect(page.getByRole('alert')).toContainText(
      'Nothing was imported from broken.json. This file does not match the Touchtrail format: touchpoints.0.friction.severity',
    );

    await page.getByRole('main').getByRole('link', { name: 'Sample: car insurance quote' }).first().click();
    await dashboard.openJourney('Northwind Insurance — first quote');
    await expect(dashboard.cards).toHaveCount(9);
  } finally {
    await theirs.close();
  }
});

test('the side panel offers the other formats after a walk', async ({ panel, shop }) => {
  await panel.createStudy('Panel export', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', []);
  await panel.startJourney('Reorder', 'Buy the same boots again');
  await panel.capture();
  await panel.endJourney();
  const csv = await download(panel.page, 'Other formats', 'CSV, one row per touchpoint');
  expect(csv.name).toMatch(/^touchtrail-panel-export-reorder-.*\.csv$/);
  expect(text(csv.bytes).split('\r\n')[1]).toContain('Awareness');
});

test('a captured journey survives export, import on another machine, and export again unchanged', async ({
  panel,
  shop,
  session,
}) => {
  await panel.createStudy('Round trip', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', ['Reorder quickly']);
  await panel.startJourney('Reorder', 'Buy the same boots again');
  await panel.capture();
  await shop.open('checkout.html');
  await panel.capture();
  await panel.annotate(2, { title: 'Checkout', severity: 'Major', notes: 'Asks for an account' });
  await panel.endJourney();

  const mine = await Dashboard.open(session);
  await mine.page.getByRole('main').getByRole('link', { name: 'Round trip' }).click();
  const bundle = await download(mine.page, 'Export study', 'Bundle (.zip)');
  const original = JSON.parse(text((await download(mine.page, 'Export study', 'JSON')).bytes)) as {
    exportedAt: string;
  };

  const theirs = await launchWithExtension(GRANTED_BUILD_DIR);
  try {
    const dashboard = await Dashboard.open(theirs);
    await dashboard.page
      .getByLabel('Touchtrail file to import')
      .setInputFiles({ name: bundle.name, mimeType: 'application/zip', buffer: bundle.bytes });
    await dashboard.page.getByRole('status').filter({ hasText: 'Imported' }).getByRole('link').click();
    const again = JSON.parse(text((await download(dashboard.page, 'Export study', 'JSON')).bytes)) as {
      exportedAt: string;
    };
    // The same study, record for record, screenshots byte for byte (base64 in the JSON).
    expect({ ...again, exportedAt: '' }).toEqual({ ...original, exportedAt: '' });
  } finally {
    await theirs.close();
  }
});
