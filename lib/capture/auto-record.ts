import { db } from '../db/database';
import type { ElementDescriptor } from '../model';
import { requestCapture } from './service';

/** Clicks closer together than this belong to one burst: its first click is captured, the rest counted. */
export const BURST_GAP_MS = 1000;

interface Burst {
  touchpointId: string;
  lastClickAt: number;
  /** Set by the capture pipeline once the draft is stored: later clicks go straight to it. */
  saved: boolean;
}

/** Per tab, the burst in progress (memory is enough: a burst lasts about a second). */
const bursts = new Map<number, Burst>();
/** Counted clicks whose draft is not saved yet, by touchpoint id. */
const uncommittedExtraClicks = new Map<string, number>();

type TabRef = { id: number; windowId?: number };

/**
 * A real click, with auto-record on: a draft touchpoint, or one more click of the current burst.
 * `pageUrl` is the address of the page clicked on, as the browser gave it with the click: the
 * draft keeps it even when the click leads elsewhere before the screenshot is taken.
 */
export async function recordAutoClick(
  journeyId: string,
  tab: TabRef,
  element: ElementDescriptor,
  pageUrl: string,
  now = Date.now(),
) {
  const burst = bursts.get(tab.id);
  if (burst && now - burst.lastClickAt <= BURST_GAP_MS) {
    burst.lastClickAt = now;
    await countExtraClick(burst);
    return;
  }
  // The burst exists before the request is queued, so that a draft saved at once still finds it.
  const touchpointId = crypto.randomUUID();
  bursts.set(tab.id, { touchpointId, lastClickAt: now, saved: false });
  try {
    await requestCapture(journeyId, undefined, tab, {
      id: touchpointId,
      source: 'auto',
      element,
      draft: true,
      url: pageUrl,
    });
  } catch (error) {
    bursts.delete(tab.id);
    throw error;
  }
}

/** Arriving on a page (or a new single-page-app route), with auto-record on: a draft touchpoint. */
export async function recordAutoNavigation(journeyId: string, tab: TabRef, url: string) {
  bursts.delete(tab.id);
  await requestCapture(journeyId, undefined, tab, { source: 'auto', draft: true, url });
}

/** The clicks counted for a draft not yet saved; the capture pipeline stores them with it. */
export function takeExtraClicks(touchpointId: string): number {
  const count = uncommittedExtraClicks.get(touchpointId) ?? 0;
  uncommittedExtraClicks.delete(touchpointId);
  return count;
}

/**
 * The pipeline has stored the draft: returns the clicks counted since it took them, and sends
 * every later click of the burst to the stored record. Synchronous on purpose: no click can
 * fall between the two.
 */
export function markDraftSaved(touchpointId: string): number {
  for (const burst of bursts.values()) if (burst.touchpointId === touchpointId) burst.saved = true;
  return takeExtraClicks(touchpointId);
}

async function countExtraClick(burst: Burst): Promise<void> {
  if (!burst.saved) {
    uncommittedExtraClicks.set(burst.touchpointId, (uncommittedExtraClicks.get(burst.touchpointId) ?? 0) + 1);
    return;
  }
  await db.touchpoints.where({ id: burst.touchpointId }).modify((point) => void (point.extraClicks += 1));
}

export function forgetBurst(tabId: number): void {
  bursts.delete(tabId);
}
