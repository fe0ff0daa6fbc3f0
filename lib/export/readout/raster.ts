// A screenshot as readouts embed it: JPEG (PDF readers and slide tools take no WebP), no wider
// than a page needs, with the boxes, arrows, markers and labels burned in. Redactions are in the
// exported pixels already (lib/db/annotations.ts): this never sees an unredacted capture.

import type { Annotation } from '../../model';
import type { ExportedImage } from '../gather';
import { drawAnnotations } from './canvas-shapes';

export interface FlatImage {
  /** JPEG bytes. */
  bytes: Uint8Array;
  width: number;
  height: number;
  /** Set when only the top of a tall (full-page) capture is shown: the capture's size in pixels. */
  topOf?: { width: number; height: number };
}

/** Injectable: Node (unit tests) has no canvas, so tests pass a stand-in. */
export type Rasterise = (shot: ExportedImage, annotations: Annotation[]) => Promise<FlatImage>;

const MAX_WIDTH = 1600;
/** Taller than this × its width, a capture shows its top only: a whole page would be a sliver. */
export const MAX_ASPECT = 1.25;
const JPEG_QUALITY = 0.82;

/** The scale and the part of the capture (from its top) a readout shows. */
export function flatGeometry(width: number, height: number) {
  const scale = Math.min(1, MAX_WIDTH / width);
  const outWidth = Math.max(1, Math.round(width * scale));
  const fullHeight = Math.max(1, Math.round(height * scale));
  const outHeight = Math.min(fullHeight, Math.round(outWidth * MAX_ASPECT));
  return { scale, width: outWidth, height: outHeight, fullHeight, cropped: outHeight < fullHeight };
}

export const flattenScreenshot: Rasterise = async (shot, annotations) => {
  const bitmap = await createImageBitmap(shot.image);
  try {
    const { width, height, fullHeight, cropped } = flatGeometry(bitmap.width, bitmap.height);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the screenshots for the readout.');
    context.drawImage(bitmap, 0, 0, width, fullHeight);
    drawAnnotations(context, annotations, width, fullHeight);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    const topOf = cropped ? { width: bitmap.width, height: bitmap.height } : undefined;
    return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height, topOf };
  } finally {
    bitmap.close();
  }
};

/** A readout's image for a touchpoint: flattened, or the reason it could not be (one broken image must not cost the whole file). */
export async function readoutImage(
  rasterise: Rasterise,
  shot: ExportedImage | undefined,
  annotations: Annotation[],
): Promise<FlatImage | { unreadable: string } | undefined> {
  if (!shot) return undefined;
  try {
    return await rasterise(shot, annotations);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
}

/** The line under an image that shows only the top of a full-page capture. */
export function topOfCaption(image: FlatImage): string | undefined {
  return image.topOf
    ? `Top of a full-page capture (${image.topOf.width} × ${image.topOf.height} px): the bundle and the HTML report have it whole.`
    : undefined;
}

export const UNREADABLE = 'The screenshot could not be read, so it is left out here';
