// Runs in the web page (as part of the content script): no database, no React.
import { attempt, FAILED, orElse } from './attempt';
import { createOverlay, type Box } from './overlay';
import { findMedia } from './media-masks';
import { alwaysMaskPattern } from './personal-data';
import { canHostShadowRoot, HTML_NAMESPACE, type ShadowRootOf } from './shadow-roots';
import { findTextToMask, type TextMaskKind, type TextMasking } from './text-masks';

const FIELD_SELECTOR = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** Input types whose "value" is a label, not something the persona typed. */
const UNMASKED_INPUT_TYPES = new Set(['hidden', 'button', 'submit', 'reset', 'image']);
export const MASK_COLOUR = 'rgb(200, 204, 210)';
const MASK_STYLE = `position:fixed;border-radius:2px;background:${MASK_COLOUR};`;
/** Around a picked element, in the screenshot. */
const HIGHLIGHT_STYLE =
  'position:fixed;box-sizing:border-box;border:3px solid #e8590c;border-radius:4px;box-shadow:0 0 0 2px rgba(255,255,255,0.9);';

export type MaskKind = 'field' | 'frame' | 'media' | TextMaskKind;
/** How many of each kind were masked (a full-page capture counts each once, over all its frames). */
export type MaskCounts = Partial<Record<MaskKind, number>>;

export interface MaskLayer {
  counts: MaskCounts;
  /** Points (viewport CSS pixels) where a screenshot must show the mask's colour if it shows the masks. */
  samplePoints: { x: number; y: number }[];
  /** False when the page removed or hid the masks since they were drawn. */
  intact(): boolean;
  remove(): void;
}

export type { ShadowRootOf };

/** What a study hides besides fields and personal data (its privacy settings). */
export interface StudyMasking {
  maskAllText: boolean;
  hideMedia: boolean;
  /** Phrases and /patterns/ always masked (see alwaysMaskPattern). */
  alwaysMask: string[];
}

export interface CoverOptions {
  /** Masking on: every field, personal data in text, and frames the agent cannot look into. */
  maskAll: boolean;
  shadowRootOf: ShadowRootOf;
  study?: StudyMasking;
  /** A box to draw around the element the touchpoint is about. */
  highlight?: Box;
  /** Selectors of fields safe to show unmasked; password fields stay masked whatever they say. */
  allowList?: string[];
  /** Cover fields below and beside the viewport too, for a capture of the whole page at once. */
  wholePage?: boolean;
  /** Counts shared by the frames of one full-page capture. */
  tally?: MaskTally;
}

/**
 * Covers what must not be captured with solid boxes, in Touchtrail's own layer (see overlay.ts);
 * the page itself is never touched. Same-origin frames are looked into; frames that cannot be
 * are covered whole when masking is on (payment fields usually live in one); with masking off,
 * password fields and the study's own words still are. No element can make this fail: one that
 * cannot be inspected is covered whole (fail closed).
 */
export function coverPage(doc: Document, options: CoverOptions): MaskLayer {
  const view = doc.defaultView ?? window;
  const tally = options.tally ?? createTally();
  const boxes: Box[] = [];
  const place = (kind: MaskKind, key: unknown, found: Rect[], frame: FrameArea) => {
    const shown = found
      .flatMap((box) => clipToFrame(box, frame))
      .filter((box) => options.wholePage || inView(box, view));
    if (shown.length === 0) return;
    tally.add(kind, key);
    boxes.push(...shown);
  };
  const framesLookedInto: [Element, Document][] = [];
  collectMasks(doc, options, place, TOP_FRAME, 0, framesLookedInto);
  const overlay = createOverlay(doc);
  for (const box of boxes) overlay.place(overlay.add(MASK_STYLE), box);
  if (options.highlight) {
    const { x, y, width, height } = options.highlight;
    overlay.place(overlay.add(HIGHLIGHT_STYLE), { x: x - 4, y: y - 4, width: width + 8, height: height + 8 });
  }
  const samplePoints = pointsToCheck(boxes, view, options.highlight);
  // A frame looked into that has since loaded another page (a payment frame posted to its
  // provider) shows what these masks were not drawn for.
  const framesUnchanged = () =>
    framesLookedInto.every(([frame, inner]) =>
      orElse(() => (frame as HTMLIFrameElement).contentDocument === inner, false),
    );
  return {
    counts: tally.counts(),
    samplePoints,
    intact: () => overlay.intact() && framesUnchanged(),
    remove: () => overlay.remove(),
  };
}

const MAX_SAMPLE_POINTS = 48;

/**
 * The middle of each mask's part in the viewport (a few, spread over all of them if there are
 * many), away from the highlight's border: the background checks the screenshot shows the masks
 * there, so a frame the browser painted before the masks is never kept.
 */
function pointsToCheck(boxes: Box[], view: Window, highlight?: Box): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  // The page's own scrollbars paint over the layer: only the area inside them is checked.
  const root = view.document.documentElement;
  const width = root.clientWidth || view.innerWidth;
  const height = root.clientHeight || view.innerHeight;
  for (const box of boxes) {
    const left = Math.max(box.x, 0);
    const top = Math.max(box.y, 0);
    const right = Math.min(box.x + box.width, width);
    const bottom = Math.min(box.y + box.height, height);
    if (right - left < 4 || bottom - top < 4) continue;
    const point = { x: Math.round((left + right) / 2), y: Math.round((top + bottom) / 2) };
    if (!highlight || !nearBorder(point, highlight)) points.push(point);
  }
  const step = Math.max(1, Math.ceil(points.length / MAX_SAMPLE_POINTS));
  return points.filter((_, index) => index % step === 0).slice(0, MAX_SAMPLE_POINTS);
}

/** Within the highlight's drawn border (4 px outside the element, 3 px wide, and a shadow). */
function nearBorder(point: { x: number; y: number }, box: Box): boolean {
  const outer = { x: box.x - 10, y: box.y - 10, right: box.x + box.width + 10, bottom: box.y + box.height + 10 };
  const inner = { x: box.x + 2, y: box.y + 2, right: box.x + box.width - 2, bottom: box.y + box.height - 2 };
  const inOuter = point.x >= outer.x && point.x <= outer.right && point.y >= outer.y && point.y <= outer.bottom;
  const inInner = point.x > inner.x && point.x < inner.right && point.y > inner.y && point.y < inner.bottom;
  return inOuter && !inInner;
}

type Place = (kind: MaskKind, key: unknown, boxes: Rect[], frame: FrameArea) => void;

/** Where a frame's content sits in the top page's viewport: its offset, and the area it shows. */
interface FrameArea {
  x: number;
  y: number;
  clip?: Rect;
}
const TOP_FRAME: FrameArea = { x: 0, y: 0 };
const MAX_FRAME_DEPTH = 4;

function collectMasks(
  doc: Document,
  options: CoverOptions,
  place: Place,
  frame: FrameArea,
  depth: number,
  framesLookedInto: [Element, Document][],
): void {
  const view = doc.defaultView ?? window;
  const allowed = allowListMatcher(options.allowList ?? []);
  const text: TextMasking = {
    personalData: options.maskAll,
    allText: options.study?.maskAllText ?? false,
    words: (options.study?.alwaysMask ?? []).flatMap((entry) => {
      const pattern = alwaysMaskPattern(entry);
      return pattern instanceof Error ? [] : [pattern];
    }),
  };
  const uninspectable: Element[] = [];
  for (const root of documentAndShadowRoots(doc, options.shadowRootOf, uninspectable)) {
    for (const field of root.querySelectorAll(FIELD_SELECTOR)) {
      const verdict = attempt(() => shouldMask(field, options.maskAll));
      if (verdict === false || (verdict === true && (allowed(field) || hidden(field)))) continue;
      place('field', field, [verdict === true ? boxOf(field, view) : boxWithArea(field, view)], frame);
    }
    for (const found of orElse(() => findTextToMask(root, text), []))
      place(found.kind, found.key, found.boxes.map(rectOf), frame);
    if (options.study?.hideMedia) {
      for (const media of orElse(() => findMedia(root), [])) {
        if (!hidden(media)) place('media', media, [boxOf(media, view)], frame);
      }
    }
    for (const embedded of root.querySelectorAll('iframe, frame, embed, object')) {
      const inner = depth < MAX_FRAME_DEPTH ? sameOriginDocument(embedded) : undefined;
      if (inner) {
        framesLookedInto.push([embedded, inner]);
        collectMasks(inner, options, place, innerArea(embedded, view, frame), depth + 1, framesLookedInto);
      } else if (options.maskAll) place('frame', embedded, [boxWithArea(embedded, view)], frame);
    }
  }
  for (const element of uninspectable) place('field', element, [boxWithArea(element, view)], frame);
}

/** The document of a frame the agent may look into; undefined for another origin, or one still loading. */
function sameOriginDocument(element: Element): Document | undefined {
  if (element.localName !== 'iframe' && element.localName !== 'frame') return undefined;
  return orElse(() => {
    const inner = (element as HTMLIFrameElement).contentDocument;
    if (!inner?.documentElement) return undefined;
    // The initial empty document of a frame whose page has not arrived yet: it may arrive before the screenshot.
    const source = element.getAttribute('src');
    if (inner.URL === 'about:blank' && source && !/^\s*about:blank/i.test(source)) return undefined;
    return inner;
  }, undefined);
}

/** Where the frame's content is drawn in the top viewport (inside its border and padding). */
function innerArea(frame: Element, view: Window, outer: FrameArea): FrameArea {
  const box = boxOf(frame, view);
  const style = orElse(() => view.getComputedStyle(frame), undefined);
  const left = box.x + frame.clientLeft + parseFloat(style?.paddingLeft ?? '0');
  const top = box.y + frame.clientTop + parseFloat(style?.paddingTop ?? '0');
  const clip = { x: left, y: top, width: frame.clientWidth, height: frame.clientHeight };
  const placed = clipToFrame(rectOf(clip), outer)[0] ?? rectOf({ ...clip, width: 0, height: 0 });
  return { x: outer.x + left, y: outer.y + top, clip: placed };
}

function clipToFrame(box: Rect, frame: FrameArea): Rect[] {
  const moved = rectOf({ x: box.x + frame.x, y: box.y + frame.y, width: box.width, height: box.height });
  if (!frame.clip) return [moved];
  const left = Math.max(moved.left, frame.clip.left);
  const top = Math.max(moved.top, frame.clip.top);
  const right = Math.min(moved.right, frame.clip.right);
  const bottom = Math.min(moved.bottom, frame.clip.bottom);
  return right > left && bottom > top ? [rectOf({ x: left, y: top, width: right - left, height: bottom - top })] : [];
}

function inView(box: Rect, view: Window): boolean {
  return !(box.bottom < 0 || box.right < 0 || box.top > view.innerHeight || box.left > view.innerWidth);
}

function rectOf({ x, y, width, height }: Box): Rect {
  return { x, y, width, height, left: x, top: y, right: x + width, bottom: y + height };
}

/** Counts each masked thing once, however many frames it was masked in. */
export interface MaskTally {
  add(kind: MaskKind, key: unknown): void;
  counts(): MaskCounts;
}

export function createTally(): MaskTally {
  const seen = new Map<MaskKind, Set<unknown>>();
  return {
    add(kind, key) {
      if (!seen.has(kind)) seen.set(kind, new Set());
      seen.get(kind)!.add(key);
    },
    counts: () => Object.fromEntries([...seen].map(([kind, keys]) => [kind, keys.size])),
  };
}

/** The document and every shadow root inside it, at any depth; hosts that could not be asked go to `uninspectable`. */
function* documentAndShadowRoots(
  doc: Document,
  shadowRootOf: ShadowRootOf,
  uninspectable: Element[],
): Generator<Document | ShadowRoot> {
  const pending: (Document | ShadowRoot)[] = [doc];
  for (let root = pending.pop(); root; root = pending.pop()) {
    yield root;
    for (const element of root.querySelectorAll('*')) {
      if (!canHostShadowRoot(element)) continue;
      const shadow = attempt(() => shadowRootOf(element));
      if (shadow === FAILED) uninspectable.push(element);
      else if (shadow) pending.push(shadow);
    }
  }
}

type Rect = Pick<DOMRect, 'x' | 'y' | 'width' | 'height' | 'top' | 'right' | 'bottom' | 'left'>;

/** The element's box; if it cannot be read, the nearest readable ancestor's, else the whole viewport. */
function boxOf(element: Element, view: Window): Rect {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const box = attempt(() => (node as Element).getBoundingClientRect());
    if (box !== FAILED) return box;
  }
  const { innerWidth: width, innerHeight: height } = view;
  return { x: 0, y: 0, width, height, top: 0, left: 0, right: width, bottom: height };
}

/** Not painted (visibility: hidden, say under a bar a full-page capture hides): nothing to cover. */
function hidden(element: Element): boolean {
  const check = (element as Partial<Pick<Element, 'checkVisibility'>>).checkVisibility;
  return orElse(() => (check ? !check.call(element, { visibilityProperty: true }) : false), false);
}

/** The box of the element or, when it has no area, of its nearest ancestor that has one. */
function boxWithArea(element: Element, view: Window): Rect {
  for (let node: Element | null = element; node; node = parentOrHost(node)) {
    const box = boxOf(node, view);
    if (box.width > 0 && box.height > 0) return box;
  }
  return boxOf(element.ownerDocument.documentElement, view);
}

function parentOrHost(element: Element): Element | null {
  return element.parentElement ?? (element.parentNode as ShadowRoot | null)?.host ?? null;
}

function isPasswordField(element: Element): boolean {
  return isHtml(element, 'input') && (element as HTMLInputElement).type === 'password';
}

function isHtml(element: Element, localName: string): boolean {
  return element.localName === localName && element.namespaceURI === HTML_NAMESPACE;
}

function allowListMatcher(selectors: string[]): (element: Element) => boolean {
  return (element) => {
    if (isPasswordField(element)) return false;
    return selectors.some((selector) => {
      try {
        return element.matches(selector);
      } catch {
        return false; // An invalid selector allows nothing.
      }
    });
  };
}

function shouldMask(field: Element, maskAll: boolean): boolean {
  if (isHtml(field, 'input')) {
    const type = (field as HTMLInputElement).type;
    if (UNMASKED_INPUT_TYPES.has(type)) return false;
    return maskAll || type === 'password';
  }
  return maskAll;
}

/**
 * Resolves once what was changed in the page has been painted, so the capture shows it; a page
 * the browser does not paint for a second (a busy or throttled one) goes on anyway, and the
 * background's check of the screenshot refuses a picture without the masks.
 */
export function afterNextPaint(view: Window, timeoutMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    const timer = view.setTimeout(resolve, timeoutMs);
    view.requestAnimationFrame(() =>
      view.requestAnimationFrame(() => {
        view.clearTimeout(timer);
        resolve();
      }),
    );
  });
}
