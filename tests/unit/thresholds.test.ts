import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../lib/signals/events';
import { readThresholds, shownValue, THRESHOLD_FIELDS, withThreshold } from '../../lib/signals/thresholds';

const field = (key: string) => THRESHOLD_FIELDS.find((f) => f.key === key)!;

describe('signal thresholds', () => {
  it('are the defaults until the researcher changes one', () => {
    expect(readThresholds(null)).toEqual(DEFAULT_THRESHOLDS);
    expect(readThresholds({ slowPageMs: 5000 })).toEqual({ ...DEFAULT_THRESHOLDS, slowPageMs: 5000 });
  });

  it('fall back to the defaults when what is stored is out of range or not numbers, one by one', () => {
    expect(readThresholds({ slowPageMs: -1, rageClicks: 5 })).toEqual({ ...DEFAULT_THRESHOLDS, rageClicks: 5 });
    expect(readThresholds({ rageClicks: 'many' })).toEqual(DEFAULT_THRESHOLDS);
    expect(readThresholds('nonsense')).toEqual(DEFAULT_THRESHOLDS);
  });

  it('show times in seconds and store them in milliseconds', () => {
    const slow = field('slowPageMs');
    expect(shownValue(slow, 3000)).toBe(3);
    expect(withThreshold(DEFAULT_THRESHOLDS, slow, 4.5)).toEqual({
      thresholds: { ...DEFAULT_THRESHOLDS, slowPageMs: 4500 },
    });
    expect(withThreshold(DEFAULT_THRESHOLDS, field('rageClicks'), 4)).toEqual({
      thresholds: { ...DEFAULT_THRESHOLDS, rageClicks: 4 },
    });
  });

  it.each([
    ['slowPageMs', 0.1, 'Slow page: load or largest paint over: choose between 0.5 and 9 seconds.'],
    ['slowPageMs', Number.NaN, 'Slow page: load or largest paint over: choose between 0.5 and 9 seconds.'],
    ['rageClicks', 1, 'Rage click: at least: choose between 2 and 10 clicks.'],
    ['rageRadiusPx', 500, 'Rage click: inside a radius of: choose between 5 and 200 pixels.'],
  ])('refuse %s = %s with a message saying what is allowed', (key, value, message) => {
    expect(withThreshold(DEFAULT_THRESHOLDS, field(key), value)).toEqual({ error: message });
  });

  it('allow every default, so resetting is always valid', () => {
    for (const f of THRESHOLD_FIELDS) {
      expect(withThreshold(DEFAULT_THRESHOLDS, f, shownValue(f, DEFAULT_THRESHOLDS[f.key]))).toHaveProperty(
        'thresholds',
      );
    }
  });
});
