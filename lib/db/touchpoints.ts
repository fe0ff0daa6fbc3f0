import { touchpoint, type Touchpoint } from '../model';
import { db } from './database';
import { touchpointsInOrder } from './touchpoints-in-order';

/** Annotations are saved through saveAnnotations, which keeps redactions burned into the image. */
export type TouchpointPatch = Partial<Omit<Touchpoint, 'id' | 'journeyId' | 'seq' | 'screenshotId' | 'annotations'>>;

/** Applies an annotation edit; the result is validated, so bad input never reaches the store. */
export async function updateTouchpoint(id: string, patch: TouchpointPatch): Promise<Touchpoint> {
  return db.transaction('rw', db.touchpoints, async () => {
    const current = await db.touchpoints.get(id);
    if (!current) throw new Error('This touchpoint no longer exists.');
    const next = touchpoint.parse({ ...current, ...patch, updatedAt: Date.now() });
    await db.touchpoints.put(next);
    return next;
  });
}

export function listTouchpoints(journeyId: string): Promise<Touchpoint[]> {
  return touchpointsInOrder(journeyId).toArray();
}
