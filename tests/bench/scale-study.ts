// A generated study for the benchmarks at scale: `journeys` journeys (one unless asked) of
// `count` touchpoints each with varied fields, each touchpoint with one of the real screenshots
// the capture benchmark stored, written as a Touchtrail bundle by the exporter itself.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBundle } from '../../lib/export/bundle';
import type { ExportData } from '../../lib/export/gather';
import {
  CHANNELS,
  DEFAULT_STAGE_LIST,
  FRICTION_CATEGORIES,
  FRICTION_SEVERITIES,
  journey,
  OWNERS,
  persona,
  screenshot,
  study,
  touchpoint,
} from '../../lib/model';

/** A screenshot as the capture pipeline stored it (WebP image and thumbnail). */
export interface RealScreenshot {
  image: Uint8Array;
  thumbnail: Uint8Array;
  width: number;
  height: number;
}

export interface ScaleStudy {
  /** The bundle, written to a temporary file. */
  path: string;
  studyId: string;
  /** The first journey's. */
  journeyId: string;
  journeyIds: string[];
  imageBytes: number;
  /** Records the dashboard's import adds: the study, its persona, journeys, touchpoints, screenshots. */
  records: number;
}

export async function scaleStudyBundle(count: number, shots: RealScreenshot[], journeys = 1): Promise<ScaleStudy> {
  const start = Date.UTC(2026, 10, 1, 9);
  const size = journeys === 1 ? `${count}` : `${journeys} × ${count}`;
  const owner = study.parse({
    id: crypto.randomUUID(),
    name: `Scale ${size}`,
    company: 'Northwind Outfitters',
    siteUrls: ['http://localhost/'],
    description: `A generated study of ${size} touchpoints for the benchmarks.`,
    stages: DEFAULT_STAGE_LIST,
    promises: [{ id: crypto.randomUUID(), text: 'Delivery in 3–5 days' }],
    createdAt: start,
    updatedAt: start,
  });
  const who = persona.parse({
    id: crypto.randomUUID(),
    studyId: owner.id,
    name: 'Dana',
    summary: 'Returning customer',
    goals: ['Reorder quickly'],
    frustrations: [],
    behaviours: [],
  });
  const walks = [];
  const touchpoints = [];
  const screenshots = [];
  let imageBytes = 0;
  for (let j = 0; j < journeys; j++) {
    // Each journey a day after the one before, its friction shifted by one, so rows differ.
    const begin = start + j * 86_400_000;
    const walk = journey.parse({
      id: crypto.randomUUID(),
      studyId: owner.id,
      personaId: who.id,
      title: journeys === 1 ? `Walk of ${count}` : `Walk ${j + 1} of ${count}`,
      scenario: 'Browse, compare, buy, come back',
      status: 'done',
      startedAt: begin,
      endedAt: begin + count * 30_000,
      pausedMs: 0,
      masking: true,
      nextSeq: count + 1,
    });
    walks.push(walk);
    for (let i = 0; i < count; i++) {
      const k = i + j;
      const shot = shots[(j * count + i) % shots.length]!;
      const id = crypto.randomUUID();
      const shotId = crypto.randomUUID();
      touchpoints.push(
        touchpoint.parse({
          id,
          journeyId: walk.id,
          seq: i + 1,
          capturedAt: begin + i * 30_000,
          source: 'manual',
          title: `Step ${i + 1}: ${['Home', 'Product list', 'Product', 'Cart', 'Checkout', 'Help'][i % 6]}`,
          url: `http://localhost/page-${i % 40}.html`,
          pageTitle: 'Northwind Outfitters',
          stage: DEFAULT_STAGE_LIST[Math.floor((i * DEFAULT_STAGE_LIST.length) / count)],
          channel: CHANNELS[i % 7 === 6 ? 3 : 0],
          owner: OWNERS[i % 5 === 4 ? 2 : 0],
          friction: {
            severity: FRICTION_SEVERITIES[k % FRICTION_SEVERITIES.length],
            categories: k % 3 === 0 ? [FRICTION_CATEGORIES[k % FRICTION_CATEGORIES.length]] : [],
            notes: k % 4 === 0 ? 'The delivery date only shows after the address is typed in.' : '',
          },
          emotion: (k % 5) - 2,
          effort: (k % 7) + 1,
          momentOfTruth: i % 50 === 0,
          key: i % 25 === 0,
          promiseChecks: [],
          signals: [],
          screenshotId: shotId,
          annotations: [],
        }),
      );
      screenshots.push(
        screenshot.parse({
          id: shotId,
          touchpointId: id,
          width: shot.width,
          height: shot.height,
          devicePixelRatio: 1,
          mime: 'image/webp',
          thumbnailMime: 'image/webp',
          image: new Blob([shot.image as BlobPart], { type: 'image/webp' }),
          thumbnail: new Blob([shot.thumbnail as BlobPart], { type: 'image/webp' }),
        }),
      );
      imageBytes += shot.image.length + shot.thumbnail.length;
    }
  }
  const data: ExportData = {
    scope: 'study',
    study: owner,
    personas: [who],
    journeys: walks,
    touchpoints,
    screenshots,
  };
  const path = join(await mkdtemp(join(tmpdir(), 'touchtrail-scale-')), `scale-${journeys}x${count}.zip`);
  await writeFile(path, new Uint8Array(await (await writeBundle(data)).arrayBuffer()));
  return {
    path,
    studyId: owner.id,
    journeyId: walks[0]!.id,
    journeyIds: walks.map((w) => w.id),
    imageBytes,
    records: 2 + walks.length + touchpoints.length + screenshots.length,
  };
}
