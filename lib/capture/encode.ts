import type { Screenshot } from '../model';

export const THUMBNAIL_WIDTH = 320;
const IMAGE_QUALITY = 0.9;
const THUMBNAIL_QUALITY = 0.8;

export type EncodedScreenshot = Omit<Screenshot, 'id' | 'touchpointId'>;

/** Re-encodes a captured PNG as WebP (a fraction of the size, text stays legible) plus a thumbnail. */
export async function encodeScreenshot(png: Blob, devicePixelRatio: number): Promise<EncodedScreenshot> {
  const bitmap = await createImageBitmap(png);
  try {
    const { width, height } = bitmap;
    const image = await drawToWebp(bitmap, width, height, IMAGE_QUALITY);
    const thumbWidth = Math.min(THUMBNAIL_WIDTH, width);
    const thumbHeight = Math.max(1, Math.round((height * thumbWidth) / width));
    const thumbnail = await drawToWebp(bitmap, thumbWidth, thumbHeight, THUMBNAIL_QUALITY);
    return { image, thumbnail, width, height, devicePixelRatio, mime: 'image/webp', thumbnailMime: 'image/webp' };
  } finally {
    bitmap.close();
  }
}

async function drawToWebp(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images off screen.');
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/webp', quality });
}

/** Decodes a data: URL (what captureVisibleTab returns) without going through fetch. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error('The browser returned a screenshot in an unexpected form.');
  const binary = atob(match[2] ?? '');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: match[1] });
}
