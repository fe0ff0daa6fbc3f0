import { signal, type Signal, type SignalKind } from '../model';
import { maskText, textMaskingOf } from '../privacy/mask-text';
import { JOURNEY_GONE, NotRecordingError } from './recording';
import { writeStore } from './store';
import { latestTouchpoint } from './store-reads';

/** The longest detail a signal keeps (the model's limit). */
const MAX_DETAIL = 2_000;

export interface DetectedOnPage {
  kind: SignalKind;
  at: number;
  detail: string;
}

/**
 * Files a signal detected on a page: with the journey's latest touchpoint when that was
 * recorded on the same page, otherwise with the journey, for the next touchpoint to take.
 */
export async function recordSignal(journeyId: string, pageUrl: string, detected: DetectedOnPage): Promise<Signal> {
  return writeStore(['studies', 'journeys', 'touchpoints'], async (transaction) => {
    const journeys = transaction.objectStore('journeys');
    const journey = await journeys.get(journeyId);
    if (!journey) throw new NotRecordingError(JOURNEY_GONE);
    // A detail quotes the page ("clicked 'ada@example.com'"): masked as the screenshot is, and cut
    // to what a signal keeps (masking lengthens text; a page's long address or label can too).
    const masking = textMaskingOf(journey, await transaction.objectStore('studies').get(journey.studyId));
    const detail = maskText(detected.detail, masking).slice(0, MAX_DETAIL);
    const record = signal.parse({
      ...detected,
      detail,
      id: crypto.randomUUID(),
      detectedAt: detected.at,
      status: 'suggested',
    });
    const latest = await latestTouchpoint(transaction, journeyId);
    if (latest && latest.url === pageUrl) {
      await transaction.objectStore('touchpoints').put({ ...latest, signals: [...latest.signals, record] });
    } else {
      await journeys.put({ ...journey, pendingSignals: [...journey.pendingSignals, record] });
    }
    return record;
  });
}
