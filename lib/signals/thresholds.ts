import * as z from 'zod/mini';
import type { ThresholdField } from './plugin';
import { DEFAULT_THRESHOLDS, type SignalKind, type SignalThresholds } from './detectors';
import { ALL_SIGNALS } from './registry';

// The researcher's friction-signal thresholds, stored per signal ({ "rage-click": { clicks: 3,
// … }, … }). The upper bounds keep every detector inside the window of events the page agent
// keeps (10 s) and the background keeps (30 s).

/** One threshold of one signal, as the settings show it. */
export interface SettingsField extends ThresholdField {
  kind: SignalKind;
  name: string;
  /** The signal's label, then the threshold's: "Rage click: at least". */
  title: string;
}

export const THRESHOLD_FIELDS: SettingsField[] = ALL_SIGNALS.flatMap((plugin) =>
  Object.entries(plugin.fields).map(([name, field]) => ({
    ...field,
    kind: plugin.kind as SignalKind,
    name,
    title: `${plugin.label}: ${field.label}`,
  })),
);

const bounded = (field: ThresholdField) => z.int().check(z.minimum(field.min), z.maximum(field.max));

/** The stored thresholds, every signal and every threshold within its bounds. */
export const signalThresholds = z.object(
  Object.fromEntries(
    ALL_SIGNALS.map((plugin) => [
      plugin.kind,
      z.object(Object.fromEntries(Object.entries(plugin.fields).map(([name, field]) => [name, bounded(field)]))),
    ]),
  ),
) as unknown as z.ZodMiniType<SignalThresholds>;

/**
 * Before signals were plug-ins, thresholds were stored flat, under these names. (A fixed list:
 * new signals never had a flat name.)
 */
const FLAT_NAMES: Record<string, [SignalKind, string]> = {
  rageClicks: ['rage-click', 'clicks'],
  rageWindowMs: ['rage-click', 'windowMs'],
  rageRadiusPx: ['rage-click', 'radiusPx'],
  deadClickWaitMs: ['dead-click', 'waitMs'],
  errorAfterClickMs: ['error-click', 'windowMs'],
  slowPageMs: ['slow-page', 'overMs'],
  quickBackMs: ['quick-back', 'withinMs'],
};

/** The flat shape of older versions, per signal; the per-signal shape as it is. */
export function migrateFlatThresholds(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null) return stored;
  const values = stored as Record<string, unknown>;
  if (!Object.keys(FLAT_NAMES).some((flat) => flat in values)) return stored;
  const perSignal: Record<string, Record<string, unknown>> = {};
  for (const [flat, [kind, name]] of Object.entries(FLAT_NAMES)) {
    if (flat in values) (perSignal[kind] ??= {})[name] = values[flat];
  }
  return perSignal;
}

/** Stored thresholds (either shape), each one replaced by its default where it is missing or not valid. */
export function readThresholds(stored: unknown): SignalThresholds {
  const given = migrateFlatThresholds(stored);
  const defaults = DEFAULT_THRESHOLDS as unknown as Record<string, Record<string, number>>;
  const read: Record<string, Record<string, number>> = {};
  for (const plugin of ALL_SIGNALS) {
    read[plugin.kind] = { ...defaults[plugin.kind] };
    const own: unknown = isRecord(given) ? given[plugin.kind] : undefined;
    for (const [name, field] of Object.entries(plugin.fields)) {
      const valid = bounded(field).safeParse(isRecord(own) ? own[name] : undefined);
      if (valid.success) read[plugin.kind]![name] = valid.data;
    }
  }
  return read as unknown as SignalThresholds;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A threshold's stored value. */
export function thresholdValue(thresholds: SignalThresholds, field: SettingsField): number {
  return (thresholds as unknown as Record<string, Record<string, number>>)[field.kind]![field.name]!;
}

/** A field's value as the researcher sees it (seconds for times). */
export function shownValue(field: ThresholdField, value: number): number {
  return field.unit === 'seconds' ? value / 1000 : value;
}

export function storedValue(field: ThresholdField, shown: number): number {
  return Math.round(field.unit === 'seconds' ? shown * 1000 : shown);
}

/** The thresholds with one field changed, or a message saying what is allowed. */
export function withThreshold(
  current: SignalThresholds,
  field: SettingsField,
  shown: number,
): { thresholds: SignalThresholds } | { error: string } {
  const value = storedValue(field, shown);
  if (!Number.isFinite(shown) || value < field.min || value > field.max) {
    return {
      error: `${field.title}: choose between ${shownValue(field, field.min)} and ${shownValue(field, field.max)} ${field.unit}.`,
    };
  }
  const own = (current as unknown as Record<string, Record<string, number>>)[field.kind];
  return { thresholds: { ...current, [field.kind]: { ...own, [field.name]: value } } };
}

/** A threshold as the README's signal table states it: "at least 3 clicks", "within 1 s". */
export function describeThreshold(field: ThresholdField, value: number): string {
  const unit = { seconds: 's', clicks: 'clicks', pixels: 'px', reversals: 'reversals' }[field.unit];
  return `${field.label} ${shownValue(field, value)} ${unit}`;
}
