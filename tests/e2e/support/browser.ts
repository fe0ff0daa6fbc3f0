import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';

export const BUILD_DIR = resolve('.output/chrome-mv3');
/** The build as installed by a researcher who accepted the site-access prompt. */
export const GRANTED_BUILD_DIR = resolve('.output/chrome-mv3-granted');
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * The Chromium to drive: TOUCHTRAIL_CHROMIUM when set, else Debian's package, else one that
 * Playwright installed. Branded Google Chrome no longer loads unpacked extensions from flags.
 */
export function findChromium(): string {
  const candidates = [process.env.TOUCHTRAIL_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found. Install one (Debian: apt-get install chromium) or set TOUCHTRAIL_CHROMIUM to its path.',
  );
}

/**
 * Chrome's site-access prompt cannot be clicked by automation, so tests load a copy of the
 * build whose manifest already holds the optional host permissions, as for a user who accepted.
 */
export async function prepareGrantedBuild(buildDir = BUILD_DIR, grantedDir = GRANTED_BUILD_DIR): Promise<string> {
  if (!existsSync(join(buildDir, 'manifest.json'))) {
    throw new Error(`No extension build in ${buildDir}: run "npm run build" first.`);
  }
  await rm(grantedDir, { recursive: true, force: true });
  await cp(buildDir, grantedDir, { recursive: true });
  const manifestPath = join(grantedDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, string[] | undefined>;
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return grantedDir;
}

export interface ExtensionSession {
  context: BrowserContext;
  /** The extension's service worker (a new one after reloadExtension). */
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** How every test and benchmark starts Chromium: quiet, with nothing of its own on the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface LaunchOptions {
  headless?: boolean;
  downloadsPath?: string;
  profileDir?: string;
  /** Playwright's emulated pixel ratio (the page's devicePixelRatio; screenshots may differ). */
  deviceScaleFactor?: number;
  /** More Chromium switches, e.g. `--force-device-scale-factor=2` for a real high-density screen. */
  chromiumArgs?: string[];
}

/**
 * Starts Chromium with the extension loaded, in a fresh profile, or in `profileDir` (kept on
 * close, as a browser closed and opened again by its user).
 */
export async function launchWithExtension(
  extensionDir: string,
  options: LaunchOptions = {},
): Promise<ExtensionSession> {
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'touchtrail-profile-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: VIEWPORT,
    deviceScaleFactor: options.deviceScaleFactor,
    acceptDownloads: true,
    downloadsPath: options.downloadsPath,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_ARGS,
      ...(options.chromiumArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      if (!options.profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the side panel page in a popup window of its own (automation cannot open the real
 * side panel); the site's tab stays the active tab of its normal window, as for a real user.
 */
export async function openSidePanel(session: ExtensionSession): Promise<Page> {
  const url = `chrome-extension://${session.extensionId}/sidepanel.html`;
  const opened = session.context.waitForEvent('page', { predicate: (page) => page.url().startsWith(url) });
  await session.worker.evaluate(
    (panelUrl) =>
      (globalThis as unknown as ChromeGlobal).chrome.windows.create({
        url: panelUrl,
        type: 'popup',
        width: 420,
        height: 900,
      }),
    url,
  );
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/** The part of the extension API that tests call inside the service worker. */
export interface ChromeGlobal {
  chrome: {
    windows: { create(options: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
  };
}

/** A value of the extension's local storage, read from one of its pages. */
export function readExtensionStorage(extensionPage: Page, key: string): Promise<unknown> {
  return extensionPage.evaluate(async (key) => {
    const api = (
      globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
    ).chrome;
    return (await api.storage.local.get(key))[key];
  }, key);
}

/**
 * Reloads the extension as "Reload" on chrome://extensions does (as an update would), and waits
 * for its new service worker. Developer mode must be on, or Chromium disables an unpacked
 * extension when it reloads. Extension pages close; web pages stay open.
 */
export async function reloadExtension(session: ExtensionSession): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    const restarted = session.context.waitForEvent('serviceworker', {
      predicate: (worker) => worker.url().startsWith(`chrome-extension://${session.extensionId}/`),
    });
    await page.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      await api.updateProfileConfiguration({ inDeveloperMode: true });
      await api.reload(id, { failQuietly: false });
    }, session.extensionId);
    session.worker = await restarted;
  } finally {
    await page.close();
  }
}

/** The extension's switch on chrome://extensions, for turning it off and on within one browser. */
export interface ExtensionSwitch {
  /** Off: its service worker stops, its pages close, its page agents are cut off. */
  set(enabled: boolean): Promise<void>;
  /** chrome://extensions, open until `close`. */
  page: Page;
  close(): Promise<void>;
}

/** Opens chrome://extensions in a tab of its own, whose `chrome.management` can switch the extension. */
export async function openExtensionSwitch(session: ExtensionSession): Promise<ExtensionSwitch> {
  const page = await session.context.newPage();
  await page.goto('chrome://extensions/');
  return {
    set: (enabled) =>
      page.evaluate(
        ([id, on]) =>
          (
            globalThis as unknown as { chrome: { management: { setEnabled(id: string, on: boolean): Promise<void> } } }
          ).chrome.management.setEnabled(id, on),
        [session.extensionId, enabled] as const,
      ),
    page,
    close: () => page.close(),
  };
}

/**
 * A stopped worker starts at the next event it listens to: while a journey records, reloading
 * `tab` (a tab update) is one. The worker becomes `session.worker`.
 */
export async function wakeExtensionWorker(session: ExtensionSession, tab: Page): Promise<void> {
  const prefix = `chrome-extension://${session.extensionId}/`;
  const running = session.context.serviceWorkers().find((worker) => worker.url().startsWith(prefix));
  if (running) {
    session.worker = running;
    return;
  }
  const started = session.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix) });
  await tab.reload();
  session.worker = await started;
}

/** The part of chrome://extensions' private API that reloadExtension uses. */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  reload(id: string, options: { failQuietly: boolean }): Promise<void>;
}

/**
 * Resolves once the page agent answers in the tab showing `page`, when a journey records and
 * all sites are granted: the background puts it into pages after they load, a moment later.
 */
export async function pageAgentJoined(session: ExtensionSession, page: Page): Promise<void> {
  const url = page.url();
  await expect
    .poll(
      () =>
        session.worker.evaluate(async (pageUrl) => {
          const api = (globalThis as unknown as { chrome: AgentLookupApi }).chrome;
          const { recordingState } = (await api.storage.local.get('recordingState')) as {
            recordingState?: { recording?: boolean };
          };
          const granted = await api.permissions.contains({ origins: ['<all_urls>'] });
          if (!recordingState?.recording || !granted) return true;
          const tab = (await api.tabs.query({})).find((t) => t.url === pageUrl);
          if (tab?.id === undefined) return false;
          return api.tabs.sendMessage(tab.id, { type: 'agent-ping' }).then(Boolean, () => false);
        }, url),
      { message: `the page agent joins ${url}` },
    )
    .toBe(true);
}

interface AgentLookupApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/** Chromium flag that lets the DevTools protocol press an extension's toolbar button. */
export const TOOLBAR_DEBUGGING_ARGS = ['--enable-unsafe-extension-debugging'];

/**
 * Presses the extension's toolbar button on a tab, as the researcher's click does: Chrome grants
 * activeTab on that tab and fires `action.onClicked`. Through the DevTools protocol
 * (`Extensions.triggerAction`); the session must be launched with TOOLBAR_DEBUGGING_ARGS.
 */
export async function pressToolbarButton(session: ExtensionSession, tab: Page): Promise<void> {
  const cdp = await session.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const target = targetInfos.find((t) => t.type === 'tab' && t.url === tab.url());
    if (!target) throw new Error(`No tab target for ${tab.url()}`);
    await cdp.send('Extensions.triggerAction', { id: session.extensionId, targetId: target.targetId });
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs a keyboard command as Chrome does when its shortcut is pressed: the worker's
 * `commands.onCommand` listeners get the command and the tab in front. Key presses made by
 * automation reach the page, never Chrome's shortcuts; nor does this grant activeTab.
 */
interface CommandApi {
  tabs: { query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<unknown[]> };
  commands: { onCommand: { dispatch(command: string, tab: unknown): void } };
}

export async function runExtensionCommand(session: ExtensionSession, command: string): Promise<void> {
  await session.worker.evaluate(async (name) => {
    const api = (globalThis as unknown as { chrome: CommandApi }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    api.commands.onCommand.dispatch(name, tab);
  }, command);
}
