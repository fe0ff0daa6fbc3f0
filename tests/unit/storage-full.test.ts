// "Storage full": IndexedDB refuses a write with a QuotaExceededError when the disk or the
// origin's quota is full. These tests make the real database refuse writes (its object store
// throws that DOMException) and check that no write lands half-done, that nothing stored
// earlier changes, and that the researcher is told what happened.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAnnotation } from '../../lib/annotate/geometry';
import { renderRedacted } from '../../lib/annotate/redact';
import { awaitsCompaction, compactLeftovers } from '../../lib/capture/compact';
import { describeCaptureError } from '../../lib/capture/errors';
import { CAPTURE_COMMAND, handleCommand } from '../../lib/capture/handlers';
import { captureQueue } from '../../lib/capture/service';
import { db, listTouchpoints, saveAnnotations, updateTouchpoints } from '../../lib/db';
import { activeJourneyId, captureStatus } from '../../lib/extension-storage/items';
import { walkInProgress } from './factories';
import { browserThatCaptures, PNG_BYTES, TAB } from './fake-capture-browser';

const NO_ROOM =
  'The browser has no room left to store screenshots. Export and delete old journeys, then try again. Nothing was saved.';

/**
 * Makes IndexedDB refuse writes into a store with a QuotaExceededError; the first `allowed`
 * writes still get in. The refusal comes from the object store's add and put, beneath both Dexie
 * (pages) and the worker's plain IndexedDB. (A real browser may instead fail the transaction when
 * it commits; both end in an aborted transaction.) Undone by the returned function, or after the
 * test.
 */
const cures: (() => void)[] = [];
function fillUp(store: 'touchpoints' | 'screenshots', allowed = 0): () => void {
  // Called back with the store as `this`, as the browser calls them.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { add, put } = IDBObjectStore.prototype;
  const refusing = (write: typeof add) =>
    function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
      if (this.name === store && allowed-- <= 0) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return write.apply(this, args);
    };
  IDBObjectStore.prototype.add = refusing(add);
  IDBObjectStore.prototype.put = refusing(put);
  const cure = () => {
    IDBObjectStore.prototype.add = add;
    IDBObjectStore.prototype.put = put;
  };
  cures.push(cure);
  return cure;
}

/** Everything stored, with each image read out byte for byte: to compare before and after. */
async function snapshot() {
  const readable = async (value: unknown): Promise<unknown> => {
    if (value instanceof Blob) return { type: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
    if (Array.isArray(value)) return Promise.all(value.map(readable));
    if (value && typeof value === 'object') {
      return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await readable(v)])));
    }
    return value;
  };
  const [journeys, touchpoints, screenshots] = await Promise.all([
    db.journeys.toArray(),
    db.touchpoints.toArray(),
    db.screenshots.toArray(),
  ]);
  return readable({ journeys, touchpoints, screenshots });
}

beforeEach(async () => {
  browserThatCaptures(fakeBrowser);
  const { journey } = await walkInProgress();
  await activeJourneyId.setValue(journey.id);
});

afterEach(() => {
  cures.splice(0).forEach((cure) => cure());
  vi.unstubAllGlobals();
});

/** The researcher presses the capture shortcut; resolves once the capture is saved or has failed. */
async function capture() {
  await handleCommand(CAPTURE_COMMAND, { ...TAB } as never);
  await captureQueue.idle();
}

const journeyId = async () => (await activeJourneyId.getValue())!;
const bytesOf = async (blob: Blob | undefined) => new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0));

describe('a capture when storage is full', () => {
  it.each(['screenshots', 'touchpoints'] as const)(
    'is refused whole when the %s table is full, and the researcher is told',
    async (full) => {
      await capture();
      const before = await snapshot();
      fillUp(full);
      await capture();

      expect((await captureStatus.getValue()).lastError?.message).toBe(NO_ROOM);
      expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
      // No touchpoint without its screenshot, no orphan screenshot, the same next number, and
      // the earlier capture byte for byte as it was.
      expect(await db.touchpoints.count()).toBe(1);
      expect(await db.screenshots.count()).toBe(1);
      expect((await db.journeys.get(await journeyId()))?.nextSeq).toBe(2);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('lands with the next sequence number once there is room again', async () => {
    await capture();
    const cure = fillUp('screenshots');
    await capture();
    cure();
    await capture();

    const points = await listTouchpoints(await journeyId());
    expect(points.map((t) => t.seq)).toEqual([1, 2]);
    const shot = await db.screenshots.get(points[1]!.screenshotId!);
    expect(shot).toMatchObject({ touchpointId: points[1]!.id, mime: 'image/webp', width: 1280, height: 800 });
    expect((await captureStatus.getValue()).lastError).toBeUndefined();
  });

  it("is not confused with the browser's limit on captures per second, whose message says quota", () => {
    const tooFast = new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
    expect(describeCaptureError(tooFast)).toMatch(/too many captures in a row/);
  });
});

describe('compressing a saved capture when storage is full', () => {
  it('keeps the touchpoint and its PNG whole, says the capture was saved, and compresses when the worker next starts', async () => {
    const cure = fillUp('screenshots', 1); // the capture gets in; its compressed copy does not
    await capture();

    const [point] = await listTouchpoints(await journeyId());
    const shot = await db.screenshots.get(point!.screenshotId!);
    expect(point).toMatchObject({ seq: 1, pageTitle: 'Your cart' });
    expect(shot).toMatchObject({ touchpointId: point!.id, mime: 'image/png', thumbnailMime: 'image/png' });
    expect(await bytesOf(shot?.image)).toEqual(PNG_BYTES);
    expect(await bytesOf(shot?.thumbnail)).toEqual(PNG_BYTES);
    expect(awaitsCompaction(shot!)).toBe(true);
    expect(await db.screenshots.count()).toBe(1);
    expect((await captureStatus.getValue()).lastError?.message).toBe(
      'The touchpoint was saved, but the browser has no room left to compress its screenshot. Export and delete old journeys before capturing more.',
    );
    // Capturing again would save the same moment twice: no "Try again".
    expect((await captureStatus.getValue()).lastError?.retry).toBeUndefined();

    // Once there is room, the next start of the worker compresses what was left.
    await compactLeftovers(await journeyId());
    expect(awaitsCompaction((await db.screenshots.get(point!.screenshotId!))!)).toBe(true); // still full
    cure();
    expect(await compactLeftovers(await journeyId())).toBe(1);
    const compacted = await db.screenshots.get(point!.screenshotId!);
    expect(compacted).toMatchObject({ id: shot!.id, mime: 'image/webp', thumbnailMime: 'image/webp' });
    // Node has no image encoder; the fake one writes down the size it was asked to draw. The
    // image keeps every pixel; the thumbnail is 320 px wide, in the page's shape.
    expect(await compacted!.image.text()).toBe('webp 1280x800');
    expect(await compacted!.thumbnail.text()).toBe('webp 320x200');
  });
});

describe("a researcher's edit when storage is full", () => {
  it('changes none of several touchpoints edited at once when the disk fills midway', async () => {
    for (let i = 0; i < 3; i++) await capture();
    const before = await snapshot();
    fillUp('touchpoints', 1); // the first edited touchpoint gets in, the second does not
    const ids = (await listTouchpoints(await journeyId())).map((t) => t.id);

    await expect(updateTouchpoints(ids, { stage: 'Purchase', key: true })).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps neither the redaction nor the redrawn screenshot when the screenshot cannot be written', async () => {
    await capture();
    const before = await snapshot();
    fillUp('screenshots');
    const [point] = await listTouchpoints(await journeyId());
    const redaction = createAnnotation('redaction', { x: 0.1, y: 0.1 }, { x: 0.4, y: 0.2 }, []);

    await expect(saveAnnotations(point!.id, [redaction], renderRedacted)).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    expect(await snapshot()).toEqual(before);
  });
});
