import { db } from '../db/database';
import type { ExportedScreenshot, Journey, Touchpoint } from '../model';
import { blobToBase64 } from './base64';
import { EXPORT_FORMAT, EXPORT_VERSION, exportFile, type ExportFile } from './format';

export type ExportScope = { journeyId: string } | { studyId: string };

/**
 * Gathers a journey (or every journey of a study) with its study, personas, touchpoints and
 * screenshots, and validates the whole against the export schema before anything is written.
 */
export async function buildExport(scope: ExportScope, now = new Date()): Promise<ExportFile> {
  const { study, journeys } = await findScope(scope);
  const personaIds = new Set(journeys.map((j) => j.personaId));
  const personas =
    'studyId' in scope
      ? await db.personas.where({ studyId: study.id }).toArray()
      : (await db.personas.bulkGet([...personaIds])).filter((p) => p !== undefined);

  const touchpoints: Touchpoint[] = [];
  for (const walk of journeys) {
    touchpoints.push(
      ...(await db.touchpoints.where('[journeyId+seq]').between([walk.id, 0], [walk.id, Infinity]).toArray()),
    );
  }
  const screenshots: ExportedScreenshot[] = [];
  for (const point of touchpoints) {
    if (!point.screenshotId) continue;
    const shot = await db.screenshots.get(point.screenshotId);
    if (!shot) continue;
    // Named field by field: the unredacted capture must never reach an export.
    const { id, touchpointId, width, height, devicePixelRatio, mime, thumbnailMime } = shot;
    screenshots.push({
      id,
      touchpointId,
      width,
      height,
      devicePixelRatio,
      mime,
      thumbnailMime,
      image: await blobToBase64(shot.image),
      thumbnail: await blobToBase64(shot.thumbnail),
    });
  }

  return exportFile.parse({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    scope: 'studyId' in scope ? 'study' : 'journey',
    study,
    personas,
    journeys,
    touchpoints,
    screenshots,
  });
}

export function exportFileName(file: ExportFile): string {
  const date = file.exportedAt.slice(0, 10);
  const parts = ['touchtrail', slug(file.study.name)];
  if (file.scope === 'journey' && file.journeys[0]) parts.push(slug(file.journeys[0].title));
  return `${parts.filter(Boolean).join('-')}-${date}.json`;
}

export function serializeExport(file: ExportFile): Blob {
  return new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
}

async function findScope(scope: ExportScope) {
  let journeys: Journey[];
  let studyId: string;
  if ('journeyId' in scope) {
    const walk = await db.journeys.get(scope.journeyId);
    if (!walk) throw new Error('This journey no longer exists.');
    journeys = [walk];
    studyId = walk.studyId;
  } else {
    journeys = await db.journeys.where({ studyId: scope.studyId }).sortBy('startedAt');
    studyId = scope.studyId;
  }
  const study = await db.studies.get(studyId);
  if (!study) throw new Error('The study of this journey no longer exists.');
  return { study, journeys };
}

function slug(value: string): string {
  return value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}
