// Burns redactions into a screenshot: the pixels under a redaction are replaced, so what is
// hidden cannot be recovered from the image that views show and exports carry.

import { encodeImage, type EncodedScreenshot } from '../capture/encode';
import { areaToPixels, type Redaction } from './geometry';

export interface UnredactedImages {
  image: Blob;
  thumbnail: Blob;
}

/** Draws the original with its redactions applied, and encodes it with a new thumbnail. */
export async function renderRedacted(
  original: UnredactedImages,
  redactions: Redaction[],
  devicePixelRatio: number,
): Promise<EncodedScreenshot> {
  const [bitmap, thumb] = await Promise.all([createImageBitmap(original.image), createImageBitmap(original.thumbnail)]);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images off screen.');
    context.drawImage(bitmap, 0, 0);
    for (const redaction of redactions) {
      const box = areaToPixels(redaction.area, canvas.width, canvas.height);
      if (box.width === 0 || box.height === 0) continue;
      if (redaction.style === 'solid') solid(context, box);
      else obscure(context, box, devicePixelRatio);
    }
    // The new thumbnail shows the same part of the page as the one it replaces.
    return await encodeImage(canvas, devicePixelRatio, thumb.width / thumb.height);
  } finally {
    bitmap.close();
    thumb.close();
  }
}

type Box = { x: number; y: number; width: number; height: number };

function solid(context: OffscreenCanvasRenderingContext2D, box: Box) {
  context.fillStyle = '#000';
  context.fillRect(box.x, box.y, box.width, box.height);
}

/**
 * A "blur" that cannot be undone: the area is shrunk to one pixel per block and stretched
 * back. A block is at least 24 CSS pixels (more than a line of body text) and at least half
 * the area's shorter side, so a redacted line of text becomes a row or two of colour patches:
 * too coarse to read, or to match against rendered guesses as pixelation-reversal tools do.
 */
function obscure(context: OffscreenCanvasRenderingContext2D, box: Box, devicePixelRatio: number) {
  const block = Math.max(24 * devicePixelRatio, Math.round(Math.min(box.width, box.height) / 2));
  const small = new OffscreenCanvas(
    Math.max(1, Math.ceil(box.width / block)),
    Math.max(1, Math.ceil(box.height / block)),
  );
  const smallContext = small.getContext('2d');
  if (!smallContext) throw new Error('This browser cannot draw images off screen.');
  smallContext.imageSmoothingQuality = 'high';
  smallContext.drawImage(context.canvas, box.x, box.y, box.width, box.height, 0, 0, small.width, small.height);
  context.save();
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(small, 0, 0, small.width, small.height, box.x, box.y, box.width, box.height);
  context.restore();
}
