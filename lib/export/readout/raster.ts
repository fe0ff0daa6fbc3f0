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
}

/** Injectable: Node (unit tests) has no canvas, so tests pass a stand-in. */
export type Rasterise = (shot: ExportedImage, annotations: Annotation[]) => Promise<FlatImage>;

const MAX_WIDTH = 1600;
const JPEG_QUALITY = 0.82;

export const flattenScreenshot: Rasterise = async (shot, annotations) => {
  const bitmap = await createImageBitmap(shot.image);
  try {
    const scale = Math.min(1, MAX_WIDTH / bitmap.width);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the screenshots for the readout.');
    context.drawImage(bitmap, 0, 0, width, height);
    drawAnnotations(context, annotations, width, height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height };
  } finally {
    bitmap.close();
  }
};
