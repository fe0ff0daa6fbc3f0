import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { SidePanel } from './pages/SidePanel';
import type { ShopPage } from './pages/ShopPage';
import type { ExtensionSession } from './support/browser';
import { holdScreenshots } from './support/hold-screenshot';
import { MASK_COLOUR } from '../../lib/page-agent/masks';
import { columnColours, countColourInColumn, inset, inspectImage, readRuler, RULER } from './support/images';

const STICKY_BAR: [number, number, number] = [200, 40, 120];
const HARBOUR: [number, number, number] = [30, 60, 120];
const SHOP_HEADER: [number, number, number] = [31, 77, 69];
const FIRST_ORDER: [number, number, number] = [150, 30, 30];
const MASK_RGB = MASK_COLOUR.match(/\d+/g)!.map(Number);

async function startWalk(panel: SidePanel, shop: ShopPage) {
  await panel.createStudy('Full page', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Flo', 'Reads everything', []);
  await panel.startJourney('Browse the lookbook', 'See the whole collection');
}

/** The stored screenshot of the only touchpoint, as exported. */
async function storedShot(panel: SidePanel) {
  const { file } = await panel.export();
  const shot = file.screenshots[0]!;
  const column = (x: number) => columnColours(panel.page, shot.image, shot.mime, x);
  const count = (x: number, rgb: [number, number, number]) =>
    countColourInColumn(panel.page, shot.image, shot.mime, x, rgb);
  return { shot, facts: await inspectImage(panel.page, shot.image, shot.mime), column, count };
}

/** Zooms the tab as the researcher's browser would (Ctrl+plus, or Windows' 125 % default). */
async function zoomTab(session: ExtensionSession, page: Page, factor: number) {
  await session.worker.evaluate(
    async ({ url, factor }) => {
      const api = (globalThis as unknown as { chrome: ZoomApi }).chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      await api.tabs.setZoom(tab!.id!, factor);
    },
    { url: page.url(), factor },
  );
  await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(Math.round(1280 / factor));
}
interface ZoomApi {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; setZoom(id: number, f: number): Promise<void> };
}

/**
 * How each screen gives its frames: Playwright's emulated ratio 2 changes the page's
 * devicePixelRatio but Chromium still captures 1 image pixel per CSS pixel; a forced scale
 * factor of 2 gives 2 image pixels per CSS pixel whatever the page's devicePixelRatio says.
 * Each frame's own size decides the stored image.
 */
const SCREENS = [
  { name: 'a ratio-1 screen', launch: {}, imageScale: 1 },
  { name: 'Chromium’s emulated ratio 2', launch: { deviceScaleFactor: 2 }, imageScale: 1 },
  { name: 'a forced scale factor of 2', launch: { chromiumArgs: ['--force-device-scale-factor=2'] }, imageScale: 2 },
];

for (const screen of SCREENS) {
  test.describe(`on ${screen.name}`, () => {
    test.use({ launch: screen.launch });

    test('a full-page capture stitches the whole page once, without gaps or repeated sticky bars, and puts the page back', async ({
      panel,
      shop,
    }) => {
      await startWalk(panel, shop);
      await shop.open('lookbook.html');
      await shop.page.evaluate(() => window.scrollTo(0, 300));
      const page = await shop.page.evaluate(() => ({
        width: window.innerWidth,
        height: document.documentElement.scrollHeight,
        viewport: window.innerHeight,
      }));
      expect(page.height).toBeGreaterThan(Math.max(page.viewport * 3, RULER.lengthPx));

      await panel.captureFullPage();
      await expect.poll(() => shop.page.evaluate(() => window.scrollY)).toBe(300);

      const { shot, facts, column, count } = await storedShot(panel);
      const s = screen.imageScale;
      expect(facts).toEqual({ width: page.width * s, height: page.height * s });
      expect(shot).toMatchObject({ width: page.width * s, height: page.height * s });
      // The ruler down the page's left edge is in one piece: every band where it belongs.
      const ruler = readRuler(await column(RULER.x * s), s, 0);
      expect(ruler.checked).toBeGreaterThan(2_900 * s);
      expect(ruler.wrong).toEqual([]);
      // The sticky bar (60 px of magenta) appears once, in the first frame only.
      expect(await count(200 * s, STICKY_BAR)).toBeGreaterThan(40 * s);
      expect(await count(200 * s, STICKY_BAR)).toBeLessThan(80 * s);
      // Every section made it in: the last one (Harbour, dark blue) is there, near the bottom.
      expect(await count(200 * s, HARBOUR)).toBeGreaterThan(600 * s);
    });
  });
}

test('at 125 % browser zoom the full page is stitched from frames of 1.25 image pixels per CSS pixel', async ({
  session,
  panel,
  shop,
}) => {
  await startWalk(panel, shop);
  await shop.open('lookbook.html');
  await zoomTab(session, shop.page, 1.25);
  const page = await shop.page.evaluate(() => ({
    width: window.innerWidth,
    height: document.documentElement.scrollHeight,
    ratio: window.devicePixelRatio,
  }));
  expect(page).toMatchObject({ width: 1024, ratio: 1.25 });

  await panel.captureFullPage();

  const { facts, column, count } = await storedShot(panel);
  // Down, not to the nearest: the page scrolls in whole device pixels, and no frame shows its last half pixel.
  expect(facts).toEqual({ width: 1280, height: Math.floor(page.height * 1.25) });
  const ruler = readRuler(await column(RULER.x * 1.25), 1.25, 0);
  expect(ruler.checked).toBeGreaterThan(2_900 * 1.25);
  expect(ruler.wrong).toEqual([]);
  expect(await count(250, STICKY_BAR)).toBeGreaterThan(40 * 1.25);
  expect(await count(250, STICKY_BAR)).toBeLessThan(80 * 1.25);
});

const APP_SHELL_SCREENS = [
  { name: 'a ratio-1 screen', launch: {}, imageScale: 1 },
  {
    name: 'a ratio-2 screen',
    launch: { deviceScaleFactor: 2, chromiumArgs: ['--force-device-scale-factor=2'] },
    imageScale: 2,
  },
];

for (const screen of APP_SHELL_SCREENS) {
  test.describe(`on ${screen.name}`, () => {
    test.use({ launch: screen.launch });

    test('on an app shell whose content scrolls inside <main>, the full page is that content, stitched under the top bar', async ({
      panel,
      shop,
    }) => {
      await startWalk(panel, shop);
      await panel.setMasking(true);
      await shop.open('orders.html');
      const main = shop.page.locator('main');
      await main.evaluate((element) => element.scrollTo(0, 500));
      const page = await shop.page.evaluate(() => ({
        // The delivery note, far down the scrolling area, where it lies in the stitched page.
        note: (() => {
          const main = document.querySelector('main')!;
          const box = document.querySelector('input[name="note"]')!.getBoundingClientRect();
          return { x: box.x, y: box.y + main.scrollTop, width: box.width, height: box.height };
        })(),
        windowScrolls: document.documentElement.scrollHeight > window.innerHeight,
        topBar: document.querySelector('header')!.getBoundingClientRect().height,
        content: document.querySelector('main')!.scrollHeight,
        width: window.innerWidth,
      }));
      expect(page.windowScrolls).toBe(false);
      expect(page.content).toBeGreaterThanOrEqual(RULER.lengthPx);

      await panel.captureFullPage();
      await expect.poll(() => main.evaluate((element) => element.scrollTop)).toBe(500);
      await expect(panel.notice).toHaveCount(0);

      const { shot, facts, column, count } = await storedShot(panel);
      const s = screen.imageScale;
      expect(facts).toEqual({ width: page.width * s, height: (page.topBar + page.content) * s });
      // The top bar once, at the top; then the container's whole content, its ruler unbroken.
      expect(await count(600 * s, SHOP_HEADER)).toBe(page.topBar * s);
      const ruler = readRuler(await column(RULER.x * s), s, page.topBar);
      expect(ruler.checked).toBeGreaterThan(2_900 * s);
      expect(ruler.wrong).toEqual([]);
      // The bottom of the container, the first order (600 px of dark red), is in it whole,
      // its delivery note masked in the frame that showed it.
      expect(await count(100 * s, FIRST_ORDER)).toBeGreaterThan(590 * s);
      const note = inset(
        { x: page.note.x * s, y: page.note.y * s, width: page.note.width * s, height: page.note.height * s },
        3,
      );
      const masked = await inspectImage(panel.page, shot.image, shot.mime, note);
      // One flat grey (within the WebP encoding's error): the mask, not the note.
      expect(Math.max(...masked.regionSpread!)).toBeLessThanOrEqual(12);
      expect(masked.regionMean!.map((value, c) => Math.abs(value - MASK_RGB[c]!) <= 4)).toEqual([true, true, true]);
    });
  });
}

test('on a page that scrolls inside a scrolling area, the panel says only the visible part was captured', async ({
  panel,
  shop,
}) => {
  await startWalk(panel, shop);
  await shop.open('messages.html');
  const viewport = await shop.viewportInDevicePixels();

  await panel.captureFullPage();

  await expect(panel.notice).toContainText(
    'Only the visible part of the page was captured: its content scrolls in an area inside another scrolling area',
  );
  const { facts } = await storedShot(panel);
  expect(facts).toEqual(viewport);
});

test('a page that drops its masks before a later frame is taken has its full-page capture refused, and nothing is saved', async ({
  panel,
  shop,
  session,
}) => {
  await startWalk(panel, shop);
  await shop.open('lookbook.html');
  const screenshots = await holdScreenshots(session, { after: 1 });
  await panel.page.getByRole('button', { name: 'Capture full page' }).click();
  // The second frame is masked and about to be taken: the page removes Touchtrail's layer.
  await screenshots.reached();
  await shop.page.evaluate(() => document.querySelector('touchtrail-layer')?.remove());
  await expect(shop.page.locator('touchtrail-layer')).toHaveCount(0);
  await screenshots.release();

  await expect(panel.captureFailure).toContainText('The page changed while it was being captured');
  await expect(panel.touchpoints).toHaveCount(0);
  const { file } = await panel.export();
  expect(file.screenshots).toEqual([]);
});

test('a full-page capture the background never finishes puts the page back by itself, and saves nothing', async ({
  panel,
  shop,
  session,
}) => {
  await startWalk(panel, shop);
  await shop.open('lookbook.html');
  await shop.page.evaluate(() => window.scrollTo(0, 300));
  const pageState = () =>
    shop.page.evaluate(() => ({
      layers: document.querySelectorAll('touchtrail-layer').length,
      stickyBar: getComputedStyle(document.querySelector('.sticky-bar')!).visibility,
      scrollY: window.scrollY,
    }));
  const screenshots = await holdScreenshots(session, { after: 1 });
  await panel.page.getByRole('button', { name: 'Capture full page' }).click();
  // Mid-capture, as a stopped worker would leave it: scrolled, the sticky bar hidden, masks on.
  await screenshots.reached();
  expect(await pageState()).toMatchObject({ layers: 1, stickyBar: 'hidden' });
  // The agent gives up after 15 s without a word from the background.
  await expect.poll(pageState, { timeout: 25_000 }).toEqual({ layers: 0, stickyBar: 'visible', scrollY: 300 });

  // A background that comes back late finds no capture under way: its frame is not kept.
  await screenshots.release();
  await expect(panel.captureFailure).toBeVisible();
  await expect(panel.touchpoints).toHaveCount(0);
});
