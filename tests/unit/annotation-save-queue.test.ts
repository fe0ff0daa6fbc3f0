import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../lib/annotate/geometry';
import { AnnotationSaveQueue, type SaveState } from '../../lib/annotate/save-queue';
import { commitCapture, db, type RedactionRenderer } from '../../lib/db';
import type { Annotation } from '../../lib/model';
import { capturedPage, walkInProgress } from './factories';

const redaction = (x: number) => createAnnotation('redaction', { x, y: 0.1 }, { x: x + 0.1, y: 0.2 }, []);

/** A renderer whose drawings wait for the test to let them go, and that can be made to fail. */
function controlledRenderer() {
  const drawn: number[] = [];
  let gate = Promise.resolve();
  let release = () => {};
  let failNext = false;
  const render: RedactionRenderer = async (_original, redactions) => {
    await gate;
    if (failNext) {
      failNext = false;
      throw new Error('The image could not be drawn.');
    }
    drawn.push(redactions.length);
    const image = new Blob([`redacted:${redactions.length}`], { type: 'image/webp' });
    return { image, thumbnail: image, mime: 'image/webp', thumbnailMime: 'image/webp' };
  };
  return {
    render,
    drawn,
    hold: () => {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    failOnce: () => (failNext = true),
  };
}

function until(queue: AnnotationSaveQueue, id: string, state: SaveState): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (queue.stateOf(id) !== state) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = queue.subscribe(check);
    check();
  });
}

async function capturedTouchpoint() {
  const { journey } = await walkInProgress();
  return commitCapture(capturedPage(journey.id));
}

describe('the annotation save queue', () => {
  it('saves one at a time and skips to the newest annotations', async () => {
    const touchpoint = await capturedTouchpoint();
    const renderer = controlledRenderer();
    const queue = new AnnotationSaveQueue(renderer.render);
    const errors: unknown[] = [];
    renderer.hold();
    queue.save(touchpoint.id, [redaction(0.1)], (e) => errors.push(e));
    expect(queue.stateOf(touchpoint.id)).toBe('saving');
    const skipped: Annotation[] = [redaction(0.1), redaction(0.3)];
    queue.save(touchpoint.id, skipped, (e) => errors.push(e));
    const newest = [redaction(0.1), redaction(0.3), redaction(0.5)];
    queue.save(touchpoint.id, newest, (e) => errors.push(e));
    renderer.release();
    await until(queue, touchpoint.id, 'saved');

    expect(renderer.drawn).toEqual([1, 3]);
    expect((await db.touchpoints.get(touchpoint.id))?.annotations).toEqual(newest);
    expect(errors).toEqual([]);
  });

  it('keeps a failed save queued, reports it, and lands it on retry', async () => {
    const touchpoint = await capturedTouchpoint();
    const renderer = controlledRenderer();
    const queue = new AnnotationSaveQueue(renderer.render);
    const errors: unknown[] = [];
    renderer.failOnce();
    const wanted = [redaction(0.2)];
    queue.save(touchpoint.id, wanted, (e) => errors.push(e));
    await until(queue, touchpoint.id, 'failed');
    expect(errors).toHaveLength(1);
    expect((await db.touchpoints.get(touchpoint.id))?.annotations).toEqual([]);

    queue.retry(touchpoint.id, (e) => errors.push(e));
    await until(queue, touchpoint.id, 'saved');
    expect((await db.touchpoints.get(touchpoint.id))?.annotations).toEqual(wanted);
    expect(await (await db.screenshots.get(touchpoint.screenshotId!))?.image.text()).toBe('redacted:1');
  });
});
