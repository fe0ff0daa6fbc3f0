// Creates and upgrades the database outside Dexie (in the background worker) exactly as Dexie
// does from the same declarations in versions.ts: same stores, same indexes, same row upgrades.
// tests/unit/store-schema.test.ts holds the two to each other.

import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { DB_VERSIONS, idbVersionOf, type DbVersion } from './versions';

export type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

interface IndexSpec {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

/** Dexie's notation of one key: "id", "&email", "*tags", "++id", "[journeyId+seq]". */
function parseKeySpec(spec: string): IndexSpec & { autoIncrement: boolean } {
  const name = spec.replace(/^(\+\+|&|\*)/, '');
  const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name;
  return {
    name,
    keyPath,
    unique: spec.startsWith('&'),
    multiEntry: spec.startsWith('*'),
    autoIncrement: spec.startsWith('++'),
  };
}

/** A table's declaration in Dexie's notation: its primary key, then its indexes. */
export function parseStore(spec: string) {
  const [primary = '', ...indexes] = spec.split(',').map((part) => part.trim());
  return { primary: parseKeySpec(primary), indexes: indexes.filter(Boolean).map(parseKeySpec) };
}

/** Runs, inside the browser's upgrade transaction, every version step newer than the stored one. */
export async function createSchema(database: IDBPDatabase, oldVersion: number, transaction: UpgradeTransaction) {
  for (const step of DB_VERSIONS.filter((v) => idbVersionOf(v.version) > oldVersion)) {
    declareStores(database, transaction, step);
    // A database created now has no rows to bring up to date (Dexie skips them too).
    if (oldVersion > 0 && step.upgradeRows) await upgradeRows(transaction, step.upgradeRows);
  }
}

function declareStores(database: IDBPDatabase, transaction: UpgradeTransaction, step: DbVersion) {
  for (const [table, spec] of Object.entries(step.stores)) {
    const { primary, indexes } = parseStore(spec);
    const store = database.objectStoreNames.contains(table)
      ? transaction.objectStore(table)
      : database.createObjectStore(table, {
          keyPath: primary.keyPath || undefined,
          autoIncrement: primary.autoIncrement,
        });
    const declared = new Set(indexes.map((index) => index.name));
    for (const existing of [...store.indexNames]) if (!declared.has(existing)) store.deleteIndex(existing);
    for (const index of indexes) {
      if (store.indexNames.contains(index.name)) continue;
      store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  }
}

async function upgradeRows(transaction: UpgradeTransaction, upgrades: NonNullable<DbVersion['upgradeRows']>) {
  for (const [table, upgrade] of Object.entries(upgrades)) {
    let cursor = await transaction.objectStore(table).openCursor();
    while (cursor) {
      const row = cursor.value as Record<string, unknown>;
      upgrade(row);
      await cursor.update(row);
      cursor = await cursor.continue();
    }
  }
}
