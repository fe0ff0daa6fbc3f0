import { existsSync, readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { TouchtrailDb } from '../../lib/db/database';
import { openDatabase } from '../../lib/db/store';
import { DB_VERSIONS, idbVersionOf, latestVersion } from '../../lib/db/versions';
import { journey, persona, screenshot, study, touchpoint } from '../../lib/model';

// For every schema version there is a fixture of data as that version stored it. Each is
// written into a database of that version, which is then opened with the current code: the
// upgrade must keep every row and leave it valid under today's schemas. A version without a
// fixture fails here, on purpose (DESIGN.md §8.4).

interface Fixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const SCHEMAS = {
  studies: study,
  personas: persona,
  journeys: journey,
  touchpoints: touchpoint,
  screenshots: screenshot,
};
const fixturePath = (version: number) => `tests/fixtures/db/v${version}.json`;

/** Screenshots are stored as Blobs; fixtures keep them in base64. */
function toStoredRow(table: string, row: Record<string, unknown>) {
  if (table !== 'screenshots') return row;
  return {
    ...row,
    image: new Blob([Buffer.from(String(row.image), 'base64')], { type: String(row.mime) }),
    thumbnail: new Blob([Buffer.from(String(row.thumbnail), 'base64')], { type: String(row.thumbnailMime) }),
  };
}

/**
 * Writes a version's fixture into a database of that version, then opens it with today's code:
 * in a page (Dexie upgrades it) or, first, in the background worker (store.ts upgrades it, and
 * the page's Dexie then finds it current).
 */
async function openUpgraded(version: number, firstOpenedBy: 'page' | 'worker' = 'page') {
  const fixture = JSON.parse(readFileSync(fixturePath(version), 'utf8')) as Fixture;
  expect(fixture.version).toBe(version);
  const name = `migration-from-v${version}`;

  const old = new Dexie(name);
  for (const step of DB_VERSIONS.filter((v) => v.version <= version)) old.version(step.version).stores(step.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) {
    await old.table(table).bulkAdd(rows.map((row) => toStoredRow(table, row)));
  }
  old.close();

  if (firstOpenedBy === 'worker') (await openDatabase(name)).close();
  const current = new TouchtrailDb(name);
  await current.open();
  return { fixture, current, name };
}

describe.each(DB_VERSIONS.map((v) => v.version))('database schema version %i', (version) => {
  it('has a fixture', () => {
    expect(existsSync(fixturePath(version)), `missing ${fixturePath(version)}`).toBe(true);
  });

  it.each(['page', 'worker'] as const)(
    'upgrades its fixture to the current version, keeping every row valid, when first opened by the %s',
    async (opener) => {
      const { fixture, current, name } = await openUpgraded(version, opener);
      // At the current version, and (first opened by the worker) with nothing for Dexie to adjust:
      // it bumps the version when the stored schema differs from what it declares.
      expect(current.backendDB().version).toBe(idbVersionOf(latestVersion()));
      for (const [table, schema] of Object.entries(SCHEMAS)) {
        const rows = await current.table<{ id: string }>(table).toArray();
        expect(rows.length, table).toBe(fixture.tables[table]?.length ?? 0);
        for (const row of rows) {
          const parsed = schema.safeParse(row);
          expect(parsed.error, `${table} ${row.id}`).toBeUndefined();
          // Stored as the current version stores it: no field left for a schema default to fill.
          expect(parsed.data, `${table} ${row.id}`).toEqual(row);
        }
      }
      // The indexes the side panel queries work on upgraded data.
      const journeyId = fixture.tables.journeys?.[0]?.id as string;
      const ordered = await current.touchpoints
        .where('[journeyId+seq]')
        .between([journeyId, 0], [journeyId, Infinity])
        .toArray();
      const fixtureSeqs = (fixture.tables.touchpoints ?? []).filter((t) => t.journeyId === journeyId).map((t) => t.seq);
      expect(ordered.map((t) => t.seq)).toEqual([...(fixtureSeqs as number[])].sort((a, b) => a - b));
      current.close();
      await Dexie.delete(name);
    },
  );
});

describe('version 3: study privacy settings', () => {
  it('gives a study stored before them the defaults: nothing more masked than before', async () => {
    const { current, name } = await openUpgraded(2);
    const [stored] = await current.studies.toArray();
    expect(stored?.privacy).toEqual({ maskAllText: false, hideMedia: false, alwaysMask: [] });
    current.close();
    await Dexie.delete(name);
  });
});
