import { describe, expect, it } from 'vitest';
import type { PageEvent } from '../../lib/signals/events';
import { disabledClick } from '../../lib/signals/kinds/disabled-click';
import { excessiveScroll } from '../../lib/signals/kinds/excessive-scroll';
import { pageError } from '../../lib/signals/kinds/page-error';
import {
  BACKGROUND_DETECTORS,
  DEFAULT_THRESHOLDS,
  detectSignals,
  PAGE_DETECTORS,
  SIGNAL_DETECTORS,
  toReport,
} from '../../lib/signals/detectors';
import { SIGNAL_PLUGINS } from '../../lib/signals/registry';
import { detailsOf, detectWith } from './signal-detect';

// The three signals added as plug-ins, each at the edges of its default thresholds.

const press = (t: number, label = 'Pay now'): PageEvent => ({ type: 'disabled-press', t, label });
const turn = (t: number, travel = 400): PageEvent => ({ type: 'scroll-turn', t, travel });
const click = (t: number): PageEvent => ({ type: 'click', t, x: 10, y: 10, interactive: true, label: 'Apply' });
const error = (t: number, message = 'TypeError: cart is undefined'): PageEvent => ({ type: 'error', t, message });

describe('disabled clicks', () => {
  it.each<[string, PageEvent[], number]>([
    ['one press on a disabled control', [press(0)], 1],
    ['pressed again within 2 s: the same friction', [press(0), press(2000)], 1],
    ['pressed again just after 2 s: a second one', [press(0), press(2001)], 2],
    ['each press within 2 s of the last keeps it one', [press(0), press(1500), press(3000), press(4500)], 1],
    ['two different disabled controls', [press(0, 'Pay now'), press(500, 'Next')], 2],
    ['clicks on enabled controls are not presses on disabled ones', [click(0), click(100)], 0],
  ])('%s', (_name, events, expected) => {
    expect(detectWith(disabledClick, events)).toHaveLength(expected);
  });

  it('names the control', () => {
    expect(detailsOf(detectWith(disabledClick, [press(0)]))).toEqual(['A click on “Pay now”, which is disabled']);
  });

  it('takes its repeat window from the settings', () => {
    expect(detectWith(disabledClick, [press(0), press(500)], { thresholds: { repeatMs: 0 } })).toHaveLength(2);
  });
});

describe('excessive scrolling', () => {
  it.each<[string, PageEvent[], number]>([
    ['4 reversals within 3 s', [turn(0), turn(1000), turn(2000), turn(3000)], 1],
    ['3 reversals are reading back, not searching', [turn(0), turn(1000), turn(2000)], 0],
    ['4 reversals spread just over 3 s', [turn(0), turn(1000), turn(2000), turn(3001)], 0],
    ['a reversal after under 40 px does not count', [turn(0), turn(500), turn(1000, 39), turn(1500)], 0],
    ['a reversal after 40 px does', [turn(0), turn(500), turn(1000, 40), turn(1500)], 1],
    ['6 reversals in one burst count once', [0, 400, 800, 1200, 1600, 2000].map((t) => turn(t)), 1],
    ['two bursts', [0, 500, 1000, 1500, 6000, 6500, 7000, 7500].map((t) => turn(t)), 2],
  ])('%s', (_name, events, expected) => {
    expect(detectWith(excessiveScroll, events)).toHaveLength(expected);
  });

  it('says how often and how fast', () => {
    expect(detailsOf(detectWith(excessiveScroll, [turn(0), turn(700), turn(1400), turn(2100)]))).toEqual([
      'Scrolled up and down, changing direction 4 times within 2.1 s',
    ]);
  });

  it('takes its thresholds from the settings', () => {
    const events = [turn(0), turn(1000), turn(2000)];
    expect(detectWith(excessiveScroll, events, { thresholds: { reversals: 3, windowMs: 2000 } })).toHaveLength(1);
    expect(detectWith(excessiveScroll, events, { thresholds: { reversals: 3, windowMs: 1999 } })).toHaveLength(0);
  });
});

describe('page errors', () => {
  it.each<[string, PageEvent[], number]>([
    ['an error with no click at all', [error(5000)], 1],
    ['an error 1 s after a click is an error after click', [click(0), error(1000)], 0],
    ['an error just over 1 s after a click', [click(0), error(1001)], 1],
    ['an error before the click', [error(0), click(10)], 1],
    ['the same error again counts once', [error(0), error(1000), error(2000)], 1],
    ['two different errors', [error(0, 'a'), error(1000, 'b')], 2],
  ])('%s', (_name, events, expected) => {
    expect(detectWith(pageError, events)).toHaveLength(expected);
  });

  it('follows the error-click window the researcher set, so every error is one or the other', () => {
    const events = [click(0), error(1500)];
    const wider = { ...DEFAULT_THRESHOLDS, 'error-click': { windowMs: 2000 } };
    expect(detectSignals(PAGE_DETECTORS, events, 1500, DEFAULT_THRESHOLDS).map((s) => s.kind)).toEqual(['page-error']);
    expect(detectSignals(PAGE_DETECTORS, events, 1500, wider).map((s) => s.kind)).toEqual(['error-click']);
  });
});

describe('reporting', () => {
  it('reports each occurrence once, and at most 3 page errors on one page (a page can raise them at will)', () => {
    const reported = new Set<string>();
    const errors = ['a', 'b', 'c', 'd', 'e'].map((message, i) => error(i * 100, message));
    const first = toReport(detectWith(pageError, errors.slice(0, 2)), reported, PAGE_DETECTORS);
    expect(detailsOf(first)).toEqual([
      'The page failed with no click before it: a',
      'The page failed with no click before it: b',
    ]);
    const then = toReport(detectWith(pageError, errors), reported, PAGE_DETECTORS);
    expect(detailsOf(then)).toEqual(['The page failed with no click before it: c']);
  });

  it('does not limit signals the persona causes', () => {
    const reported = new Set<string>();
    const presses = [0, 3000, 6000, 9000, 12_000].map((t) => press(t));
    expect(toReport(detectWith(disabledClick, presses), reported, PAGE_DETECTORS)).toHaveLength(5);
    expect(toReport(detectWith(disabledClick, presses), reported, PAGE_DETECTORS)).toHaveLength(0);
  });
});

describe('the detectors the page bundles', () => {
  it('are the registry’s signals, in its order, each with the same detector and thresholds', () => {
    expect(SIGNAL_DETECTORS.map((d) => d.kind)).toEqual(SIGNAL_PLUGINS.map((p) => p.kind));
    SIGNAL_PLUGINS.forEach((plugin, i) => {
      const detector = SIGNAL_DETECTORS[i]!;
      // eslint-disable-next-line @typescript-eslint/unbound-method -- compared by identity, never called
      expect(plugin.detect, plugin.kind).toBe(detector.detect);
      expect(plugin.defaults, plugin.kind).toBe(detector.defaults);
      expect(plugin.runsIn, plugin.kind).toBe(detector.runsIn);
    });
  });

  it('are split by where they run: the page’s, and the background’s, each signal once', () => {
    const kindsIn = (detectors: readonly { kind: string }[]) => detectors.map((d) => d.kind);
    expect([...kindsIn(PAGE_DETECTORS), ...kindsIn(BACKGROUND_DETECTORS)].sort()).toEqual(
      kindsIn(SIGNAL_DETECTORS).sort(),
    );
    expect(PAGE_DETECTORS.every((d) => d.runsIn === 'page')).toBe(true);
    expect(BACKGROUND_DETECTORS.every((d) => d.runsIn === 'background')).toBe(true);
  });

  it('carry none of the words for the researcher', () => {
    for (const detector of SIGNAL_DETECTORS) expect(Object.keys(detector)).not.toContain('label');
  });
});
