// Reading an import: the native JSON or the bundle (.zip). Everything is checked before anything
// is written: size limits, zip entries (names, sizes, expansion, CRC-32), the Zod schema, that
// records point at records of the same file, and that every image is what its record says (its
// header) and decodes in full.

import { base64ToBytes } from '../base64';
import type { Journey, Persona, Screenshot, Study, Touchpoint } from '../model';
import { alwaysMaskPattern } from '../page-agent/personal-data';
import { bundleManifest, exportFile } from '../export/format';
import type { DecodeImage } from './decode';
import { describeIssues, ImportError, missingFields } from './errors';
import { unzipWanted } from './unzip';

/** What an import writes, every part validated. */
export interface ImportBatch {
  study: Study;
  personas: Persona[];
  journeys: Journey[];
  touchpoints: Touchpoint[];
  screenshots: Screenshot[];
}

export interface ImportLimits {
  /** The largest file accepted, in bytes. */
  maxFileBytes: number;
  /**
   * The largest JSON file: it is read as one string, and Chromium's strings stop at 2^29 − 24
   * characters (just under 512 MB); past that the browser fails to read it at all.
   */
  maxJsonBytes: number;
  /** The most a bundle's entries may hold, all together. */
  maxExpandedBytes: number;
  /** How many times the zip's own size its entries may hold, together (see UnzipLimits). */
  maxRatio: number;
  /** The largest single entry: touchtrail.json, or one image. */
  maxEntryBytes: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxJsonBytes: 500 * 1024 ** 2,
  maxExpandedBytes: 4 * 1024 ** 3,
  maxRatio: 50,
  maxEntryBytes: 256 * 1024 ** 2,
};

/**
 * Checks that a Blob is an image that can be shown (in the dashboard: its header, see
 * image-header.ts), of the size the record gives when it gives one (screenshots, not thumbnails).
 */
export type ImageCheck = (
  image: Blob,
  expected?: { width: number; height: number },
  /** The image's first bytes, when the reader has them already. */
  head?: Uint8Array,
) => Promise<boolean>;

export interface ReadOptions {
  limits?: ImportLimits;
  /** Checks each image's header before it is decoded (in the dashboard: checkImageHeader). */
  checkImage: ImageCheck;
  /** Decodes each image in full (in the dashboard: the browser's decoder, decodeWithBrowser). */
  decodeImage: DecodeImage;
  /** Images checked so far, out of all of them. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Cancels the import; it stops before anything is written. */
  signal?: AbortSignal;
}

export async function readImport(file: Blob, options: ReadOptions): Promise<ImportBatch> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (file.size > limits.maxFileBytes) {
    throw new ImportError(
      `The file is ${megabytes(file.size)}; files over ${megabytes(limits.maxFileBytes)} are refused.`,
    );
  }
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const { batch, images } = isZip ? await readBundle(file, limits, options.signal) : await readJson(file, limits);
  checkReferences(batch);
  checkAlwaysMask(batch.study);
  clampFutureEdits(batch);
  let done = 0;
  await inParallel(batch.screenshots, DECODES_AT_ONCE, async (shot, index) => {
    const { image, thumbnail } = images[index]!;
    options.signal?.throwIfAborted();
    await checkImage(image, options, { width: shot.width, height: shot.height });
    options.signal?.throwIfAborted();
    await checkImage(thumbnail, options);
    options.onProgress?.({ done: ++done, total: batch.screenshots.length });
  });
  options.signal?.throwIfAborted();
  return batch;
}

/** An image of the file, with the name that finds it there and the first bytes the reader has. */
interface ImageSource {
  blob: Blob;
  name: string;
  head?: Uint8Array;
}

/** What a reader found: the records, and each screenshot's image and thumbnail as the file names them. */
interface ReadFile {
  batch: ImportBatch;
  images: { image: ImageSource; thumbnail: ImageSource }[];
}

/** Enough to keep the browser's decoder threads busy; each decoded screenshot is a few MB while it lasts. */
const DECODES_AT_ONCE = 4;

async function checkImage(source: ImageSource, options: ReadOptions, expected?: { width: number; height: number }) {
  if (!(await options.checkImage(source.blob, expected, source.head))) {
    throw new ImportError(
      `${source.name} is not an image that can be shown (its type or size is not what the file says); the file is refused.`,
    );
  }
  try {
    await options.decodeImage(source.blob);
  } catch {
    throw new ImportError(`${source.name} does not decode as an image; the file is refused.`);
  }
}

/** Runs `task` over every item, at most `limit` at a time; the first failure stops the rest starting. */
async function inParallel<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        await task(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function readJson(file: Blob, limits: ImportLimits): Promise<ReadFile> {
  if (file.size > limits.maxJsonBytes) {
    throw new ImportError(
      `The file is ${megabytes(file.size)}; a JSON file over ${megabytes(limits.maxJsonBytes)} is more than the browser can read as one piece of text. Export the study as a bundle (.zip) instead: it has no such limit.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch {
    throw new ImportError('This is neither a Touchtrail JSON file nor a Touchtrail bundle (.zip).');
  }
  const parsed = exportFile.safeParse(raw, { error: missingFields });
  if (!parsed.success)
    throw new ImportError(`This file does not match the Touchtrail format: ${describeIssues(parsed.error)}`);
  const { study, personas, journeys, touchpoints } = parsed.data;
  const screenshots = parsed.data.screenshots.map(({ image, thumbnail, ...fields }) => ({
    ...fields,
    image: new Blob([base64ToBytes(image)], { type: fields.mime }),
    thumbnail: new Blob([base64ToBytes(thumbnail)], { type: fields.thumbnailMime }),
  }));
  const images = screenshots.map((shot, i) => ({
    image: { blob: shot.image, name: `screenshots.${i}.image` },
    thumbnail: { blob: shot.thumbnail, name: `screenshots.${i}.thumbnail` },
  }));
  return { batch: { study, personas, journeys, touchpoints, screenshots }, images };
}

/** The entries a bundle may hold; anything else is skipped unread. */
const WANTED = /^(touchtrail\.json|(screenshots|thumbnails)\/[a-z0-9][a-z0-9._-]*)$/;

async function readBundle(file: Blob, limits: ImportLimits, signal?: AbortSignal): Promise<ReadFile> {
  const { maxEntryBytes, maxExpandedBytes: maxTotalBytes, maxRatio } = limits;
  const entries = await unzipWanted(file, WANTED, { maxEntryBytes, maxTotalBytes, maxRatio }, signal);
  const manifest = entries.get('touchtrail.json');
  if (!manifest) throw new ImportError('This zip is not a Touchtrail bundle: it has no touchtrail.json.');
  let raw: unknown;
  try {
    raw = JSON.parse(await manifest.blob.text());
  } catch {
    throw new ImportError('The bundle’s touchtrail.json is not valid JSON.');
  }
  const parsed = bundleManifest.safeParse(raw, { error: missingFields });
  if (!parsed.success)
    throw new ImportError(`touchtrail.json does not match the Touchtrail format: ${describeIssues(parsed.error)}`);
  const { study, personas, journeys, touchpoints } = parsed.data;
  const paths = parsed.data.screenshots.flatMap((s) => [s.image, s.thumbnail]);
  const repeated = paths.find((path, i) => paths.indexOf(path) !== i);
  if (repeated) throw new ImportError(`touchtrail.json names ${repeated} for two images; the file is refused.`);
  const images: ReadFile['images'] = [];
  const screenshots = parsed.data.screenshots.map(({ image, thumbnail, ...fields }) => {
    const imageFile = entries.get(image);
    const thumbnailFile = entries.get(thumbnail);
    if (!imageFile || !thumbnailFile)
      throw new ImportError(`The bundle lacks the file ${imageFile ? thumbnail : image}.`);
    const screenshot = {
      ...fields,
      image: typed(imageFile.blob, fields.mime),
      thumbnail: typed(thumbnailFile.blob, fields.thumbnailMime),
    };
    images.push({
      image: { blob: screenshot.image, name: image, head: imageFile.head },
      thumbnail: { blob: screenshot.thumbnail, name: thumbnail, head: thumbnailFile.head },
    });
    return screenshot;
  });
  return { batch: { study, personas, journeys, touchpoints, screenshots }, images };
}

/** Every record must belong to the file's study and point at records the file holds, and back. */
function checkReferences(batch: ImportBatch) {
  const personas = new Set(batch.personas.map((p) => p.id));
  const journeys = new Set(batch.journeys.map((j) => j.id));
  const touchpoints = new Map(batch.touchpoints.map((t) => [t.id, t]));
  const screenshots = new Map(batch.screenshots.map((s) => [s.id, s]));
  const problem = (text: string) => {
    throw new ImportError(`The file does not hold together: ${text}.`);
  };
  for (const p of batch.personas) if (p.studyId !== batch.study.id) problem(`persona ${p.id} belongs to another study`);
  for (const j of batch.journeys) {
    if (j.studyId !== batch.study.id) problem(`journey ${j.id} belongs to another study`);
    if (!personas.has(j.personaId)) problem(`journey ${j.id} names a persona the file does not hold`);
  }
  for (const t of batch.touchpoints) {
    if (!journeys.has(t.journeyId)) problem(`touchpoint ${t.id} names a journey the file does not hold`);
    // An export always holds the screenshot a touchpoint shows; without it the touchpoint would show nothing.
    if (t.screenshotId && screenshots.get(t.screenshotId)?.touchpointId !== t.id)
      problem(`touchpoint ${t.id} names a screenshot the file does not hold`);
  }
  for (const s of batch.screenshots) {
    if (touchpoints.get(s.touchpointId)?.screenshotId !== s.id) problem(`screenshot ${s.id} is not its touchpoint’s`);
  }
}

/** An "always mask" entry the capture could not use would leave the researcher's words unmasked. */
function checkAlwaysMask(study: Study) {
  for (const entry of study.privacy.alwaysMask) {
    const pattern = alwaysMaskPattern(entry);
    if (pattern instanceof Error) {
      throw new ImportError(
        `The study’s “always mask” entry “${entry}” cannot be used: ${pattern.message} The file is refused.`,
      );
    }
  }
}

/** An edit dated in the future would win every merge to come: it counts as made now. */
function clampFutureEdits(batch: ImportBatch, now = Date.now()) {
  const latest = now + 86_400_000;
  for (const record of [batch.study, ...batch.personas, ...batch.journeys, ...batch.touchpoints]) {
    if (record.updatedAt !== undefined && record.updatedAt > latest) record.updatedAt = now;
  }
}

/** The same bytes as the given type (a slice copies nothing, but costs a call into the browser). */
function typed(file: Blob, type: string): Blob {
  return file.type === type ? file : file.slice(0, file.size, type);
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
