// Runs in the web page: reaching shadow roots, open and closed, without letting one element fail a walk.

export const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Finds a shadow root, open or closed; null when the element has none. May throw. */
export type ShadowRootOf = (element: Element) => ShadowRoot | null;

/**
 * Only HTML elements can host a shadow root; SVG and MathML elements cannot, and Chrome's
 * `dom.openOrClosedShadowRoot` throws on them. The namespace is checked rather than
 * `instanceof HTMLElement`, which is false for elements made in another frame's realm.
 */
export function canHostShadowRoot(element: Element): boolean {
  return element.namespaceURI === HTML_NAMESPACE;
}

/**
 * The extension's view of an element's shadow root: Chrome reaches closed roots through
 * `chrome.dom.openOrClosedShadowRoot`, Firefox through the element's own
 * `openOrClosedShadowRoot` property (content scripts only); elsewhere only open roots are seen.
 */
export const extensionShadowRootOf: ShadowRootOf = (element) => {
  if (!canHostShadowRoot(element)) return null;
  const firefox = (element as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: ShadowRootOf } } }).chrome?.dom;
  return dom?.openOrClosedShadowRoot?.(element) ?? element.shadowRoot;
};
