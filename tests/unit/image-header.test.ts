import { describe, expect, it } from 'vitest';
import { checkImageHeader, readImageHeader } from '../../lib/import/image-header';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));
const le16 = (n: number) => [n & 0xff, n >> 8];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, n >> 16];
const be32 = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

const png = (width: number, height: number) =>
  bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
    'IHDR',
    be32(width),
    be32(height),
    [8, 6, 0, 0, 0],
  );
const webpLossy = (width: number, height: number) =>
  bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ', [0, 0, 0, 0], [0, 0, 0], [0x9d, 0x01, 0x2a], le16(width), le16(height));
const webpLossless = (width: number, height: number) => {
  const bits = (width - 1) | ((height - 1) << 14);
  return bytes(
    'RIFF',
    [0, 0, 0, 0],
    'WEBPVP8L',
    [0, 0, 0, 0],
    [0x2f],
    [bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, bits >>> 24],
    [0, 0, 0, 0, 0],
  );
};
const webpExtended = (width: number, height: number) =>
  bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X', [10, 0, 0, 0], [0, 0, 0, 0], le24(width - 1), le24(height - 1));
const jpeg = (width: number, height: number) =>
  bytes(
    [0xff, 0xd8],
    [0xff, 0xe0, 0, 16],
    'JFIF',
    new Array(10).fill(0),
    [0xff, 0xc0, 0, 17, 8],
    [height >> 8, height & 0xff, width >> 8, width & 0xff],
    [3],
  );

describe('image headers', () => {
  it.each([
    ['a PNG', png(1280, 800), 'image/png'],
    ['a lossy WebP', webpLossy(1280, 800), 'image/webp'],
    ['a lossless WebP', webpLossless(1280, 800), 'image/webp'],
    ['an extended WebP', webpExtended(1280, 800), 'image/webp'],
    ['a JPEG', jpeg(1280, 800), 'image/jpeg'],
  ])('read the type and size of %s', (_name, header, mime) => {
    expect(readImageHeader(header)).toEqual({ mime, width: 1280, height: 800 });
  });

  it('say nothing of what is no image', () => {
    expect(readImageHeader(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeUndefined();
    expect(readImageHeader(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeUndefined();
    expect(readImageHeader(new Uint8Array())).toBeUndefined();
  });
});

describe('the import image check', () => {
  const blob = (header: Uint8Array, type: string) => new Blob([header as BlobPart], { type });

  it('accepts a screenshot of the size its record gives, and a thumbnail of any sensible size', async () => {
    expect(await checkImageHeader(blob(webpLossy(1280, 800), 'image/webp'), { width: 1280, height: 800 })).toBe(true);
    expect(await checkImageHeader(blob(webpLossy(320, 200), 'image/webp'))).toBe(true);
  });

  it('refuses a size other than the record’s, a type other than the named one, and image bombs', async () => {
    expect(await checkImageHeader(blob(png(1280, 801), 'image/png'), { width: 1280, height: 800 })).toBe(false);
    expect(await checkImageHeader(blob(png(1280, 800), 'image/webp'))).toBe(false);
    // 100,000 × 100,000 pixels declared in a few bytes: 40 GB once decoded.
    expect(await checkImageHeader(blob(png(100_000, 100_000), 'image/png'))).toBe(false);
    // Each side within 32,000, the area past Chromium's largest canvas (16,384²): refused; at it, accepted.
    expect(await checkImageHeader(blob(png(16_384, 16_385), 'image/png'))).toBe(false);
    expect(await checkImageHeader(blob(png(16_384, 16_384), 'image/png'))).toBe(true);
    expect(await checkImageHeader(blob(png(2_560, 32_000), 'image/png'))).toBe(true);
    expect(await checkImageHeader(blob(bytes('not an image at all'), 'image/png'))).toBe(false);
  });
});
