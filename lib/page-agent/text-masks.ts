// Runs in the web page: finds the text a screenshot must not show — personal data, the study's own
// words, or all text — as boxes over exactly that text (Range client rects), never whole paragraphs.
import { orElse } from './attempt';
import { findPersonalData, type PersonalDataKind } from './personal-data';
import type { Box } from './overlay';

export type TextMaskKind = PersonalDataKind | 'word' | 'text';

export interface TextMasking {
  /** Email addresses, phone numbers, card numbers, IBANs and IP addresses. */
  personalData: boolean;
  /** Every run of text. */
  allText: boolean;
  /** The study's own words and patterns (global, case-insensitive). */
  words: RegExp[];
}

export interface FoundText {
  kind: TextMaskKind;
  /** Identifies what was masked, so that frames of a full-page capture count it once. */
  key: string;
  boxes: Box[];
}

/** Text whose characters are not shown as text, or are covered as a field anyway. */
const SKIPPED_PARENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'option',
  'optgroup',
  'select',
]);
/** Elements that flow inside a line: a value split across them ("4242 <b>4242</b>") is still one value. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data del dfn em font i ins kbd label mark q s samp small span strong sub sup time u var wbr'.split(
    ' ',
  ),
);

interface TextRun {
  nodes: Text[];
  /** Where each node's text starts in `text`. */
  starts: number[];
  text: string;
}

/** Every piece of text in the root (not inside its shadow roots, which are roots of their own) to mask. */
export function findTextToMask(root: Document | ShadowRoot, masking: TextMasking): FoundText[] {
  if (!masking.personalData && !masking.allText && masking.words.length === 0) return [];
  const doc = root.ownerDocument ?? root;
  const found: FoundText[] = [];
  for (const run of textRuns(root)) {
    if (masking.allText) {
      run.nodes.forEach((node, index) => {
        if (node.data.trim()) found.push(wholeNode(doc, run, index, node));
      });
      continue;
    }
    const matches: { kind: TextMaskKind; start: number; end: number }[] = [];
    // Any space (a no-break space between digit groups too) reads as a space; a line break stays one.
    if (masking.personalData) matches.push(...findPersonalData(run.text.replace(/[^\S\n]/g, ' ')));
    for (const pattern of masking.words) {
      for (const match of run.text.matchAll(pattern)) {
        if (match[0]) matches.push({ kind: 'word', start: match.index, end: match.index + match[0].length });
      }
    }
    for (const { kind, start, end } of matches) {
      const range = rangeOver(doc, run, start, end);
      found.push({ kind, key: `${nodeKey(run.nodes[0]!)}:${start}`, boxes: rectsOf(range) });
    }
  }
  return found.filter((item) => item.boxes.length > 0);
}

function wholeNode(doc: Document, run: TextRun, index: number, node: Text): FoundText {
  const range = doc.createRange();
  range.selectNodeContents(node);
  return { kind: 'text', key: `${nodeKey(run.nodes[0]!)}:${run.starts[index]}`, boxes: rectsOf(range) };
}

function rectsOf(range: Range): Box[] {
  const boxes = orElse(() => [...range.getClientRects()], []);
  return boxes
    .filter((rect) => rect.width > 0 && rect.height > 0)
    .map((rect) => ({ x: rect.x - 1, y: rect.y - 1, width: rect.width + 2, height: rect.height + 2 }));
}

/**
 * The text nodes of the root, in order, grouped by the block they flow in; hidden text is left
 * out. A line break (`<br>`) becomes a newline between nodes, so "62704<br>(555) 123-4567" is not
 * read as one number, and spaces in nodes of their own stay, so "<b>Ada</b> <b>Lovelace</b>" is
 * two words. Text at the top of a shadow root belongs to the root.
 */
function* textRuns(root: Document | ShadowRoot): Generator<TextRun> {
  const doc = root.ownerDocument ?? root;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let run: TextRun | undefined;
  let runBlock: Node | null | undefined;
  const visible = visibilityCache();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if ((node as Element).localName === 'br' && run) run.text += '\n';
      continue;
    }
    const text = node as Text;
    const parent = text.parentElement;
    if (parent && (SKIPPED_PARENTS.has(parent.localName) || !visible(parent))) continue;
    const block = parent ? blockOf(parent) : root;
    const blank = !text.data.trim();
    if (run && block === runBlock) {
      run.starts.push(run.text.length);
      run.nodes.push(text);
      run.text += text.data;
      continue;
    }
    if (blank) continue;
    if (run) yield run;
    run = { nodes: [text], starts: [0], text: text.data };
    runBlock = block;
  }
  if (run) yield run;
}

function blockOf(element: Element): Element | null {
  let current: Element | null = element;
  while (current && INLINE.has(current.localName)) current = current.parentElement;
  return current;
}

/**
 * Whether an element's text is painted (visibility: hidden hides it, say a bar a full-page capture
 * hides). An element with `display: contents` has no box of its own, and checkVisibility says
 * false for it: its text shows if its parent's (or shadow host's) does.
 */
function visibilityCache(): (element: Element) => boolean {
  const seen = new Map<Element, boolean>();
  const visible = (element: Element): boolean => {
    let verdict = seen.get(element);
    if (verdict === undefined) {
      const check = (element as Partial<Pick<Element, 'checkVisibility'>>).checkVisibility;
      verdict = orElse(() => (check ? check.call(element, { visibilityProperty: true }) : true), true);
      if (
        !verdict &&
        orElse(() => element.ownerDocument.defaultView?.getComputedStyle(element).display === 'contents', false)
      ) {
        const outer = element.parentElement ?? (element.parentNode as ShadowRoot | null)?.host;
        verdict = outer ? visible(outer) : true;
      }
      seen.set(element, verdict);
    }
    return verdict;
  };
  return visible;
}

function rangeOver(doc: Document, run: TextRun, start: number, end: number): Range {
  const range = doc.createRange();
  const [startNode, startOffset] = positionOf(run, start, false);
  const [endNode, endOffset] = positionOf(run, end, true);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

/** The node and offset of a position in the run's text: a start begins a node, an end ends one. */
function positionOf(run: TextRun, position: number, isEnd: boolean): [Text, number] {
  let index = run.starts.length - 1;
  while (index > 0 && (isEnd ? run.starts[index]! >= position : run.starts[index]! > position)) index--;
  const node = run.nodes[index]!;
  return [node, Math.min(position - run.starts[index]!, node.length)];
}

const nodeKeys = new WeakMap<Node, number>();
let nextKey = 0;
function nodeKey(node: Node): number {
  let key = nodeKeys.get(node);
  if (key === undefined) nodeKeys.set(node, (key = nextKey++));
  return key;
}
