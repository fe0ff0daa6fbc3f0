// Editing a journey's touchpoints as a whole, from the dashboard's timeline: reorder, edit in
// bulk, delete several. Each is one transaction and hands back what undo needs.

import { touchpoint, type Touchpoint } from '../model';
import { db } from './database';
import type { TouchpointPatch } from './touchpoints';
import { touchpointsInOrder } from './touchpoints-in-order';

/**
 * Puts a journey's touchpoints in a new order. The sequence numbers they already have are
 * dealt out again in that order, so no number is ever taken twice (a deleted touchpoint that
 * comes back with undo keeps its own).
 */
export async function reorderTouchpoints(journeyId: string, orderedIds: string[]): Promise<void> {
  await db.transaction('rw', db.touchpoints, async () => {
    const current = await touchpointsInOrder(journeyId).toArray();
    const byId = new Map(current.map((t) => [t.id, t]));
    if (orderedIds.length !== current.length || orderedIds.some((id) => !byId.has(id))) {
      throw new Error('The journey changed meanwhile; try again.');
    }
    const seqs = current.map((t) => t.seq);
    await db.touchpoints.bulkPut(orderedIds.map((id, i) => ({ ...byId.get(id)!, seq: seqs[i]! })));
  });
}

/**
 * Moves one touchpoint up or down by `offset` places, reading the order afresh in the same
 * transaction (quick repeated moves each start where the last one ended). Returns the order
 * before, for undo, and the place it moved to.
 */
export async function moveTouchpoint(journeyId: string, id: string, offset: number) {
  return db.transaction('rw', db.touchpoints, async () => {
    const ids = (await touchpointsInOrder(journeyId).toArray()).map((t) => t.id);
    const from = ids.indexOf(id);
    if (from < 0) throw new Error('This touchpoint no longer exists.');
    const to = Math.min(ids.length - 1, Math.max(0, from + offset));
    const next = [...ids];
    next.splice(to, 0, ...next.splice(from, 1));
    await reorderTouchpoints(journeyId, next);
    return { before: ids, place: to + 1 };
  });
}

/** A bulk edit, as undo needs it: the change, and each touchpoint's values before it. */
export interface BulkEdit {
  patch: TouchpointPatch;
  before: { id: string; values: Partial<Touchpoint> }[];
}

/** Applies one change to several touchpoints in one transaction. */
export async function updateTouchpoints(ids: string[], patch: TouchpointPatch): Promise<BulkEdit> {
  const keys = Object.keys(patch) as (keyof Touchpoint)[];
  return db.transaction('rw', db.touchpoints, async () => {
    const found = (await db.touchpoints.bulkGet(ids)).filter((t) => t !== undefined);
    const updatedAt = Date.now();
    await db.touchpoints.bulkPut(found.map((t) => touchpoint.parse({ ...t, ...patch, updatedAt })));
    return { patch, before: found.map((t) => ({ id: t.id, values: pick(t, keys) })) };
  });
}

/**
 * Undoes a bulk edit: each touchpoint that still exists and still holds a changed value gets its
 * old one back; what was edited since, and what was deleted since, stay as they are.
 */
export async function undoBulkEdit(edit: BulkEdit): Promise<void> {
  await db.transaction('rw', db.touchpoints, async () => {
    for (const { id, values } of edit.before) {
      const current = await db.touchpoints.get(id);
      if (!current) continue;
      const reverted = Object.fromEntries(
        Object.entries(values).filter(
          ([key]) =>
            JSON.stringify(current[key as keyof Touchpoint]) ===
            JSON.stringify(edit.patch[key as keyof TouchpointPatch]),
        ),
      );
      await db.touchpoints.put({ ...current, ...reverted, updatedAt: Date.now() });
    }
  });
}

function pick(record: Touchpoint, keys: (keyof Touchpoint)[]): Partial<Touchpoint> {
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}
