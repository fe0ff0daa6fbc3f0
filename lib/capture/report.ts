import { browser } from 'wxt/browser';
import type { PanelToBackground } from '../messaging/protocol';
import { captureStatus, type CaptureStatus } from '../walk/state';
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

/** What "Try again" sends: the same kind of request, for the same tab or window. */
export interface CaptureRetry {
  type: PanelToBackground['type'];
  tabId?: number;
  windowId?: number;
}

const RETRY_TYPES: Record<CaptureKind, PanelToBackground['type']> = {
  capture: 'capture-touchpoint',
  // An auto-recorded moment has passed: trying again captures the page as it is now.
  auto: 'capture-touchpoint',
  pick: 'pick-element',
  'full-page': 'capture-full-page',
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
  const retry: CaptureRetry | undefined =
    error instanceof CompactionError
      ? undefined
      : { type: RETRY_TYPES[attempt.kind], tabId: attempt.tabId, windowId: attempt.windowId };
  await Promise.allSettled([
    updateCaptureStatus((status) => ({ ...status, lastError: { message, at, retry } })),
    browser.action.setBadgeText({ text: '!' }),
    browser.action.setTitle({ title: `Touchtrail: ${message}` }),
    addressOf(attempt).then((url) => recordCaptureProblem({ at, kind: attempt.kind, url, message })),
  ]);
  return message;
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

let statusUpdates: Promise<unknown> = Promise.resolve();

/** Read-modify-write of the status, one at a time, so concurrent updates do not undo each other. */
export function updateCaptureStatus(change: (status: CaptureStatus) => CaptureStatus): Promise<void> {
  const next = statusUpdates.then(async () => captureStatus.setValue(change(await captureStatus.getValue())));
  statusUpdates = next.catch(() => undefined);
  return next;
}
