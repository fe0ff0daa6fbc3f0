import { FRICTION_SEVERITIES, signal, type FrictionCategory, type Signal, type SignalKind } from '../model';
import { SIGNAL_PLUGINS } from '../signals/registry';
import { maskText, textMaskingOf } from '../privacy/mask-text';
import { db } from './database';
import { JOURNEY_GONE, NotRecordingError } from './journeys';
import { touchpointsInOrder } from './touchpoints-in-order';

/** The longest detail a signal keeps (the model's limit). */
const MAX_DETAIL = 2_000;

export interface DetectedOnPage {
  kind: SignalKind;
  at: number;
  detail: string;
}

/** The friction category a signal stands for when the researcher accepts it. */
export const SIGNAL_CATEGORY = Object.fromEntries(SIGNAL_PLUGINS.map((p) => [p.kind, p.category])) as Record<
  SignalKind,
  FrictionCategory
>;

/**
 * Files a signal detected on a page: with the journey's latest touchpoint when that was
 * recorded on the same page, otherwise with the journey, for the next touchpoint to take.
 */
export async function recordSignal(journeyId: string, pageUrl: string, detected: DetectedOnPage): Promise<Signal> {
  return db.transaction('rw', db.studies, db.journeys, db.touchpoints, async () => {
    const journey = await db.journeys.get(journeyId);
    if (!journey) throw new NotRecordingError(JOURNEY_GONE);
    // A detail quotes the page ("clicked 'ada@example.com'"): masked as the screenshot is, and cut
    // to what a signal keeps (masking lengthens text; a page's long address or label can too).
    const masking = textMaskingOf(journey, await db.studies.get(journey.studyId));
    const detail = maskText(detected.detail, masking).slice(0, MAX_DETAIL);
    const record = signal.parse({
      ...detected,
      detail,
      id: crypto.randomUUID(),
      detectedAt: detected.at,
      status: 'suggested',
    });
    const latest = await touchpointsInOrder(journeyId).last();
    if (latest && latest.url === pageUrl) {
      await db.touchpoints.update(latest.id, { signals: [...latest.signals, record] });
    } else {
      await db.journeys.update(journeyId, { pendingSignals: [...journey.pendingSignals, record] });
    }
    return record;
  });
}

/**
 * Accepting a signal makes it friction of its touchpoint (its category, at least minor
 * severity, its detail in the notes); dismissing it only marks it so.
 */
export async function resolveSignal(touchpointId: string, signalId: string, status: 'accepted' | 'dismissed') {
  await db.transaction('rw', db.touchpoints, async () => {
    const point = await db.touchpoints.get(touchpointId);
    const found = point?.signals.find((s) => s.id === signalId);
    if (!point || !found) throw new Error('This signal no longer exists.');
    const signals = point.signals.map((s) => (s.id === signalId ? { ...s, status } : s));
    if (status === 'dismissed') return db.touchpoints.update(touchpointId, { signals });
    const category = SIGNAL_CATEGORY[found.kind];
    const severity =
      FRICTION_SEVERITIES.indexOf(point.friction.severity) < FRICTION_SEVERITIES.indexOf('minor')
        ? 'minor'
        : point.friction.severity;
    const friction = {
      severity,
      categories: point.friction.categories.includes(category)
        ? point.friction.categories
        : [...point.friction.categories, category],
      notes: [point.friction.notes, found.detail].filter(Boolean).join('\n'),
    };
    return db.touchpoints.update(touchpointId, { signals, friction });
  });
}

export async function dismissPendingSignal(journeyId: string, signalId: string): Promise<void> {
  await db.transaction('rw', db.journeys, async () => {
    const journey = await db.journeys.get(journeyId);
    if (!journey) return;
    await db.journeys.update(journeyId, { pendingSignals: journey.pendingSignals.filter((s) => s.id !== signalId) });
  });
}
