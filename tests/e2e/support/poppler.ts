// poppler-utils reading a PDF as any reader would: pages, title, page size, text, images.
// TOUCHTRAIL_POPPLER names the folder of the tools when they are not on PATH.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runTool, toolPath } from './tools';

const poppler = (name: string, args: string[]) =>
  runTool(toolPath(name, process.env.TOUCHTRAIL_POPPLER), args, 'poppler-utils');

export interface PdfInfo {
  pages: number;
  title: string;
  /** As pdfinfo prints it, e.g. "595.276 x 841.89 pts (A4)". */
  pageSize: string;
}

export async function pdfInfo(path: string): Promise<PdfInfo> {
  const out = await poppler('pdfinfo', [path]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
  return { pages: Number(field('Pages')), title: field('Title'), pageSize: field('Page size') };
}

/** The PDF's text in reading layout. */
export async function pdfText(path: string, page?: number): Promise<string> {
  const only = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return poppler('pdftotext', ['-layout', ...only, path, '-']);
}

/** How many images the PDF embeds (the rows of `pdfimages -list` below its two header lines). */
export async function pdfImageCount(path: string): Promise<number> {
  const out = await poppler('pdfimages', ['-list', path]);
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim()).length;
}

/** Writes the embedded images as they are (JPEG stays JPEG) into `outDir`; returns their paths in page order. */
export async function pdfImages(path: string, outDir: string): Promise<string[]> {
  const prefix = join(outDir, 'pdf-image');
  await poppler('pdfimages', ['-j', path, prefix]);
  return (await readdir(outDir))
    .filter((name) => name.startsWith('pdf-image-'))
    .sort()
    .map((name) => join(outDir, name));
}

/** One page as a PNG: `<outPrefix>.png`. */
export async function pdfPageToPng(path: string, page: number, outPrefix: string, dpi = 60): Promise<string> {
  await poppler('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    path,
    outPrefix,
  ]);
  return `${outPrefix}.png`;
}
