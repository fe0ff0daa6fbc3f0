// Runs in the web page (as part of the content script): no database, no React.
import { createOverlay, type Box } from './overlay';

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

/** Finds a shadow root, open or closed (closed ones through the extension-only dom API). */
export type ShadowRootOf = (element: Element) => ShadowRoot | null;

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
 */
export function coverFields(doc: Document, options: CoverOptions): MaskLayer {
  const view = doc.defaultView ?? window;
  const boxes: Box[] = [];
  const allowed = allowListMatcher(options.allowList ?? []);
  for (const element of elementsToMask(doc, options.maskAll, options.shadowRootOf)) {
    if (allowed(element)) continue;
    const box = element.getBoundingClientRect();
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

function* elementsToMask(doc: Document, maskAll: boolean, shadowRootOf: ShadowRootOf): Generator<Element> {
  for (const root of documentAndShadowRoots(doc, shadowRootOf)) {
    for (const field of root.querySelectorAll(FIELD_SELECTOR)) if (shouldMask(field, maskAll)) yield field;
    if (maskAll) yield* root.querySelectorAll('iframe, frame, embed, object');
  }
}

/** The document and every shadow root inside it, at any depth. */
function* documentAndShadowRoots(doc: Document, shadowRootOf: ShadowRootOf): Generator<Document | ShadowRoot> {
  const pending: (Document | ShadowRoot)[] = [doc];
  for (let root = pending.pop(); root; root = pending.pop()) {
    yield root;
    for (const element of root.querySelectorAll('*')) {
      const shadow = shadowRootOf(element);
      if (shadow) pending.push(shadow);
    }
  }
}

function allowListMatcher(selectors: string[]): (element: Element) => boolean {
  return (element) => {
    if (element instanceof HTMLInputElement && element.type === 'password') return false;
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
  if (field instanceof HTMLInputElement) {
    if (UNMASKED_INPUT_TYPES.has(field.type)) return false;
    return maskAll || field.type === 'password';
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
