// Fuzzing the import as the dashboard runs it (readImport, then mergeImport, with the real image
// header check and a stand-in decoder): random bytes, damaged JSON exports and damaged bundles.
// Every file is either imported whole, leaving a study that holds together, or refused with an
// ImportError a researcher can read, the database left exactly as it was.

import fc from 'fast-check';
import { unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { describe, expect, it } from 'vitest';
import { commitCapture, createPersona, db, startJourney, updateTouchpoint } from '../../lib/db';
import { writeBundle } from '../../lib/export/bundle';
import { gatherExport } from '../../lib/export/gather';
import { buildExport } from '../../lib/export/json';
import { ImportError } from '../../lib/import/errors';
import { checkImageHeader } from '../../lib/import/image-header';
import { mergeImport } from '../../lib/import/merge';
import { readImport, type ImportBatch } from '../../lib/import/read';
import { capturedPage, decodeStandIn, walkInProgress } from './factories';

/** Runs per property; FUZZ_RUNS=2000 fuzzes deeper, with a time limit that grows to match. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const TIMEOUT_MS = Math.max(40_000, RUNS * 300);

/** A PNG's signature and size header: all the import's image check reads of it. */
function png(width: number, height: number): Blob {
  const bytes = new Uint8Array(40);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return new Blob([bytes], { type: 'image/png' });
}

/** Two personas, two journeys, four touchpoints (three with screenshots), recorded as the app does. */
async function smallStudy(): Promise<string> {
  const { study, journey } = await walkInProgress();
  const dana = await createPersona({ studyId: study.id, name: 'Dana', summary: 'Returns boots', goals: [] });
  const returns = await startJourney({ studyId: study.id, personaId: dana.id, title: 'Return', scenario: '' });
  const image = {
    image: png(1280, 800),
    thumbnail: png(320, 200),
    width: 1280,
    height: 800,
    devicePixelRatio: 1,
    mime: 'image/png' as const,
    thumbnailMime: 'image/png' as const,
  };
  const first = await commitCapture(capturedPage(journey.id, { image }));
  await commitCapture(capturedPage(journey.id, { image }));
  await commitCapture(capturedPage(journey.id, { image: undefined }));
  await commitCapture(capturedPage(returns.id, { image }));
  await updateTouchpoint(first.id, { emotion: -1, friction: { severity: 'major', categories: ['slow'], notes: 'x' } });
  return study.id;
}

const tables = () => [db.studies, db.personas, db.journeys, db.touchpoints, db.screenshots];

async function readRows() {
  const [studies, personas, journeys, touchpoints, screenshots] = await Promise.all([
    db.studies.toArray(),
    db.personas.toArray(),
    db.journeys.toArray(),
    db.touchpoints.toArray(),
    db.screenshots.toArray(),
  ]);
  return { studies, personas, journeys, touchpoints, screenshots };
}
type Rows = Awaited<ReturnType<typeof readRows>>;

/** Empties the database, then writes the given rows back. */
async function restore(rows?: Rows) {
  await db.transaction('rw', tables(), async () => {
    for (const table of tables()) await table.clear();
    if (!rows) return;
    await db.studies.bulkAdd(rows.studies);
    await db.personas.bulkAdd(rows.personas);
    await db.journeys.bulkAdd(rows.journeys);
    await db.touchpoints.bulkAdd(rows.touchpoints);
    await db.screenshots.bulkAdd(rows.screenshots);
  });
}

/** The rows with every Blob read into its bytes, so two snapshots compare by content. */
async function comparable(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { type: value.type, bytes: Buffer.from(await value.arrayBuffer()).toString('hex') };
  if (Array.isArray(value)) return Promise.all(value.map(comparable));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await comparable(v)]));
    return Object.fromEntries(entries);
  }
  return value;
}

/** What does not hold together in the stored rows: missing owners, screenshots, and orphans. */
function problemsOf(rows: Rows, batch: ImportBatch): string[] {
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((r) => [r.id, r]));
  const [studies, personas, journeys] = [byId(rows.studies), byId(rows.personas), byId(rows.journeys)];
  const [touchpoints, screenshots] = [byId(rows.touchpoints), byId(rows.screenshots)];
  const problems: string[] = [];
  const imported = [batch.study, ...batch.personas, ...batch.journeys, ...batch.touchpoints];
  const stored = new Set([...studies.keys(), ...personas.keys(), ...journeys.keys(), ...touchpoints.keys()]);
  for (const record of imported) if (!stored.has(record.id)) problems.push(`${record.id} was not imported`);
  for (const p of rows.personas) if (!studies.has(p.studyId)) problems.push(`persona ${p.id} has no study`);
  for (const j of rows.journeys) {
    if (!studies.has(j.studyId)) problems.push(`journey ${j.id} has no study`);
    if (!personas.has(j.personaId)) problems.push(`journey ${j.id} has no persona`);
  }
  for (const t of rows.touchpoints) {
    if (!journeys.has(t.journeyId)) problems.push(`touchpoint ${t.id} has no journey`);
    if (t.screenshotId && screenshots.get(t.screenshotId)?.touchpointId !== t.id)
      problems.push(`touchpoint ${t.id} lacks its screenshot`);
  }
  for (const s of rows.screenshots)
    if (touchpoints.get(s.touchpointId)?.screenshotId !== s.id) problems.push(`screenshot ${s.id} is an orphan`);
  return problems;
}

function expectReadableRefusal(error: unknown) {
  expect(error).toBeInstanceOf(ImportError);
  const { message } = error as ImportError;
  expect(message.trim()).not.toBe('');
  expect(message).not.toMatch(/undefined|NaN|\[object |\n\s*at /);
  expect(message.length).toBeLessThan(1_000);
}

/** Imports as the dashboard does: the file is imported whole, or refused with nothing written. */
async function importWholeOrNothing(file: Blob) {
  const before = await comparable(await readRows());
  let batch: ImportBatch;
  try {
    batch = await readImport(file, { checkImage: checkImageHeader, decodeImage: decodeStandIn });
    await mergeImport(batch);
  } catch (error) {
    expectReadableRefusal(error);
    expect(await comparable(await readRows())).toEqual(before);
    return;
  }
  expect(problemsOf(await readRows(), batch)).toEqual([]);
}

// Mutations of a parsed JSON file. Each picks its target by an index taken modulo the candidates,
// so fast-check can generate and shrink it without knowing the file.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Slot {
  parent: Json[] | { [key: string]: Json };
  key: string | number;
  value: Json;
}

function slotsOf(root: Json): Slot[] {
  const slots: Slot[] = [];
  const visit = (parent: Json) => {
    if (parent === null || typeof parent !== 'object') return;
    for (const [key, value] of Object.entries(parent)) {
      slots.push({ parent, key: Array.isArray(parent) ? Number(key) : key, value });
      visit(value);
    }
  };
  visit(root);
  return slots;
}

function put(slot: Slot | undefined, value: Json) {
  if (!slot) return;
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else slot.parent[slot.key] = value;
}

const REFERENCES = new Set(['studyId', 'personaId', 'journeyId', 'touchpointId', 'screenshotId', 'promiseId']);
const RECORD_LISTS = ['personas', 'journeys', 'touchpoints', 'screenshots'];

const longText = fc
  .tuple(fc.constantFrom(501, 20_001, 300_000), fc.constantFrom('a', 'é', '😀', ' '))
  .map(([length, unit]) => unit.repeat(length));
const controlText = fc
  .array(fc.constantFrom(0, 1, 8, 9, 10, 13, 27, 0x7f, 0x2028, 0x202e, 0xfeff, 0xd800), { minLength: 1, maxLength: 8 })
  .map((codes) => String.fromCharCode(...codes));
const jsonMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('retype' as const),
    at: fc.nat(),
    // Parsed afresh each time, so no two files share an array or object.
    value: fc.constantFrom('null', 'true', '0', '""', '"1"', '[]', '{}').map((text) => JSON.parse(text) as Json),
  }),
  fc.record({
    kind: fc.constant('number' as const),
    at: fc.nat(),
    value: fc.constantFrom(NaN, Infinity, -1, -1e308, 1e308, 2 ** 53 + 2, 0.5, 0, 3, 4e12),
  }),
  fc.record({ kind: fc.constant('string' as const), at: fc.nat(), value: fc.oneof(longText, controlText) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('reuseId' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({ kind: fc.constant('dropRecord' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dangling' as const), at: fc.nat(), id: fc.uuid() }),
  fc.record({ kind: fc.constant('retarget' as const), at: fc.nat(), to: fc.nat() }),
);
type JsonMutation = typeof jsonMutation extends fc.Arbitrary<infer T> ? T : never;

/** The file's lists of personas, journeys, touchpoints and screenshots, those still lists of records. */
function recordLists(root: { [key: string]: Json }): { [key: string]: Json }[][] {
  const isRecord = (item: Json) => item !== null && typeof item === 'object' && !Array.isArray(item);
  const lists = RECORD_LISTS.map((name) => root[name]).filter((list) => Array.isArray(list));
  return lists.filter((list) => list.every(isRecord)) as { [key: string]: Json }[][];
}

function mutate(root: { [key: string]: Json }, mutation: JsonMutation) {
  const slots = slotsOf(root);
  const pick = (candidates: Slot[]) => candidates[mutation.at % Math.max(1, candidates.length)];
  switch (mutation.kind) {
    case 'delete': {
      const slot = pick(slots);
      if (Array.isArray(slot?.parent)) slot.parent.splice(slot.key as number, 1);
      else if (slot) delete slot.parent[slot.key];
      return;
    }
    case 'retype':
      return put(pick(slots), mutation.value);
    case 'number':
      return put(pick(slots.filter((s) => typeof s.value === 'number')), mutation.value);
    case 'string':
      return put(pick(slots.filter((s) => typeof s.value === 'string')), mutation.value);
    case 'duplicate': {
      const slot = pick(slots.filter((s) => Array.isArray(s.parent)));
      if (Array.isArray(slot?.parent)) slot.parent.splice(slot.key as number, 0, structuredClone(slot.value));
      return;
    }
    case 'reuseId': {
      const lists = recordLists(root).filter((list) => list.length > 1);
      const list = lists[mutation.at % Math.max(1, lists.length)];
      const [target, source] = [list?.[mutation.from % list.length], list?.[(mutation.from + 1) % list.length]];
      if (target && source) target.id = source.id ?? null;
      return;
    }
    case 'dropRecord': {
      const lists = recordLists(root).filter((list) => list.length > 0);
      const list = lists[mutation.at % Math.max(1, lists.length)];
      list?.splice(mutation.at % list.length, 1);
      return;
    }
    case 'dangling':
      return put(pick(slots.filter((s) => REFERENCES.has(String(s.key)))), mutation.id);
    case 'retarget': {
      const ids = slots.filter((s) => s.key === 'id').map((s) => s.value);
      return put(pick(slots.filter((s) => REFERENCES.has(String(s.key)))), ids[mutation.to % ids.length] ?? null);
    }
  }
}

function mutated(file: unknown, mutations: JsonMutation[]): Json {
  const copy = JSON.parse(JSON.stringify(file)) as { [key: string]: Json };
  for (const mutation of mutations) mutate(copy, mutation);
  return copy;
}

// Damage to a file's bytes.

const byteDamage = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 8 }),
  }),
);
type ByteDamage = typeof byteDamage extends fc.Arbitrary<infer T> ? T : never;

function damaged(bytes: Uint8Array, damage: ByteDamage): Uint8Array {
  if (damage.kind === 'truncate') return bytes.slice(0, damage.at % (bytes.length + 1));
  const copy = bytes.slice();
  for (const { at, xor } of damage.flips) copy[at % copy.length] = copy[at % copy.length]! ^ xor;
  return copy;
}

// Bundles: entries zipped as the exporter zips them (images stored, text deflated), names free to
// repeat, and the fields of the zip's records where sizes, offsets and counts are.

interface Entry {
  name: string;
  data: Uint8Array;
  deflate: boolean;
}

function entriesOf(zip: Uint8Array): Entry[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({
    name,
    data,
    deflate: !/^(screenshots|thumbnails)\//.test(name),
  }));
}

function zipOf(entries: Entry[]): Blob {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const { name, data, deflate } of entries) {
    const file = deflate ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  return new Blob(chunks as BlobPart[]);
}

/** The byte positions of the end record's, the directory's and the local headers' numbers. */
function structuralFields(zip: Uint8Array): { at: number; width: 2 | 4 }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22; // our exporter writes no zip comment
  const field = (at: number, width: 2 | 4) => ({ at, width });
  const fields = [field(end + 8, 2), field(end + 10, 2), field(end + 12, 4), field(end + 16, 4)];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const local = view.getUint32(at + 42, true);
    fields.push(field(at + 8, 2), field(at + 10, 2), field(at + 20, 4), field(at + 24, 4), field(at + 42, 4));
    fields.push(field(at + 28, 2), field(at + 30, 2), field(at + 32, 2));
    fields.push(field(local + 6, 2), field(local + 8, 2), field(local + 18, 4), field(local + 22, 4));
    fields.push(field(local + 26, 2), field(local + 28, 2));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return fields;
}

const ODD_NAMES = [
  'TOUCHTRAIL.JSON',
  '/touchtrail.json',
  './touchtrail.json',
  'touchtrail.json/',
  'screenshots/../touchtrail.json',
  'screenshots/',
  'screenshots/é.png',
  'thumbnails/other.png',
];
const fieldValue = fc.oneof(
  fc.record({ set: fc.constantFrom(0, 1, 0xffff, 0x7fffffff, 0xffffffff) }),
  fc.record({ set: fc.nat({ max: 0xffffffff }) }),
  fc.record({ add: fc.integer({ min: -64, max: 64 }) }),
);
const bundleMutation = fc.oneof(
  fc.record({ kind: fc.constant('bytes' as const), damage: byteDamage }),
  fc.record({
    kind: fc.constant('fields' as const),
    changes: fc.array(fc.record({ at: fc.nat(), value: fieldValue }), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('rename' as const),
    entry: fc.nat(),
    // Another entry's name (the bundle then holds one name twice), or a name close to a wanted one.
    to: fc.oneof(
      fc.nat().map((like) => ({ like })),
      fc.constantFrom(...ODD_NAMES).map((name) => ({ name })),
    ),
  }),
  fc.record({
    kind: fc.constant('manifest' as const),
    mutations: fc.array(jsonMutation, { minLength: 1, maxLength: 3 }),
  }),
);
type BundleMutation = typeof bundleMutation extends fc.Arbitrary<infer T> ? T : never;

function mutatedBundle(zip: Uint8Array, mutation: BundleMutation): Blob {
  const entries = entriesOf(zip);
  switch (mutation.kind) {
    case 'bytes':
      return new Blob([damaged(zip, mutation.damage) as BlobPart]);
    case 'fields': {
      const copy = zip.slice();
      const view = new DataView(copy.buffer);
      const fields = structuralFields(zip);
      for (const { at, value } of mutation.changes) {
        const field = fields[at % fields.length]!;
        const old = field.width === 2 ? view.getUint16(field.at, true) : view.getUint32(field.at, true);
        const next = 'set' in value ? value.set : old + value.add;
        if (field.width === 2) view.setUint16(field.at, next & 0xffff, true);
        else view.setUint32(field.at, next >>> 0, true);
      }
      return new Blob([copy]);
    }
    case 'rename': {
      const entry = entries[mutation.entry % entries.length]!;
      entry.name = 'name' in mutation.to ? mutation.to.name : entries[mutation.to.like % entries.length]!.name;
      return zipOf(entries);
    }
    case 'manifest': {
      const manifest = entries.find((e) => e.name === 'touchtrail.json')!;
      const file = JSON.parse(new TextDecoder().decode(manifest.data)) as unknown;
      manifest.data = new TextEncoder().encode(JSON.stringify(mutated(file, mutation.mutations), null, 2));
      return zipOf(entries);
    }
  }
}

describe('importing damaged files: imported whole, or refused readably with nothing written', () => {
  it(
    'refuses random bytes, also after a zip signature or an opening brace',
    async () => {
      await smallStudy();
      const prefix = fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0x7b]);
      await fc.assert(
        fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 2048 }), async (start, bytes) => {
          await importWholeOrNothing(new Blob([new Uint8Array(start), bytes]));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'handles mutated JSON exports, into an empty database or one holding the study',
    async () => {
      const studyId = await smallStudy();
      const seed = await readRows();
      const file = await buildExport({ studyId });
      const textDamage = fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 3 },
        { arbitrary: byteDamage, weight: 1 },
      );
      const mutations = fc.array(jsonMutation, { minLength: 1, maxLength: 3 });
      await fc.assert(
        fc.asyncProperty(fc.boolean(), mutations, textDamage, async (seeded, changes, damage) => {
          await restore(seeded ? seed : undefined);
          const text = new TextEncoder().encode(JSON.stringify(mutated(file, changes), null, 2));
          await importWholeOrNothing(new Blob([(damage ? damaged(text, damage) : text) as BlobPart]));
        }),
        { numRuns: RUNS * 2 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'handles mutated bundles: damaged bytes, sizes and offsets, renamed entries, a mutated manifest',
    async () => {
      const studyId = await smallStudy();
      const seed = await readRows();
      const zip = new Uint8Array(await (await writeBundle(await gatherExport({ studyId }))).arrayBuffer());
      await fc.assert(
        fc.asyncProperty(fc.boolean(), bundleMutation, async (seeded, mutation) => {
          await restore(seeded ? seed : undefined);
          await importWholeOrNothing(mutatedBundle(zip, mutation));
        }),
        { numRuns: RUNS * 2 },
      );
    },
    TIMEOUT_MS,
  );
});

describe('found by fuzzing', () => {
  it('calls a missing field missing, not "received undefined"', async () => {
    const file = await buildExport({ studyId: await smallStudy() });
    const { title: _title, ...untitled } = file.touchpoints[0]!;
    await restore();
    const refusal = readImport(new Blob([JSON.stringify({ ...file, touchpoints: [untitled] })]), {
      checkImage: checkImageHeader,
      decodeImage: decodeStandIn,
    });
    await expect(refusal).rejects.toThrow(/touchpoints\.0\.title: Missing$/);
  });

  it('refuses a touchpoint whose screenshot the file lacks, writing nothing', async () => {
    const file = await buildExport({ studyId: await smallStudy() });
    await restore();
    const withoutShot = new Blob([JSON.stringify({ ...file, screenshots: file.screenshots.slice(1) })]);
    await expect(
      readImport(withoutShot, { checkImage: checkImageHeader, decodeImage: decodeStandIn }).then(mergeImport),
    ).rejects.toThrow(/touchpoint .* names a screenshot the file does not hold/);
    expect(await db.touchpoints.count()).toBe(0);
  });
});
