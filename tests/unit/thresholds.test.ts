import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_THRESHOLDS } from '../../lib/signals/detectors';
import {
  readThresholds,
  shownValue,
  signalThresholds,
  THRESHOLD_FIELDS,
  thresholdValue,
  withThreshold,
} from '../../lib/signals/thresholds';

const field = (title: string) => THRESHOLD_FIELDS.find((f) => f.title === title)!;
const slowPage = (overMs: number) => ({ ...DEFAULT_THRESHOLDS, 'slow-page': { overMs } });

describe('signal thresholds', () => {
  it('are the defaults until the researcher changes one', () => {
    expect(readThresholds(null)).toEqual(DEFAULT_THRESHOLDS);
    expect(readThresholds({ 'slow-page': { overMs: 5000 } })).toEqual(slowPage(5000));
  });

  it('fall back to the defaults when what is stored is out of range or not numbers, one by one', () => {
    expect(readThresholds({ 'slow-page': { overMs: -1 }, 'rage-click': { clicks: 5 } })).toEqual({
      ...DEFAULT_THRESHOLDS,
      'rage-click': { ...DEFAULT_THRESHOLDS['rage-click'], clicks: 5 },
    });
    expect(readThresholds({ 'rage-click': { clicks: 'many' } })).toEqual(DEFAULT_THRESHOLDS);
    expect(readThresholds({ 'rage-click': 'many' })).toEqual(DEFAULT_THRESHOLDS);
    expect(readThresholds('nonsense')).toEqual(DEFAULT_THRESHOLDS);
  });

  it('stored flat by an older version are read per signal', () => {
    const older = { rageClicks: 5, rageWindowMs: 1500, rageRadiusPx: 40, deadClickWaitMs: 4000, deadClickQuietMs: 100 };
    expect(readThresholds({ ...older, errorAfterClickMs: 2000, slowPageMs: 6000, quickBackMs: 8000 })).toEqual({
      ...DEFAULT_THRESHOLDS,
      'rage-click': { clicks: 5, windowMs: 1500, radiusPx: 40 },
      'dead-click': { waitMs: 4000 },
      'error-click': { windowMs: 2000 },
      'slow-page': { overMs: 6000 },
      'quick-back': { withinMs: 8000 },
    });
    // An older value out of today's bounds still falls back to its default.
    expect(readThresholds({ slowPageMs: 60_000 })).toEqual(DEFAULT_THRESHOLDS);
  });

  it('as read are valid by the stored schema', () => {
    expect(signalThresholds.safeParse(readThresholds({ slowPageMs: 6000 })).success).toBe(true);
    expect(signalThresholds.safeParse({ ...DEFAULT_THRESHOLDS, 'slow-page': { overMs: 1 } }).success).toBe(false);
  });

  it('show times in seconds and store them in milliseconds', () => {
    const slow = field('Slow page: load or largest paint over');
    expect(shownValue(slow, 3000)).toBe(3);
    expect(withThreshold(DEFAULT_THRESHOLDS, slow, 4.5)).toEqual({ thresholds: slowPage(4500) });
    expect(withThreshold(DEFAULT_THRESHOLDS, field('Rage click: at least'), 4)).toEqual({
      thresholds: { ...DEFAULT_THRESHOLDS, 'rage-click': { ...DEFAULT_THRESHOLDS['rage-click'], clicks: 4 } },
    });
  });

  it.each([
    [
      'Slow page: load or largest paint over',
      0.1,
      'Slow page: load or largest paint over: choose between 0.5 and 9 seconds.',
    ],
    [
      'Slow page: load or largest paint over',
      Number.NaN,
      'Slow page: load or largest paint over: choose between 0.5 and 9 seconds.',
    ],
    ['Rage click: at least', 1, 'Rage click: at least: choose between 2 and 10 clicks.'],
    ['Rage click: inside a radius of', 500, 'Rage click: inside a radius of: choose between 5 and 200 pixels.'],
    ['Excessive scrolling: at least', 1, 'Excessive scrolling: at least: choose between 2 and 20 reversals.'],
  ])('refuse %s = %s with a message saying what is allowed', (title, value, message) => {
    expect(withThreshold(DEFAULT_THRESHOLDS, field(title), value)).toEqual({ error: message });
  });

  it('allow every default, so resetting is always valid', () => {
    for (const f of THRESHOLD_FIELDS) {
      expect(withThreshold(DEFAULT_THRESHOLDS, f, shownValue(f, thresholdValue(DEFAULT_THRESHOLDS, f)))).toHaveProperty(
        'thresholds',
      );
    }
  });
});

describe('thresholds stored by an older version', () => {
  it('are rewritten per signal in storage once, when the extension starts', async () => {
    await fakeBrowser.storage.local.set({
      signalThresholds: { rageClicks: 5, slowPageMs: 6000 },
      signalThresholds$: { v: 1 },
    });
    vi.resetModules(); // the item migrates on its first use (the worker watches it as it starts)
    const { signalThresholdsItem } = await import('../../lib/extension-storage/items');
    const expected = { 'rage-click': { clicks: 5 }, 'slow-page': { overMs: 6000 } };
    expect(await signalThresholdsItem.getValue()).toEqual(expected);
    expect(await fakeBrowser.storage.local.get(['signalThresholds', 'signalThresholds$'])).toEqual({
      signalThresholds: expected,
      signalThresholds$: { v: 2 },
    });
  });
});
