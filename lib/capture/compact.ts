import { readStore, writeStore } from '../db/store';
import { latestTouchpoints } from '../db/store-reads';
import type { Screenshot } from '../model';
import { encodeScreenshot } from './encode';

/**
 * A capture is stored as the browser's PNG, with that same PNG standing in as its thumbnail, so
 * the researcher never waits for the encoder (DESIGN.md §5). This tells such a screenshot apart:
 * a real thumbnail is always smaller than its image.
 */
export function awaitsCompaction(shot: Screenshot): boolean {
  return shot.mime === 'image/png' && !shot.unredacted && shot.thumbnail.size === shot.image.size;
}

/**
 * Re-encodes a touchpoint's screenshot stored straight from the browser as WebP plus a
 * thumbnail (a fraction of the size; text stays legible). A screenshot redacted or replaced
 * while this encoded is left as it now is.
 */
export async function compactScreenshot(touchpointId: string): Promise<void> {
  const shot = await readStore(['touchpoints', 'screenshots'], async (transaction) => {
    const point = await transaction.objectStore('touchpoints').get(touchpointId);
    return point?.screenshotId ? transaction.objectStore('screenshots').get(point.screenshotId) : undefined;
  });
  if (!shot || !awaitsCompaction(shot)) return;
  const encoded = await encodeScreenshot(shot.image, shot.devicePixelRatio);
  await writeStore(['screenshots'], async (transaction) => {
    const screenshots = transaction.objectStore('screenshots');
    const latest = await screenshots.get(shot.id);
    if (!latest || !awaitsCompaction(latest) || latest.image.size !== shot.image.size) return;
    await screenshots.put({ ...latest, ...encoded });
  });
}

/** How far back, in the journey being walked, a worker that starts looks for uncompressed captures. */
const RECENT_CAPTURES = 50;

/**
 * Compresses the screenshots of the journey being walked that a failed compression (a full
 * disk, a worker stopped mid-way) left as captured. Run when the worker starts; a screenshot that
 * still cannot be compressed stays as it is, for the next start.
 */
export async function compactLeftovers(journeyId: string | null): Promise<number> {
  if (!journeyId) return 0;
  const shots = await readStore(['touchpoints', 'screenshots'], async (transaction) => {
    const recent = await latestTouchpoints(transaction, journeyId, RECENT_CAPTURES);
    const screenshots = transaction.objectStore('screenshots');
    return Promise.all(recent.flatMap((point) => (point.screenshotId ? [screenshots.get(point.screenshotId)] : [])));
  });
  let compacted = 0;
  for (const shot of shots) {
    if (!shot || !awaitsCompaction(shot)) continue;
    await compactScreenshot(shot.touchpointId).then(
      () => compacted++,
      () => undefined,
    );
  }
  return compacted;
}
