// What the side panel reads before its first render (components/sidepanel/opening.ts): the
// active journey with its study and persona, in one go, or nothing to show.
import { describe, expect, it } from 'vitest';
import { readOpening } from '../../components/sidepanel/opening';
import { db } from '../../lib/db';
import { activeJourneyId } from '../../lib/extension-storage/items';
import { walkInProgress } from './factories';

describe('the side panel’s opening read', () => {
  it('reads the active journey with its study and persona', async () => {
    const { study, persona, journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    const opening = await readOpening();
    expect(opening.journeyId).toBe(journey.id);
    expect(opening.walk?.journey.id).toBe(journey.id);
    expect(opening.walk?.study?.name).toBe(study.name);
    expect(opening.walk?.persona?.name).toBe(persona.name);
  });

  it('has nothing to show when no journey is active, or the active one is gone', async () => {
    await activeJourneyId.setValue(null);
    expect(await readOpening()).toEqual({ journeyId: null, walk: null });
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    await db.journeys.delete(journey.id);
    expect(await readOpening()).toEqual({ journeyId: journey.id, walk: null });
  });
});
