import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { serveDemoSite } from '../fixtures/site/server';
import { ADDON_ORIGIN, FIREFOX_BUILD_DIR, launchFirefoxWithAddon, newPageAt } from './firefox';

// The same add-on in Firefox ESR: it installs, its sidebar page opens, and a capture from it
// stores a touchpoint with its screenshot.

const byLabel = (page: Page, label: string) => page.locator(`::-p-aria(${label})`);
const button = (page: Page, name: string) => page.locator(`::-p-aria([name="${name}"][role="button"])`);

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

test('in Firefox ESR the add-on installs, its sidebar page opens, and a capture stores a touchpoint', async () => {
  const site = await serveDemoSite();
  const firefox = await launchFirefoxWithAddon();
  try {
    const [shop] = await firefox.browser.pages();
    await shop!.goto(new URL('index.html', site.url).href);

    // The sidebar's page, in a window of its own beside the shop (automation cannot open the
    // sidebar itself), as the Chromium tests do with the side panel.
    const opener = await firefox.openAddonPage('sidepanel.html');
    const before = new Set(await firefox.browser.pages());
    await opener.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { windows: { create(o: object): Promise<unknown> } } }).browser;
      await api.windows.create({ url: location.href, type: 'popup', width: 420, height: 900 });
    });
    const panel = await newPageAt(firefox.browser, before, `${ADDON_ORIGIN}/sidepanel.html`);
    await opener.close();
    await shop!.bringToFront();

    await byLabel(panel, 'Study name').fill('Firefox audit');
    await byLabel(panel, 'Company').fill('Northwind Outfitters');
    await byLabel(panel, 'Site URL').fill(site.url);
    await button(panel, 'Create study').click();
    await byLabel(panel, 'Persona name').fill('Fran');
    await byLabel(panel, 'Summary').fill('Uses Firefox');
    await button(panel, 'Create persona').click();
    await byLabel(panel, 'Journey title').fill('Browse');
    await byLabel(panel, 'Scenario').fill('Look at the shop');
    await button(panel, 'Start journey').click();
    await button(panel, 'Capture touchpoint').click();

    await panel.waitForSelector('[data-testid="touchpoint"] img');
    const stored = await panel.evaluate(async () => {
      const open = indexedDB.open('touchtrail');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      const all = (store: string) =>
        new Promise<{ pageTitle?: string; seq?: number; mime?: string; width?: number }[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
      return { touchpoints: await all('touchpoints'), screenshots: await all('screenshots') };
    });
    expect(stored.touchpoints).toHaveLength(1);
    expect(stored.touchpoints[0]).toMatchObject({ seq: 1, pageTitle: await shop!.title() });
    expect(stored.screenshots).toHaveLength(1);
    expect(stored.screenshots[0]!.width).toBeGreaterThan(0);
  } finally {
    await firefox.close();
    await site.close();
  }
});
