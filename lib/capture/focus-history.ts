import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/** Enough to find the window behind a closed pop-up, and a few more. */
const REMEMBERED = 20;

/**
 * Browser windows as they got focus, the latest last. In storage rather than in the worker's
 * memory: the service worker can stop between a pop-up getting focus and the next capture.
 */
export const focusedWindows = storage.defineItem<number[]>('local:focusedWindows', { fallback: [] });

/** browser.windows.WINDOW_ID_NONE in Chrome and Firefox alike. */
const WINDOW_ID_NONE = -1;

let updates: Promise<unknown> = Promise.resolve();

/** Adds a window that got focus (one at a time, so two quick changes do not undo each other). */
export function rememberFocus(windowId: number): Promise<void> {
  const next = updates.then(async () => {
    const order = (await focusedWindows.getValue()).filter((id) => id !== windowId);
    await focusedWindows.setValue([...order, windowId].slice(-REMEMBERED));
  });
  updates = next.catch(() => undefined);
  return next;
}

/** Listens for focus changes, for as long as the background runs (a listener per worker start). */
export function trackWindowFocus(): void {
  browser.windows.onFocusChanged.addListener((windowId) => {
    // WINDOW_ID_NONE: the browser as a whole lost focus; the persona's window has not changed.
    if (windowId !== WINDOW_ID_NONE) void rememberFocus(windowId).catch(() => undefined);
  });
}
