// The database as the background worker reaches it: plain IndexedDB through `idb` (a few KB),
// because Dexie (about 100 KB) would be most of the worker's code and of its start-up time.
// Pages keep Dexie for their queries and live views; both open the same schema (versions.ts),
// and every write made here is announced to the pages' live queries (announce-changes.ts).

import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Journey, Persona, Screenshot, Study, Touchpoint } from '../model';
import { announceChanges } from './announce-changes';
import { createSchema, type UpgradeTransaction } from './schema-steps';
import { DB_NAME, idbVersionOf, latestVersion } from './versions';
import { measured, START_STEPS } from '../timing';

export interface StoreSchema extends DBSchema {
  studies: { key: string; value: Study; indexes: { updatedAt: number } };
  personas: { key: string; value: Persona; indexes: { studyId: string } };
  journeys: { key: string; value: Journey; indexes: { studyId: string; personaId: string; status: string } };
  touchpoints: {
    key: string;
    value: Touchpoint;
    indexes: { '[journeyId+seq]': [string, number]; screenshotId: string };
  };
  screenshots: { key: string; value: Screenshot; indexes: { touchpointId: string } };
}

export type Table = StoreNames<StoreSchema>;
export type StoreTransaction<T extends Table[], Mode extends IDBTransactionMode> = IDBPTransaction<
  StoreSchema,
  T,
  Mode
>;

let opening: Promise<IDBPDatabase<StoreSchema>> | undefined;

/**
 * The open database, opened (and created or upgraded, as Dexie would) on first use. The
 * connection gives way when a page upgrades or deletes the database, and is opened again on
 * the next use.
 */
export function openStore(): Promise<IDBPDatabase<StoreSchema>> {
  opening ??= measured(
    START_STEPS.storeOpen,
    openDatabase(DB_NAME, {
      blocking: () => closeStore(),
      terminated: () => (opening = undefined),
    }),
  ).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/**
 * Opens a database of this schema at its newest version, creating or upgrading it as Dexie
 * would. A database at a later version (a newer Touchtrail's, or one Dexie adjusted) is opened
 * as it is, as Dexie opens it.
 */
export async function openDatabase(name: string, events: { blocking?: () => void; terminated?: () => void } = {}) {
  try {
    return await openDB<StoreSchema>(name, idbVersionOf(latestVersion()), {
      ...events,
      upgrade: (database, oldVersion, _newVersion, transaction) => {
        const upgrading = transaction as unknown as UpgradeTransaction;
        // A step that throws leaves the database as it was: the whole upgrade is undone (and
        // opening fails).
        upgrading.done.catch(() => undefined);
        createSchema(database as unknown as IDBPDatabase, oldVersion, upgrading).catch(() => abortQuietly(upgrading));
      },
    });
  } catch (error) {
    if (!isDomError(error, 'VersionError')) throw error;
    const opened = await openDB<StoreSchema>(name, undefined, events);
    if (opened.version > idbVersionOf(latestVersion())) return opened;
    // Deleted meanwhile, so opening without a version made an empty one: give it the schema.
    opened.close();
    return openDatabase(name, events);
  }
}

function isDomError(error: unknown, name: string): boolean {
  return error instanceof DOMException && error.name === name;
}

/** Closes the connection (a page wants to upgrade or delete the database); the next use reopens it. */
export function closeStore(): void {
  const closing = opening;
  opening = undefined;
  void closing?.then((database) => database.close()).catch(() => undefined);
}

/** Reads in one transaction. */
export async function readStore<const T extends Table[], R>(
  tables: T,
  work: (transaction: StoreTransaction<T, 'readonly'>) => Promise<R>,
): Promise<R> {
  return settle(await transactionOf(tables, 'readonly'), work);
}

/**
 * Writes in one transaction that lands whole or not at all: if `work` throws, nothing it wrote
 * is kept. Once committed, the pages' live queries over `tables` are told.
 */
export async function writeStore<const T extends Table[], R>(
  tables: T,
  work: (transaction: StoreTransaction<T, 'readwrite'>) => Promise<R>,
): Promise<R> {
  const result = await settle(await transactionOf(tables, 'readwrite'), work);
  announceChanges(tables);
  return result;
}

/** A transaction on the open connection; one the browser closed meanwhile is opened again, once. */
async function transactionOf<const T extends Table[], Mode extends IDBTransactionMode>(tables: T, mode: Mode) {
  try {
    return (await openStore()).transaction(tables, mode);
  } catch (error) {
    if (!isDomError(error, 'InvalidStateError')) throw error;
    closeStore();
    return (await openStore()).transaction(tables, mode);
  }
}

async function settle<T extends Table[], Mode extends IDBTransactionMode, R>(
  transaction: StoreTransaction<T, Mode>,
  work: (transaction: StoreTransaction<T, Mode>) => Promise<R>,
): Promise<R> {
  // Awaited below on success; on failure the abort must not surface as an unhandled rejection.
  transaction.done.catch(() => undefined);
  try {
    const result = await work(transaction);
    await transaction.done;
    return result;
  } catch (error) {
    abortQuietly(transaction);
    throw error;
  }
}

function abortQuietly(transaction: { abort(): void }) {
  try {
    transaction.abort();
  } catch {
    // Already aborted by the failed request.
  }
}
