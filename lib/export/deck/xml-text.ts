// Slide XML is XML 1.0: control characters copied from a page (a vertical tab, an escape) are not
// allowed in it at all, and pptxgenjs only escapes & < > " '. PowerPoint would offer to "repair"
// such a file, so every text of the data is cleaned once before the deck is built.

import type { ExportData } from '../gather';

const NOT_IN_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_IN_XML, ' ');
}

/** The records with every string made XML-safe; screenshots (Blobs) are kept as they are. */
export function withXmlText(data: ExportData): ExportData {
  const { screenshots, ...records } = data;
  return { ...(clean(records) as Omit<ExportData, 'screenshots'>), screenshots };
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return xmlText(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner)]));
  return value;
}
