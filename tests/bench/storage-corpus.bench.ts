// Benchmark 6: bytes stored per touchpoint (image + thumbnail + record), one capture on each page
// of the real-world corpus the e2e suites walk, in a 1280×800 tab at pixel ratio 1 and again at
// ratio 2, each in a fresh browser and profile of its own.

import type { Page } from '@playwright/test';
import { CORPUS_PAGES, type CorpusPage } from '../fixtures/corpus/pages';
import { serveCorpus, type Corpus } from '../fixtures/corpus/server';
import { firstLine } from '../e2e/pages/CorpusWalk';
import { SidePanel } from '../e2e/pages/SidePanel';
import {
  GRANTED_BUILD_DIR,
  launchWithExtension,
  openSidePanel,
  pageAgentJoined,
  VIEWPORT,
  type ExtensionSession,
} from '../e2e/support/browser';
import { allowTsxNames, installTouchpointCount, timedCapture, untilCompacted } from './capture.bench';
import { summarize, type BenchRow } from './stats';

interface Ratio {
  ratio: number;
  budgetKB: number;
  /**
   * Chromium's own switch, as the e2e corpus suite uses it: Playwright's emulated ratio leaves
   * captureVisibleTab's frames 1280 px wide, this one really doubles them.
   */
  chromiumArgs: string[];
}

const RATIOS: Ratio[] = [
  { ratio: 1, budgetKB: 150, chromiumArgs: [] },
  { ratio: 2, budgetKB: 400, chromiumArgs: ['--force-device-scale-factor=2'] },
];

/** The short run's pages: the heaviest of a full run (masonry), a right-to-left one, Shoelace, the Vue app. */
const SHORT_PAGES = ['bootstrap-masonry', 'bootstrap-album-rtl', 'shoelace-dark-settings', 'spa-media'];

interface PageSize {
  page: string;
  bytes: number;
}

interface RatioFigures {
  sizes: PageSize[];
  /** Pages where no touchpoint was stored, with why. */
  failures: { page: string; error: string }[];
}

export async function storageCorpusBenchmarks(options: { short: boolean }): Promise<BenchRow[]> {
  const pages = options.short ? CORPUS_PAGES.filter((page) => SHORT_PAGES.includes(page.id)) : CORPUS_PAGES;
  if (options.short && pages.length !== SHORT_PAGES.length)
    throw new Error(
      `The corpus has no page ${SHORT_PAGES.filter((id) => !pages.some((p) => p.id === id)).join(', ')}.`,
    );
  const corpus = await serveCorpus();
  const rows: BenchRow[] = [];
  try {
    for (const setting of RATIOS) rows.push(...ratioRows(setting, pages, await measureAtRatio(corpus, pages, setting)));
  } finally {
    await corpus.close();
  }
  return rows;
}

async function measureAtRatio(corpus: Corpus, pages: CorpusPage[], setting: Ratio): Promise<RatioFigures> {
  const session = await launchWithExtension(GRANTED_BUILD_DIR, { chromiumArgs: setting.chromiumArgs });
  try {
    const tab = session.context.pages()[0] ?? (await session.context.newPage());
    await tab.goto(corpus.url(pages[0]!.id));
    const panel = new SidePanel(await openSidePanel(session));
    await panel.createStudy('Storage over the corpus', 'Many', corpus.origin);
    await panel.createPersona('Robin', 'Walks sites nobody on the team wrote', []);
    await panel.startJourney(`Storage at pixel ratio ${setting.ratio}`, 'One capture on every page');
    await allowTsxNames(panel.page, session.worker);
    await installTouchpointCount(panel.page);

    const failures: RatioFigures['failures'] = [];
    for (const page of pages) {
      try {
        await captureOn(session, panel, tab, corpus.url(page.id), page);
      } catch (error) {
        failures.push({ page: page.id, error: firstLine(error) });
        // The panel's message stays until dismissed: the next page's capture must not read it as its own.
        const dismiss = panel.captureFailure.getByRole('button', { name: 'Dismiss' });
        if (await dismiss.isVisible()) await dismiss.click();
      }
    }
    await untilCompacted(panel.page);
    const stored = await bytesPerTouchpoint(panel.page);
    const expected = { width: VIEWPORT.width * setting.ratio, height: VIEWPORT.height * setting.ratio };
    const wrong = stored.find((s) => s.width !== expected.width || s.height !== expected.height);
    if (wrong)
      throw new Error(
        `A screenshot at pixel ratio ${setting.ratio} is ${wrong.width}×${wrong.height}, not ${expected.width}×${expected.height} (${wrong.url})`,
      );
    const idOf = new Map(pages.map((page) => [corpus.url(page.id), page.id]));
    return { sizes: stored.map((s) => ({ page: idOf.get(s.url) ?? s.url, bytes: s.bytes })), failures };
  } finally {
    await session.close();
  }
}

/** Opens the page as the e2e corpus walk does (its colour scheme, the agent in it), and captures it. */
async function captureOn(session: ExtensionSession, panel: SidePanel, tab: Page, url: string, page: CorpusPage) {
  await tab.emulateMedia({ colorScheme: page.colorScheme ?? 'light' });
  await tab.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await pageAgentJoined(session, tab);
  await timedCapture(panel.page);
}

function ratioRows(setting: Ratio, pages: CorpusPage[], figures: RatioFigures): BenchRow[] {
  const { sizes, failures } = figures;
  const summary = summarize(sizes.map((s) => s.bytes));
  const heaviest = [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  const size = `${VIEWPORT.width}×${VIEWPORT.height} at pixel ratio ${setting.ratio}`;
  console.log(
    `storage per touchpoint, corpus, ${size} (n=${summary.n}): median ${kb(summary.median)}, p95 ${kb(summary.p95)}; ` +
      `heaviest pages ${heaviest.map((s) => `${s.page} (${kb(s.bytes)})`).join(', ') || 'none'}`,
  );
  for (const { page, error } of failures) console.log(`  no touchpoint stored on ${page}: ${error}`);
  return [
    {
      benchmark: '6 storage',
      figure: `per touchpoint, ${pages.length} corpus pages, ${size}: median / p95`,
      value: `${kb(summary.median)} / ${kb(summary.p95)}`,
      budget: `p95 ≤ ${setting.budgetKB} KB`,
      met: summary.p95 <= setting.budgetKB * 1024,
    },
    {
      benchmark: '6 storage',
      figure: `pages with a touchpoint stored, pixel ratio ${setting.ratio}`,
      value: `${sizes.length} of ${pages.length}`,
      budget: 'all',
      met: sizes.length === pages.length && failures.length === 0,
    },
  ];
}

interface StoredSize {
  url: string;
  width: number;
  height: number;
  bytes: number;
}

/** Image + thumbnail + record of each stored touchpoint that has a screenshot, from what the store holds. */
async function bytesPerTouchpoint(page: Page): Promise<StoredSize[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('touchtrail');
      open.onsuccess = () => resolve(open.result);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const points = await all<{ screenshotId?: string; url?: string }>('touchpoints');
    const shots = await all<{ id: string; image: Blob; thumbnail: Blob; width: number; height: number }>('screenshots');
    db.close();
    return points.flatMap((point) => {
      const shot = shots.find((s) => s.id === point.screenshotId);
      const record = new Blob([JSON.stringify(point)]).size;
      if (!shot) return [];
      const bytes = shot.image.size + shot.thumbnail.size + record;
      return [{ url: point.url ?? '', width: shot.width, height: shot.height, bytes }];
    });
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
