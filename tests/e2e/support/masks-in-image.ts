import type { Page } from '@playwright/test';
import { MASK_COLOUR } from '../../../lib/page-agent/masks';
import { inset, inspectImage, shareOfColour, type Region } from './images';
import type { PageBox } from './boxes-in-page';

export const MASK_RGB = MASK_COLOUR.match(/\d+/g)!.map(Number);

export interface StoredImage {
  base64: string;
  mime: string;
}

/** A box of the page (CSS pixels from the image's top left) in the image's pixels. */
export function inImage(box: PageBox, scale: number): Region {
  return { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale };
}

/**
 * What the image shows over a box of the page: the share of it under the mask's grey (a few
 * pixels in from the edge, where rounding and the mask's rounded corners leave the page showing),
 * and the spread of its colours (text on a background spreads widely; a mask hardly at all).
 * Any page or browser works: the judging page only decodes the image.
 */
export async function lookAt(judge: Page, image: StoredImage, box: PageBox, scale: number, edge = 2) {
  const region = inset(inImage(box, scale), edge * scale);
  const masked = await shareOfColour(judge, image, region, MASK_RGB);
  const { regionSpread } = await inspectImage(judge, image.base64, image.mime, region);
  return { masked, spread: Math.max(...regionSpread!) };
}
