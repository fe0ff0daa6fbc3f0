// Every export format, given a study whose every text field holds a hostile payload
// (tests/fixtures/xss-payloads.ts): nothing a payload says may become markup, a link, a style, a
// formula or XML structure, and every payload must still read as the text it was.

import { parse as parseUserFlow, StepType } from '@puppeteer/replay';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '../../lib/db';
import { boardGrid, gridToHtml, gridToTsv } from '../../lib/export/board';
import { STAGE_COLUMNS, TOUCHPOINT_COLUMNS } from '../../lib/export/csv';
import { bundleManifest, exportFile } from '../../lib/export/format';
import { gatherExport } from '../../lib/export/gather';
import { EXPORT_FORMATS, runExport, type ExportFormat } from '../../lib/export/run';
import { journey, persona, study, touchpoint, type Touchpoint } from '../../lib/model';
import {
  hostileExportFile,
  hostileStudy,
  markersIn,
  XSS_PAYLOADS,
  type HostileStudy,
  type PayloadKind,
} from '../fixtures/xss-payloads';

const NOW = new Date('2026-11-22T10:00:00Z');

async function storeHostileStudy(): Promise<HostileStudy> {
  const hostile = hostileStudy();
  const blob = (base64: string) => new Blob([Buffer.from(base64, 'base64')], { type: 'image/png' });
  await db.studies.add(hostile.study);
  await db.personas.bulkAdd(hostile.personas);
  await db.journeys.bulkAdd(hostile.journeys);
  await db.touchpoints.bulkAdd(hostile.touchpoints);
  await db.screenshots.bulkAdd(
    hostile.screenshots.map((s) => ({ ...s, image: blob(s.image), thumbnail: blob(s.thumbnail) })),
  );
  return hostile;
}

const unzip = async (blob: Blob) =>
  Object.entries(unzipSync(new Uint8Array(await blob.arrayBuffer()))).map(([name, bytes]) => ({
    name,
    text: strFromU8(bytes),
  }));

/** The fields whose path matches, e.g. every touchpoint title. */
const fieldsAt = (hostile: HostileStudy, path: RegExp) => hostile.fields.filter((f) => path.test(f.path));

/** Touchpoints in the order exports list them: journey by journey, in walk order. */
const inExportOrder = (hostile: HostileStudy): Touchpoint[] =>
  hostile.journeys.flatMap((j) =>
    hostile.touchpoints.filter((t) => t.journeyId === j.id).sort((a, b) => a.seq - b.seq),
  );

/** What markup can carry of a text: XML forbids most control characters, and parsers read CR as LF. */
const asMarkupText = (text: string) =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/\r\n?/g, '\n');

describe('the hostile fixture', () => {
  it('has a distinct marker in every payload, and every kind the suite promises', () => {
    expect(new Set(XSS_PAYLOADS.map((p) => p.marker)).size).toBe(XSS_PAYLOADS.length);
    for (const p of XSS_PAYLOADS) expect(markersIn(p.text)).toContain(p.marker);
    const kinds: PayloadKind[] = ['html', 'url', 'css', 'attribute', 'breakout', 'markdown', 'csv', 'xml', 'unicode'];
    expect(new Set(XSS_PAYLOADS.map((p) => p.kind))).toEqual(new Set(kinds));
  });

  it('is a valid export as it is, with a payload in every text field the model has', () => {
    const file = hostileExportFile();
    expect(exportFile.parse(file)).toEqual(file);
    const hostile = hostileStudy();
    const filled = new Set(hostile.fields.map((f) => f.path.replace(/\[\d+\]/g, '[]')));
    const model = [
      ...textPaths(study, 'study'),
      ...textPaths(persona, 'personas[]'),
      ...textPaths(journey, 'journeys[]'),
      ...textPaths(touchpoint, 'touchpoints[]'),
    ];
    expect(model).toEqual(expect.arrayContaining(['study.name', 'touchpoints[].annotations[].text']));
    expect(model.filter((path) => !filled.has(path))).toEqual([]);
    expect(XSS_PAYLOADS.filter((p) => !hostile.fields.some((f) => f.payload === p))).toEqual([]);
  });
});

/** The paths of a schema's free-text fields (strings that are not ids or base64). */
/** The paths of every free-text field of a schema, read from its definition (full zod or mini alike). */
function textPaths(schema: z.core.$ZodType, path: string): string[] {
  const def = schema._zod.def as unknown as SchemaDef;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape!).flatMap(([key, field]) => textPaths(field, `${path}.${key}`));
    case 'optional':
    case 'default':
      return textPaths(def.innerType!, path);
    case 'array':
      return textPaths(def.element!, `${path}[]`);
    case 'union':
      return [...new Set(def.options!.flatMap((o) => textPaths(o, path)))];
    default:
      return def.type === 'string' && !def.format ? [path] : [];
  }
}

interface SchemaDef {
  type: string;
  format?: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
}

/** The elements the report itself writes; any other came from a payload. */
const REPORT_ELEMENTS = new Set([
  ...['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'section', 'article', 'div', 'p', 'strong'],
  ...['h1', 'h2', 'h3', 'h4', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'img'],
  ...['svg', 'defs', 'marker', 'path', 'line', 'polyline', 'circle', 'rect', 'text'],
]);
const HTML_TEXT_FIELDS =
  /^(study\.(name|company|siteUrls|description|stages)|personas\[\d+\]\.(name|summary|goals|frustrations)|journeys\[\d+\]\.(title|scenario)|touchpoints\[\d+\]\.(title|stage|goal|url|friction\.notes|annotations\[0\]\.text))/;

function expectInertHtmlReport(html: string, hostile: HostileStudy, images: RegExp, policySources: string[]) {
  const { document } = parseHTML(html);
  const elements = [...document.querySelectorAll('*')];
  expect(elements.map((el) => el.localName).filter((name) => !REPORT_ELEMENTS.has(name))).toEqual([]);
  const attributes = elements.flatMap((el) =>
    [...el.attributes].map((a) => ({ element: el.localName, name: a.name.toLowerCase(), value: a.value })),
  );
  expect(attributes.filter((a) => a.name.startsWith('on'))).toEqual([]);
  const linking = /^(href|xlink:href|src|srcset|srcdoc|action|formaction|data|style|background|poster)$/;
  expect(attributes.filter((a) => linking.test(a.name) && !(a.element === 'img' && a.name === 'src'))).toEqual([]);
  expect(attributes.filter((a) => a.name === 'src' && !images.test(a.value))).toEqual([]);
  // A payload may be an image's alt text, and its slug may name the image file (checked above).
  const mayCarryText = (a: { name: string }) => a.name === 'alt' || a.name === 'src';
  expect(attributes.filter((a) => markersIn(a.value).length > 0 && !mayCarryText(a))).toEqual([]);
  const styles = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '');
  expect(styles).toHaveLength(1);
  expect(styles[0]).not.toMatch(/xss/);
  const metas = [...document.querySelectorAll('meta')];
  expect(metas.map((m) => m.getAttribute('http-equiv') ?? m.getAttribute('name') ?? 'charset')).toEqual([
    'charset',
    'Content-Security-Policy',
    'viewport',
  ]);
  expectNoScriptPolicy(metas[1]!.getAttribute('content') ?? '', policySources);

  const text = asMarkupText(document.documentElement.textContent ?? '');
  for (const { path, payload } of fieldsAt(hostile, HTML_TEXT_FIELDS)) {
    expect(text, path).toContain(asMarkupText(payload.text));
  }
}

/** default-src 'none', no script source, 'unsafe-inline' for styles only, no outside origin. */
function expectNoScriptPolicy(content: string, allowedSources: string[]) {
  const policy = new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources]),
  );
  expect(policy.get('default-src')).toEqual(["'none'"]);
  expect(policy.get('script-src') ?? ["'none'"]).toEqual(["'none'"]);
  for (const [name, sources] of policy) {
    for (const source of sources) expect(allowedSources, `${name} ${source}`).toContain(source);
  }
  const inlineAllowed = [...policy].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name);
  expect(inlineAllowed).toEqual(['style-src']);
}

const MARKDOWN_TEXT_FIELDS =
  /^(study\.(name|company|siteUrls|description|stages)|personas\[\d+\]\.(name|summary)|journeys\[\d+\]\.(title|scenario)|touchpoints\[\d+\]\.(title|stage|url|friction\.notes))/;

function expectInertMarkdown(report: string, hostile: HostileStudy) {
  // What is left once backslash escapes are taken out is the report's live syntax.
  const live = report.replace(/\\[\s\S]/g, '');
  expect(report).not.toContain('<'); // no raw HTML, no <autolink>
  expect(live).not.toContain('`');
  expect(report).not.toMatch(/(?:https?|ftp):\/\/|www\./i); // GFM's bare autolinks
  expect(report.match(/&[^&;\s]*;?/g)?.filter((ref) => !['&amp;', '&lt;', '&gt;'].includes(ref)) ?? []).toEqual([]);
  const screenshots = /!\[[^[\]()]*\]\(screenshots\/[a-z0-9._-]+\)/g;
  expect(live.match(screenshots)).toHaveLength(hostile.screenshots.length);
  expect(live.replace(screenshots, '')).not.toMatch(/[[\]()]/);

  let columns: number | undefined;
  let tables = 0;
  for (const line of report.split(/\r\n|\r|\n/)) {
    if (!line.startsWith('|')) {
      columns = undefined;
      continue;
    }
    const pipes = line.replace(/\\[\s\S]/g, '').split('|').length - 1;
    if (columns === undefined) tables++;
    columns ??= pipes;
    expect(pipes, line).toBe(columns);
  }
  expect(tables).toBe(hostile.journeys.length);

  const decoded = report
    .replace(/\\([\s\S])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  for (const { path, payload } of fieldsAt(hostile, MARKDOWN_TEXT_FIELDS)) {
    const shown = path.endsWith('.url') ? payload.text.replace(/\s+/g, ' ') : payload.text;
    expect(decoded, path).toContain(shown);
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** A text cell as a spreadsheet must get it: an apostrophe before a formula's first character (OWASP). */
const asCsvText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
const parseCsv = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { newline: '\r\n', skipEmptyLines: true }).data;

function expectNoLiveFormula(rows: string[][]) {
  const live = rows.flat().filter((cell) => FORMULA_START.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
  expect(live).toEqual([]);
}

function expectSafeTouchpointsCsv(csv: string, hostile: HostileStudy) {
  const [header, ...rows] = parseCsv(csv);
  expect(header).toEqual([...TOUCHPOINT_COLUMNS]);
  expectNoLiveFormula(rows);
  const order = inExportOrder(hostile);
  expect(rows).toHaveLength(order.length);
  const at = (row: string[], column: (typeof TOUCHPOINT_COLUMNS)[number]) => row[TOUCHPOINT_COLUMNS.indexOf(column)];
  rows.forEach((row, i) => {
    const t = order[i]!;
    const journey = hostile.journeys.find((j) => j.id === t.journeyId)!;
    const expected = {
      'Journey Stage': t.stage,
      Touchpoint: t.title,
      Goal: t.goal,
      Persona: hostile.personas.find((p) => p.id === journey.personaId)!.name,
      Journey: journey.title,
      URL: t.url,
      Department: t.department,
      'Friction notes': t.friction.notes,
    } as const;
    for (const [column, text] of Object.entries(expected)) {
      expect(at(row, column as keyof typeof expected), `${t.seq} ${column}`).toBe(asCsvText(text ?? ''));
    }
  });
}

function expectSafeStagesCsv(csv: string, hostile: HostileStudy) {
  const [header, ...rows] = parseCsv(csv);
  expect(header).toEqual([...STAGE_COLUMNS]);
  expectNoLiveFormula(rows);
  const expected = hostile.journeys.flatMap((journey) =>
    hostile.study.stages.map((stage) => {
      const inStage = inExportOrder(hostile).filter((t) => t.journeyId === journey.id && t.stage === stage);
      const notes = inStage.map((t) => t.friction.notes).filter(Boolean);
      return [journey.title, stage, inStage.map((t) => t.title).join('\n'), notes.join('\n')].map(asCsvText);
    }),
  );
  expect(rows.map((row) => [row[0], row[1], row[2], row[7]])).toEqual(expected);
}

const CJML_ELEMENTS = new Set([
  ...['?xml', 'journey', 'name', 'description', 'startTime', 'endTime', 'actors', 'actor', 'journeyPhases'],
  ...['journeyPhase', 'touchpoints', 'actualCommunicationPoint', 'actualAction', 'initiator', 'receiver'],
  ...['sequence', 'timestamp', 'channel', 'url', 'touchpointExperience', 'emotion', 'deviation'],
]);
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ['actor', 'journeyPhase', 'actualCommunicationPoint', 'actualAction'].includes(name),
});

function elementNames(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(elementNames);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key.startsWith('@') || key === '#text' ? [] : [key, ...elementNames(value)],
  );
}

type XmlPoint = { name: string; sequence: string; url?: string; touchpointExperience?: { description?: string } };

function expectWellFormedCjml(xml: string, hostile: HostileStudy, journeyIndex: number) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(/<!DOCTYPE|<!ENTITY|<!\[CDATA\[|<!--/);
  const doc = xmlParser.parse(xml) as {
    journey: {
      name: string;
      description: string;
      actors: { actor: { name: string; description?: string }[] };
      journeyPhases: { journeyPhase: { name: string }[] };
      touchpoints: { actualCommunicationPoint?: XmlPoint[]; actualAction?: XmlPoint[] };
    };
  };
  expect(elementNames(doc).filter((name) => !CJML_ELEMENTS.has(name))).toEqual([]);
  const journey = hostile.journeys[journeyIndex]!;
  const who = hostile.personas.find((p) => p.id === journey.personaId)!;
  const points = inExportOrder(hostile).filter((t) => t.journeyId === journey.id);
  const { journey: parsed } = doc;
  const text = (value: string | undefined) => asMarkupText(value ?? '');
  expect([parsed.name, parsed.description]).toEqual([text(journey.title), text(journey.scenario)]);
  expect(parsed.actors.actor.slice(0, 2)).toEqual([
    { name: text(who.name), description: text(who.summary), '@id': 'persona', '@type': 'endUser' },
    { name: text(hostile.study.company), '@id': 'company', '@type': 'serviceProvider' },
  ]);
  expect(parsed.journeyPhases.journeyPhase.map((p) => p.name)).toEqual(hostile.study.stages.map(text));
  const xmlPoints = [
    ...(parsed.touchpoints.actualCommunicationPoint ?? []),
    ...(parsed.touchpoints.actualAction ?? []),
  ];
  xmlPoints.sort((a, b) => Number(a.sequence) - Number(b.sequence));
  expect(xmlPoints.map((p) => [p.name, p.url, p.touchpointExperience?.description])).toEqual(
    points.map((t) => [text(t.title), text(t.url), text(t.friction.notes)]),
  );
}

const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

function expectExactRecords(file: z.infer<typeof exportFile> | z.infer<typeof bundleManifest>, hostile: HostileStudy) {
  expect(file.study).toEqual(hostile.study);
  expect(byId(file.personas)).toEqual(byId(hostile.personas));
  expect(byId(file.journeys)).toEqual(byId(hostile.journeys));
  expect(byId(file.touchpoints)).toEqual(byId(hostile.touchpoints));
}

/** The files of a per-journey export (a zip, since the hostile study has two journeys), in journey order. */
async function journeyFiles(file: Blob, extension: string, hostile: HostileStudy) {
  const files = (await unzip(file)).sort((a, b) => a.name.localeCompare(b.name));
  expect(files.map((f) => f.name)).toEqual(
    hostile.journeys.map((_, i): unknown => expect.stringMatching(new RegExp(`^0${i + 1}-[a-z0-9-]+\\.${extension}$`))),
  );
  return files.map((f) => f.text);
}

function expectSafeUserFlow(text: string, hostile: HostileStudy, journeyIndex: number) {
  const flow = parseUserFlow(JSON.parse(text));
  const journey = hostile.journeys[journeyIndex]!;
  expect(flow.title).toBe(journey.title);
  const titles = flow.steps.flatMap((s) =>
    s.type === StepType.CustomStep ? [(s.parameters as { title: string }).title] : [],
  );
  expect(titles).toEqual(
    inExportOrder(hostile)
      .filter((t) => t.journeyId === journey.id)
      .map((t) => t.title),
  );
  const urls = flow.steps.flatMap((s) => [
    ...(s.type === StepType.Navigate ? [s.url] : []),
    ...(s.assertedEvents ?? []).map((e) => e.url ?? ''),
  ]);
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.filter((url) => !/^https?:\/\//i.test(url))).toEqual([]);
}

// Node has no canvas and no extension URL: the PDF gets the fonts from disk and one real JPEG.
const readoutTools = {
  fonts: {
    regular: new Uint8Array(readFileSync('public/fonts/DejaVuSans.ttf')),
    bold: new Uint8Array(readFileSync('public/fonts/DejaVuSans-Bold.ttf')),
  },
  rasterise: () =>
    Promise.resolve({
      bytes: new Uint8Array(readFileSync('tests/fixtures/readout/screen.jpg')),
      width: 1280,
      height: 800,
    }),
};

/** Every key of every dictionary in the file, object streams included (a byte search would not see inside them), and how many annotations its pages hold. */
function pdfKeys(doc: PDFDocument): { keys: Set<string>; annotations: number } {
  const keys = new Set<string>();
  let annotations = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    for (const key of dict?.keys() ?? []) keys.add(key.asString());
    const annots = dict?.lookup(PDFName.of('Annots'));
    if (annots instanceof PDFArray) annotations += annots.size();
  }
  return { keys, annotations };
}

/** No action, script, link, form or attachment a payload could have made; every title reads as text. */
async function expectInertPdf(file: Blob, hostile: HostileStudy) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { keys, annotations } = pdfKeys(await PDFDocument.load(bytes));
  expect(keys.has('/Type') && keys.has('/MediaBox')).toBe(true); // the walk sees the pages
  // pdf-lib gives each page an empty /Annots: no link, widget or attachment is in any of them.
  expect(annotations).toBe(0);
  const forbidden = ['/JavaScript', '/JS', '/URI', '/Launch', '/OpenAction', '/AA', '/SubmitForm', '/EmbeddedFiles'];
  for (const key of [...forbidden, '/AcroForm']) expect(keys.has(key), key).toBe(false);
  const path = join(mkdtempSync(join(tmpdir(), 'touchtrail-hostile-')), 'readout.pdf');
  writeFileSync(path, bytes);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const titles = fieldsAt(hostile, /^(journeys|touchpoints)\[\d+\]\.title$/);
  expect(titles.length).toBeGreaterThan(2);
  for (const field of titles) expect(text, field.path).toContain(field.payload.marker);
}

/** Well-formed XML in every part; no link, external target or macro a payload could have made; every title reads as text. */
async function expectInertDeck(file: Blob, hostile: HostileStudy) {
  const parts = Object.entries(unzipSync(new Uint8Array(await file.arrayBuffer())));
  expect(parts.map(([name]) => name).filter((name) => /vba|macro|activeX|oleObject/i.test(name))).toEqual([]);
  let text = '';
  for (const [name, bytes] of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(bytes);
    expect(XMLValidator.validate(xml), name).toBe(true);
    // XML 1.0 allows no C0 control but tab and line breaks, which the validator does not check.
    // eslint-disable-next-line no-control-regex
    expect(xml, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml, name).not.toMatch(/TargetMode="External"|hlinkClick|hlinkHover/);
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name))
      text += [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
  }
  const titles = fieldsAt(hostile, /^(journeys|touchpoints)\[\d+\]\.title$/);
  expect(titles.length).toBeGreaterThan(2);
  for (const field of titles) expect(text, field.path).toContain(field.payload.marker);
}

const BUNDLE_FILE =
  /^(README\.txt|touchtrail\.json|(touchpoints|stages)\.csv|report\.(md|html)|(screenshots|thumbnails)\/[a-z0-9][a-z0-9._-]*)$/;

/** What each format the UI offers must hold; a new format does not compile here until it has checks. */
const CHECKS: Record<ExportFormat, (file: Blob, hostile: HostileStudy) => Promise<void>> = {
  html: async (file, hostile) =>
    expectInertHtmlReport(await file.text(), hostile, /^data:image\/png;base64,/, [
      "'none'",
      'data:',
      "'unsafe-inline'",
    ]),
  csv: async (file, hostile) => expectSafeTouchpointsCsv(await file.text(), hostile),
  'stages-csv': async (file, hostile) => expectSafeStagesCsv(await file.text(), hostile),
  cjml: async (file, hostile) =>
    (await journeyFiles(file, 'cjml\\.xml', hostile)).forEach((xml, i) => expectWellFormedCjml(xml, hostile, i)),
  pdf: async (file, hostile) => expectInertPdf(file, hostile),
  pptx: async (file, hostile) => expectInertDeck(file, hostile),
  'user-flow': async (file, hostile) =>
    (await journeyFiles(file, 'user-flow\\.json', hostile)).forEach((json, i) => expectSafeUserFlow(json, hostile, i)),
  json: async (file, hostile) => {
    const parsed = exportFile.parse(JSON.parse(await file.text()));
    expectExactRecords(parsed, hostile);
    expect(byId(parsed.screenshots)).toEqual(byId(hostile.screenshots));
  },
  bundle: async (file, hostile) => {
    const files = new Map((await unzip(file)).map((f) => [f.name, f.text]));
    expect([...files.keys()].filter((name) => !BUNDLE_FILE.test(name))).toEqual([]);
    const relativeImage = /^screenshots\/[a-z0-9][a-z0-9._-]*$/;
    const bundleSources = ["'none'", "'self'", 'file:', 'data:', "'unsafe-inline'"];
    expectInertHtmlReport(files.get('report.html')!, hostile, relativeImage, bundleSources);
    expectInertMarkdown(files.get('report.md')!, hostile);
    expectSafeTouchpointsCsv(files.get('touchpoints.csv')!, hostile);
    expectSafeStagesCsv(files.get('stages.csv')!, hostile);
    expectExactRecords(bundleManifest.parse(JSON.parse(files.get('touchtrail.json')!)), hostile);
  },
};

describe('every export format, given a study with a payload in every text field', () => {
  const formats = EXPORT_FORMATS.map(({ label, format }) => [label, format] as const);
  it.each(formats)(
    '%s: no payload becomes markup, a link, a formula or structure; every text reads back',
    // The PDF, with its fonts embedded and read back, took 5 s alone on a slow CI machine.
    { timeout: 30_000 },
    async (_, format) => {
      const hostile = await storeHostileStudy();
      const { blob } = await runExport(format, { studyId: hostile.study.id }, { now: NOW, readoutTools });
      await CHECKS[format](blob, hostile);
    },
  );
});

describe('copy for boards', () => {
  it('pastes as an inert HTML table and as tab-separated text without formulas, one cell per stage', async () => {
    const hostile = await storeHostileStudy();
    const data = await gatherExport({ studyId: hostile.study.id });
    for (const journey of data.journeys) {
      const grid = boardGrid(data, journey);
      const { document } = parseHTML(`<!doctype html><html><body>${gridToHtml(grid)}</body></html>`);
      const tags = new Set([...document.querySelectorAll('body *')].map((el) => el.localName));
      expect(tags).toEqual(new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td']));
      const cells = [...document.querySelectorAll('th, td')].map((c) => asMarkupText(c.textContent ?? ''));
      expect(cells).toEqual(grid.flat().map(asMarkupText));
      const lines = gridToTsv(grid).split('\n');
      expect(lines.map((line) => line.split('\t').length)).toEqual(grid.map((row) => row.length));
      expectNoLiveFormula(lines.map((line) => line.split('\t')));
    }
  });
});
