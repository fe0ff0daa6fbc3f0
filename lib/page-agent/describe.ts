// Runs in the web page. Names and roles of elements, as the persona and a screen reader see them.
import { orElse } from './attempt';

const INTERACTIVE =
  'a[href], button, [role="button"], [role="link"], [role="menuitem"], [role="tab"], input[type="submit"], input[type="button"], input[type="reset"], summary, select, label';

export function looksInteractive(element: Element): boolean {
  if (element.closest(INTERACTIVE)) return true;
  const view = element.ownerDocument.defaultView;
  // Some engines refuse the computed style of elements outside HTML and SVG.
  return view ? orElse(() => view.getComputedStyle(element).cursor === 'pointer', false) : false;
}

/** The closest element the persona meant to click: the link or button around the clicked text. */
export function clickTarget(element: Element): Element {
  return element.closest(INTERACTIVE) ?? element;
}

/** A short accessible-ish name: aria-label, the label of a field, the visible text, or a title. */
export function labelOf(element: Element): string {
  const aria = element.getAttribute('aria-label');
  if (aria?.trim()) return clean(aria);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (text.trim()) return clean(text);
  }
  if ('labels' in element) {
    const labels = (element as HTMLInputElement).labels;
    const text = labels ? [...labels].map((l) => l.textContent ?? '').join(' ') : '';
    if (text.trim()) return clean(text);
  }
  // What is written in a field or an editable area is the persona's, not the element's name.
  const text = isEditable(element) ? '' : visibleText(element);
  if (text.trim()) return clean(text);
  return clean(element.getAttribute('title') ?? element.getAttribute('alt') ?? '');
}

const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/** A form field or an editable area, or inside one (fail closed: an element that cannot be asked is). */
export function isEditable(element: Element): boolean {
  return orElse(() => element.closest(EDITABLE) !== null || (element as HTMLElement).isContentEditable === true, true);
}

/** Rendered text for HTML elements (innerText), the text content for SVG, MathML and the rest. */
export function visibleText(element: Element): string {
  const rendered = (element as Partial<HTMLElement>).innerText;
  return typeof rendered === 'string' ? rendered : (element.textContent ?? '');
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 120);
}
