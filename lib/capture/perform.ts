import { browser } from 'wxt/browser';
import { db } from '../db/database';
import { commitCapture } from '../db/touchpoints';
import { dataUrlToBlob, encodeScreenshot } from './encode';
import { CaptureError } from './errors';
import { preparePage, restorePage } from './page-agent';
import type { CaptureJob } from './queue';
import type { RateGate } from './rate-gate';

/**
 * One capture, as DESIGN.md §5 draws it: mask the page, capture the visible area, restore the
 * page, encode, then write screenshot and touchpoint in one transaction.
 */
export async function performCapture(job: CaptureJob, gate: RateGate): Promise<void> {
  const walk = await db.journeys.get(job.journeyId);
  if (!walk) throw new CaptureError('The journey no longer exists. Nothing was saved.');
  if (walk.status !== 'active') throw new CaptureError('The journey is not recording. Resume it, then capture again.');

  const page = await preparePage(job.tabId, walk.masking);
  let dataUrl: string;
  try {
    const tab = await browser.tabs.get(job.tabId);
    if (!tab.active)
      throw new CaptureError(
        'The tab was no longer in front when its turn came, so it was not captured. Nothing was saved.',
      );
    await gate.acquire();
    dataUrl = await browser.tabs.captureVisibleTab(job.windowId, { format: 'png' });
  } finally {
    await restorePage(job.tabId).catch(() => undefined);
  }

  const image = await encodeScreenshot(dataUrlToBlob(dataUrl), page.devicePixelRatio);
  await commitCapture({
    id: job.id,
    journeyId: job.journeyId,
    capturedAt: job.requestedAt,
    url: page.url,
    pageTitle: page.title,
    image,
  });
}
