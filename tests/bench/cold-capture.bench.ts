// Benchmark 1, cold: a capture right after the extension's service worker was stopped, as Chrome
// stops an idle one (30 s without an event), against the bare captureVisibleTab floor measured
// between the captures of the same series. The worker is stopped through the DevTools protocol
// (ServiceWorker.stopWorker, what chrome://serviceworker-internals' "Stop" does), and the click
// on "Capture touchpoint" is what starts it again.

import type { Page } from '@playwright/test';
import type { SidePanel } from '../e2e/pages/SidePanel';
import { wakeExtensionWorker, type ExtensionSession } from '../e2e/support/browser';
import { workerSwitch } from '../e2e/support/worker-switch';
import { bareCapture, pause, SPACING_MS, timedCapture, untilCompacted } from './capture.bench';
import { COLD_PATH_CATEGORIES, COLD_PATH_STEPS, coldPaths, type ColdPath, type MarkedCapture } from './cold-path-trace';
import { ms, summarize, type BenchRow } from './stats';

export interface ColdCaptureOptions {
  session: ExtensionSession;
  panel: SidePanel;
  /** The tab captured, in front of its window. */
  shop: Page;
  captures: number;
}

export async function coldCaptureBenchmarks(options: ColdCaptureOptions): Promise<BenchRow[]> {
  const { session, panel, shop } = options;
  const worker = await workerSwitch(session, panel.page);
  const browser = session.context.browser()!;
  const latencies: number[] = [];
  const floors: number[] = [];
  const marked: MarkedCapture[] = [];
  await browser.startTracing(undefined, { categories: COLD_PATH_CATEGORIES });
  let trace: Buffer;
  try {
    for (let i = 0; i < options.captures; i++) {
      // Chrome allows two captureVisibleTab calls a second, whatever came before (a burst).
      await pause(SPACING_MS);
      floors.push(await bareCapture(session.worker, shop.url()));
      // The worker Chrome stops has been idle for 30 s: the last capture's compaction is over.
      await untilCompacted(panel.page);
      await pause(SPACING_MS);
      await worker.stop();
      const mark = `touchtrail-cold-capture-${i}`;
      await markNextClick(panel.page, mark);
      const { committed } = await timedCapture(panel.page);
      latencies.push(committed);
      marked.push({ mark, committed });
      await wakeExtensionWorker(session, shop);
      // tsx names functions with a __name helper that a fresh worker does not have.
      await session.worker.evaluate('globalThis.__name = (f) => f');
    }
  } finally {
    trace = await browser.stopTracing();
    await worker.close();
  }
  const latency = summarize(latencies);
  const floor = summarize(floors);
  const ratio = latency.median / floor.median;
  const path = medianPath(coldPaths(trace, marked, session.extensionId));
  console.log(
    `cold capture (n=${latency.n}, worker stopped before each): median ${ms(latency.median)}, p95 ${ms(latency.p95)}; ` +
      `bare captureVisibleTab median ${ms(floor.median)}; ratio ${ratio.toFixed(2)}×`,
  );
  console.log(`cold capture, where the time goes (medians, from a browser trace): ${path}`);
  return [
    {
      benchmark: '1 capture latency',
      figure: 'cold worker (stopped before each capture): median ÷ floor',
      value: `${ratio.toFixed(2)}× (${ms(latency.median)}; floor ${ms(floor.median)})`,
      budget: '≤ 3×',
      met: ratio <= 3,
    },
    {
      benchmark: '1 capture latency',
      figure: 'cold worker: p95',
      value: ms(latency.p95),
      budget: '(reported)',
      met: true,
    },
    {
      benchmark: '1 capture latency',
      figure: 'cold path, medians',
      value: path,
      budget: '(reported)',
      met: true,
    },
  ];
}

/** Each step's median; and in how many captures the trace shows the worker starting (all, if each was cold). */
function medianPath(paths: ColdPath[]): string {
  const steps = COLD_PATH_STEPS.map(([step, label]) => {
    const values = paths.flatMap((path) => (path[step] === undefined ? [] : [path[step]]));
    return `${label} ${values.length ? ms(summarize(values).median) : 'n/a'}`;
  });
  const started = paths.filter((path) => path.workerStart !== undefined).length;
  return `${steps.join(', ')} (worker start seen in ${started} of ${paths.length})`;
}

/** A mark in the panel's timeline (and so in the trace) at the next click, before the panel handles it. */
async function markNextClick(page: Page, name: string) {
  await page.evaluate((mark) => {
    window.addEventListener('click', () => performance.mark(mark), { once: true, capture: true });
  }, name);
}
