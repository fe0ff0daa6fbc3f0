import { createPersona, createStudy, startJourney, type CapturedPage } from '../../lib/db';
import type { DecodeImage } from '../../lib/import/decode';
import { touchpoint, type Touchpoint } from '../../lib/model';
import type { DrawMockPage } from '../../lib/sample/sample-study';

/** A study, a persona and a journey in progress, as the side panel would create them. */
export async function walkInProgress(now = 1_700_000_000_000) {
  const study = await createStudy(
    { name: 'Northwind audit', company: 'Northwind', siteUrl: 'https://shop.example' },
    now,
  );
  const persona = await createPersona({
    studyId: study.id,
    name: 'Carl',
    summary: 'First-time buyer',
    goals: ['Buy boots'],
  });
  const journey = await startJourney(
    { studyId: study.id, personaId: persona.id, title: 'Buy boots', scenario: 'Buy boots by card' },
    now,
  );
  return { study, persona, journey };
}

export function capturedPage(journeyId: string, overrides: Partial<CapturedPage> = {}): CapturedPage {
  return {
    journeyId,
    capturedAt: 1_700_000_001_000,
    url: 'https://shop.example/cart',
    pageTitle: 'Your cart',
    image: {
      image: new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/webp' }),
      thumbnail: new Blob([new Uint8Array([5, 6])], { type: 'image/webp' }),
      width: 1280,
      height: 800,
      devicePixelRatio: 1,
      mime: 'image/webp',
      thumbnailMime: 'image/webp',
    },
    ...overrides,
  };
}

let nextSeq = 0;

/** A valid touchpoint record, not stored: for the pure functions (metrics, filters). */
export function touchpointRecord(overrides: Partial<Touchpoint> = {}): Touchpoint {
  nextSeq++;
  return touchpoint.parse({
    id: crypto.randomUUID(),
    journeyId: crypto.randomUUID(),
    seq: nextSeq,
    capturedAt: 1_700_000_000_000 + nextSeq * 60_000,
    source: 'manual',
    title: `Step ${nextSeq}`,
    stage: 'Awareness',
    channel: 'website',
    owner: 'company-owned',
    friction: { severity: 'none', categories: [], notes: '' },
    momentOfTruth: false,
    key: false,
    promiseChecks: [],
    signals: [],
    annotations: [],
    ...overrides,
  });
}

/** Node cannot draw: sample-study pages become tiny stand-in images named after their heading. */
export const drawStandIn: DrawMockPage = async (page) => {
  const blob = new Blob([`image of ${page.heading}`], { type: 'image/webp' });
  return {
    image: blob,
    thumbnail: blob,
    width: 1280,
    height: 800,
    devicePixelRatio: 1,
    mime: 'image/webp',
    thumbnailMime: 'image/webp',
  };
};

/** What a test puts where an image was damaged: decodeStandIn rejects it, as a decoder would. */
export const DAMAGED_IMAGE = 'damaged: these bytes are no image';

/**
 * Node has no image decoder; Chromium decodes for real in e2e/import-damaged.spec.ts. This
 * stand-in decodes the tests' stand-in images (any bytes) and rejects DAMAGED_IMAGE.
 */
export const decodeStandIn: DecodeImage = async (blob) => {
  if ((await blob.text()).startsWith(DAMAGED_IMAGE)) throw new Error('The image does not decode.');
};

/** Where `part` first occurs in `bytes`. */
export function indexOfBytes(bytes: Uint8Array, part: Uint8Array): number {
  outer: for (let at = 0; at + part.length <= bytes.length; at++) {
    for (let i = 0; i < part.length; i++) if (bytes[at + i] !== part[i]) continue outer;
    return at;
  }
  throw new Error('not found');
}
