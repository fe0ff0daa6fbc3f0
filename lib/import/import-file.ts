// The import as the dashboard runs it, in one module so that the dashboard loads the reader, the
// zip code and the decoder only when a file is picked or dropped.

import { decodeWithBrowser } from './decode';
import { checkImageHeader } from './image-header';
import { mergeImport, type ImportSummary } from './merge';
import { readImport } from './read';

export async function importFile(
  file: File,
  options: { signal: AbortSignal; onProgress: (progress: { done: number; total: number }) => void },
): Promise<{ summary: ImportSummary; studyName: string }> {
  const batch = await readImport(file, { checkImage: checkImageHeader, decodeImage: decodeWithBrowser, ...options });
  return { summary: await mergeImport(batch), studyName: batch.study.name };
}
