import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { serveDemoSite } from '../fixtures/site/server';
import { MASK_COLOUR } from '../../lib/page-agent/masks';
import { FIREFOX_BUILD_DIR, launchFirefoxWithAddon } from './firefox';
import { button, startJourney } from '../e2e/support/puppeteer-panel';

// The same add-on in Firefox ESR: it installs, its sidebar page opens, a capture from it stores
// a touchpoint with its screenshot, and a full-page capture takes the whole page in one call,
// or, on an app shell, scrolls its scrolling area and stitches it.

const MASK_RGB = MASK_COLOUR.match(/\d+/g)!.map(Number);

/** The touchpoints and screenshots in the add-on's IndexedDB, read from one of its pages. */
function storedRecords(extensionPage: Page) {
  return extensionPage.evaluate(async () => {
    const open = indexedDB.open('touchtrail');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    return {
      touchpoints: await all<{ seq: number; pageTitle: string }>('touchpoints'),
      screenshots: (await all<{ width: number; height: number }>('screenshots')).map(({ width, height }) => ({
        width,
        height,
      })),
    };
  });
}

test('the Firefox build: a fixed id, a sidebar, its own shortcuts, no site access at install', async () => {
  const manifest = JSON.parse(await readFile(join(FIREFOX_BUILD_DIR, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.browser_specific_settings).toMatchObject({ gecko: { id: 'touchtrail@touchtrail.dev' } });
  expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
  expect(manifest.permissions).not.toContain('sidePanel');
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
  expect(manifest.content_scripts ?? []).toEqual([]);
  // Alt+Shift+letter is Firefox's access-key modifier for web pages: the defaults avoid it.
  expect(manifest.commands).toMatchObject({
    'capture-touchpoint': { suggested_key: { default: 'Ctrl+Alt+K' } },
    'pick-element': { suggested_key: { default: 'Ctrl+Alt+P' } },
  });
});

test('in Firefox ESR the add-on installs, its sidebar page opens, and captures store touchpoints, full pages too', async () => {
  const site = await serveDemoSite();
  const firefox = await launchFirefoxWithAddon();
  try {
    const [shop] = await firefox.browser.pages();
    await shop!.goto(new URL('index.html', site.url).href);

    const panel = await firefox.openPanel(shop!);

    await startJourney(panel, {
      study: 'Firefox audit',
      siteUrl: site.url,
      persona: 'Fran',
      summary: 'Uses Firefox',
      journey: 'Browse',
      scenario: 'Look at the shop',
    });
    await button(panel, 'Capture touchpoint').click();

    await panel.waitForSelector('[data-testid="touchpoint"] img');
    const first = await storedRecords(panel);
    expect(first.touchpoints).toHaveLength(1);
    expect(first.touchpoints[0]).toMatchObject({ seq: 1, pageTitle: await shop!.title() });
    expect(first.screenshots).toHaveLength(1);

    // A full page in one captureTab call, a field far below the fold masked in it.
    await shop!.goto(new URL('lookbook.html', site.url).href);
    await shop!.locator('#newsletter').fill('reader@example.com');
    const page = await shop!.evaluate(() => {
      const field = document.getElementById('newsletter')!.getBoundingClientRect();
      return {
        width: Math.round(innerWidth * devicePixelRatio),
        height: Math.round(document.documentElement.scrollHeight * devicePixelRatio),
        viewport: innerHeight,
        field: { x: field.x, y: field.y + scrollY, width: field.width, height: field.height },
        dpr: devicePixelRatio,
      };
    });
    expect(page.field.y).toBeGreaterThan(page.viewport * 2);
    await button(panel, 'Capture full page').click();
    await panel.waitForSelector('[data-testid="touchpoint"][data-seq="2"] img');
    const shot = (await storedRecords(panel)).screenshots.find((s) => s.height !== first.screenshots[0]!.height)!;
    expect([shot.width, shot.height]).toEqual([page.width, page.height]);
    const inset = 3;
    const region = await panel.evaluate(
      async (box) => {
        const open = indexedDB.open('touchtrail');
        const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
        const shots = await new Promise<{ image: Blob; height: number }[]>((resolve) => {
          const request = db.transaction('screenshots').objectStore('screenshots').getAll();
          request.onsuccess = () => resolve(request.result);
        });
        const tallest = shots.sort((a, b) => b.height - a.height)[0]!;
        const bitmap = await createImageBitmap(tallest.image);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const data = context.getImageData(box.x, box.y, box.width, box.height).data;
        const values = [0, 1, 2].map((channel) => data.filter((_, i) => i % 4 === channel));
        return values.map((channel) => [Math.min(...channel), Math.max(...channel)]);
      },
      {
        x: Math.round(page.field.x * page.dpr) + inset,
        y: Math.round(page.field.y * page.dpr) + inset,
        width: Math.round(page.field.width * page.dpr) - 2 * inset,
        height: Math.round(page.field.height * page.dpr) - 2 * inset,
      },
    );
    // One flat grey: the mask, not the typed address.
    MASK_RGB.forEach((value, channel) => {
      const [low = 0, high = 255] = region[channel]!;
      expect(high - low).toBeLessThanOrEqual(12);
      expect(Math.abs((low + high) / 2 - value)).toBeLessThanOrEqual(8);
    });

    // An app shell, whose orders scroll inside <main>: its whole content, stitched under its bar.
    await shop!.goto(new URL('orders.html', site.url).href);
    await shop!.evaluate(() => document.querySelector('main')!.scrollTo(0, 500));
    const shell = await shop!.evaluate(() => ({
      width: Math.round(innerWidth * devicePixelRatio),
      height: Math.round((64 + document.querySelector('main')!.scrollHeight) * devicePixelRatio),
    }));
    await button(panel, 'Capture full page').click();
    await panel.waitForSelector('[data-testid="touchpoint"][data-seq="3"] img');
    const shots = (await storedRecords(panel)).screenshots;
    expect(shots.map((s) => [s.width, s.height])).toContainEqual([shell.width, shell.height]);
    expect(await panel.$('.notice')).toBeNull();
    expect(await shop!.evaluate(() => document.querySelector('main')!.scrollTop)).toBe(500);
  } finally {
    await firefox.close();
    await site.close();
  }
});
