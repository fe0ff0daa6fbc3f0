// LibreOffice Impress opening a deck as a researcher's colleague would, and printing it to PDF.
// TOUCHTRAIL_SOFFICE names the soffice binary (or its folder) when it is not on PATH.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTool, toolPath } from './tools';

/** Converts `pptxPath` to `<outDir>/<name>.pdf` and returns that path; throws when it fails. */
export async function pptxToPdf(pptxPath: string, outDir: string): Promise<string> {
  // A fresh profile per run: a shared one locks, and a crashed run's restore dialog would hang.
  const profile = await mkdtemp(join(tmpdir(), 'touchtrail-soffice-'));
  try {
    await runTool(
      toolPath('soffice', process.env.TOUCHTRAIL_SOFFICE),
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        pptxPath,
      ],
      'libreoffice-impress',
      { timeout: 120_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, basename(pptxPath).replace(/\.[^.]+$/, '') + '.pdf');
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${pptxPath}.`);
  return pdf;
}
