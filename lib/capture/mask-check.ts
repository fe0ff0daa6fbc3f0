import { MASK_COLOUR } from '../page-agent/masks';
import { CaptureError } from './errors';

/** The browser's picture was of a moment before the masks were painted. */
export const MASKS_NOT_SHOWN =
  'The browser handed back a picture of the page from before Touchtrail’s masks showed, so it was thrown away. Nothing was saved: capture again.';

/** Thrown when a screenshot does not show the masks; the capture takes one more. */
export class MasksNotShownError extends CaptureError {
  constructor() {
    super(MASKS_NOT_SHOWN);
  }
}

const MASK_RGB = MASK_COLOUR.match(/\d+/g)!.map(Number);
/** Colour management may move a channel a little; a page's own pixels differ far more. */
const TOLERANCE = 10;

/**
 * Refuses a screenshot that does not show the mask's colour at every point the page agent gave
 * (viewport CSS pixels; `scale` image pixels per CSS pixel). Seen in Chromium: while a page
 * re-lays out (a zoom change, a busy page), captureVisibleTab can return a frame painted before
 * the masks, with every field in it readable. The layer being in the page is not enough.
 */
export function ensureMasksShown(image: ImageBitmap, points: { x: number; y: number }[] | undefined, scale: number) {
  if (!points?.length) return;
  const canvas = new OffscreenCanvas(1, 1);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new CaptureError('This browser cannot read back images, so the masks could not be checked.');
  for (const point of points) {
    const x = Math.floor(point.x * scale);
    const y = Math.floor(point.y * scale);
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) throw new MasksNotShownError();
    context.clearRect(0, 0, 1, 1);
    context.drawImage(image, x, y, 1, 1, 0, 0, 1, 1);
    const pixel = context.getImageData(0, 0, 1, 1).data;
    if (MASK_RGB.some((value, channel) => Math.abs(pixel[channel]! - value) > TOLERANCE)) {
      throw new MasksNotShownError();
    }
  }
}
