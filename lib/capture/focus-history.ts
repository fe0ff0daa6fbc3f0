import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { defineCheckedItem, writeAlone } from '../extension-storage/checked-item';
import type { PanelFocusEvent, WindowFocusEvent } from './persona-focus';

/** Enough to find the window behind a closed pop-up, and a few more. */
const REMEMBERED = 30;

/**
 * Browser windows as they got focus, the latest last. In storage rather than in the worker's
 * memory: the service worker can stop between a pop-up getting focus and the next capture.
 */
export const windowFocusLog = defineCheckedItem<WindowFocusEvent[]>('local:windowFocusLog', {
  schema: z.array(z.object({ windowId: z.int(), at: z.number() })),
  fallback: [],
  version: 1,
});

/** When the side panel itself got or lost focus (written by the panel). */
export const panelFocusLog = defineCheckedItem<PanelFocusEvent[]>('local:panelFocusLog', {
  schema: z.array(z.object({ windowId: z.int(), kind: z.enum(['focus', 'blur']), at: z.number() })),
  fallback: [],
  version: 1,
});

/** Adds a window that got focus (one at a time, so two quick changes do not undo each other). */
export function rememberFocus(windowId: number, at = Date.now()): Promise<void> {
  return writeAlone('windowFocusLog', async () => {
    const log = await windowFocusLog.getValue();
    await windowFocusLog.setValue([...log, { windowId, at }].slice(-REMEMBERED));
  });
}

/** Listens for focus changes, for as long as the background runs (a listener per worker start). */
export function trackWindowFocus(): void {
  // The browser losing focus as a whole is kept too: it tells a panel that lost focus to
  // another application from one that lost it to the page beside it.
  browser.windows.onFocusChanged.addListener((windowId) => void rememberFocus(windowId).catch(() => undefined));
}

/** The side panel in `windowId` got or lost focus (one panel per window writes, in order). */
export async function rememberPanelFocus(windowId: number, kind: PanelFocusEvent['kind'], at = Date.now()) {
  const log = await panelFocusLog.getValue();
  await panelFocusLog.setValue([...log, { windowId, kind, at }].slice(-REMEMBERED));
}
