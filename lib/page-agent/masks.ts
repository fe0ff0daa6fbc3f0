// Runs in the web page (as part of the content script): no database, no React.
import { attempt, FAILED, orElse } from './attempt';
import { createOverlay, type Box } from './overlay';
import { canHostShadowRoot, HTML_NAMESPACE, type ShadowRootOf } from './shadow-roots';

const FIELD_SELECTOR = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** Input types whose "value" is a label, not something the persona typed. */
const UNMASKED_INPUT_TYPES = new Set(['hidden', 'button', 'submit', 'reset', 'image']);
export const MASK_COLOUR = 'rgb(200, 204, 210)';

export interface MaskLayer {
  count: number;
  /** False when the page removed or hid the masks since they were drawn. */
  intact(): boolean;
  remove(): void;
}

export type { ShadowRootOf };

export interface CoverOptions {
  maskAll: boolean;
  shadowRootOf: ShadowRootOf;
  /** A box to draw around the element the touchpoint is about. */
  highlight?: Box;
  /** Selectors of fields safe to show unmasked; password fields stay masked whatever they say. */
  allowList?: string[];
  /** Cover fields below and beside the viewport too, for a capture of the whole page at once. */
  wholePage?: boolean;
}

/**
 * Covers form fields with solid boxes for a screenshot, in Touchtrail's own layer (see
 * overlay.ts); the fields themselves are never touched. With masking on, embedded frames are
 * covered too (payment fields usually live in one); with it off, password fields still are.
 * No element can make this fail: one that cannot be inspected is covered whole (fail closed).
 */
export function coverFields(doc: Document, options: CoverOptions): MaskLayer {
  const view = doc.defaultView ?? window;
  const boxes: Box[] = [];
  const allowed = allowListMatcher(options.allowList ?? []);
  for (const { element, inspected } of elementsToMask(doc, options.maskAll, options.shadowRootOf)) {
    if (inspected && (allowed(element) || hidden(element))) continue;
    // A host that could not be looked into may have no box of its own (display: contents).
    const box = inspected ? boxOf(element, view) : boxWithArea(element, view);
    if (box.width === 0 || box.height === 0) continue;
    const outOfView = box.bottom < 0 || box.right < 0 || box.top > view.innerHeight || box.left > view.innerWidth;
    if (outOfView && !options.wholePage) continue;
    boxes.push(box);
  }
  const overlay = createOverlay(doc);
  for (const box of boxes) overlay.place(overlay.add('mask', `background:${MASK_COLOUR};`), box);
  if (options.highlight) {
    const { x, y, width, height } = options.highlight;
    overlay.place(overlay.add('highlight'), { x: x - 4, y: y - 4, width: width + 8, height: height + 8 });
  }
  return { count: boxes.length, intact: () => overlay.intact(), remove: () => overlay.remove() };
}

interface ToMask {
  element: Element;
  /** False when the element could not be looked into: it is covered whatever the settings say. */
  inspected: boolean;
}

function* elementsToMask(doc: Document, maskAll: boolean, shadowRootOf: ShadowRootOf): Generator<ToMask> {
  const uninspectable: Element[] = [];
  for (const root of documentAndShadowRoots(doc, shadowRootOf, uninspectable)) {
    for (const field of root.querySelectorAll(FIELD_SELECTOR)) {
      const verdict = attempt(() => shouldMask(field, maskAll));
      if (verdict !== false) yield { element: field, inspected: verdict === true };
    }
    if (maskAll)
      for (const frame of root.querySelectorAll('iframe, frame, embed, object'))
        yield { element: frame, inspected: true };
  }
  for (const element of uninspectable) yield { element, inspected: false };
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

/** Resolves once what was changed in the page has been painted, so the capture shows it. */
export function afterNextPaint(view: Window, timeoutMs = 250): Promise<void> {
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
