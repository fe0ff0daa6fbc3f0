// What an image file says about itself in its first bytes: its type and its size. An import
// checks this before it decodes the image (decode.ts), so an image whose declared size could
// exhaust memory once decoded is refused unread.

import type { ImageCheck } from './read';

export interface ImageHeader {
  mime: 'image/png' | 'image/webp' | 'image/jpeg';
  width: number;
  height: number;
}

/** Larger than any screenshot Touchtrail takes (full pages stop below the canvas limit). */
export const MAX_IMAGE_SIDE = 32_000;

/** Chromium's largest canvas (16,384²): no screenshot is larger, and decoding one takes 1 GB. */
export const MAX_IMAGE_PIXELS = 16_384 * 16_384;

/** Enough for any PNG or WebP header, and for the JPEG segments that come before the frame size. */
const HEADER_BYTES = 64 * 1024;

async function firstBytes(blob: Blob): Promise<Uint8Array> {
  // Most screenshots are smaller than a header's allowance: read whole, they need no slice.
  return new Uint8Array(await (blob.size <= HEADER_BYTES ? blob : blob.slice(0, HEADER_BYTES)).arrayBuffer());
}

/** The type and size an image declares, or undefined when it is no PNG, WebP or JPEG. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && ascii(12, 4) === 'IHDR') {
    return { mime: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return webpHeader(view, ascii(12, 4));
  if (bytes.length >= 4 && view.getUint16(0) === 0xffd8) return jpegHeader(view);
  return undefined;
}

function webpHeader(view: DataView, chunk: string): ImageHeader | undefined {
  const mime = 'image/webp';
  if (chunk === 'VP8 ' && view.getUint8(23) === 0x9d && view.getUint8(24) === 0x01 && view.getUint8(25) === 0x2a) {
    return { mime, width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L' && view.getUint8(20) === 0x2f) {
    const bits = view.getUint32(21, true);
    return { mime, width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const uint24 = (at: number) => view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getUint8(at + 2) << 16);
    return { mime, width: uint24(24) + 1, height: uint24(27) + 1 };
  }
  return undefined;
}

/** Walks the JPEG's segments to its start-of-frame, which holds the size. */
function jpegHeader(view: DataView): ImageHeader | undefined {
  let at = 2;
  while (at + 9 <= view.byteLength) {
    if (view.getUint8(at) !== 0xff) return undefined;
    const marker = view.getUint8(at + 1);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { mime: 'image/jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

/**
 * An import's image check: the header is an image of the type the record names, no larger than
 * any screenshot can be, and — for a screenshot, whose size the record holds — of that size.
 */
export const checkImageHeader: ImageCheck = async (blob, expected, head) => {
  const header = (head && readImageHeader(head)) ?? readImageHeader(await firstBytes(blob));
  if (!header || header.mime !== blob.type) return false;
  const { width, height } = header;
  if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return false;
  if (width * height > MAX_IMAGE_PIXELS) return false;
  return !expected || (width === expected.width && height === expected.height);
};
