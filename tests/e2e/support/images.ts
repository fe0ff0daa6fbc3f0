import type { Page } from '@playwright/test';

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageFacts {
  width: number;
  height: number;
  /** Per channel (r, g, b), the spread (max − min) of the pixels in the region. */
  regionSpread?: [number, number, number];
  /** The mean colour of the region. */
  regionMean?: [number, number, number];
}

/** Decodes an image with the browser's own decoder and reports its size and a region's colours. */
export async function inspectImage(page: Page, base64: string, mime: string, region?: Region): Promise<ImageFacts> {
  return page.evaluate(
    async ({ base64, mime, region }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
      const facts: ImageFacts = { width: bitmap.width, height: bitmap.height };
      if (region) {
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const { data } = context.getImageData(
          Math.round(region.x),
          Math.round(region.y),
          Math.round(region.width),
          Math.round(region.height),
        );
        const min = [255, 255, 255];
        const max = [0, 0, 0];
        const sum = [0, 0, 0];
        for (let i = 0; i < data.length; i += 4) {
          for (let c = 0; c < 3; c++) {
            const value = data[i + c]!;
            min[c] = Math.min(min[c]!, value);
            max[c] = Math.max(max[c]!, value);
            sum[c]! += value;
          }
        }
        const count = data.length / 4;
        facts.regionSpread = [max[0]! - min[0]!, max[1]! - min[1]!, max[2]! - min[2]!];
        facts.regionMean = [sum[0]! / count, sum[1]! / count, sum[2]! / count].map(Math.round) as [
          number,
          number,
          number,
        ];
      }
      return facts;
    },
    { base64, mime, region },
  );
}

/** The inside of a box, a few pixels in from its border. */
export function inset(box: Region, by: number): Region {
  return { x: box.x + by, y: box.y + by, width: box.width - 2 * by, height: box.height - 2 * by };
}

/** How many pixels of one column of the image are (nearly) the given colour. */
export async function countColourInColumn(
  page: Page,
  base64: string,
  mime: string,
  x: number,
  rgb: [number, number, number],
  tolerance = 12,
): Promise<number> {
  const column = await columnColours(page, base64, mime, x);
  return column.filter((pixel) => rgb.every((value, c) => Math.abs(pixel[c]! - value) <= tolerance)).length;
}

/** The colours of one column of the image, top to bottom. */
export async function columnColours(page: Page, base64: string, mime: string, x: number): Promise<number[][]> {
  return page.evaluate(
    async ({ base64, mime, x }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
      const canvas = new OffscreenCanvas(1, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, x, 0, 1, bitmap.height, 0, 0, 1, bitmap.height);
      const { data } = context.getImageData(0, 0, 1, bitmap.height);
      return Array.from({ length: bitmap.height }, (_, row) => Array.from(data.subarray(row * 4, row * 4 + 3)));
    },
    { base64, mime, x },
  );
}

/**
 * The share (0–1) of a region's pixels within `tolerance` of a colour in every channel: the way
 * to judge a mask that holds for lossless PNG and for lossy WebP alike (WebP's ringing moves a
 * few pixels at a flat box's edges a little, never most of the box).
 */
export async function shareOfColour(
  page: Page,
  image: { base64: string; mime: string },
  region: Region,
  rgb: number[],
  tolerance = 16,
): Promise<number> {
  return page.evaluate(
    async ({ base64, mime, region, rgb, tolerance }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(
        Math.round(region.x),
        Math.round(region.y),
        Math.round(region.width),
        Math.round(region.height),
      );
      let near = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (rgb.every((value, c) => Math.abs(data[i + c]! - value) <= tolerance)) near++;
      }
      return near / (data.length / 4);
    },
    { ...image, region, rgb, tolerance },
  );
}

/** The demo site's ruler (shop.css): 3,000 CSS px of 250-px bands, yellow then blue. */
export const RULER = {
  x: 8,
  bandPx: 250,
  lengthPx: 3000,
  colours: [
    [250, 200, 0],
    [0, 160, 220],
  ],
};

/**
 * Reads a column through the ruler: how many rows were checked, and those whose colour is not the band that belongs there, for a
 * ruler whose top is at `top` CSS px of an image of `scale` pixels per CSS pixel. Rows within
 * 3 CSS px of a band’s edge are left out (the edge is smoothed). A gap, a frame drawn at the
 * wrong offset or at the wrong scale all show here.
 */
export function readRuler(column: number[][], scale: number, top: number): { checked: number; wrong: number[] } {
  const wrong: number[] = [];
  let checked = 0;
  column.forEach((rgb, row) => {
    const y = row / scale - top;
    if (y < 0 || y >= RULER.lengthPx) return;
    const offset = y % RULER.bandPx;
    if (offset < 3 || offset > RULER.bandPx - 3) return;
    checked++;
    const expected = RULER.colours[Math.floor(y / RULER.bandPx) % 2]!;
    if (!expected.every((value, c) => Math.abs(rgb[c]! - value) <= 12)) wrong.push(row);
  });
  return { checked, wrong };
}
