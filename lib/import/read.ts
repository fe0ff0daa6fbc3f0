// Reading an import: the native JSON or the bundle (.zip). Everything is checked before anything
// is written: size limits, zip entries (names, sizes, expansion), the Zod schema, that records
// point at records of the same file, and that every image is what its record says (its header).

import type { Journey, Persona, Screenshot, Study, Touchpoint } from '../model';
import { bundleManifest, exportFile } from '../export/format';
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
  /** The most a bundle may expand to, all entries together. */
  maxExpandedBytes: number;
  /**
   * How many times the zip's own size its entries may expand to, together (zip bombs grow
   * thousands of times; a bundle, whose images are stored as they are, barely grows).
   */
  maxRatio: number;
  /** The largest single entry: touchtrail.json, or one image. */
  maxEntryBytes: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 2 * 1024 ** 3,
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
  checkImage: ImageCheck;
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
  const heads = new WeakMap<Blob, Uint8Array>();
  const batch = isZip ? await readBundle(file, limits, heads, options.signal) : await readJson(file);
  checkReferences(batch);
  clampFutureEdits(batch);
  for (const [index, shot] of batch.screenshots.entries()) {
    options.signal?.throwIfAborted();
    for (const [what, blob, expected] of [
      ['screenshot', shot.image, { width: shot.width, height: shot.height }],
      ['thumbnail', shot.thumbnail, undefined],
    ] as const) {
      if (!(await options.checkImage(blob, expected, heads.get(blob))))
        throw new ImportError(`The ${what} ${shot.id} is not an image that can be shown.`);
    }
    options.onProgress?.({ done: index + 1, total: batch.screenshots.length });
  }
  options.signal?.throwIfAborted();
  return batch;
}

async function readJson(file: Blob): Promise<ImportBatch> {
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
    image: fromBase64(image, fields.mime),
    thumbnail: fromBase64(thumbnail, fields.thumbnailMime),
  }));
  return { study, personas, journeys, touchpoints, screenshots };
}

/** The entries a bundle may hold; anything else is skipped unread. */
const WANTED = /^(touchtrail\.json|(screenshots|thumbnails)\/[a-z0-9][a-z0-9._-]*)$/;

async function readBundle(
  file: Blob,
  limits: ImportLimits,
  heads: WeakMap<Blob, Uint8Array>,
  signal?: AbortSignal,
): Promise<ImportBatch> {
  const maxTotalBytes = Math.min(limits.maxExpandedBytes, limits.maxRatio * Math.max(file.size, 64 * 1024));
  const entries = await unzipWanted(file, WANTED, { maxEntryBytes: limits.maxEntryBytes, maxTotalBytes }, signal);
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
    heads.set(screenshot.image, imageFile.head);
    heads.set(screenshot.thumbnail, thumbnailFile.head);
    return screenshot;
  });
  return { study, personas, journeys, touchpoints, screenshots };
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

/** An edit dated in the future would win every merge to come: it counts as made now. */
function clampFutureEdits(batch: ImportBatch, now = Date.now()) {
  const latest = now + 86_400_000;
  for (const record of [batch.study, ...batch.personas, ...batch.journeys, ...batch.touchpoints]) {
    if (record.updatedAt !== undefined && record.updatedAt > latest) record.updatedAt = now;
  }
}

function fromBase64(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** The same bytes as the given type (a slice copies nothing, but costs a call into the browser). */
function typed(file: Blob, type: string): Blob {
  return file.type === type ? file : file.slice(0, file.size, type);
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
