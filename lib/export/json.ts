import type { ExportedScreenshot } from '../model';
import { blobToBase64 } from '../base64';
import { EXPORT_FORMAT, EXPORT_VERSION, exportFile, type ExportFile } from './format';
import { gatherExport, type ExportData, type ExportScope } from './gather';

export type { ExportScope } from './gather';

/**
 * Gathers a journey (or several, or every journey of a study) with its study, personas,
 * touchpoints and screenshots, and validates the whole against the export schema before anything
 * is written.
 */
export async function buildExport(scope: ExportScope, now = new Date()): Promise<ExportFile> {
  return toExportFile(await gatherExport(scope), now);
}

/** The native JSON file of gathered data, screenshots in base64. */
export async function toExportFile(data: ExportData, now = new Date()): Promise<ExportFile> {
  const screenshots: ExportedScreenshot[] = [];
  for (const { image, thumbnail, ...fields } of data.screenshots) {
    screenshots.push({ ...fields, image: await blobToBase64(image), thumbnail: await blobToBase64(thumbnail) });
  }
  return exportFile.parse({ ...exportHeader(data, now), screenshots });
}

/** Everything of the native file but its screenshots (shared with the bundle's touchtrail.json). */
export function exportHeader(data: ExportData, now: Date) {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    scope: data.scope,
    study: data.study,
    personas: data.personas,
    journeys: data.journeys,
    touchpoints: data.touchpoints,
  };
}

export function exportFileName(file: ExportFile): string {
  return `${exportBaseName(file, file.exportedAt.slice(0, 10))}.json`;
}

/** touchtrail-<study>[-<journey>]-<date>, the name every export format starts with. */
export function exportBaseName(data: Pick<ExportData, 'study' | 'journeys' | 'scope'>, date: string): string {
  const parts = ['touchtrail', slug(data.study.name)];
  if (data.scope === 'journey' && data.journeys[0]) parts.push(slug(data.journeys[0].title));
  return `${parts.filter(Boolean).join('-')}-${date}`;
}

export function serializeExport(file: ExportFile): Blob {
  return new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
}

export function slug(value: string): string {
  return value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}
