import { browser } from 'wxt/browser';
import type { PanelToBackground } from '../messaging/protocol';
import { writeAlone } from '../extension-storage/checked-item';
import { captureStatus, type CaptureRetry, type CaptureStatus } from '../extension-storage/items';
import { CompactionError, describeCaptureError } from './errors';
import { recordCaptureProblem, type CaptureKind } from './problems';
import { resolveCaptureTarget } from './target';

/** What was asked for, and for which tab or window when that is known. */
export interface CaptureAttempt {
  kind: CaptureKind;
  tabId?: number;
  windowId?: number;
  /** The address the request was about (auto-record's), used when the tab's own is not known. */
  url?: string;
}

const RETRY_TYPES: Record<CaptureKind, PanelToBackground['type'] | undefined> = {
  capture: 'capture-touchpoint',
  // An auto-recorded moment has passed: trying again captures the page as it is now.
  auto: 'capture-touchpoint',
  pick: 'pick-element',
  'full-page': 'capture-full-page',
  background: undefined,
};

/** What a request from the panel asks for, as the problems list names it. */
export const PANEL_REQUEST_KINDS: Record<PanelToBackground['type'], CaptureKind> = {
  'capture-touchpoint': 'capture',
  'pick-element': 'pick',
  'capture-full-page': 'full-page',
};

export const DEFAULT_ACTION_TITLE = 'Open Touchtrail';

/**
 * The one place every capture failure ends: the panel's message (with "Try again"), the toolbar
 * button's badge and tooltip for when the panel is closed, and the "Recent capture problems" list.
 * Each is written even if another cannot be. Returns the message shown.
 */
export async function reportCaptureFailure(error: unknown, attempt: CaptureAttempt): Promise<string> {
  const message = describeCaptureError(error);
  const at = Date.now();
  // A compaction failure comes after the touchpoint was saved: capturing again would duplicate it.
  const type = RETRY_TYPES[attempt.kind];
  const retry: CaptureRetry | undefined =
    error instanceof CompactionError || !type ? undefined : { type, tabId: attempt.tabId, windowId: attempt.windowId };
  await Promise.allSettled([
    // What the previous capture masked is no news about this one.
    updateCaptureStatus(({ lastMasked: _, ...status }) => ({ ...status, lastError: { message, at, retry } })),
    browser.action.setBadgeText({ text: '!' }),
    browser.action.setTitle({ title: `Touchtrail: ${message}` }),
    addressOf(attempt).then((url) => recordCaptureProblem({ at, kind: attempt.kind, url, message })),
  ]);
  return message;
}

/**
 * Work of the background that no request is waiting on (a page's report, captures queued before
 * the worker stopped) failed: it goes to "Recent capture problems" and the console, not nowhere.
 */
export async function reportBackgroundFailure(error: unknown, doing: string): Promise<void> {
  console.error(`Touchtrail could not ${doing}:`, error);
  const said = error instanceof Error ? error.message : String(error);
  await recordCaptureProblem({
    at: Date.now(),
    kind: 'background',
    message: `Touchtrail could not ${doing}. (${said || 'No reason was given.'})`,
  }).catch(() => undefined);
}

/** The tab's address now, when the browser shows it to Touchtrail; else the one the request named. */
async function addressOf(attempt: CaptureAttempt): Promise<string | undefined> {
  const tabId =
    attempt.tabId ??
    (await resolveCaptureTarget(attempt.windowId).then(
      (target) => target.tabId,
      () => undefined,
    ));
  if (tabId === undefined) return attempt.url;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return tab?.url || tab?.pendingUrl || attempt.url;
}

/**
 * The one way to change the capture status, from the worker or the panel: one change at a time
 * across both, so that concurrent updates do not undo each other.
 */
export function updateCaptureStatus(change: (status: CaptureStatus) => CaptureStatus): Promise<void> {
  return writeAlone('captureStatus', async () => captureStatus.setValue(change(await captureStatus.getValue())));
}
