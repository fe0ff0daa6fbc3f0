import { test, expect } from '@playwright/test';
import { CORPUS_PAGES } from '../fixtures/corpus/pages';
import { serveCorpus } from '../fixtures/corpus/server';
import { CAPTURE_PATHS, CorpusWalk, type CapturePath } from './pages/CorpusWalk';
import { SidePanel } from './pages/SidePanel';
import { GRANTED_BUILD_DIR, launchWithExtension, openSidePanel } from './support/browser';
import { printCorpusTable } from './support/corpus-table';

// Every page of the real-world corpus (tests/fixtures/corpus: Bootstrap's own examples, pages of
// Shoelace components, a Vue Router app), walked through every capture path — capture, masking
// of a typed value judged from the stored pixels, pick, full page, auto-recorded drafts — at
// pixel ratio 1, at ratio 2 both as Playwright emulates it and as Chromium's own
// --force-device-scale-factor gives it, and at browser zoom 125 %.

interface Setting {
  name: string;
  deviceScaleFactor?: number;
  args?: string[];
  zoom?: number;
  /**
   * Image pixels per CSS pixel of this browser's captures, as measured: Chromium's
   * captureVisibleTab ignores Playwright's emulated ratio (its frames stay 1280 px wide while
   * the page says 2), --force-device-scale-factor=2 really doubles them (while the page says 1),
   * and zoom 125 % shows 1024 CSS px in 1280 pixels.
   */
  scale: number;
}

const SETTINGS: Setting[] = [
  { name: 'ratio 1', scale: 1 },
  { name: 'ratio 2 (emulated)', deviceScaleFactor: 2, scale: 1 },
  { name: 'ratio 2 (--force-device-scale-factor)', args: ['--force-device-scale-factor=2'], scale: 2 },
  { name: 'zoom 125 %', zoom: 1.25, scale: 1.25 },
];

/** TOUCHTRAIL_CORPUS=id,id walks only those pages (to look into one locally). */
const only = process.env.TOUCHTRAIL_CORPUS?.split(',');
const PAGES = only ? CORPUS_PAGES.filter((page) => only.includes(page.id)) : CORPUS_PAGES;

// One test per setting walks every page (a failure on one page does not stop the others: the
// table shows them all), then fails if any page missed any path.
for (const setting of SETTINGS) {
  test(`real-world corpus at ${setting.name}: every page, every capture path`, async () => {
    test.setTimeout(PAGES.length * 60_000);
    const corpus = await serveCorpus();
    const session = await launchWithExtension(GRANTED_BUILD_DIR, {
      deviceScaleFactor: setting.deviceScaleFactor,
      chromiumArgs: setting.args,
    });
    const table = new Map<string, Record<CapturePath, string>>();
    try {
      const tab = session.context.pages()[0] ?? (await session.context.newPage());
      await tab.goto(corpus.url(CORPUS_PAGES[0]!.id));
      const panel = new SidePanel(await openSidePanel(session));
      await panel.createStudy('Real-world corpus', 'Many', corpus.origin);
      await panel.createPersona('Robin', 'Walks sites nobody on the team wrote', []);
      await panel.startJourney(`Corpus at ${setting.name}`, 'Every capture path on every page');
      await panel.setAutoRecord(true);

      for (const page of PAGES) {
        const started = Date.now();
        const walk = new CorpusWalk(session, panel, tab, page, setting.scale, setting.zoom);
        await walk.arrive(corpus.url(page.id));
        await walk.captureMasked();
        await walk.pick();
        await walk.fullPage();
        await walk.autoRecordClick();
        await walk.captureModal();
        table.set(page.id, walk.row());
        console.log(
          `${setting.name} · ${page.id}: ${Object.values(walk.row()).join(' · ')} (${Date.now() - started} ms)`,
        );
      }
    } finally {
      printCorpusTable(`Real-world corpus at ${setting.name}`, CAPTURE_PATHS, table);
      await session.close();
      await corpus.close();
    }
    const misses = [...table].flatMap(([id, row]) =>
      Object.entries(row)
        .filter(([, outcome]) => outcome !== 'ok' && outcome !== 'no field')
        .map(([path, outcome]) => `${id} · ${path}: ${outcome}`),
    );
    expect(misses).toEqual([]);
    expect(table.size).toBe(PAGES.length);
  });
}
