// Benchmark 3: what the extension costs the page being audited. The same demo page is loaded
// and clicked in a browser without the extension and in one with it, taking turns, so both
// sides share the machine's state; once with no journey recording and once with one.

import type { Page } from '@playwright/test';
import { ms, summarize, type BenchRow } from './stats';

export interface HostPageRun {
  /** The demo page in a browser without the extension. */
  plain: Page;
  /** The same page in the browser with the extension (and its page agent). */
  withExtension: Page;
  url: string;
  loads: number;
  clicks: number;
}

export interface HostPageFigures {
  loadRatio: number;
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

export async function measureHostPage(run: HostPageRun): Promise<HostPageFigures> {
  const plainLoads: number[] = [];
  const extensionLoads: number[] = [];
  // Taking turns, and which goes first alternates too, so neither side always follows the other.
  for (let i = 0; i < run.loads; i++) {
    if (i % 2 === 0) plainLoads.push(await loadTime(run.plain, run.url));
    extensionLoads.push(await loadTime(run.withExtension, run.url));
    if (i % 2 === 1) plainLoads.push(await loadTime(run.plain, run.url));
  }
  const plainClicks = await clickTimes(run.plain, run.clicks);
  const extensionClicks = await clickTimes(run.withExtension, run.clicks);
  const loadPlain = summarize(plainLoads).median;
  const loadWithExtension = summarize(extensionLoads).median;
  return {
    loadPlain,
    loadWithExtension,
    loadRatio: loadWithExtension / loadPlain,
    clickAddedP95: summarize(extensionClicks).p95 - summarize(plainClicks).p95,
  };
}

/** A person's pace between two pages (the same on both sides), as the capture benchmarks space captures. */
const BETWEEN_LOADS_MS = 300;

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
      `${ms(figures.loadPlain)} without; click time added at p95 ${figures.clickAddedP95.toFixed(2)} ms`,
  );
  return [
    {
      benchmark: '3 host page',
      figure: `load time ÷ without extension (${label})`,
      value: `${figures.loadRatio.toFixed(3)}×`,
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
