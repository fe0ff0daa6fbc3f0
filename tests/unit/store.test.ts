// The background worker reaches the database without Dexie (lib/db/store.ts); pages use Dexie.
// These tests hold the two together: the same schema whichever creates the database, and the
// pages' live views told of what the worker writes.

import { Dexie, liveQuery } from 'dexie';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { TouchtrailDb, db } from '../../lib/db/database';
import { commitCapture } from '../../lib/db/new-touchpoints';
import { listTouchpoints } from '../../lib/db/touchpoints';
import { closeStore, openDatabase, openStore } from '../../lib/db/store';
import { DB_NAME, DB_VERSIONS, idbVersionOf, latestVersion } from '../../lib/db/versions';
import { capturedPage, walkInProgress } from './factories';

/** What IndexedDB itself records of a database: its version, stores, keys and indexes. */
async function storedSchema(name: string) {
  const database = await openDB(name);
  const names = [...database.objectStoreNames];
  const transaction = database.transaction(names);
  const stores = names.map((storeName) => {
    const store = transaction.objectStore(storeName);
    const indexes = [...store.indexNames].map((indexName) => {
      const { keyPath, unique, multiEntry } = store.index(indexName);
      return { indexName, keyPath, unique, multiEntry };
    });
    return { storeName, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
  const { version } = database;
  database.close();
  return { version, stores };
}

function closeEveryConnection() {
  closeStore();
  db.close();
}

async function deleteTheDatabase() {
  closeStore();
  db.close();
  await db.delete();
}

describe('the database the background worker opens', () => {
  it('is created by the worker exactly as a page (Dexie) creates it', async () => {
    await deleteTheDatabase();
    await openStore();
    const madeByWorker = await storedSchema(DB_NAME);

    const madeByPage = new TouchtrailDb('made-by-a-page');
    await madeByPage.open();
    madeByPage.close();
    expect(madeByWorker).toEqual(await storedSchema('made-by-a-page'));
    expect(madeByWorker.stores.map((store) => store.storeName)).toEqual([
      'journeys',
      'personas',
      'screenshots',
      'studies',
      'touchpoints',
    ]);
    await madeByPage.delete();
  });

  it('created by the worker, is opened by a page at the same version, its data readable', async () => {
    await deleteTheDatabase();
    await openStore();
    await db.open();
    // Dexie found nothing to change: it upgrades (bumping the version) when the stored schema differs.
    expect(db.backendDB().version).toBe(idbVersionOf(latestVersion()));
    const { journey } = await walkInProgress();
    const point = await commitCapture(capturedPage(journey.id));
    expect(await db.touchpoints.get(point.id)).toEqual(point);
  });

  it('at a later version than this build knows, is opened as it is, as Dexie opens it', async () => {
    const { journey } = await walkInProgress();
    closeEveryConnection();
    const later = idbVersionOf(latestVersion()) + 1;
    (await openDB(DB_NAME, later)).close();
    const opened = await openStore();
    expect(opened.version).toBe(later);
    await expect(commitCapture(capturedPage(journey.id))).resolves.toMatchObject({ seq: 1 });
  });

  it('closed by the browser, is opened again for the next transaction', async () => {
    const { journey } = await walkInProgress();
    (await openStore()).close(); // as the browser closes a connection, without telling the worker
    await expect(commitCapture(capturedPage(journey.id))).resolves.toMatchObject({ seq: 1 });
  });

  it("gives way when a page deletes the database, and opens it again on the worker's next use", async () => {
    await openStore();
    db.close();
    await db.delete(); // waits for every connection, the worker's too, to close
    await db.open();
    const { journey } = await walkInProgress();
    await expect(commitCapture(capturedPage(journey.id))).resolves.toMatchObject({ seq: 1 });
  });
});

describe('an upgrade run by the worker', () => {
  it('that fails midway leaves the database as it was, at its version, every row unchanged', async () => {
    const name = 'upgrade-that-fails';
    const old = new Dexie(name);
    for (const step of DB_VERSIONS.filter((v) => v.version <= 2)) old.version(step.version).stores(step.stores);
    await old.open();
    const row = { id: 'study-1', name: 'Checkout', updatedAt: 1 };
    await old.table('studies').add(row);
    old.close();

    const lastStep = DB_VERSIONS.at(-1)!;
    const rows = vi.spyOn(lastStep, 'upgradeRows', 'get').mockReturnValue({
      studies: () => {
        throw new Error('a step that fails');
      },
    });
    try {
      await expect(openDatabase(name)).rejects.toThrow();
    } finally {
      rows.mockRestore();
    }
    const after = await openDB(name);
    expect(after.version).toBe(20);
    expect(await after.getAll('studies')).toEqual([row]);
    after.close();
    await Dexie.delete(name);
  });
});

describe("a page's live query", () => {
  it("shows a touchpoint the worker saved, without the page's own write", async () => {
    const { journey } = await walkInProgress();
    const seen: number[] = [];
    // The side panel's query: the journey's touchpoints in order, by the [journeyId+seq] index.
    const subscription = liveQuery(() => listTouchpoints(journey.id)).subscribe((points) => seen.push(points.length));
    try {
      await vi.waitFor(() => expect(seen).toEqual([0]));
      await commitCapture(capturedPage(journey.id));
      await vi.waitFor(() => expect(seen).toEqual([0, 1]));
    } finally {
      subscription.unsubscribe();
    }
  });
});
