import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordAutoClick } from '../../lib/capture/auto-record';
import { captureQueue } from '../../lib/capture/service';
import {
  commitCapture,
  db,
  discardDrafts,
  keepDrafts,
  listTouchpoints,
  restoreTouchpoints,
  setMaskAllowList,
} from '../../lib/db';
import type { ElementDescriptor } from '../../lib/model';
import { capturedPage, walkInProgress } from './factories';
import { browserThatCaptures, TAB } from './fake-capture-browser';

const button: ElementDescriptor = {
  selector: '#compare',
  ariaSelector: 'button "Compare sizes"',
  text: 'Compare sizes',
  role: 'button',
  rect: { x: 10, y: 20, width: 100, height: 30 },
};

describe('drafts', () => {
  it('are kept, or discarded with their screenshots and brought back by undo', async () => {
    const { journey } = await walkInProgress();
    const a = await commitCapture(capturedPage(journey.id, { draft: true, source: 'auto' }));
    const b = await commitCapture(capturedPage(journey.id, { draft: true, source: 'auto' }));
    const kept = await commitCapture(capturedPage(journey.id));
    await keepDrafts([a.id]);
    const discarded = await discardDrafts([b.id, kept.id]);
    // Only drafts are discarded: a kept touchpoint in the list is left alone.
    expect(discarded.map((d) => d.touchpoint.id)).toEqual([b.id]);
    expect((await listTouchpoints(journey.id)).map((t) => [t.id, t.draft])).toEqual([
      [a.id, false],
      [kept.id, false],
    ]);
    expect(await db.screenshots.count()).toBe(2);
    await restoreTouchpoints(discarded);
    expect(await db.touchpoints.count()).toBe(3);
    expect(await db.screenshots.count()).toBe(3);
  });
});

const CART = 'https://shop.example/cart';
const sizeGuide: ElementDescriptor = {
  ...button,
  selector: '#size-guide',
  text: 'Size guide',
  ariaSelector: 'button "Size guide"',
};
const addToCart: ElementDescriptor = {
  ...button,
  selector: '#add',
  text: 'Add to cart',
  ariaSelector: 'button "Add to cart"',
};

describe('auto-recorded clicks', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('capture the first click of a burst and count the rest; a later click starts a new draft', async () => {
    browserThatCaptures(fakeBrowser);
    const { journey } = await walkInProgress();
    const tab = { ...TAB };
    await recordAutoClick(journey.id, tab, button, CART, 10_000);
    await recordAutoClick(journey.id, tab, sizeGuide, CART, 10_300);
    await recordAutoClick(journey.id, tab, sizeGuide, CART, 11_200);
    await recordAutoClick(journey.id, tab, addToCart, CART, 13_000);
    await captureQueue.idle();
    const drafts = await listTouchpoints(journey.id);
    expect(drafts.map((t) => [t.source, t.draft, t.element?.text, t.extraClicks])).toEqual([
      ['auto', true, 'Compare sizes', 2],
      ['auto', true, 'Add to cart', 0],
    ]);
    expect(drafts[0]?.element).toEqual(button);
    // Each draft has its screenshot: the captures succeeded, so the burst's first click is told
    // from the others by what was recorded, not by a failure.
    const shots = await db.screenshots.bulkGet(drafts.map((t) => t.screenshotId ?? ''));
    expect(shots.map((shot) => shot?.touchpointId)).toEqual(drafts.map((t) => t.id));
  });

  it('keep the address of the page clicked on, even when the page left before its screenshot', async () => {
    const { journey } = await walkInProgress();
    await recordAutoClick(journey.id, { id: 13, windowId: 1 }, button, 'https://shop.example/product?id=7', 30_000);
    await captureQueue.idle();
    const [draft] = await listTouchpoints(journey.id);
    expect(draft?.title).toMatch(/page left before its screenshot/);
    expect(draft?.url).toBe('https://shop.example/product?id=7');
  });

  it('count clicks of the burst that come after its draft is saved on the saved draft', async () => {
    const { journey } = await walkInProgress();
    const tab = { id: 12, windowId: 1 };
    await recordAutoClick(journey.id, tab, button, CART, 20_000);
    await captureQueue.idle();
    await recordAutoClick(journey.id, tab, button, CART, 20_400);
    await recordAutoClick(journey.id, tab, button, CART, 20_800);
    const drafts = await listTouchpoints(journey.id);
    expect(drafts.map((t) => t.extraClicks)).toEqual([2]);
  });
});

describe('the masking allow-list', () => {
  it('is saved trimmed, and refused whole when a selector is not valid', async () => {
    const { study } = await walkInProgress();
    const valid = (selector: string) => !selector.includes('[[');
    await setMaskAllowList(study.id, [' #search ', '', 'input[name=postcode]'], valid);
    expect((await db.studies.get(study.id))?.maskAllowList).toEqual(['#search', 'input[name=postcode]']);
    await expect(setMaskAllowList(study.id, ['#ok', '[[bad'], valid)).rejects.toThrow(
      'Not a valid CSS selector: [[bad',
    );
    expect((await db.studies.get(study.id))?.maskAllowList).toEqual(['#search', 'input[name=postcode]']);
  });
});
