import { studyOverview, type StudyOverview } from '../metrics/overview';
import { db } from './database';
import { touchpointsInOrder } from './touchpoints-in-order';

/**
 * A study's overview, read in one go: its journeys (by start), personas and touchpoints. It
 * never reads screenshots; the overview's thumbnails load one by one as they are shown.
 * Undefined when the study no longer exists.
 */
export async function loadStudyOverview(studyId: string): Promise<StudyOverview | undefined> {
  const [study, journeys, personas] = await Promise.all([
    db.studies.get(studyId),
    db.journeys.where({ studyId }).sortBy('startedAt'),
    db.personas.where({ studyId }).toArray(),
  ]);
  if (!study) return undefined;
  const touchpoints = await Promise.all(journeys.map((j) => touchpointsInOrder(j.id).toArray()));
  return studyOverview(study, journeys, personas, new Map(journeys.map((j, i) => [j.id, touchpoints[i]!])));
}
