// Runs in the web page (as part of the content script): no database, no React.

const FIELD_SELECTOR = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** Input types whose "value" is a label, not something the persona typed. */
const UNMASKED_INPUT_TYPES = new Set(['hidden', 'button', 'submit', 'reset', 'image']);
export const MASK_COLOUR = 'rgb(200, 204, 210)';
const HOST_TAG = 'touchtrail-capture-masks';

export interface MaskLayer {
  count: number;
  /** False when the page removed or hid the masks since they were drawn. */
  intact(): boolean;
  remove(): void;
}

/** Finds a shadow root, open or closed (closed ones through the extension-only dom API). */
export type ShadowRootOf = (element: Element) => ShadowRoot | null;

/**
 * Covers form fields with solid boxes for a screenshot. With masking on, embedded frames are
 * covered too (payment fields usually live in one). The boxes live in a closed shadow root on an
 * element of our own, shown in the top layer, so page CSS cannot restyle them, page scripts
 * cannot read them, and page dialogs cannot sit above them; the fields themselves are never
 * touched. With masking off, password fields are still covered.
 */
export function coverFields(doc: Document, maskAll: boolean, shadowRootOf: ShadowRootOf): MaskLayer {
  const view = doc.defaultView ?? window;
  const host = doc.createElement(HOST_TAG);
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  let count = 0;
  for (const element of elementsToMask(doc, maskAll, shadowRootOf)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.bottom < 0 || box.right < 0 || box.top > view.innerHeight || box.left > view.innerWidth) continue;
    const mask = doc.createElement('div');
    mask.style.cssText = `position:fixed;left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px;background:${MASK_COLOUR};border-radius:2px;`;
    root.append(mask);
    count++;
  }
  doc.documentElement.append(host);
  const inTopLayer = showInTopLayer(host);
  return {
    count,
    intact: () =>
      host.isConnected &&
      (!inTopLayer || host.matches(':popover-open')) &&
      view.getComputedStyle(host).display !== 'none' &&
      view.getComputedStyle(host).visibility === 'visible',
    remove: () => host.remove(),
  };
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

function shouldMask(field: Element, maskAll: boolean): boolean {
  if (field instanceof HTMLInputElement) {
    if (UNMASKED_INPUT_TYPES.has(field.type)) return false;
    return maskAll || field.type === 'password';
  }
  return maskAll;
}

/** Puts the masks in the top layer, above the page's own dialogs and popovers, where supported. */
function showInTopLayer(host: HTMLElement): boolean {
  if (typeof host.showPopover !== 'function') return false;
  try {
    host.popover = 'manual';
    host.showPopover();
    return true;
  } catch {
    return false;
  }
}

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  inset: '0',
  width: '100vw',
  height: '100vh',
  margin: '0',
  padding: '0',
  border: 'none',
  background: 'transparent',
  overflow: 'visible',
  'z-index': '2147483647',
  'pointer-events': 'none',
  visibility: 'visible',
  opacity: '1',
};

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
