// The finished deck as a Blob. pptxgenjs 4.0.1's `write({ compression: true })` passes the props
// object itself as JSZip's output type in a browser ("e.toLowerCase is not a function"), and its
// typed outputs ignore compression: so the deck is written stored, then deflated with fflate
// (the images, JPEG already, are kept as they are). `writeFile` is never used: it starts its own
// download and would bypass the export's file name and cancel.

import { unzipSync, zipSync, type Zippable } from 'fflate';
import type PptxGenJS from 'pptxgenjs';

export const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export async function deckBlob(pptx: PptxGenJS): Promise<Blob> {
  const stored = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  const parts: Zippable = {};
  for (const [name, bytes] of Object.entries(unzipSync(stored))) {
    if (name.endsWith('/')) continue; // folder entries: a package needs none
    parts[name] = [bytes, { level: /\.(jpe?g|png)$/i.test(name) ? 0 : 6 }];
  }
  return new Blob([zipSync(parts)], { type: PPTX_MIME });
}
