// One entry for every export format the UI offers: gathers the data, writes the file, names it.

import { blobToBase64 } from '../base64';
import { writeBundle, type Progress } from './bundle';
import { stagesCsv, touchpointsCsv } from './csv';
import { gatherExport, type ExportData, type ExportScope } from './gather';
import { htmlReport } from './html';
import { strToU8, zipSync } from 'fflate';
import type { Journey } from '../model';
import { cjmlJourney } from './cjml';
import { exportBaseName, serializeExport, slug, toExportFile } from './json';
import type { Paper } from './pdf/flow';
import type { TouchpointChoice } from './readout/choice';
import type { Rasterise } from './readout/raster';
import { defaultPaper } from './readout/paper';
import type { ExportFormat } from './formats';
import { userFlow } from './user-flow';

export { EXPORT_FORMATS, READOUT_FORMATS, type ExportFormat } from './formats';

export interface RunOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  now?: Date;
  /** For the PDF and the deck: which touchpoints, and the paper. */
  readout?: { touchpoints: TouchpointChoice; paper: Paper };
  /** The fonts and the screenshot flattener readouts use; unit tests in Node pass stand-ins. */
  readoutTools?: { fonts: { regular: Uint8Array; bold: Uint8Array }; rasterise: Rasterise };
}

async function readoutTools(options: RunOptions) {
  if (options.readoutTools) return options.readoutTools;
  const [{ flattenScreenshot }, { readoutFonts }] = await Promise.all([
    import('./readout/raster'),
    import('./readout/fonts'),
  ]);
  return { fonts: await readoutFonts(), rasterise: flattenScreenshot };
}

export async function runExport(format: ExportFormat, scope: ExportScope, options: RunOptions = {}) {
  const now = options.now ?? new Date();
  const data = await gatherExport(scope);
  options.signal?.throwIfAborted();
  const name = (extension: string) => exportName(data, now, extension);
  switch (format) {
    case 'bundle':
      return { blob: await writeBundle(data, { ...options, now }), fileName: name('zip') };
    case 'json':
      return { blob: serializeExport(await toExportFile(data, now)), fileName: name('json') };
    case 'csv':
      return { blob: text(touchpointsCsv(data, { byteOrderMark: true }), 'text/csv'), fileName: name('csv') };
    case 'stages-csv':
      return { blob: text(stagesCsv(data, { byteOrderMark: true }), 'text/csv'), fileName: name('stages.csv') };
    case 'html': {
      const images = new Map<string, string>();
      for (const [index, shot] of data.screenshots.entries()) {
        if (options.signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
        images.set(shot.id, `data:${shot.mime};base64,${await blobToBase64(shot.image)}`);
        options.onProgress?.({ done: index + 1, total: data.screenshots.length });
      }
      return { blob: text(htmlReport(data, images, now), 'text/html'), fileName: name('html') };
    }
    case 'pdf': {
      // Loaded on demand: pdf-lib and fontkit are large and most exports never need them.
      const [{ writePdf }, tools] = await Promise.all([import('./pdf'), readoutTools(options)]);
      const readout = options.readout ?? { touchpoints: 'key-first', paper: defaultPaper() };
      const blob = await writePdf(data, { ...options, ...readout, ...tools, now });
      return { blob, fileName: name('pdf') };
    }
    case 'pptx': {
      const [{ writeDeck }, { rasterise }] = await Promise.all([import('./deck'), readoutTools(options)]);
      const touchpoints = options.readout?.touchpoints ?? 'key-first';
      return { blob: await writeDeck(data, { ...options, touchpoints, rasterise, now }), fileName: name('pptx') };
    }
    case 'cjml':
      return perJourney(data, name, 'cjml.xml', 'application/xml', (j) => cjmlJourney(data, j));
    case 'user-flow':
      return perJourney(data, name, 'user-flow.json', 'application/json', (j) =>
        JSON.stringify(userFlow(data, j), null, 2),
      );
  }
}

export function exportName(data: ExportData, now: Date, extension: string): string {
  return `${exportBaseName(data, now.toISOString().slice(0, 10))}.${extension}`;
}

/** One file for one journey; a zip of one file per journey for several. */
function perJourney(
  data: ExportData,
  name: (extension: string) => string,
  extension: string,
  type: string,
  write: (journey: Journey) => string,
) {
  if (data.journeys.length === 1) return { blob: text(write(data.journeys[0]!), type), fileName: name(extension) };
  const files = Object.fromEntries(
    data.journeys.map((j, i) => [
      `${String(i + 1).padStart(2, '0')}-${slug(j.title) || 'journey'}.${extension}`,
      strToU8(write(j)),
    ]),
  );
  return {
    blob: new Blob([zipSync(files)], { type: 'application/zip' }),
    fileName: name(`${extension.split('.')[0]}.zip`),
  };
}

const text = (content: string, type: string) => new Blob([content], { type: `${type};charset=utf-8` });
