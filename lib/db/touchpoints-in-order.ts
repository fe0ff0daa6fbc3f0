import { db } from './database';

/** A journey's touchpoints in their order (by sequence number), as a query to finish. */
export function touchpointsInOrder(journeyId: string) {
  return db.touchpoints.where('[journeyId+seq]').between([journeyId, 0], [journeyId, Infinity]);
}
