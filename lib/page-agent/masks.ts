// Runs in the web page (as part of the content script): no database, no React.

const FIELD_SELECTOR = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** Input types whose "value" is a label, not something the persona typed. */
const UNMASKED_INPUT_TYPES = new Set(['hidden', 'button', 'submit', 'reset', 'image']);
export const MASK_COLOUR = 'rgb(200, 204, 210)';
const HOST_TAG = 'touchtrail-capture-masks';

export interface MaskLayer {
  count: number;
  remove(): void;
}

/**
 * Covers form fields with solid boxes for a screenshot. The boxes live in a closed shadow root
 * attached to an element of our own, so page CSS cannot restyle them and page scripts cannot
 * read them; the fields themselves are never touched. With masking off, password fields are
 * still covered.
 */
export function coverFields(doc: Document, maskAll: boolean): MaskLayer {
  const view = doc.defaultView ?? window;
  const host = doc.createElement(HOST_TAG);
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  let count = 0;
  for (const field of doc.querySelectorAll<HTMLElement>(FIELD_SELECTOR)) {
    if (!shouldMask(field, maskAll)) continue;
    const box = field.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.bottom < 0 || box.right < 0 || box.top > view.innerHeight || box.left > view.innerWidth) continue;
    const mask = doc.createElement('div');
    mask.style.cssText = `position:fixed;left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px;background:${MASK_COLOUR};border-radius:2px;`;
    root.append(mask);
    count++;
  }
  doc.documentElement.append(host);
  return {
    count,
    remove: () => host.remove(),
  };
}

function shouldMask(field: HTMLElement, maskAll: boolean): boolean {
  if (field instanceof HTMLInputElement) {
    if (UNMASKED_INPUT_TYPES.has(field.type)) return false;
    return maskAll || field.type === 'password';
  }
  return maskAll;
}

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  inset: '0',
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
