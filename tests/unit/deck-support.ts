// What the deck tests share: the sample study as export data, a rasteriser stand-in that returns
// real (tiny) JPEGs tagged with their screenshot, and the deck unzipped.

import { strFromU8, unzipSync } from 'fflate';
import { base64ToBytes } from '../../lib/base64';
import { db, startJourney } from '../../lib/db';
import { writeDeck, type DeckOptions } from '../../lib/export/deck';
import { gatherExport, type ExportScope } from '../../lib/export/gather';
import type { Rasterise } from '../../lib/export/readout/raster';
import { loadSampleStudy } from '../../lib/sample/sample-study';
import { drawStandIn } from './factories';

/** A 16 × 10 JPEG (Chromium's encoder). */
const TINY_JPEG = base64ToBytes(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAKABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCUAoh7/9k=',
);

/** The tiny JPEG with the screenshot's id in a comment segment, so each image says where it came from. */
export function taggedJpeg(tag: string): Uint8Array {
  const text = new TextEncoder().encode(tag);
  const segment = [0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff, ...text];
  return new Uint8Array([...TINY_JPEG.subarray(0, 2), ...segment, ...TINY_JPEG.subarray(2)]);
}

export const rasteriseStandIn: Rasterise = async (shot) => ({ bytes: taggedJpeg(shot.id), width: 1280, height: 800 });

export async function sampleStudy() {
  const study = await loadSampleStudy(drawStandIn);
  const journeys = await db.journeys.where({ studyId: study.id }).sortBy('startedAt');
  const [northwind, contoso] = journeys as [(typeof journeys)[0], (typeof journeys)[0]];
  return { study, northwind, contoso };
}

/** `count` empty journeys more in the study, walked as its first persona. */
export async function emptyJourneys(studyId: string, count: number): Promise<string[]> {
  const persona = (await db.personas.where({ studyId }).sortBy('name'))[0]!;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const journey = await startJourney(
      { studyId, personaId: persona.id, title: `Not walked yet ${i + 1}`, scenario: '' },
      Date.now() + i,
    );
    ids.push(journey.id);
  }
  return ids;
}

export async function deckOf(scope: ExportScope, options: Partial<DeckOptions> = {}) {
  const data = await gatherExport(scope);
  return writeDeck(data, { rasterise: rasteriseStandIn, touchpoints: 'key', now: new Date(2026, 10, 27), ...options });
}

export interface Unzipped {
  files: Record<string, Uint8Array>;
  /** The slides' XML in slide order. */
  slides: string[];
  media: string[];
}

export async function unzipDeck(blob: Blob): Promise<Unzipped> {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const number = (name: string) => Number(/slide(\d+)\.xml$/.exec(name)![1]);
  const slides = Object.keys(files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => number(a) - number(b))
    .map((name) => strFromU8(files[name]!));
  return {
    files,
    slides,
    media: Object.keys(files).filter((name) => name.startsWith('ppt/media/') && !name.endsWith('/')),
  };
}

/** The visible text of a slide's XML, runs joined, entities decoded. */
export function slideText(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) => m[1]!)
    .join(' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
