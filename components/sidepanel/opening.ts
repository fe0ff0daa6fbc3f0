// What the side panel shows first, read before it renders (entrypoints/sidepanel/main.tsx) and
// then kept live by the panel's own query (App.tsx).
import { db } from '@/lib/db';
import { activeJourneyId } from '@/lib/extension-storage/items';

export interface Opening {
  journeyId: string | null;
  walk: Walk | null;
}

export type Walk = NonNullable<Awaited<ReturnType<typeof readWalk>>>;

/**
 * The active journey and what the panel shows of it, read as the panel opens: its scripts are
 * in, and nothing else runs until they are read (the panel renders with them, in one go).
 */
export async function readOpening(): Promise<Opening> {
  const [journeyId] = await Promise.all([activeJourneyId.getValue(), db.open()]);
  return { journeyId, walk: journeyId ? await readWalk(journeyId) : null };
}

/** The journey, its study and its persona, in one transaction (null when the journey is gone). */
export function readWalk(journeyId: string) {
  return db.transaction('r', [db.journeys, db.studies, db.personas], async () => {
    const journey = await db.journeys.get(journeyId);
    if (!journey) return null;
    const [study, persona] = await Promise.all([db.studies.get(journey.studyId), db.personas.get(journey.personaId)]);
    return { journey, study, persona };
  });
}
