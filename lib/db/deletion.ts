// Deleting touchpoints with their screenshots, and putting them back (undo).

import type { Screenshot, Touchpoint } from '../model';
import { db } from './database';

export interface DeletedTouchpoint {
  touchpoint: Touchpoint;
  screenshot?: Screenshot;
}

/** Deletes a touchpoint and its screenshot; keep the result to undo. */
export async function deleteTouchpoint(id: string): Promise<DeletedTouchpoint> {
  return db.transaction('rw', db.touchpoints, db.screenshots, async () => {
    const record = await db.touchpoints.get(id);
    if (!record) throw new Error('This touchpoint no longer exists.');
    const shot = record.screenshotId ? await db.screenshots.get(record.screenshotId) : undefined;
    await db.touchpoints.delete(id);
    if (shot) await db.screenshots.delete(shot.id);
    return { touchpoint: record, screenshot: shot };
  });
}

export function restoreTouchpoint(deleted: DeletedTouchpoint): Promise<void> {
  return restoreTouchpoints([deleted]);
}

/** Keeps auto-recorded drafts: they become ordinary touchpoints of the journey. */
export async function keepDrafts(ids: string[]): Promise<void> {
  await db.touchpoints.where('id').anyOf(ids).modify({ draft: false });
}

/** Discards drafts with their screenshots; keep the result to undo. */
export function discardDrafts(ids: string[]): Promise<DeletedTouchpoint[]> {
  return deleteTouchpoints(ids, (t) => t.draft);
}

export async function restoreTouchpoints(deleted: DeletedTouchpoint[]): Promise<void> {
  await db.transaction('rw', db.touchpoints, db.screenshots, async () => {
    await db.touchpoints.bulkPut(deleted.map((d) => d.touchpoint));
    await db.screenshots.bulkPut(deleted.flatMap((d) => (d.screenshot ? [d.screenshot] : [])));
  });
}

/** Deletes touchpoints with their screenshots; keep the result to undo. */
export async function deleteTouchpoints(
  ids: string[],
  which: (t: Touchpoint) => boolean = () => true,
): Promise<DeletedTouchpoint[]> {
  return db.transaction('rw', db.touchpoints, db.screenshots, async () => {
    const found = (await db.touchpoints.bulkGet(ids)).filter((t): t is Touchpoint => t !== undefined && which(t));
    const shots = await db.screenshots.bulkGet(found.map((t) => t.screenshotId ?? ''));
    await db.touchpoints.bulkDelete(found.map((t) => t.id));
    await db.screenshots.bulkDelete(found.flatMap((t) => (t.screenshotId ? [t.screenshotId] : [])));
    return found.map((t, i) => ({ touchpoint: t, screenshot: shots[i] ?? undefined }));
  });
}
