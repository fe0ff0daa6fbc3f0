// The finished deck as a Blob. In a browser `write({ compression: true })` gives a deflated Blob
// (`outputType: 'blob'` would ignore the compression); `writeFile` is never used, because it starts
// its own download and would bypass the export's file name and cancel.

import type PptxGenJS from 'pptxgenjs';

export const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export async function deckBlob(pptx: PptxGenJS): Promise<Blob> {
  if (runsInNode()) {
    const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array<ArrayBuffer>;
    return new Blob([bytes], { type: PPTX_MIME });
  }
  const blob = (await pptx.write({ compression: true })) as Blob;
  return new Blob([blob], { type: PPTX_MIME });
}

/** As pptxgenjs tells Node from a browser: in Node (unit tests) its Blob path is not the one to use. */
function runsInNode(): boolean {
  const node = (globalThis as { process?: { versions?: { node?: string }; release?: { name?: string } } }).process;
  return Boolean(node?.versions?.node) && node?.release?.name === 'node';
}
