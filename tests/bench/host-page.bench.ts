// Benchmark 3: what the extension costs the page being audited. The same demo page is loaded
// and clicked in a browser without the extension and in one with it, taking turns, so both
// sides share the machine's state; once with no journey recording and once with one.

import type { Page } from '@playwright/test';
import { ms, summarize, type BenchRow } from './stats';

export interface HostPageRun {
  /** The demo page in a browser without the extension. */
  plain: Page;
  /**
   * The same page in a second browser without the extension: an A/A control. Two identical
   * browsers differ by a few per cent on this machine; the control shows how much.
   */
  plainControl: Page;
  /** The same page in the browser with the extension (and its page agent). */
  withExtension: Page;
  url: string;
  loads: number;
  clicks: number;
}

export interface HostPageFigures {
  /** Median over rounds of (load with the extension ÷ load without), each round one load a side. */
  loadRatio: number;
  /** The same for two browsers without the extension. */
  controlRatio: number;
  loadPlain: number;
  loadWithExtension: number;
  /** Click handling time added by the extension at the 95th percentile, in ms. */
  clickAddedP95: number;
}

/**
 * Times, in the page itself, how long a click spends in listeners on `window` during the capture
 * phase, where the page agent listens: a listener registered before any other (an init script)
 * starts the clock, one on `document`, the next stop of the capture phase, stops it.
 */
export const CLICK_CLOCK = `
  window.__clickTimes = [];
  let started = 0;
  window.addEventListener('click', () => { started = performance.now(); }, true);
  document.addEventListener('click', () => { window.__clickTimes.push(performance.now() - started); }, true);
`;

/** Loads per browser before measuring: the first loads of a fresh browser are slower. */
const WARM_UP_LOADS = 10;

export async function measureHostPage(run: HostPageRun): Promise<HostPageFigures> {
  const sides = [run.plain, run.plainControl, run.withExtension];
  for (let i = 0; i < WARM_UP_LOADS; i++) for (const page of sides) await loadTime(page, run.url);
  const plainLoads: number[] = [];
  const controlLoads: number[] = [];
  const extensionLoads: number[] = [];
  // Rounds of one load a side, in an order that reverses every round, so that neither side always
  // follows the other; each ratio is taken within a round, so the machine's slow drift (loads got
  // ~20 % faster over a run) cancels.
  for (let i = 0; i < run.loads; i++) {
    const round: [Page, number[]][] = [
      [run.plain, plainLoads],
      [run.plainControl, controlLoads],
      [run.withExtension, extensionLoads],
    ];
    if (i % 2 === 1) round.reverse();
    for (const [page, loads] of round) loads.push(await loadTime(page, run.url));
  }
  const plainClicks = await clickTimes(run.plain, run.clicks);
  const extensionClicks = await clickTimes(run.withExtension, run.clicks);
  return {
    loadPlain: summarize(plainLoads).median,
    loadWithExtension: summarize(extensionLoads).median,
    loadRatio: medianRatio(extensionLoads, plainLoads),
    controlRatio: medianRatio(controlLoads, plainLoads),
    clickAddedP95: summarize(extensionClicks).p95 - summarize(plainClicks).p95,
  };
}

function medianRatio(measured: number[], baseline: number[]): number {
  return summarize(measured.map((value, i) => value / baseline[i]!)).median;
}

/** A person's pace between two pages (the same on every side), so each load starts from rest. */
const BETWEEN_LOADS_MS = 100;

/** From the start of navigation to the end of the load event, as the page's timing reports it. */
async function loadTime(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  const ms = await page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry!.loadEventEnd - entry!.startTime;
  });
  await new Promise((resolve) => setTimeout(resolve, BETWEEN_LOADS_MS));
  return ms;
}

/** Real (trusted) clicks on the product page's text, which navigate nowhere. */
async function clickTimes(page: Page, clicks: number): Promise<number[]> {
  // The page agent comes at document_idle; it is listening once the walk state was read.
  await page.waitForLoadState('load');
  await page.evaluate(() => ((window as unknown as { __clickTimes: number[] }).__clickTimes = []));
  const text = page.getByText('Waterproof leather hiking boots');
  for (let i = 0; i < clicks; i++) await text.click({ position: { x: 5 + (i % 20), y: 5 } });
  return page.evaluate(() => (window as unknown as { __clickTimes: number[] }).__clickTimes);
}

export function hostPageRows(label: string, figures: HostPageFigures): BenchRow[] {
  console.log(
    `host page (${label}): load median ${ms(figures.loadWithExtension)} with the extension, ` +
      `${ms(figures.loadPlain)} without; two browsers without it differ by ${figures.controlRatio.toFixed(3)}× ` +
      `(A/A control); click time added at p95 ${figures.clickAddedP95.toFixed(2)} ms`,
  );
  return [
    {
      benchmark: '3 host page',
      figure: `load time ÷ without extension (${label})`,
      value: `${figures.loadRatio.toFixed(3)}× (A/A ${figures.controlRatio.toFixed(3)}×)`,
      budget: '≤ 1.05×',
      met: figures.loadRatio <= 1.05,
    },
    {
      benchmark: '3 host page',
      figure: `click handler time added, p95 (${label})`,
      value: `${figures.clickAddedP95.toFixed(2)} ms`,
      budget: '≤ 1 ms',
      met: figures.clickAddedP95 <= 1,
    },
  ];
}
