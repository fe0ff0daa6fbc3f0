import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../lib/annotate/geometry';
import { commitCapture, db, deleteTouchpoint, saveAnnotations, type RedactionRenderer } from '../../lib/db';
import { buildExport } from '../../lib/export/json';
import { capturedPage, walkInProgress } from './factories';

// Node has no canvas: this stand-in "burns" by replacing the image with a note of how many
// redactions it drew, and remembers which image it drew on. Chromium runs the real one
// (tests/e2e/annotate.spec.ts checks the pixels).
const drawnOn: string[] = [];
const burn: RedactionRenderer = async (original, redactions) => {
  drawnOn.push(await original.image.text());
  return {
    image: new Blob([`redacted:${redactions.length}`], { type: 'image/webp' }),
    thumbnail: new Blob([`thumb:${redactions.length}`], { type: 'image/webp' }),
    mime: 'image/webp',
    thumbnailMime: 'image/webp',
  };
};

const point = (x: number, y: number) => ({ x, y });

async function capturedTouchpoint() {
  drawnOn.length = 0;
  const { journey } = await walkInProgress();
  const original = new Blob(['original-pixels'], { type: 'image/webp' });
  return commitCapture(
    capturedPage(journey.id, {
      image: { ...capturedPage(journey.id).image!, image: original },
    }),
  );
}

describe('saving annotations', () => {
  it('stores boxes, arrows, markers and labels as data without touching the image', async () => {
    const touchpoint = await capturedTouchpoint();
    const annotations = [
      createAnnotation('box', point(0.1, 0.1), point(0.3, 0.3), []),
      createAnnotation('arrow', point(0.5, 0.5), point(0.6, 0.7), []),
      createAnnotation('marker', point(0.2, 0.8), point(0.2, 0.8), []),
      createAnnotation('text', point(0.4, 0.2), point(0.4, 0.2), [], 'Price hidden'),
    ];
    const saved = await saveAnnotations(touchpoint.id, annotations, burn);
    expect(saved.annotations).toEqual(annotations);
    expect((await db.touchpoints.get(touchpoint.id))?.annotations).toEqual(annotations);
    expect(drawnOn).toHaveLength(0);
    const shot = await db.screenshots.get(touchpoint.screenshotId!);
    expect(await shot?.image.text()).toBe('original-pixels');
    expect(shot?.unredacted).toBeUndefined();
  });

  it('burns redactions into image and thumbnail, keeping the capture to edit them later', async () => {
    const touchpoint = await capturedTouchpoint();
    const redaction = createAnnotation('redaction', point(0.1, 0.1), point(0.4, 0.2), []);
    await saveAnnotations(touchpoint.id, [redaction], burn);
    let shot = await db.screenshots.get(touchpoint.screenshotId!);
    expect(await shot?.image.text()).toBe('redacted:1');
    expect(await shot?.thumbnail.text()).toBe('thumb:1');
    expect(await shot?.unredacted?.image.text()).toBe('original-pixels');

    // A second redaction is drawn on the capture, not on the already redacted image.
    const second = createAnnotation('redaction', point(0.5, 0.5), point(0.7, 0.6), []);
    await saveAnnotations(touchpoint.id, [redaction, second], burn);
    shot = await db.screenshots.get(touchpoint.screenshotId!);
    expect(await shot?.image.text()).toBe('redacted:2');
    expect(drawnOn).toEqual(['original-pixels', 'original-pixels']);
  });

  it('restores the capture exactly when the last redaction is removed', async () => {
    const touchpoint = await capturedTouchpoint();
    const before = await db.screenshots.get(touchpoint.screenshotId!);
    await saveAnnotations(touchpoint.id, [createAnnotation('redaction', point(0, 0), point(0.5, 0.5), [])], burn);
    await saveAnnotations(touchpoint.id, [], burn);
    const after = await db.screenshots.get(touchpoint.screenshotId!);
    expect(await after?.image.text()).toBe('original-pixels');
    expect([...new Uint8Array(await after!.thumbnail.arrayBuffer())]).toEqual([5, 6]);
    expect(after?.unredacted).toBeUndefined();
    expect(after?.mime).toBe(before?.mime);
  });

  it('exports only the redacted image, never the capture under it', async () => {
    const touchpoint = await capturedTouchpoint();
    await saveAnnotations(touchpoint.id, [createAnnotation('redaction', point(0, 0), point(0.5, 0.5), [])], burn);
    const file = await buildExport({ journeyId: touchpoint.journeyId });
    const text = JSON.stringify(file);
    expect(text).not.toContain('unredacted');
    expect(text).not.toContain(Buffer.from('original-pixels').toString('base64'));
    expect(Buffer.from(file.screenshots[0]!.image, 'base64').toString()).toBe('redacted:1');
  });

  it('rejects invalid annotations and leaves the touchpoint as it was', async () => {
    const touchpoint = await capturedTouchpoint();
    const outside = { kind: 'box', id: crypto.randomUUID(), area: { x: 0.5, y: 0.5, width: 2, height: 0.1 } };
    await expect(saveAnnotations(touchpoint.id, [outside as never], burn)).rejects.toThrow();
    expect((await db.touchpoints.get(touchpoint.id))?.annotations).toEqual([]);
  });

  it('says so when the touchpoint was deleted, and writes nothing', async () => {
    const touchpoint = await capturedTouchpoint();
    await deleteTouchpoint(touchpoint.id);
    await expect(
      saveAnnotations(touchpoint.id, [createAnnotation('redaction', point(0, 0), point(0.5, 0.5), [])], burn),
    ).rejects.toThrow(/no longer exists/);
    expect(await db.touchpoints.count()).toBe(0);
    expect(await db.screenshots.count()).toBe(0);
  });

  it('keeps an image unchanged when the renderer fails', async () => {
    const touchpoint = await capturedTouchpoint();
    const failing: RedactionRenderer = () => Promise.reject(new Error('out of memory'));
    await expect(
      saveAnnotations(touchpoint.id, [createAnnotation('redaction', point(0, 0), point(0.5, 0.5), [])], failing),
    ).rejects.toThrow('out of memory');
    expect((await db.touchpoints.get(touchpoint.id))?.annotations).toEqual([]);
    expect(await (await db.screenshots.get(touchpoint.screenshotId!))?.image.text()).toBe('original-pixels');
  });

  it('saves annotations of an off-site touchpoint, which has no screenshot to redact', async () => {
    const { journey } = await walkInProgress();
    const offsite = await commitCapture(capturedPage(journey.id, { image: undefined }));
    const box = createAnnotation('box', point(0.1, 0.1), point(0.3, 0.3), []);
    expect((await saveAnnotations(offsite.id, [box], burn)).annotations).toEqual([box]);
  });

  it('draws again when another save changed the redactions meanwhile, so image and list agree', async () => {
    const touchpoint = await capturedTouchpoint();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: RedactionRenderer = async (...args) => {
      await gate;
      return burn(...args);
    };
    const mine = createAnnotation('redaction', point(0.1, 0.1), point(0.2, 0.2), []);
    const theirs = [mine, createAnnotation('redaction', point(0.5, 0.5), point(0.6, 0.6), [])];
    const slowSave = saveAnnotations(touchpoint.id, [mine], slow);
    await saveAnnotations(touchpoint.id, theirs, burn); // lands while the first is drawing
    release();
    await slowSave;

    const stored = await db.touchpoints.get(touchpoint.id);
    const shot = await db.screenshots.get(touchpoint.screenshotId!);
    expect(stored?.annotations).toEqual([mine]);
    expect(await shot?.image.text()).toBe('redacted:1');
    expect(drawnOn).toHaveLength(3); // the first drawing was thrown away and made again
  });
});
