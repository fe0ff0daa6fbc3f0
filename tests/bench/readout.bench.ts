// Benchmark 7: the readouts of a generated journey of 200 touchpoints with real screenshots — the
// PDF report and the slide deck with every touchpoint, from the click to the file written, with
// the dashboard page's peak JS heap and the extension renderers' peak resident memory meanwhile.

import { stat } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import type { ExtensionSession } from '../e2e/support/browser';
import { RendererMemorySampler } from './renderer-memory';
import { HeapSampler, openDashboard, type HeapPeaks } from './scale.bench';
import { scaleStudyBundle, type RealScreenshot } from './scale-study';
import { ms, type BenchRow } from './stats';

const MB = 1024 ** 2;
const TIMEOUT = 300_000;
const BUDGET = { time: 20_000, heap: 400 * MB, memory: 600 * MB };

interface ReadoutFigures {
  ms: number;
  heap: HeapPeaks;
  /** Resident memory of the extension's renderer processes: before the export, and its peak. */
  rss: { before: number; peak: number };
  bytes: number;
}

export async function readoutBenchmarks(
  session: ExtensionSession,
  shots: RealScreenshot[],
  count: number,
): Promise<BenchRow[]> {
  const generated = await scaleStudyBundle(count, shots);
  const dashboardUrl = `chrome-extension://${session.extensionId}/dashboard.html`;
  const home = await openDashboard(session, `${dashboardUrl}#/`);
  await home.page.getByLabel('Touchtrail file to import').setInputFiles(generated.path);
  await expect(home.page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(`${2 * count + 3} added`, {
    timeout: TIMEOUT,
  });
  await home.page.goto(`${dashboardUrl}#/journey/${generated.journeyId}`);
  await home.page.getByText('Export journey', { exact: true }).click();
  await home.page
    .getByRole('group', { name: 'PDF and slide deck' })
    .getByRole('radio', { name: 'All in order' })
    .check();
  await home.page.getByText('Export journey', { exact: true }).click();

  const pdf = await measure(home, 'PDF report');
  const deck = await measure(home, 'Slide deck (.pptx)');
  await home.page.close();
  for (const [name, f] of [
    ['PDF', pdf],
    ['deck', deck],
  ] as const)
    console.log(
      `readout ${name} of ${count}: ${ms(f.ms)}, ${mb(f.bytes)} file, heap peak ${mb(f.heap.used)} used, ` +
        `${mb(f.heap.live)} live, renderer memory ${mb(f.rss.before)} → peak ${mb(f.rss.peak)}`,
    );
  return [pdf, deck].flatMap((f, i) => {
    const what = `${i === 0 ? 'PDF report' : 'slide deck'}, ${count} touchpoints, all shown`;
    return [
      {
        benchmark: '7 readouts',
        figure: `${what}: click → file (${mb(f.bytes)})`,
        value: ms(f.ms),
        budget: `≤ ${BUDGET.time.toLocaleString('en')} ms`,
        met: f.ms <= BUDGET.time,
      },
      {
        benchmark: '7 readouts',
        figure: `${what}: peak JS heap of the dashboard`,
        value: `${mb(f.heap.used)} used, ${mb(f.heap.live)} live`,
        budget: `≤ ${mb(BUDGET.heap)} used`,
        met: f.heap.used <= BUDGET.heap,
      },
      {
        benchmark: '7 readouts',
        figure: `${what}: peak memory of the extension's pages (resident, all of it)`,
        value: f.rss.peak ? `${mb(f.rss.peak)} (${mb(f.rss.before)} before)` : 'not measured (Linux only)',
        budget: `≤ ${mb(BUDGET.memory)} more than before`,
        met: f.rss.peak > 0 && f.rss.peak - f.rss.before <= BUDGET.memory,
      },
    ];
  });
}

async function measure(dashboard: { page: Page; cdp: Parameters<typeof HeapSampler.start>[0]['cdp'] }, format: string) {
  const { page } = dashboard;
  const heap = await HeapSampler.start(dashboard);
  const rss = await RendererMemorySampler.start();
  await page.getByText('Export journey', { exact: true }).click();
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    page.getByRole('button', { name: format, exact: true }).click(),
  ]);
  const path = await download.path();
  const figures: ReadoutFigures = {
    ms: Date.now() - started,
    heap: await heap.stop(),
    rss: await rss.stop(),
    bytes: (await stat(path)).size,
  };
  return figures;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
