import { z } from 'zod';
import { DEFAULT_THRESHOLDS, type SignalThresholds } from './events';

// The researcher's friction-signal thresholds. The upper bounds keep every detector inside the
// window of events the page agent keeps (10 s) and the background keeps (30 s).

export interface ThresholdField {
  key: keyof SignalThresholds;
  label: string;
  unit: 'seconds' | 'clicks' | 'pixels';
  min: number;
  max: number;
}

/** Stored in milliseconds, shown in seconds. */
export const THRESHOLD_FIELDS: ThresholdField[] = [
  { key: 'slowPageMs', label: 'Slow page: load or largest paint over', unit: 'seconds', min: 500, max: 9_000 },
  { key: 'rageClicks', label: 'Rage click: at least', unit: 'clicks', min: 2, max: 10 },
  { key: 'rageWindowMs', label: 'Rage click: within', unit: 'seconds', min: 200, max: 5_000 },
  { key: 'rageRadiusPx', label: 'Rage click: inside a radius of', unit: 'pixels', min: 5, max: 200 },
  { key: 'deadClickWaitMs', label: 'Dead click: nothing changes for', unit: 'seconds', min: 500, max: 9_000 },
  { key: 'errorAfterClickMs', label: 'Error click: an error within', unit: 'seconds', min: 100, max: 9_000 },
  { key: 'quickBackMs', label: 'Quick back: back again within', unit: 'seconds', min: 1_000, max: 25_000 },
];

const bounded = (key: keyof SignalThresholds) => {
  const field = THRESHOLD_FIELDS.find((f) => f.key === key);
  const number = z.number().int();
  return field ? number.min(field.min).max(field.max) : number.min(1).max(1_000);
};

export const signalThresholds = z.object({
  rageClicks: bounded('rageClicks'),
  rageWindowMs: bounded('rageWindowMs'),
  rageRadiusPx: bounded('rageRadiusPx'),
  deadClickWaitMs: bounded('deadClickWaitMs'),
  deadClickQuietMs: bounded('deadClickQuietMs'),
  errorAfterClickMs: bounded('errorAfterClickMs'),
  slowPageMs: bounded('slowPageMs'),
  quickBackMs: bounded('quickBackMs'),
}) satisfies z.ZodType<SignalThresholds>;

/** Stored thresholds, each one replaced by its default where it is missing or not valid. */
export function readThresholds(stored: unknown): SignalThresholds {
  const values = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const read = { ...DEFAULT_THRESHOLDS };
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof SignalThresholds)[]) {
    const valid = signalThresholds.shape[key].safeParse(values[key]);
    if (valid.success) read[key] = valid.data;
  }
  return read;
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
  field: ThresholdField,
  shown: number,
): { thresholds: SignalThresholds } | { error: string } {
  const value = storedValue(field, shown);
  if (!Number.isFinite(shown) || value < field.min || value > field.max) {
    return {
      error: `${field.label}: choose between ${shownValue(field, field.min)} and ${shownValue(field, field.max)} ${field.unit}.`,
    };
  }
  return { thresholds: { ...current, [field.key]: value } };
}
