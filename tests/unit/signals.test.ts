import { describe, expect, it } from 'vitest';
import type { PageEvent } from '../../lib/signals/events';
import { deadClick } from '../../lib/signals/kinds/dead-click';
import { errorClick } from '../../lib/signals/kinds/error-click';
import { formError } from '../../lib/signals/kinds/form-error';
import { quickBack } from '../../lib/signals/kinds/quick-back';
import { rageClick } from '../../lib/signals/kinds/rage-click';
import { slowPage } from '../../lib/signals/kinds/slow-page';
import { detailsOf, detectWith } from './signal-detect';

const detectRageClicks = (events: PageEvent[]) => detectWith(rageClick, events);
const detectDeadClicks = (events: PageEvent[], now: number) => detectWith(deadClick, events, { now });
const detectErrorClicks = (events: PageEvent[]) => detectWith(errorClick, events);
const detectSlowPages = (events: PageEvent[], thresholds?: { overMs: number }) =>
  detectWith(slowPage, events, { thresholds });
const detectQuickBacks = (events: PageEvent[]) => detectWith(quickBack, events);
const detectFormErrors = (events: PageEvent[]) => detectWith(formError, events);

const click = (t: number, x = 100, y = 100, interactive = true, label = 'Place order'): PageEvent => ({
  type: 'click',
  t,
  x,
  y,
  interactive,
  label,
});
const nav = (t: number, url: string): PageEvent => ({ type: 'navigation', t, url });
const kinds = (found: { kind: string }[]) => found.length;

describe('rage clicks', () => {
  it.each<[string, PageEvent[], number]>([
    ['3 clicks within 1 s on one spot', [click(0), click(300), click(600)], 1],
    ['5 clicks within 1 s count once', [click(0), click(200), click(400), click(600), click(800)], 1],
    ['2 clicks are not enough', [click(0), click(300)], 0],
    ['3 clicks spread over more than 1 s', [click(0), click(600), click(1200)], 0],
    ['3 clicks more than 30 px apart', [click(0, 0, 0), click(300, 40, 0), click(600, 80, 0)], 0],
    ['3 clicks just inside 30 px', [click(0, 0, 0), click(300, 20, 20), click(600, 0, 29)], 1],
    ['two separate bursts', [click(0), click(200), click(400), click(5000), click(5200), click(5400)], 2],
  ])('%s', (_name, events, expected) => {
    expect(kinds(detectRageClicks(events))).toBe(expected);
  });

  it('says how many clicks and on what', () => {
    expect(detailsOf(detectRageClicks([click(0), click(300), click(600), click(900)]))).toEqual([
      '4 clicks within 0.9 s on “Place order”',
    ]);
  });
});

describe('dead clicks', () => {
  it.each<[string, PageEvent[], number, number]>([
    ['nothing happens after a click on a button', [click(0)], 3000, 1],
    ['the page has not had its 2.5 s yet', [click(0)], 2000, 0],
    ['the page changed within 2.5 s', [click(0), { type: 'mutation', t: 1500 }], 3000, 0],
    ['the page changed only after 2.5 s', [click(0), { type: 'mutation', t: 2600 }], 3000, 1],
    ['the click scrolled the page', [click(0), { type: 'scroll', t: 50 }], 3000, 0],
    ['a scroll long after the click does not count', [click(0), { type: 'scroll', t: 500 }], 3000, 1],
    ['the click selected text', [click(0), { type: 'selection', t: 30 }], 3000, 0],
    ['the click navigated', [click(0), nav(400, 'https://shop.example/next')], 3000, 0],
    ['a click on something not interactive', [click(0, 100, 100, false)], 3000, 0],
    ['clicks of a rage burst', [click(0), click(200), click(400)], 5000, 0],
  ])('%s', (_name, events, now, expected) => {
    expect(kinds(detectDeadClicks(events, now))).toBe(expected);
  });
});

describe('error clicks', () => {
  it.each<[string, PageEvent[], number]>([
    ['an error 400 ms after a click', [click(0), { type: 'error', t: 400, message: 'TypeError: x is undefined' }], 1],
    ['an error 1.5 s after a click', [click(0), { type: 'error', t: 1500, message: 'late' }], 0],
    ['an error before any click', [{ type: 'error', t: 0, message: 'boot' }, click(100)], 0],
    [
      'two clicks then an error: only the last click is blamed',
      [click(0, 10, 10), click(300, 300, 300), { type: 'error', t: 500, message: 'boom' }],
      1,
    ],
    [
      'two errors after one click count once',
      [click(0), { type: 'error', t: 100, message: 'a' }, { type: 'error', t: 200, message: 'b' }],
      1,
    ],
  ])('%s', (_name, events, expected) => {
    expect(kinds(detectErrorClicks(events))).toBe(expected);
  });
});

describe('slow pages', () => {
  const timing = (loadMs?: number, largestPaintMs?: number): PageEvent => ({
    type: 'page-timing',
    t: 0,
    url: 'https://shop.example/',
    loadMs,
    largestPaintMs,
  });
  it.each<[string, PageEvent[], number]>([
    ['loaded in 3.4 s', [timing(3400, 800)], 1],
    ['largest paint at 4 s', [timing(1200, 4000)], 1],
    ['fast page', [timing(900, 1100)], 0],
    ['exactly 3 s is not over 3 s', [timing(3000)], 0],
  ])('%s', (_name, events, expected) => {
    expect(kinds(detectSlowPages(events))).toBe(expected);
  });

  it('takes its threshold from the settings', () => {
    expect(kinds(detectSlowPages([timing(1200)], { overMs: 1000 }))).toBe(1);
  });
});

describe('quick backs', () => {
  const a = 'https://shop.example/products';
  const b = 'https://shop.example/product';
  it.each<[string, PageEvent[], number]>([
    ['back after 2 s without doing anything', [nav(0, a), nav(1000, b), nav(3000, a)], 1],
    ['back after 6 s', [nav(0, a), nav(1000, b), nav(7000, a)], 0],
    ['clicked something before going back', [nav(0, a), nav(1000, b), click(2000), nav(3000, a)], 0],
    ['pressed a key before going back', [nav(0, a), nav(1000, b), { type: 'key', t: 2000 }, nav(3000, a)], 0],
    ['went on to a third page', [nav(0, a), nav(1000, b), nav(2000, 'https://shop.example/cart')], 0],
    ['a reload is not a quick back', [nav(0, a), nav(1000, a), nav(2000, a)], 0],
  ])('%s', (_name, events, expected) => {
    expect(kinds(detectQuickBacks(events))).toBe(expected);
  });
});

describe('form errors', () => {
  it('reports each field the form refused', () => {
    const found = detectFormErrors([
      { type: 'invalid-field', t: 100, label: 'Email' },
      { type: 'invalid-field', t: 100, label: 'Card number' },
    ]);
    expect(detailsOf(found)).toEqual(['The form refused “Email”', 'The form refused “Card number”']);
  });

  it('reports nothing when every field was accepted', () => {
    expect(detectFormErrors([click(0), { type: 'mutation', t: 10 }])).toEqual([]);
  });
});

describe('every occurrence has a stable key', () => {
  it('so running a detector again reports nothing new', () => {
    const events = [click(0), click(300), click(600)];
    expect(detectRageClicks(events).map((s) => s.key)).toEqual(detectRageClicks([...events]).map((s) => s.key));
  });
});
