// Dexie's live queries (the side panel, the dashboard) re-run when Dexie learns that a table
// changed: from its own writes, and from other pages and workers over a BroadcastChannel.
// Writes made without Dexie (store.ts) post the same message Dexie posts for a whole table,
// its ObservabilitySet (https://dexie.org/docs/Dexie/Dexie.on.storagemutated), on Dexie's
// channel. tests/unit/store.test.ts fails if a Dexie update changes either.

import { parseStore } from './schema-steps';
import { DB_NAME, DB_VERSIONS } from './versions';

/** Dexie 4's channel for changes made in other contexts. */
const DEXIE_CHANNEL = 'x-storagemutated-1';

/** A key range covering every key, as Dexie's RangeSet reaches another context. */
const EVERY_KEY = { d: 1, from: -Infinity, to: [[[]]] };

let channel: BroadcastChannel | undefined;

/** Tells every page's live queries over these tables to read them again. */
export function announceChanges(tables: readonly string[]): void {
  if (typeof BroadcastChannel === 'undefined') return;
  channel ??= openChannel();
  channel.postMessage(changedParts(tables));
}

function openChannel(): BroadcastChannel {
  const opened = new BroadcastChannel(DEXIE_CHANNEL);
  // Under Node (the unit tests), an open channel would keep the process running.
  (opened as BroadcastChannel & { unref?: () => void }).unref?.();
  return opened;
}

/** Every index of each table, its primary keys and its deletions: all of it may have changed. */
export function changedParts(tables: readonly string[]): Record<string, typeof EVERY_KEY> {
  const parts: Record<string, typeof EVERY_KEY> = {};
  for (const table of tables) {
    const prefix = `idb://${DB_NAME}/${table}/`;
    parts[prefix] = parts[`${prefix}:dels`] = EVERY_KEY;
    for (const index of indexesOf().get(table) ?? []) parts[prefix + index] = EVERY_KEY;
  }
  return parts;
}

let indexNames: Map<string, string[]> | undefined;

/** Each table's index names, as the latest version declaring the table has them. */
function indexesOf(): Map<string, string[]> {
  if (indexNames) return indexNames;
  // A version may declare only the tables it changed: the latest declaration of each counts.
  const stores: Record<string, string> = {};
  for (const version of DB_VERSIONS) Object.assign(stores, version.stores);
  indexNames = new Map(
    Object.entries(stores).map(([table, spec]) => [table, parseStore(spec).indexes.map((index) => index.name)]),
  );
  return indexNames;
}
