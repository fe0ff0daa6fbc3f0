// Drives Debian's Firefox ESR with the add-on installed, through WebDriver BiDi (puppeteer-core).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { prepareGrantedBuild } from '../e2e/support/browser';

export const FIREFOX_BUILD_DIR = resolve('.output/firefox-mv3');
const FIREFOX_GRANTED_DIR = resolve('.output/firefox-mv3-granted');
/** The add-on's id (wxt.config.ts) and the internal UUID this profile gives it, fixed by a pref. */
const ADDON_ID = 'touchtrail@touchtrail.dev';
const ADDON_UUID = '3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';
export const ADDON_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** TOUCHTRAIL_FIREFOX when set, else Debian's firefox-esr, else firefox. */
export function findFirefox(): string {
  const candidates = [process.env.TOUCHTRAIL_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  throw new Error('No Firefox found. Install one (Debian: apt-get install firefox-esr) or set TOUCHTRAIL_FIREFOX.');
}

export interface FirefoxSession {
  browser: Browser;
  /** Opens one of the add-on's pages in a new tab of the browser window. */
  openAddonPage(path: string): Promise<Page>;
  /**
   * The sidebar's page in a window of its own beside `site` (automation cannot open the sidebar
   * itself), as the Chromium tests do with the side panel; `site` is brought back to the front.
   */
  openPanel(site: Page): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Firefox with the build installed as a temporary add-on, its site access granted as for a user
 * who accepted (the copy's manifest holds the optional host permission).
 */
export async function launchFirefoxWithAddon(): Promise<FirefoxSession> {
  const addonDir = await prepareGrantedBuild(FIREFOX_BUILD_DIR, FIREFOX_GRANTED_DIR);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // Lets the test reach the browser window's own scope, to open add-on pages (below).
    args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }) },
  });
  const installed = await browser.installExtension(addonDir);
  if (installed !== ADDON_ID) throw new Error(`Installed ${installed}, expected ${ADDON_ID}`);
  const session: FirefoxSession = {
    browser,
    // WebDriver BiDi refuses to navigate a tab to moz-extension:// (web content may not go there);
    // the browser window's own code may, as a click on the toolbar button would.
    async openAddonPage(path) {
      const connection = (browser as unknown as { connection: BidiConnection }).connection;
      const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const window = tree.result.contexts[0]!.context;
      const before = new Set(await browser.pages());
      const url = `${ADDON_ORIGIN}/${path}`;
      await connection.send('script.evaluate', {
        expression: `openTrustedLinkIn(${JSON.stringify(url)}, 'tab')`,
        target: { context: window },
        awaitPromise: false,
      });
      return newPageAt(browser, before, url);
    },
    async openPanel(site) {
      const opener = await session.openAddonPage('sidepanel.html');
      const before = new Set(await browser.pages());
      await opener.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { windows: { create(o: object): Promise<unknown> } } })
          .browser;
        await api.windows.create({ url: location.href, type: 'popup', width: 420, height: 900 });
      });
      const panel = await newPageAt(browser, before, `${ADDON_ORIGIN}/sidepanel.html`);
      await opener.close();
      await site.bringToFront();
      return panel;
    },
    close: () => browser.close(),
  };
  return session;
}

/**
 * The page, not among `before`, that shows `url`. Puppeteer keeps the first URL (about:blank) of
 * tabs the browser opens itself, so each new page is asked where it is.
 */
export async function newPageAt(browser: Browser, before: Set<Page>, url: string, timeoutMs = 10_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (before.has(page)) continue;
      if ((await page.evaluate(() => location.href).catch(() => '')) === url) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // polled: BiDi has no event for it here
  }
  throw new Error(`No page opened at ${url} within ${timeoutMs} ms`);
}

interface BidiConnection {
  send(
    method: string,
    params: object,
  ): Promise<{ result: { contexts: { context: string; url: string }[] } & Record<string, unknown> }>;
}
