import { db } from '../db/database';
import type { ElementDescriptor } from '../model';
import { requestCapture } from './service';

/** Clicks closer together than this belong to one burst: its first click is captured, the rest counted. */
export const BURST_GAP_MS = 1000;

interface Burst {
  touchpointId: string;
  lastClickAt: number;
}

/** Per tab, the burst in progress (memory is enough: a burst lasts about a second). */
const bursts = new Map<number, Burst>();
/** Counted clicks whose draft is not saved yet, by touchpoint id. */
const uncommittedExtraClicks = new Map<string, number>();

type TabRef = { id: number; windowId?: number };

/** A real click, with auto-record on: a draft touchpoint, or one more click of the current burst. */
export async function recordAutoClick(journeyId: string, tab: TabRef, element: ElementDescriptor, now = Date.now()) {
  const burst = bursts.get(tab.id);
  if (burst && now - burst.lastClickAt <= BURST_GAP_MS) {
    burst.lastClickAt = now;
    await countExtraClick(burst.touchpointId);
    return;
  }
  const touchpointId = await requestCapture(journeyId, undefined, tab, { source: 'auto', element, draft: true });
  bursts.set(tab.id, { touchpointId, lastClickAt: now });
}

/** Arriving on a page (or a new single-page-app route), with auto-record on: a draft touchpoint. */
export async function recordAutoNavigation(journeyId: string, tab: TabRef, url: string) {
  bursts.delete(tab.id);
  await requestCapture(journeyId, undefined, tab, { source: 'auto', draft: true, url });
}

/** The clicks counted for a draft not yet saved; the capture pipeline adds them when it saves it. */
export function takeExtraClicks(touchpointId: string): number {
  const count = uncommittedExtraClicks.get(touchpointId) ?? 0;
  uncommittedExtraClicks.delete(touchpointId);
  return count;
}

async function countExtraClick(touchpointId: string): Promise<void> {
  const saved = await db.transaction('rw', db.touchpoints, async () => {
    const point = await db.touchpoints.get(touchpointId);
    if (point) await db.touchpoints.update(touchpointId, { extraClicks: point.extraClicks + 1 });
    return Boolean(point);
  });
  if (!saved) uncommittedExtraClicks.set(touchpointId, (uncommittedExtraClicks.get(touchpointId) ?? 0) + 1);
}

export function forgetBurst(tabId: number): void {
  bursts.delete(tabId);
}
