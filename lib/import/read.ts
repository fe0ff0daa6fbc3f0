// Reading an import: the native JSON or the bundle (.zip). Everything is checked before anything
// is written: size limits, zip entries (names, sizes, expansion), the Zod schema, that records
// point at records of the same file, and that every image decodes.

import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import type { Journey, Persona, Screenshot, Study, Touchpoint } from '../model';
import { bundleManifest, exportFile } from '../export/format';
import { describeIssues, ImportError } from './errors';

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

/** Checks that a Blob is an image the browser can decode (createImageBitmap there). */
export type ImageCheck = (image: Blob) => Promise<boolean>;

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
  const batch = isZip ? await readBundle(file, limits, options.signal) : await readJson(file);
  checkReferences(batch);
  clampFutureEdits(batch);
  for (const [index, shot] of batch.screenshots.entries()) {
    options.signal?.throwIfAborted();
    for (const [what, blob] of [
      ['screenshot', shot.image],
      ['thumbnail', shot.thumbnail],
    ] as const) {
      if (!(await options.checkImage(blob)))
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
  const parsed = exportFile.safeParse(raw);
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

async function readBundle(file: Blob, limits: ImportLimits, signal?: AbortSignal): Promise<ImportBatch> {
  const entries = await unzipWanted(file, limits, signal);
  const manifestBytes = entries.get('touchtrail.json');
  if (!manifestBytes) throw new ImportError('This zip is not a Touchtrail bundle: it has no touchtrail.json.');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(manifestBytes));
  } catch {
    throw new ImportError('The bundle’s touchtrail.json is not valid JSON.');
  }
  const parsed = bundleManifest.safeParse(raw);
  if (!parsed.success)
    throw new ImportError(`touchtrail.json does not match the Touchtrail format: ${describeIssues(parsed.error)}`);
  const { study, personas, journeys, touchpoints } = parsed.data;
  const paths = parsed.data.screenshots.flatMap((s) => [s.image, s.thumbnail]);
  const repeated = paths.find((path, i) => paths.indexOf(path) !== i);
  if (repeated) throw new ImportError(`touchtrail.json names ${repeated} for two images; the file is refused.`);
  const screenshots = parsed.data.screenshots.map(({ image, thumbnail, ...fields }) => {
    const imageBytes = entries.get(image);
    const thumbnailBytes = entries.get(thumbnail);
    if (!imageBytes || !thumbnailBytes)
      throw new ImportError(`The bundle lacks the file ${imageBytes ? thumbnail : image}.`);
    return {
      ...fields,
      image: new Blob([imageBytes], { type: fields.mime }),
      thumbnail: new Blob([thumbnailBytes], { type: fields.thumbnailMime }),
    };
  });
  return { study, personas, journeys, touchpoints, screenshots };
}

/**
 * Streams the zip, reading only wanted entries. What comes out is counted as it comes (the sizes
 * a zip declares can lie): past the entry cap, or past the total the file's size allows, the
 * file is refused. A name given twice is refused too (which copy would be meant?).
 */
async function unzipWanted(
  file: Blob,
  limits: ImportLimits,
  signal?: AbortSignal,
): Promise<Map<string, Uint8Array<ArrayBuffer>>> {
  const entries = new Map<string, Uint8Array<ArrayBuffer>>();
  const seen = new Set<string>();
  const pending: Promise<void>[] = [];
  const totalCap = Math.min(limits.maxExpandedBytes, limits.maxRatio * Math.max(file.size, 64 * 1024));
  let expanded = 0;
  let refusal: ImportError | undefined;
  const unzip = new Unzip((entry: UnzipFile) => {
    if (refusal || !WANTED.test(entry.name)) return;
    if (seen.has(entry.name)) {
      refusal = new ImportError(`The bundle holds ${entry.name} twice; the file is refused.`);
      return;
    }
    seen.add(entry.name);
    if ((entry.originalSize ?? 0) > limits.maxEntryBytes) {
      refusal = new ImportError(`The bundle entry ${entry.name} is too large; the file is refused.`);
      return;
    }
    pending.push(
      new Promise((resolve) => {
        const chunks: Uint8Array[] = [];
        let size = 0;
        entry.ondata = (error, chunk, final) => {
          if (error) refusal ??= new ImportError(`The bundle entry ${entry.name} is damaged.`);
          size += chunk.length;
          expanded += chunk.length;
          if (size > limits.maxEntryBytes || expanded > totalCap) {
            refusal ??= new ImportError(`The bundle expands past the limit at ${entry.name}; the file is refused.`);
            entry.terminate();
            resolve();
            return;
          }
          chunks.push(chunk);
          if (final) {
            entries.set(entry.name, concat(chunks, size));
            resolve();
          }
        };
        entry.start();
      }),
    );
  });
  unzip.register(UnzipInflate);
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (refusal || signal?.aborted) {
      await reader.cancel();
      break;
    }
    try {
      unzip.push(value ?? new Uint8Array(), done);
    } catch {
      throw new ImportError('This zip file is damaged.');
    }
    if (done) break;
  }
  signal?.throwIfAborted();
  await Promise.all(pending);
  if (refusal) throw refusal;
  return entries;
}

/** Every record must belong to the file's study and point at records the file holds. */
function checkReferences(batch: ImportBatch) {
  const personas = new Set(batch.personas.map((p) => p.id));
  const journeys = new Set(batch.journeys.map((j) => j.id));
  const touchpoints = new Map(batch.touchpoints.map((t) => [t.id, t]));
  const problem = (text: string) => {
    throw new ImportError(`The file does not hold together: ${text}.`);
  };
  for (const p of batch.personas) if (p.studyId !== batch.study.id) problem(`persona ${p.id} belongs to another study`);
  for (const j of batch.journeys) {
    if (j.studyId !== batch.study.id) problem(`journey ${j.id} belongs to another study`);
    if (!personas.has(j.personaId)) problem(`journey ${j.id} names a persona the file does not hold`);
  }
  for (const t of batch.touchpoints)
    if (!journeys.has(t.journeyId)) problem(`touchpoint ${t.id} names a journey the file does not hold`);
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

function concat(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
