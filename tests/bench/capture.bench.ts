// Benchmarks 1 and 2: capture latency against a bare captureVisibleTab in the same run, and a
// burst of 20 requests against the rate-limit floor. (6, storage, is storage-corpus.bench.ts.)

import type { Page, Worker } from '@playwright/test';
import { SidePanel } from '../e2e/pages/SidePanel';
import type { ExtensionSession } from '../e2e/support/browser';
import { ms, summarize, type BenchRow } from './stats';

/** Chrome allows two captureVisibleTab calls a second: captures are spaced by more than that. */
export const SPACING_MS = 600;

export interface CaptureBenchOptions {
  session: ExtensionSession;
  panel: SidePanel;
  shop: Page;
  /** A real-world page with hundreds of inline SVG elements and form fields, for a second series. */
  svgPage: { url: string; svgElements: number };
  captures: number;
  burst: number;
}

interface SeriesFigures {
  latency: ReturnType<typeof summarize>;
  compaction: ReturnType<typeof summarize>;
  floor: ReturnType<typeof summarize>;
}

/** Captures of the page `shop` shows, each after a bare captureVisibleTab of it (the floor). */
async function captureSeries(options: CaptureBenchOptions): Promise<SeriesFigures> {
  const { session, panel, shop } = options;
  const shopUrl = shop.url();
  const latencies: number[] = [];
  const compactions: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < options.captures; i++) {
    floors.push(await bareCapture(session.worker, shopUrl));
    await pause(SPACING_MS);
    const timed = await timedCapture(panel.page);
    latencies.push(timed.committed);
    compactions.push(timed.compacted);
    await pause(SPACING_MS);
  }
  return { latency: summarize(latencies), compaction: summarize(compactions), floor: summarize(floors) };
}

export async function captureBenchmarks(options: CaptureBenchOptions): Promise<BenchRow[]> {
  const { session, panel, shop } = options;
  await allowTsxNames(panel.page, session.worker);
  await installTouchpointCount(panel.page);
  const shopUrl = shop.url();
  const { latency, compaction, floor } = await captureSeries(options);
  const ratio = latency.median / floor.median;
  // The same, masking on, on a page of hundreds of inline SVG elements (they once failed every capture).
  await shop.goto(options.svgPage.url);
  const svg = await captureSeries(options);
  const svgRatio = svg.latency.median / svg.floor.median;
  await shop.goto(shopUrl);

  const burst = await burstCapture(panel.page, options.burst);
  const burstFloor = ((options.burst - 1) * 1000) / 2; // two a second: the first now, the rest after
  await untilCompacted(panel.page);

  console.log(`capture latency (n=${latency.n}): median ${ms(latency.median)}, p95 ${ms(latency.p95)}`);
  console.log(
    `until compacted to WebP: median ${ms(compaction.median)}, p95 ${ms(compaction.p95)} (off the critical path)`,
  );
  console.log(`bare captureVisibleTab (n=${floor.n}): median ${ms(floor.median)}, p95 ${ms(floor.p95)}`);
  console.log(
    `capture on a page of ${options.svgPage.svgElements} SVG elements (n=${svg.latency.n}): median ${ms(svg.latency.median)}, p95 ${ms(svg.latency.p95)}, floor ${ms(svg.floor.median)}`,
  );
  console.log(`burst of ${options.burst}: ${burst.saved} saved in ${ms(burst.ms)} (floor ${ms(burstFloor)})`);
  return [
    {
      benchmark: '1 capture latency',
      figure: 'median',
      value: ms(latency.median),
      budget: '≤ 150 ms',
      met: latency.median <= 150,
    },
    {
      benchmark: '1 capture latency',
      figure: 'p95',
      value: ms(latency.p95),
      budget: '≤ 250 ms',
      met: latency.p95 <= 250,
    },
    {
      benchmark: '1 capture latency',
      figure: 'until compacted to WebP, median (after the commit)',
      value: ms(compaction.median),
      budget: '(reported)',
      met: true,
    },
    {
      benchmark: '1 capture latency',
      figure: 'bare captureVisibleTab, median',
      value: ms(floor.median),
      budget: '(floor)',
      met: true,
    },
    {
      benchmark: '1 capture latency',
      figure: 'median ÷ floor',
      value: `${ratio.toFixed(2)}×`,
      budget: '≤ 2×',
      met: ratio <= 2,
    },
    {
      benchmark: '1 capture latency',
      figure: `page of ${options.svgPage.svgElements} inline SVG elements, masking on: median ÷ floor`,
      value: `${svgRatio.toFixed(2)}× (${ms(svg.latency.median)}; p95 ${ms(svg.latency.p95)})`,
      budget: '≤ 3×',
      met: svgRatio <= 3,
    },
    {
      benchmark: '2 burst',
      figure: `${options.burst} requests: saved`,
      value: `${burst.saved} of ${options.burst}`,
      budget: 'all',
      met: burst.saved === options.burst,
    },
    {
      benchmark: '2 burst',
      figure: 'total ÷ rate-limit floor',
      value: `${(burst.ms / burstFloor).toFixed(2)}× (${ms(burst.ms)})`,
      budget: '≤ 1.15×',
      met: burst.ms / burstFloor <= 1.15,
    },
  ];
}

/** The floor: one captureVisibleTab of the same tab, timed inside the service worker. */
export async function bareCapture(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: ChromeTabs }).chrome;
    const [tab] = await api.tabs.query({ url: pageUrl });
    const started = performance.now();
    await api.tabs.captureVisibleTab(tab!.windowId, { format: 'png' });
    return performance.now() - started;
  }, url);
}

interface ChromeTabs {
  tabs: {
    query(query: { url: string }): Promise<{ windowId: number }[]>;
    captureVisibleTab(windowId: number, options: { format: 'png' }): Promise<string>;
  };
}

/**
 * From the click on "Capture touchpoint" to the new touchpoint and its screenshot being in
 * IndexedDB, watched from the panel page by counting the store every 2 ms (the figure includes
 * at most that much); then on to the screenshot being compacted to WebP, polled every 10 ms.
 */
export async function timedCapture(page: Page): Promise<{ committed: number; compacted: number }> {
  return page.evaluate(async () => {
    const { countTouchpoints, countUncompacted } = globalThis as unknown as BenchGlobals;
    const before = await countTouchpoints();
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Capture touchpoint'))!;
    const started = performance.now();
    button.click();
    while ((await countTouchpoints()) === before) {
      // A refused capture never commits: say why rather than wait for ever.
      const failure = document.querySelector('[role="region"][aria-label="Capture"] [role="alert"]');
      if (failure || performance.now() - started > 30_000)
        throw new Error(`A benchmark capture did not commit: ${failure?.textContent ?? 'no answer in 30 s'}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const committed = performance.now() - started;
    while ((await countUncompacted()) > 0) {
      if (performance.now() - started > 60_000) throw new Error('A benchmark screenshot was not compacted in 60 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { committed, compacted: performance.now() - started };
  });
}

/** Waits until every stored screenshot is compacted (the burst's last ones may still be PNG). */
export async function untilCompacted(page: Page) {
  await page.waitForFunction(
    () => (globalThis as unknown as BenchGlobals).countUncompacted().then((n) => n === 0),
    undefined,
    {
      polling: 50,
      timeout: 30_000,
    },
  );
}

interface BenchGlobals {
  countTouchpoints: () => Promise<number>;
  /** Screenshots still as the browser captured them (PNG), not yet compacted to WebP. */
  countUncompacted: () => Promise<number>;
}

/** tsx names functions with a __name helper that extension pages and workers do not have. */
export async function allowTsxNames(page: Page, worker: Worker) {
  await page.evaluate('globalThis.__name = (f) => f');
  await worker.evaluate('globalThis.__name = (f) => f');
}

/** Puts a counter of the touchpoints store on the panel page, for the timed loops below. */
export async function installTouchpointCount(page: Page) {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('touchtrail');
      open.onsuccess = () => resolve(open.result);
    });
    (globalThis as unknown as BenchGlobals).countTouchpoints = () =>
      new Promise<number>((resolve) => {
        const request = db.transaction('touchpoints').objectStore('touchpoints').count();
        request.onsuccess = () => resolve(request.result);
      });
    (globalThis as unknown as BenchGlobals).countUncompacted = () =>
      new Promise<number>((resolve) => {
        let pending = 0;
        const request = db.transaction('screenshots').objectStore('screenshots').openCursor();
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return resolve(pending);
          if ((cursor.value as { mime: string }).mime === 'image/png') pending++;
          cursor.continue();
        };
      });
  });
}

/** `n` capture requests within two seconds; the time until every one is stored. */
async function burstCapture(page: Page, n: number): Promise<{ saved: number; ms: number }> {
  return page.evaluate(async (requests) => {
    const count = (globalThis as unknown as BenchGlobals).countTouchpoints;
    const before = await count();
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Capture touchpoint'))!;
    const started = performance.now();
    for (let i = 0; i < requests; i++) {
      button.click();
      await new Promise((resolve) => setTimeout(resolve, 2000 / requests));
    }
    const deadline = started + 60_000;
    let saved = (await count()) - before;
    while (saved < requests && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      saved = (await count()) - before;
    }
    return { saved, ms: performance.now() - started };
  }, n);
}

export const pause = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

/**
 * A 1:1 crop (`width`×`height` from the top left) of the first stored WebP screenshot, re-encoded
 * losslessly as PNG, so the README shows exactly what a stored screenshot's text looks like.
 */
export async function storedScreenshotCrop(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('touchtrail');
        open.onsuccess = () => resolve(open.result);
      });
      const shots = await new Promise<{ image: Blob; mime: string }[]>((resolve) => {
        const request = db.transaction('screenshots').objectStore('screenshots').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      const shot = shots.find((s) => s.mime === 'image/webp');
      if (!shot) throw new Error('No WebP screenshot stored.');
      const bitmap = await createImageBitmap(shot.image);
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height, 0, 0, width, height);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    { width, height },
  );
  return Buffer.from(base64, 'base64');
}
