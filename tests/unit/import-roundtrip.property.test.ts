import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { buildExport, serializeExport } from '../../lib/export/json';
import { writeBundle } from '../../lib/export/bundle';
import { gatherExport } from '../../lib/export/gather';
import { mergeImport } from '../../lib/import/merge';
import { readImport } from '../../lib/import/read';
import {
  CHANNELS,
  DEFAULT_STAGE_LIST,
  FRICTION_CATEGORIES,
  FRICTION_SEVERITIES,
  OWNERS,
  journey,
  persona,
  screenshot,
  study,
  touchpoint,
} from '../../lib/model';

/** A random study: a persona, 1–3 journeys, 0–6 touchpoints each, some with screenshots. */
const randomStudy = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
    description: fc.string({ maxLength: 80 }),
    journeys: fc.array(
      fc.record({
        title: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
        touchpoints: fc.array(
          fc.record({
            title: fc.string({ maxLength: 60 }),
            stage: fc.constantFrom(...DEFAULT_STAGE_LIST),
            channel: fc.constantFrom(...CHANNELS),
            owner: fc.constantFrom(...OWNERS),
            severity: fc.constantFrom(...FRICTION_SEVERITIES),
            categories: fc.uniqueArray(fc.constantFrom(...FRICTION_CATEGORIES), { maxLength: 3 }),
            notes: fc.string({ maxLength: 200 }),
            emotion: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }),
            key: fc.boolean(),
            image: fc.option(fc.uint8Array({ minLength: 1, maxLength: 64 }), { nil: undefined }),
          }),
          { maxLength: 6 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((spec) => {
    const studyRecord = study.parse({
      id: crypto.randomUUID(),
      name: spec.name.trim(),
      company: 'Co',
      siteUrls: [],
      description: spec.description,
      stages: DEFAULT_STAGE_LIST,
      promises: [],
      createdAt: 1,
      updatedAt: 2,
    });
    const personaRecord = persona.parse({
      id: crypto.randomUUID(),
      studyId: studyRecord.id,
      name: 'P',
      summary: '',
      goals: [],
      frustrations: [],
      behaviours: [],
    });
    const journeys = spec.journeys.map((j, i) =>
      journey.parse({
        id: crypto.randomUUID(),
        studyId: studyRecord.id,
        personaId: personaRecord.id,
        title: j.title.trim(),
        scenario: '',
        status: 'done',
        startedAt: 1_000 + i,
        pausedMs: 0,
        masking: true,
        nextSeq: j.touchpoints.length + 1,
      }),
    );
    const touchpoints = [];
    const screenshots = [];
    for (const [i, j] of spec.journeys.entries()) {
      for (const [n, t] of j.touchpoints.entries()) {
        const id = crypto.randomUUID();
        const shotId = t.image ? crypto.randomUUID() : undefined;
        if (t.image && shotId) {
          const blob = new Blob([t.image], { type: 'image/webp' });
          screenshots.push(
            screenshot.parse({
              id: shotId,
              touchpointId: id,
              width: 10,
              height: 10,
              devicePixelRatio: 1,
              mime: 'image/webp',
              thumbnailMime: 'image/webp',
              image: blob,
              thumbnail: blob,
            }),
          );
        }
        touchpoints.push(
          touchpoint.parse({
            id,
            journeyId: journeys[i]!.id,
            seq: n + 1,
            capturedAt: 2_000 + n,
            source: 'manual',
            title: t.title,
            stage: t.stage,
            channel: t.channel,
            owner: t.owner,
            friction: { severity: t.severity, categories: t.categories, notes: t.notes },
            emotion: t.emotion,
            momentOfTruth: false,
            key: t.key,
            promiseChecks: [],
            signals: [],
            screenshotId: shotId,
            annotations: [],
          }),
        );
      }
    }
    return { study: studyRecord, personas: [personaRecord], journeys, touchpoints, screenshots };
  });

async function store(data: Awaited<ReturnType<typeof randomStudy.generate>>['value']) {
  await db.transaction('rw', [db.studies, db.personas, db.journeys, db.touchpoints, db.screenshots], async () => {
    await db.studies.add(data.study);
    await db.personas.bulkAdd(data.personas);
    await db.journeys.bulkAdd(data.journeys);
    await db.touchpoints.bulkAdd(data.touchpoints);
    await db.screenshots.bulkAdd(data.screenshots);
  });
}

const exported = async (studyId: string) => ({ ...(await buildExport({ studyId })), exportedAt: '' });
const checkImage = async (blob: Blob) => blob.size > 0;
// Random bytes stand for images here; decoding is tested in import.test.ts and end to end.
const decodeImage = async () => {};

describe('export → import into an empty database → export (random studies)', () => {
  it('gives back the same file, through JSON and through the bundle', async () => {
    await fc.assert(
      fc.asyncProperty(randomStudy, fc.boolean(), async (data, viaBundle) => {
        await db.delete();
        await db.open();
        await store(data);
        const before = await exported(data.study.id);
        const file = viaBundle
          ? await writeBundle(await gatherExport({ studyId: data.study.id }))
          : serializeExport(await buildExport({ studyId: data.study.id }));
        await db.delete();
        await db.open();
        await mergeImport(await readImport(file, { checkImage, decodeImage }));
        expect(await exported(data.study.id)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
