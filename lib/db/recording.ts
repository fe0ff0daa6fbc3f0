// Whether a journey takes captures: the one check every capture, pick and page message goes
// through, in the background worker (so it reads through store.ts, not Dexie).

import type { Journey } from '../model';
import { readStore } from './store';

/** Why a journey cannot take a capture now; its message is shown to the researcher as it is. */
export class NotRecordingError extends Error {}

export const JOURNEY_GONE = 'The journey no longer exists. Nothing was recorded.';
const JOURNEY_ENDED = 'The journey has ended, so nothing more can be recorded in it.';

/** The journey ended before a capture asked for while it recorded could be saved. */
export class JourneyClosedError extends NotRecordingError {
  constructor() {
    super(JOURNEY_ENDED);
  }
}

/**
 * The journey to record into, if it records. `requestedAt`: a capture asked for before the
 * journey was paused or ended still lands (the researcher asked while it recorded).
 */
export async function recordingJourney(journeyId: string | null | undefined, requestedAt?: number): Promise<Journey> {
  if (!journeyId) throw new NotRecordingError(NO_JOURNEY);
  const record = await readStore(['journeys'], (transaction) => transaction.objectStore('journeys').get(journeyId));
  return checkRecording(record, requestedAt);
}

const NO_JOURNEY = 'Start a journey in the Touchtrail side panel first. Nothing was recorded.';

/** The journey as read, if it was recording when the capture was asked for; else why not. */
export function checkRecording(record: Journey | undefined, requestedAt?: number): Journey {
  if (!record) throw new NotRecordingError(JOURNEY_GONE);
  if (!wasRecordingAt(record, requestedAt)) {
    throw new NotRecordingError(
      record.status === 'done'
        ? JOURNEY_ENDED
        : 'The journey is paused: resume it in the Touchtrail side panel, then try again. Nothing was recorded.',
    );
  }
  return record;
}

/** Whether the journey was recording at a given time (now, when no time is given). */
export function wasRecordingAt(record: Journey, at?: number): boolean {
  if (record.status === 'active') return true;
  const stoppedAt = record.status === 'done' ? record.endedAt : record.pausedAt;
  return at !== undefined && stoppedAt !== undefined && at <= stoppedAt;
}
