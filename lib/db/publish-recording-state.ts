import { activeJourneyId, recordingState, signalThresholdsItem } from '../extension-storage/items';
import { writeAlone } from '../extension-storage/checked-item';
import type { RecordingState } from '../extension-storage/recording-state';
import { readThresholds } from '../signals/thresholds';
import { readStore } from './store';

/**
 * The one writer of the recording state that page agents and the background obey: it follows
 * the database, not a screen. Called by every function that changes which journey is active,
 * its status or its auto-record switch, and by the background when it starts and when the
 * thresholds change. Returns what was published.
 */
export function publishRecordingState(): Promise<RecordingState | null> {
  return writeAlone('recordingState', async () => {
    const journeyId = await activeJourneyId.getValue();
    const journey = journeyId
      ? await readStore(['journeys'], (transaction) => transaction.objectStore('journeys').get(journeyId))
      : undefined;
    const next: RecordingState | null =
      journey?.status === 'active'
        ? {
            recording: true,
            autoRecord: journey.autoRecord,
            thresholds: readThresholds(await signalThresholdsItem.getValue()),
          }
        : null;
    if (JSON.stringify(next) !== JSON.stringify(await recordingState.getValue())) await recordingState.setValue(next);
    return next;
  });
}

/** Makes a journey the one the side panel shows and captures go to (null: none). */
export async function setActiveJourney(journeyId: string | null): Promise<void> {
  await activeJourneyId.setValue(journeyId);
  await publishRecordingState();
}
