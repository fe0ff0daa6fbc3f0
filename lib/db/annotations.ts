import { redactionsOf, sameRedactions, type Redaction } from '../annotate/geometry';
import { annotation, mimeOfBlob, type Annotation, type Screenshot, type Touchpoint } from '../model';
import * as z from 'zod/mini';
import { db } from './database';

type Images = { image: Blob; thumbnail: Blob };

/** Burns redactions into the unredacted images (lib/annotate/redact.ts in the browser). */
export type RedactionRenderer = (
  original: Images,
  redactions: Redaction[],
  devicePixelRatio: number,
) => Promise<Images & Pick<Screenshot, 'mime' | 'thumbnailMime'>>;

/** Another save changed the redactions while this one was drawing: draw again from them. */
class RedactionsMoved extends Error {}
const ATTEMPTS = 3;

/**
 * Stores a touchpoint's annotations. When its redactions change, the screenshot is redrawn
 * from the unredacted capture first, and both are written in one transaction that checks the
 * redactions it drew from are still the stored ones: the stored image never disagrees with the
 * redactions listed, however saves overlap.
 */
export async function saveAnnotations(
  touchpointId: string,
  annotations: Annotation[],
  render: RedactionRenderer,
): Promise<Touchpoint> {
  const valid = z.array(annotation).parse(annotations);
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveOnce(touchpointId, valid, render);
    } catch (error) {
      if (!(error instanceof RedactionsMoved) || attempt === ATTEMPTS) throw error;
    }
  }
}

async function saveOnce(touchpointId: string, annotations: Annotation[], render: RedactionRenderer) {
  const current = await db.touchpoints.get(touchpointId);
  if (!current) throw new Error('This touchpoint no longer exists.');
  const shot = current.screenshotId ? await db.screenshots.get(current.screenshotId) : undefined;
  const redrawn =
    shot && !sameRedactions(current.annotations, annotations)
      ? await redraw(shot, redactionsOf(annotations), render)
      : undefined;

  return db.transaction('rw', db.touchpoints, db.screenshots, async () => {
    const latest = await db.touchpoints.get(touchpointId);
    if (!latest) throw new Error('This touchpoint no longer exists.');
    if (!sameRedactions(latest.annotations, current.annotations)) throw new RedactionsMoved();
    const next = { ...latest, annotations, updatedAt: Date.now() };
    await db.touchpoints.put(next);
    if (redrawn) {
      const stillThere = await db.screenshots.get(redrawn.id);
      if (!stillThere) throw new Error('The screenshot of this touchpoint no longer exists.');
      await db.screenshots.put(redrawn);
    }
    return next;
  });
}

async function redraw(shot: Screenshot, redactions: Redaction[], render: RedactionRenderer): Promise<Screenshot> {
  const original = shot.unredacted ?? { image: shot.image, thumbnail: shot.thumbnail };
  if (redactions.length === 0) {
    const restored: Screenshot = { ...shot, ...original, mime: mimeOfBlob(original.image) };
    restored.thumbnailMime = mimeOfBlob(original.thumbnail);
    delete restored.unredacted;
    return restored;
  }
  const drawn = await render(original, redactions, shot.devicePixelRatio);
  return {
    ...shot,
    image: drawn.image,
    thumbnail: drawn.thumbnail,
    mime: drawn.mime,
    thumbnailMime: drawn.thumbnailMime,
    unredacted: original,
  };
}
