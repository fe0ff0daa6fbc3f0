import { browser } from 'wxt/browser';
import { preparedPage, type BackgroundToAgent, type PreparedPage } from '../messaging/protocol';
import { CaptureError } from './errors';

export const PAGE_AGENT_ID = 'touchtrail-page-agent';
export const PAGE_AGENT_FILE = '/content-scripts/content.js';
const ALL_SITES = '<all_urls>';

/** Asks the page agent to mask the page for a capture, injecting it first when the tab has none. */
export async function preparePage(
  tabId: number,
  options: { masking: boolean; highlight?: PreparedHighlight; allowList?: string[] },
): Promise<PreparedPage> {
  const reply = await sendToAgent(tabId, { type: 'prepare-capture', ...options });
  const parsed = preparedPage.safeParse(reply);
  if (!parsed.success) {
    throw new CaptureError(
      'The page did not let Touchtrail mask its form fields, so it was not captured. Reload the page and try again.',
    );
  }
  return parsed.data;
}

export async function restorePage(tabId: number): Promise<void> {
  const message: BackgroundToAgent = { type: 'restore-after-capture' };
  await browser.tabs.sendMessage(tabId, message);
}

type PreparedHighlight = { x: number; y: number; width: number; height: number };

/** Sends a message to the tab's page agent, injecting the agent first when the tab has none. */
export async function sendToAgent(tabId: number, message: BackgroundToAgent): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch {
    await injectPageAgent(tabId);
    return browser.tabs.sendMessage(tabId, message);
  }
}

async function injectPageAgent(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_AGENT_FILE] });
}

/**
 * Keeps the page agent registered for every site exactly while the researcher has granted
 * access to all sites; without that grant it is injected per capture through activeTab.
 */
export function syncPageAgentRegistration(): Promise<void> {
  // Start-up and permission events can overlap; one sync at a time avoids registering twice.
  const run = registrationSync.then(syncRegistrationNow);
  registrationSync = run.catch(() => undefined);
  return run;
}

let registrationSync: Promise<unknown> = Promise.resolve();

async function syncRegistrationNow(): Promise<void> {
  const granted = await browser.permissions.contains({ origins: [ALL_SITES] });
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [PAGE_AGENT_ID] });
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: PAGE_AGENT_ID,
        js: [PAGE_AGENT_FILE],
        matches: [ALL_SITES],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [PAGE_AGENT_ID] });
  }
}

/** The subset of the permissions API that the access request needs; a parameter so it can be tested. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

/**
 * Asks for access to all sites. Must be called straight from the click that starts a journey
 * (the browser only shows its prompt during a user gesture). A refusal is not an error: capture
 * then works through activeTab, from the keyboard shortcut and the toolbar button.
 */
export async function requestSiteAccess(permissions: PermissionsApi): Promise<boolean> {
  try {
    return await permissions.request({ origins: [ALL_SITES] });
  } catch {
    return permissions.contains({ origins: [ALL_SITES] }).catch(() => false);
  }
}
