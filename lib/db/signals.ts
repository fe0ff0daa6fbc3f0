import { FRICTION_SEVERITIES, type FrictionCategory, type SignalKind } from '../model';
import { SIGNAL_PLUGINS } from '../signals/registry';
import { db } from './database';

/** The friction category a signal stands for when the researcher accepts it. */
export const SIGNAL_CATEGORY = Object.fromEntries(SIGNAL_PLUGINS.map((p) => [p.kind, p.category])) as Record<
  SignalKind,
  FrictionCategory
>;

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
