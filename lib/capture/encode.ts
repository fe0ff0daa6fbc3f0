import { base64ToBytes } from '../base64';
import { mimeOfBlob, type Screenshot } from '../model';

export const THUMBNAIL_WIDTH = 320;
const IMAGE_QUALITY = 0.9;
const THUMBNAIL_QUALITY = 0.8;

export type EncodedScreenshot = Omit<Screenshot, 'id' | 'touchpointId'>;

/** Re-encodes a captured PNG as WebP (a fraction of the size, text stays legible) plus a thumbnail. */
export async function encodeScreenshot(png: Blob, devicePixelRatio: number): Promise<EncodedScreenshot> {
  const bitmap = await createImageBitmap(png);
  try {
    return await encodeImage(bitmap, devicePixelRatio);
  } finally {
    bitmap.close();
  }
}

/**
 * Encodes a drawn image: WebP where it fits (WebP stops at 16,383 pixels a side; taller
 * full-page images stay PNG). The thumbnail shows the top, at most in the viewport's shape.
 */
export async function encodeImage(
  source: ImageBitmap | OffscreenCanvas,
  devicePixelRatio: number,
  thumbnailAspect = Infinity,
): Promise<EncodedScreenshot> {
  const { width, height } = source;
  const image = await draw(source, { width, height }, { width, height }, IMAGE_QUALITY);
  const thumbWidth = Math.min(THUMBNAIL_WIDTH, width);
  const shownHeight = Math.min(height, Math.round(width / thumbnailAspect) || height);
  const thumbHeight = Math.max(1, Math.round((shownHeight * thumbWidth) / width));
  const thumbnail = await draw(
    source,
    { width, height: shownHeight },
    { width: thumbWidth, height: thumbHeight },
    THUMBNAIL_QUALITY,
  );
  return {
    image,
    thumbnail,
    width,
    height,
    devicePixelRatio,
    mime: mimeOfBlob(image),
    thumbnailMime: mimeOfBlob(thumbnail),
  };
}

type Size = { width: number; height: number };

async function draw(source: CanvasImageSource, from: Size, to: Size, quality: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(to.width, to.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images off screen.');
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, from.width, from.height, 0, 0, to.width, to.height);
  return canvas.convertToBlob({ type: 'image/webp', quality });
}

/** Decodes a data: URL (what captureVisibleTab returns) without going through fetch. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const { bytes, type } = dataUrlBytes(dataUrl);
  return new Blob([bytes], { type });
}

/**
 * The screenshot stored as captured, before compaction: the PNG stands in as its own thumbnail,
 * and its size comes from the PNG header, so nothing is decoded on the way to the database.
 */
/**
 * The browser's PNG as it is. Its pixel ratio is the image's width over the viewport's CSS width
 * when that is known: a browser that emulates a ratio (or zooms) captures at its own real scale,
 * whatever `devicePixelRatio` the page reports.
 */
export function unencodedScreenshot(dataUrl: string, reportedRatio: number, viewportWidth?: number): EncodedScreenshot {
  const { bytes, type } = dataUrlBytes(dataUrl);
  const header = new DataView(bytes.buffer);
  const isPng = type === 'image/png' && bytes.length > 24 && header.getUint32(12) === 0x49484452; // IHDR
  if (!isPng) throw new Error('The browser returned a screenshot in an unexpected form.');
  const png = new Blob([bytes], { type });
  const size = { width: header.getUint32(16), height: header.getUint32(20) };
  const devicePixelRatio = viewportWidth ? Math.round((size.width / viewportWidth) * 1000) / 1000 : reportedRatio;
  return { image: png, thumbnail: png, ...size, devicePixelRatio, mime: 'image/png', thumbnailMime: 'image/png' };
}

function dataUrlBytes(dataUrl: string): { bytes: Uint8Array<ArrayBuffer>; type: string } {
  // The header alone is matched: a regular expression over the whole URL (megabytes of base64)
  // cost a cold worker milliseconds on every capture.
  const comma = dataUrl.indexOf(',', 0);
  const header = /^data:([^;,]+);base64$/.exec(dataUrl.slice(0, Math.max(comma, 0)));
  if (!header) throw new Error('The browser returned a screenshot in an unexpected form.');
  return { bytes: base64ToBytes(dataUrl.slice(comma + 1)), type: header[1] ?? '' };
}
