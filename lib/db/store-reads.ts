import type { IDBPObjectStore } from 'idb';
import type { StoreSchema, Table } from './store';

/** Any transaction that includes the touchpoints. */
interface WithTouchpoints {
  objectStore(
    name: 'touchpoints',
  ): Pick<IDBPObjectStore<StoreSchema, ArrayLike<Table>, 'touchpoints', IDBTransactionMode>, 'index'>;
}

/** A journey's touchpoints, by sequence number, as a key range of the touchpoints' order index. */
function journeyRange(journeyId: string): IDBKeyRange {
  return IDBKeyRange.bound([journeyId, 0], [journeyId, Infinity]);
}

/** The journey's latest touchpoints, newest first. */
export async function latestTouchpoints(transaction: WithTouchpoints, journeyId: string, count: number) {
  const found = [];
  let cursor = await transaction
    .objectStore('touchpoints')
    .index('[journeyId+seq]')
    .openCursor(journeyRange(journeyId), 'prev');
  while (cursor) {
    found.push(cursor.value);
    // Not a step further than asked: each step is a round trip to the database.
    if (found.length >= count) break;
    cursor = await cursor.continue();
  }
  return found;
}

/** The journey's latest touchpoint, if it has one. */
export async function latestTouchpoint(transaction: WithTouchpoints, journeyId: string) {
  const [latest] = await latestTouchpoints(transaction, journeyId, 1);
  return latest;
}
