import { redactionsOf, sameRedactions, type Redaction } from '../annotate/geometry';
import { annotation, mimeOfBlob, type Annotation, type Screenshot, type Touchpoint } from '../model';
import { db } from './database';

type Images = { image: Blob; thumbnail: Blob };

/** Burns redactions into the unredacted images (lib/annotate/redact.ts in the browser). */
export type RedactionRenderer = (
  original: Images,
  redactions: Redaction[],
  devicePixelRatio: number,
) => Promise<Images & Pick<Screenshot, 'mime' | 'thumbnailMime'>>;

/**
 * Stores a touchpoint's annotations. When its redactions change, the screenshot is redrawn
 * from the unredacted capture first, and both are written in one transaction: the stored
 * image never disagrees with the redactions listed.
 */
export async function saveAnnotations(
  touchpointId: string,
  annotations: Annotation[],
  render: RedactionRenderer,
): Promise<Touchpoint> {
  const valid = annotation.array().parse(annotations);
  const current = await db.touchpoints.get(touchpointId);
  if (!current) throw new Error('This touchpoint no longer exists.');
  const shot = current.screenshotId ? await db.screenshots.get(current.screenshotId) : undefined;
  const redrawn =
    shot && !sameRedactions(current.annotations, valid) ? await redraw(shot, redactionsOf(valid), render) : undefined;

  return db.transaction('rw', db.touchpoints, db.screenshots, async () => {
    const latest = await db.touchpoints.get(touchpointId);
    if (!latest) throw new Error('This touchpoint no longer exists.');
    const next = { ...latest, annotations: valid };
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
