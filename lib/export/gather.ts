import { db } from '../db/database';
import { touchpointsInOrder } from '../db/touchpoints-in-order';
import type { Journey, Persona, Screenshot, Study, Touchpoint } from '../model';

/** What an export covers: one journey, a selection of a study's journeys, or a whole study. */
export type ExportScope = { journeyId: string } | { journeyIds: string[] } | { studyId: string };

/** A screenshot as exports carry it: the image shown everywhere (redactions burned in), nothing else. */
export type ExportedImage = Omit<Screenshot, 'unredacted'>;

/** Everything an exporter needs, in a stable order: journeys by start, touchpoints by walk order. */
export interface ExportData {
  scope: 'journey' | 'study';
  study: Study;
  personas: Persona[];
  journeys: Journey[];
  touchpoints: Touchpoint[];
  screenshots: ExportedImage[];
}

export async function gatherExport(scope: ExportScope): Promise<ExportData> {
  const journeys = await journeysOf(scope);
  const studyId = 'studyId' in scope ? scope.studyId : journeys[0]?.studyId;
  const study = studyId ? await db.studies.get(studyId) : undefined;
  if (!study) throw new Error('The study of this journey no longer exists.');
  if (journeys.some((j) => j.studyId !== study.id))
    throw new Error('Journeys of several studies cannot be exported together.');
  const personas =
    'studyId' in scope
      ? await db.personas.where({ studyId: study.id }).sortBy('name')
      : (await db.personas.bulkGet([...new Set(journeys.map((j) => j.personaId))])).filter((p) => p !== undefined);

  const touchpoints: Touchpoint[] = [];
  for (const walk of journeys) {
    touchpoints.push(...(await touchpointsInOrder(walk.id).toArray()));
  }
  const screenshots: ExportedImage[] = [];
  for (const point of touchpoints) {
    const shot = point.screenshotId ? await db.screenshots.get(point.screenshotId) : undefined;
    if (!shot) continue;
    // Named field by field: the unredacted capture must never reach an export.
    const { id, touchpointId, width, height, devicePixelRatio, mime, thumbnailMime, image, thumbnail } = shot;
    screenshots.push({ id, touchpointId, width, height, devicePixelRatio, mime, thumbnailMime, image, thumbnail });
  }
  return { scope: 'journeyId' in scope ? 'journey' : 'study', study, personas, journeys, touchpoints, screenshots };
}

async function journeysOf(scope: ExportScope): Promise<Journey[]> {
  if ('studyId' in scope) return db.journeys.where({ studyId: scope.studyId }).sortBy('startedAt');
  const ids = 'journeyId' in scope ? [scope.journeyId] : scope.journeyIds;
  const found = await db.journeys.bulkGet(ids);
  if (found.length === 0 || found.some((j) => j === undefined)) throw new Error('This journey no longer exists.');
  return (found as Journey[]).sort((a, b) => a.startedAt - b.startedAt);
}
