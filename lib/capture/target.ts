import { browser } from 'wxt/browser';
import { CaptureError } from './errors';

export interface CaptureTarget {
  tabId: number;
  windowId: number;
}

/**
 * Finds the tab to capture: the active tab of the given normal window, or, when the request
 * came from a panel without one (a panel page in a window of its own), of the last focused
 * normal browser window.
 */
export async function resolveCaptureTarget(windowId?: number): Promise<CaptureTarget> {
  const targetWindowId = windowId ?? (await lastFocusedNormalWindowId());
  const [tab] = await browser.tabs.query({ active: true, windowId: targetWindowId });
  if (tab?.id === undefined)
    throw new CaptureError('There is no open tab to capture. Open the site you are walking and try again.');
  return { tabId: tab.id, windowId: targetWindowId };
}

async function lastFocusedNormalWindowId(): Promise<number> {
  const focused = await browser.windows.getLastFocused({ windowTypes: ['normal'] }).catch(() => undefined);
  if (focused?.id !== undefined && focused.type === 'normal') return focused.id;
  const windows = await browser.windows.getAll({ windowTypes: ['normal'] });
  const fallback = windows.find((w) => w.focused) ?? windows[0];
  if (fallback?.id === undefined)
    throw new CaptureError('There is no browser window to capture. Open the site you are walking and try again.');
  return fallback.id;
}

/** captureVisibleTab takes whatever tab is in front: check it is still the one asked for. */
export async function ensureInFront(job: CaptureTarget, what: string): Promise<void> {
  const [front] = await browser.tabs.query({ active: true, windowId: job.windowId });
  if (front?.id !== job.tabId) throw new CaptureError(`The tab ${what}, so it was not captured. Nothing was saved.`);
}
