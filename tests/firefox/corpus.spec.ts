import { expect, test, type Page as PlaywrightPage } from '@playwright/test';
import type { Frame, Page } from 'puppeteer-core';
import { CORPUS_PAGES, type CorpusPage } from '../fixtures/corpus/pages';
import { serveCorpus } from '../fixtures/corpus/server';
import { MASK_COLOUR } from '../../lib/page-agent/masks';
import { inset, shareOfColour, type Region } from '../e2e/support/images';
import { printCorpusTable } from '../e2e/support/corpus-table';
import { button, startJourney } from '../e2e/support/puppeteer-panel';
import { readStoredScreenshot, readStoredTouchpoints, type StoredTouchpoint } from '../e2e/support/stored-screenshots';
import { resolveInPage, type ResolvedElement } from './corpus-selectors';
import { launchFirefoxWithAddon } from './firefox';

// The real-world corpus in Firefox ESR: every page captured with a typed value masked (judged
// from the stored pixels) and an element picked. Firefox reaches closed shadow roots in its own
// way (the element's openOrClosedShadowRoot, for content scripts only), so the payment page's
// card field is the case to watch.

const PATHS = ['capture', 'masking', 'pick'] as const;
type Path = (typeof PATHS)[number];
const MASK_RGB = MASK_COLOUR.match(/\d+/g)!.map(Number);
const SECRET = '4111 1111 1111 1111';
const only = process.env.TOUCHTRAIL_CORPUS?.split(',');
const PAGES = only ? CORPUS_PAGES.filter((page) => only.includes(page.id)) : CORPUS_PAGES;

test('real-world corpus in Firefox ESR: every page captured with its fields masked, and picked', async () => {
  test.setTimeout(PAGES.length * 45_000);
  const corpus = await serveCorpus();
  const firefox = await launchFirefoxWithAddon();
  const table = new Map<string, Record<Path, string>>();
  try {
    const [tab] = await firefox.browser.pages();
    await tab!.goto(corpus.url(PAGES[0]!.id));
    const panel = await firefox.openPanel(tab!);
    await startJourney(panel, {
      study: 'Real-world corpus',
      siteUrl: corpus.origin,
      persona: 'Robin',
      summary: 'Walks sites nobody on the team wrote, in Firefox',
      journey: 'Corpus in Firefox',
      scenario: 'Capture and pick on every page',
    });
    await panel.waitForSelector('::-p-aria([name="Capture touchpoint"][role="button"])');

    for (const page of PAGES) {
      const walk = new FirefoxWalk(tab!, panel, page);
      await walk.visit(corpus.url(page.id));
      table.set(page.id, walk.outcomes);
      console.log(`Firefox · ${page.id}: ${Object.values(walk.outcomes).join(' · ')}`);
    }
  } finally {
    printCorpusTable('Real-world corpus in Firefox ESR', PATHS, table);
    await firefox.close();
    await corpus.close();
  }
  const misses = [...table].flatMap(([id, row]) =>
    PATHS.filter((path) => row[path] !== 'ok' && row[path] !== 'no field').map(
      (path) => `${id} · ${path}: ${row[path]}`,
    ),
  );
  expect(misses).toEqual([]);
  expect(table.size).toBe(PAGES.length);
});

/** One page in Firefox: type, capture and judge the masks, then pick. */
class FirefoxWalk {
  outcomes: Record<Path, string> = { capture: 'not run', masking: 'no field', pick: 'not run' };
  private lastSeq = 0;

  constructor(
    private readonly tab: Page,
    private readonly panel: Page,
    private readonly page: CorpusPage,
  ) {}

  /** Both drivers' pages evaluate a function with one argument alike: the shared readers take either. */
  private get reader(): PlaywrightPage {
    return this.panel as unknown as PlaywrightPage;
  }

  async visit(url: string) {
    this.lastSeq = (await readStoredTouchpoints(this.reader)).at(-1)?.seq ?? 0;
    // (WebDriver BiDi has no colour-scheme emulation: the dark-mode SPA page shows light here.)
    await this.tab.goto(url, { waitUntil: 'load' });
    await this.tab.bringToFront();
    const fields = await this.step('masking', () => this.typeIntoFields());
    const captured = await this.step('capture', async () => {
      await button(this.panel, 'Capture touchpoint').click();
      return this.nextTouchpoint('the capture', (t) => t.source === 'manual');
    });
    if (fields?.length && captured) {
      await this.step('masking', () => this.judgeMasks(captured.seq, fields));
    }
    await this.step('pick', async () => {
      await button(this.panel, 'Pick element').click();
      // Pick mode is on once the picker's layer is in the page (a researcher's hand is slower).
      await this.tab.waitForSelector('touchtrail-layer', { timeout: 10_000 });
      const target = await this.resolve(this.page.pick);
      await this.tab.mouse.move(target.x, target.y);
      await this.tab.mouse.click(target.x, target.y);
      const point = await this.nextTouchpoint('the picked element', (t) => t.source === 'picked');
      expect(point.element?.selector, 'the picked element has a selector').toBeTruthy();
    });
  }

  private async step<T>(path: Path, work: () => Promise<T>): Promise<T | undefined> {
    if (!['ok', 'not run', 'no field'].includes(this.outcomes[path])) return undefined;
    try {
      const result = await work();
      this.outcomes[path] = path === 'masking' && !this.hasFields() ? 'no field' : 'ok';
      return result;
    } catch (error) {
      this.outcomes[path] = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160);
      return undefined;
    }
  }

  private hasFields() {
    return Boolean(this.page.field || this.page.fieldHost || this.page.frameFields);
  }

  private async resolve(selector: string, frame: Page | Frame = this.tab): Promise<ResolvedElement> {
    const found = await frame.evaluate(resolveInPage, selector);
    if (!found) throw new Error(`no element for ${selector}`);
    return found;
  }

  /** Types the secret into the page's fields; their boxes in the viewport (CSS pixels). */
  private async typeIntoFields(): Promise<Region[]> {
    const boxes: Region[] = [];
    if (this.page.field) {
      const field = await this.resolve(this.page.field);
      await this.tab.mouse.click(field.x, field.y);
      await this.tab.keyboard.type(SECRET);
      boxes.push(field.box);
    }
    if (this.page.fieldHost) {
      const host = await this.resolve(this.page.fieldHost.selector);
      const { x, y } = this.page.fieldHost.offset;
      await this.tab.mouse.click(host.box.x + x, host.box.y + y);
      await this.tab.keyboard.type(SECRET);
      boxes.push(host.box);
    }
    for (const { frame, field } of this.page.frameFields ?? []) {
      const frameBox = await this.resolve(frame);
      const withField = await this.frameShowing(frameBox);
      const box = await this.resolve(field, withField);
      await this.tab.mouse.click(frameBox.box.x + box.x, frameBox.box.y + box.y);
      await this.tab.keyboard.type(SECRET);
      boxes.push({ ...box.box, x: frameBox.box.x + box.box.x, y: frameBox.box.y + box.box.y });
    }
    return boxes;
  }

  /** The child frame whose element sits at the given box on the page. */
  private async frameShowing(frameBox: ResolvedElement): Promise<Frame> {
    for (const frame of this.tab.frames()) {
      if (frame === this.tab.mainFrame()) continue;
      const element = await frame.frameElement();
      const box = await element?.boundingBox();
      if (box && Math.abs(box.x - frameBox.box.x) < 2 && Math.abs(box.y - frameBox.box.y) < 2) return frame;
    }
    throw new Error('the frame is not found');
  }

  private async judgeMasks(seq: number, fields: Region[]) {
    const shot = (await readStoredScreenshot(this.reader, seq))!;
    const viewportWidth = await this.tab.evaluate(() => innerWidth);
    const scale = shot.width / viewportWidth;
    for (const box of fields) {
      const inShot = { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale };
      const share = await shareOfColour(this.reader, shot, inset(inShot, 3), MASK_RGB);
      const where = `field at ${Math.round(box.x)},${Math.round(box.y)} (${shot.mime})`;
      expect(share, `share of ${where} under the mask`).toBeGreaterThanOrEqual(0.97);
    }
  }

  private async nextTouchpoint(what: string, matches: (t: StoredTouchpoint) => boolean): Promise<StoredTouchpoint> {
    let found: StoredTouchpoint | undefined;
    await expect
      .poll(
        async () => {
          const points = await readStoredTouchpoints(this.reader);
          found = points.find((t) => t.seq > this.lastSeq && matches(t) && t.screenshot);
          return Boolean(found);
        },
        { message: `${what} is stored`, timeout: 20_000 },
      )
      .toBe(true);
    this.lastSeq = Math.max(this.lastSeq, found!.seq);
    return found!;
  }
}
