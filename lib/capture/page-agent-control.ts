// The background's side of the page agent (whose own code, run in web pages, is lib/page-agent/):
// putting it into tabs, following the recording tabs, and the messages of a capture.

import { browser } from 'wxt/browser';
import {
  masksRemoved,
  preparedPage,
  restoredPage,
  type BackgroundToAgent,
  type PreparedPage,
} from '../messaging/protocol';
import { RECORDING_STATE_KEY, parseRecordingState } from '../extension-storage/recording-state';
import { CaptureError, MASKS_REMOVED } from './errors';
import { reportBackgroundFailure } from './report';

export const PAGE_AGENT_ID = 'touchtrail-page-agent';
export const PAGE_AGENT_FILE = '/page-agent.js';
/** The picker and the full-page scroller: injected only when they are used (lib/page-agent/page-tools-contract.ts). */
export const PAGE_TOOLS_FILE = '/page-tools.js';
const ALL_SITES = '<all_urls>';

/** Asks the page agent to mask the page for a capture, injecting it first when the tab has none. */
export async function preparePage(
  tabId: number,
  options: Omit<Extract<BackgroundToAgent, { type: 'prepare-capture' }>, 'type'>,
): Promise<PreparedPage> {
  const reply = await sendToAgent(tabId, { type: 'prepare-capture', ...options });
  const parsed = preparedPage.safeParse(reply);
  if (masksRemoved.safeParse(reply).success) throw new CaptureError(MASKS_REMOVED);
  if (!parsed.success) {
    throw new CaptureError(
      'The page did not let Touchtrail mask its form fields, so it was not captured. Reload the page and try again.',
    );
  }
  return parsed.data;
}

/**
 * Unmasks the page. True when the same page kept its masks until then, so the screenshot taken
 * meanwhile shows them; false when the page went (a navigation) or dropped its masks.
 */
export async function restorePage(tabId: number): Promise<boolean> {
  const message: BackgroundToAgent = { type: 'restore-after-capture' };
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, message);
    return restoredPage.safeParse(reply).data?.stillMasked === true;
  } catch {
    return false; // no page agent there any more
  }
}

/** Sends a message to the tab's page agent, injecting the agent first when the tab has none. */
export async function sendToAgent(tabId: number, message: BackgroundToAgent): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch {
    await injectPageAgent(tabId);
    return browser.tabs.sendMessage(tabId, message);
  }
}

/** Like sendToAgent, for a pick or a full page: the page tools are injected first (again is harmless). */
export async function sendToAgentWithTools(tabId: number, message: BackgroundToAgent): Promise<unknown> {
  await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_TOOLS_FILE] });
  return sendToAgent(tabId, message);
}

async function injectPageAgent(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_AGENT_FILE] });
}

/**
 * While a journey records and the researcher has granted access to all sites, the page agent
 * joins each page once the page has loaded (never before: the site's own load is not slowed),
 * and the tab in front when recording starts or another tab comes to the front. Without that
 * grant, or while nothing records, it is injected only for a capture, through activeTab.
 *
 * While nothing records, the worker does not listen to tab loads and switches at all: the browser
 * starts a stopped worker for every event it listens to, and a page load that starts one shares
 * the machine with it. The listeners are added as the worker starts (the event that woke it may be
 * one of them) and removed once the recording state is read and says nothing records; a change of
 * that state (an event of its own) adds them back.
 */
export function followRecordingTabs(): void {
  // Kept in memory, so a page load costs no storage read.
  let recording: Promise<boolean> = browser.storage.local
    .get(RECORDING_STATE_KEY)
    .then((stored) => isRecording(stored[RECORDING_STATE_KEY]))
    .catch(() => false);
  const joinIfRecording = async (tabId: number) => {
    if (await recording) await joinTab(tabId).catch(reportJoinFailure);
  };
  const tabs = tabEventsToFollow(joinIfRecording);
  tabs.listen(true);
  const read = recording;
  void read.then((on) => recording === read && tabs.listen(on));
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[RECORDING_STATE_KEY];
    if (area !== 'local' || !change) return;
    const on = isRecording(change.newValue);
    recording = Promise.resolve(on);
    tabs.listen(on);
    if (!on || isRecording(change.oldValue)) return;
    browser.tabs
      .query({ active: true })
      .then((active) => active.forEach((tab) => tab.id !== undefined && void joinTab(tab.id).catch(reportJoinFailure)))
      .catch(reportJoinFailure);
  });
  forgetRegisteredAgent().catch((error: unknown) =>
    reportBackgroundFailure(error, 'remove the page-agent registration of an earlier version'),
  );
}

/** The tab events a recording follows: a page loaded, another tab in front. */
function tabEventsToFollow(join: (tabId: number) => Promise<void>) {
  const loaded = (tabId: number, change: { status?: string }) => {
    if (change.status === 'complete') void join(tabId);
  };
  const inFront = ({ tabId }: { tabId: number }) => void join(tabId);
  return {
    listen(on: boolean) {
      if (on === browser.tabs.onUpdated.hasListener(loaded)) return;
      if (on) {
        browser.tabs.onUpdated.addListener(loaded);
        browser.tabs.onActivated.addListener(inFront);
      } else {
        browser.tabs.onUpdated.removeListener(loaded);
        browser.tabs.onActivated.removeListener(inFront);
      }
    },
  };
}

/** The agent could not join a page: the page is observed for friction signals no more; captures still work. */
function reportJoinFailure(error: unknown) {
  return reportBackgroundFailure(error, 'follow the page to observe it for friction signals (captures still work)');
}

/** Puts the agent into a tab that has none, when all sites are granted. */
async function joinTab(tabId: number): Promise<void> {
  if (!(await browser.permissions.contains({ origins: [ALL_SITES] }))) return;
  const ping: BackgroundToAgent = { type: 'agent-ping' };
  const present = await browser.tabs.sendMessage(tabId, ping).then(Boolean, () => false);
  // Browser pages and the store refuse scripts: they are simply not observed.
  if (!present) await injectPageAgent(tabId).catch(() => undefined);
}

function isRecording(state: unknown): boolean {
  return parseRecordingState(state) !== null;
}

/** Earlier builds registered the agent for every page load, across restarts: that registration goes. */
async function forgetRegisteredAgent(): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [PAGE_AGENT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [PAGE_AGENT_ID] });
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
