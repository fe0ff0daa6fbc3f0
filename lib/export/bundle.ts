// The Touchtrail bundle (.zip): touchtrail.json with screenshots as files, the screenshots and
// thumbnails, the CSVs, the HTML and Markdown reports and a README. Written as a stream with
// fflate: each screenshot is read from the database, added, and let go, so a large study never
// sits in memory twice; the zip's output goes into a Blob the browser may keep on disk.

import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { bundleManifest, type BundleManifest } from './format';
import { exportHeader } from './json';
import { stagesCsv, touchpointsCsv } from './csv';
import type { ExportData } from './gather';
import { htmlReport } from './html';
import { markdownReport } from './markdown';
import { screenshotFileName } from './names';

export interface Progress {
  done: number;
  total: number;
}

export interface BundleOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  now?: Date;
}

/** The report inside a bundle shows the bundle's own image files. */
const BUNDLE_REPORT_CSP = "default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'";

export async function writeBundle(data: ExportData, options: BundleOptions = {}): Promise<Blob> {
  const now = options.now ?? new Date();
  // The zip's output is folded into Blobs every few megabytes, which the browser may keep on disk.
  const blobs: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    blobs.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes > 8 * 1024 ** 2) flush();
    }
  });
  const total = data.screenshots.length + 1;
  let done = 0;
  const step = () => {
    if (options.signal?.aborted) {
      zip.terminate();
      throw options.signal.reason instanceof Error
        ? options.signal.reason
        : new DOMException('Export cancelled', 'AbortError');
    }
    if (failure) throw failure;
    options.onProgress?.({ done, total });
  };

  const paths = new Map(
    data.screenshots.map((shot) => {
      const point = data.touchpoints.find((t) => t.id === shot.touchpointId)!;
      const journey = data.journeys.find((j) => j.id === point.journeyId)!;
      const image = screenshotFileName(journey, point, shot);
      return [shot.id, { image, thumbnail: image.replace(/^screenshots\//, 'thumbnails/') }];
    }),
  );
  const manifest: BundleManifest = bundleManifest.parse({
    ...exportHeader(data, now),
    screenshots: data.screenshots.map(({ image: _image, thumbnail: _thumbnail, ...fields }) => ({
      ...fields,
      ...paths.get(fields.id)!,
    })),
  });

  addText(zip, 'README.txt', readme(data, now));
  addText(zip, 'touchtrail.json', JSON.stringify(manifest, null, 2));
  addText(zip, 'touchpoints.csv', touchpointsCsv(data, { byteOrderMark: true }));
  addText(zip, 'stages.csv', stagesCsv(data, { byteOrderMark: true }));
  addText(zip, 'report.md', markdownReport(data));
  const relative = new Map([...paths].map(([id, p]) => [id, p.image]));
  addText(zip, 'report.html', htmlReport(data, relative, now, BUNDLE_REPORT_CSP));
  step();
  // Images are read a few ahead of the one being zipped, so reading and zipping overlap.
  const reads = readAhead(data.screenshots, 8, (shot) => Promise.all([bytesOf(shot.image), bytesOf(shot.thumbnail)]));
  for (const shot of data.screenshots) {
    const path = paths.get(shot.id)!;
    const [image, thumbnail] = await reads.next();
    addBytes(zip, path.image, image);
    addBytes(zip, path.thumbnail, thumbnail);
    done++;
    step();
  }
  zip.end();
  if (failure) throw failure;
  flush();
  return new Blob(blobs, { type: 'application/zip' });
}

/** Works `read` over `items` in order, at most `ahead` of them started before they are taken. */
function readAhead<T, R>(items: T[], ahead: number, read: (item: T) => Promise<R>) {
  const started = new Map<number, Promise<R>>();
  const start = (index: number) => {
    const item = items[index];
    if (item === undefined) return;
    const pending = read(item);
    pending.catch(() => undefined); // a read left behind by a cancelled export is not an error
    started.set(index, pending);
  };
  for (let i = 0; i < ahead; i++) start(i);
  let taken = 0;
  return {
    next(): Promise<R> {
      const pending = started.get(taken)!;
      started.delete(taken);
      start(taken + ahead);
      taken++;
      return pending;
    },
  };
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

function addText(zip: Zip, name: string, text: string) {
  const file = new ZipDeflate(name, { level: 6 });
  zip.add(file);
  file.push(strToU8(text), true);
}

/** Images are compressed already: stored as they are. */
function addBytes(zip: Zip, name: string, bytes: Uint8Array) {
  const file = new ZipPassThrough(name);
  zip.add(file);
  file.push(bytes, true);
}

function readme(data: ExportData, now: Date): string {
  return `Touchtrail bundle — ${data.study.name}
Exported ${now.toISOString()}; ${data.journeys.length} journey(s), ${data.touchpoints.length} touchpoint(s).

touchtrail.json   everything, to import into Touchtrail (screenshots are the files below)
touchpoints.csv   one row per touchpoint, for spreadsheets and journey-mapping tools
stages.csv        one row per journey stage
report.html       the report: open it in a browser, print it to PDF
report.md         the same report in Markdown
screenshots/      the screenshots (redactions burned in), named journey-sequence-id
thumbnails/       their thumbnails
`;
}
