import type { Journey, Screenshot, Touchpoint } from '../model';
import { slug } from './json';

/** Where a touchpoint's screenshot goes in a bundle: screenshots/<journey>-<seq>-<id>.<ext>. */
export function screenshotFileName(
  journey: Journey,
  touchpoint: Touchpoint,
  shot: Pick<Screenshot, 'id' | 'mime'>,
): string {
  const extension = shot.mime === 'image/png' ? 'png' : shot.mime === 'image/jpeg' ? 'jpg' : 'webp';
  const seq = String(touchpoint.seq).padStart(3, '0');
  return `screenshots/${slug(journey.title) || 'journey'}-${seq}-${shot.id.slice(0, 8).toLowerCase()}.${extension}`;
}
