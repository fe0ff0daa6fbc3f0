// The clicks of an auto-record burst: the first becomes a draft touchpoint, the rest are counted
// on it. Shared by auto-record (which opens bursts) and the capture pipeline (which saves drafts).

import { addExtraClicks } from '../db/new-touchpoints';

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

/**
 * One more click in the tab: counted in its burst if one is open (clicks at most `gapMs` apart),
 * returning the count's write; undefined when the click starts a new burst. Decided before
 * anything is awaited, so two clicks never both open a burst.
 */
export function countExtraClick(tabId: number, now: number, gapMs: number): Promise<void> | undefined {
  const burst = bursts.get(tabId);
  if (!burst || now - burst.lastClickAt > gapMs) return undefined;
  burst.lastClickAt = now;
  return addExtraClick(burst);
}

async function addExtraClick(burst: Burst): Promise<void> {
  if (!burst.saved) {
    uncommittedExtraClicks.set(burst.touchpointId, (uncommittedExtraClicks.get(burst.touchpointId) ?? 0) + 1);
    return;
  }
  await addExtraClicks(burst.touchpointId, 1);
}

/** Starts a burst with a click; returns the id its draft touchpoint will have. */
export function openBurst(tabId: number, now: number): string {
  const touchpointId = crypto.randomUUID();
  bursts.set(tabId, { touchpointId, lastClickAt: now, saved: false });
  return touchpointId;
}

export function forgetBurst(tabId: number): void {
  bursts.delete(tabId);
}
