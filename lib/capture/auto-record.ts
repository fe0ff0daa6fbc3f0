import type { ElementDescriptor } from '../model';
import { countExtraClick, forgetBurst, openBurst } from './bursts';
import { requestCapture } from './service';

/** Clicks closer together than this belong to one burst: its first click is captured, the rest counted. */
export const BURST_GAP_MS = 1000;

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
  const counted = countExtraClick(tab.id, now, BURST_GAP_MS);
  if (counted) return counted;
  // The burst exists before the request is queued, so that a draft saved at once still finds it.
  const touchpointId = openBurst(tab.id, now);
  try {
    await requestCapture(journeyId, undefined, tab, {
      id: touchpointId,
      source: 'auto',
      element,
      draft: true,
      url: pageUrl,
    });
  } catch (error) {
    forgetBurst(tab.id);
    throw error;
  }
}

/** Arriving on a page (or a new single-page-app route), with auto-record on: a draft touchpoint. */
export async function recordAutoNavigation(journeyId: string, tab: TabRef, url: string) {
  forgetBurst(tab.id);
  await requestCapture(journeyId, undefined, tab, { source: 'auto', draft: true, url });
}
