// Editing a journey's touchpoints as a whole, from the dashboard's timeline: reorder, edit in
// bulk, delete several. Each is one transaction and hands back what undo needs.

import { touchpoint, type Touchpoint } from '../model';
import { db } from './database';
import type { DeletedTouchpoint, TouchpointPatch } from './touchpoints';

/**
 * Puts a journey's touchpoints in a new order. The sequence numbers they already have are
 * dealt out again in that order, so no number is ever taken twice (a deleted touchpoint that
 * comes back with undo keeps its own).
 */
export async function reorderTouchpoints(journeyId: string, orderedIds: string[]): Promise<void> {
  await db.transaction('rw', db.touchpoints, async () => {
    const current = await db.touchpoints
      .where('[journeyId+seq]')
      .between([journeyId, 0], [journeyId, Infinity])
      .toArray();
    const byId = new Map(current.map((t) => [t.id, t]));
    if (orderedIds.length !== current.length || orderedIds.some((id) => !byId.has(id))) {
      throw new Error('The journey changed meanwhile; try again.');
    }
    const seqs = current.map((t) => t.seq);
    await db.touchpoints.bulkPut(orderedIds.map((id, i) => ({ ...byId.get(id)!, seq: seqs[i]! })));
  });
}

/** Moves one touchpoint up or down by `offset` places; returns the order before, for undo. */
export async function moveTouchpoint(journeyId: string, id: string, offset: number): Promise<string[]> {
  const ids = (
    await db.touchpoints.where('[journeyId+seq]').between([journeyId, 0], [journeyId, Infinity]).toArray()
  ).map((t) => t.id);
  const from = ids.indexOf(id);
  if (from < 0) throw new Error('This touchpoint no longer exists.');
  const to = Math.min(ids.length - 1, Math.max(0, from + offset));
  const next = [...ids];
  next.splice(to, 0, ...next.splice(from, 1));
  await reorderTouchpoints(journeyId, next);
  return ids;
}

/** Applies one change to several touchpoints; returns them as they were, for undo. */
export async function updateTouchpoints(ids: string[], patch: TouchpointPatch): Promise<Touchpoint[]> {
  return db.transaction('rw', db.touchpoints, async () => {
    const before = (await db.touchpoints.bulkGet(ids)).filter((t) => t !== undefined);
    const after = before.map((t) => touchpoint.parse({ ...t, ...patch }));
    await db.touchpoints.bulkPut(after);
    return before;
  });
}

/** Puts touchpoints back as they were (undo of a bulk edit). */
export async function putBackTouchpoints(records: Touchpoint[]): Promise<void> {
  await db.touchpoints.bulkPut(records);
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
