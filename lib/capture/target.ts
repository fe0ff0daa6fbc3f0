import { browser } from 'wxt/browser';
import { CaptureError } from './errors';
import { panelFocusLog, windowFocusLog } from './focus-history';
import { personaFocusOrder } from './persona-focus';
import { chooseCaptureTarget, type ChosenTarget } from './window-choice';

export interface CaptureTarget {
  tabId: number;
  windowId: number;
}

/**
 * Finds the tab to capture: the active tab of the journey's window focused last (a pop-up the
 * journey opened included, see chooseCaptureTarget). Before any focus was seen: the active tab
 * of the given normal window, or, when the request came from a panel without one (a panel page
 * in a window of its own), of the last focused normal browser window.
 */
export async function resolveCaptureTarget(windowId?: number): Promise<CaptureTarget> {
  const chosen = await currentCaptureTarget();
  if (chosen) return { tabId: chosen.tabId, windowId: chosen.windowId };
  const targetWindowId = windowId ?? (await lastFocusedNormalWindowId());
  const [tab] = await browser.tabs.query({ active: true, windowId: targetWindowId });
  if (tab?.id === undefined)
    throw new CaptureError('There is no open tab to capture. Open the site you are walking and try again.');
  return { tabId: tab.id, windowId: targetWindowId };
}

/** The tab "Capture touchpoint" takes now, from the browser's windows and the focus remembered. */
export async function currentCaptureTarget(): Promise<ChosenTarget | undefined> {
  const [windows, windowLog, panelLog] = await Promise.all([
    browser.windows.getAll({ populate: true, windowTypes: ['normal', 'popup'] }),
    windowFocusLog.getValue(),
    panelFocusLog.getValue(),
  ]);
  const extensionOrigin = browser.runtime.getURL('/');
  return chooseCaptureTarget(windows, personaFocusOrder(windowLog, panelLog), (url) => url.startsWith(extensionOrigin));
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

/**
 * What the panel shows as the capture target: the tab "Capture touchpoint" would take now (see
 * resolveCaptureTarget), with its title and address when the browser tells them (site access).
 */
export async function describeCaptureTarget(windowId?: number): Promise<ChosenTarget | undefined> {
  const chosen = await currentCaptureTarget();
  if (chosen) return chosen;
  const fallback = await resolveCaptureTarget(windowId).catch(() => undefined);
  if (!fallback) return undefined;
  const tab = await browser.tabs.get(fallback.tabId);
  return { ...fallback, popup: false, url: tab.url, title: tab.title };
}
