// Dexie's live queries (the side panel, the dashboard) re-run when Dexie learns that a table
// changed: from its own writes, and from other pages and workers over a BroadcastChannel.
// Writes made without Dexie (store.ts) post the same message Dexie posts for a whole table,
// its ObservabilitySet (https://dexie.org/docs/Dexie/Dexie.on.storagemutated), on Dexie's
// channel. tests/unit/store-live.test.ts fails if a Dexie update changes either.

import { parseKeySpec } from './schema-steps';
import { DB_NAME, DB_VERSIONS } from './versions';

/** Dexie 4's channel for changes made in other contexts. */
const DEXIE_CHANNEL = 'x-storagemutated-1';

/** A key range covering every key, as Dexie's RangeSet reaches another context. */
const EVERY_KEY = { d: 1, from: -Infinity, to: [[[]]] };

let channel: BroadcastChannel | undefined;

/** Tells every page's live queries over these tables to read them again. */
export function announceChanges(tables: readonly string[]): void {
  if (typeof BroadcastChannel === 'undefined') return;
  channel ??= new BroadcastChannel(DEXIE_CHANNEL);
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  channel.postMessage(changedParts(tables));
}

/** Every index of each table, its primary keys and its deletions: all of it may have changed. */
export function changedParts(tables: readonly string[]): Record<string, typeof EVERY_KEY> {
  // A version may declare only the tables it changed: the latest declaration of each counts.
  const stores: Record<string, string> = {};
  for (const version of DB_VERSIONS) Object.assign(stores, version.stores);
  const parts: Record<string, typeof EVERY_KEY> = {};
  for (const table of tables) {
    const prefix = `idb://${DB_NAME}/${table}/`;
    parts[prefix] = parts[`${prefix}:dels`] = EVERY_KEY;
    const indexes = (stores[table] ?? '').split(',').slice(1);
    for (const index of indexes) parts[prefix + parseKeySpec(index.trim()).name] = EVERY_KEY;
  }
  return parts;
}
