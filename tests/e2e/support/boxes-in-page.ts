// Where something lies on the page, in the top window's viewport (CSS pixels): an element, or the
// text of it that a mask must cover (a Range over the text, one box per line), also inside a same-
// origin frame or a closed shadow root. Shared by the Chromium specs (Playwright) and the Firefox
// ones (puppeteer): both send the function's source text, so it is kept self-contained.

export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Target {
  /** A CSS selector, in the document (or the frame's, or the closed root's). */
  selector: string;
  /** The text inside that element to find: its boxes instead of the element's. */
  text?: string;
  /** A same-origin frame (selector in the top document) that holds the element. */
  frame?: string;
  /**
   * A custom element (selector) whose closed shadow root holds the element; its class gives the
   * page's own way in, a static `rootOf(host)`.
   */
  closedHost?: string;
}

/** Runs in the page: the target's boxes (several for text that wraps); throws when it is not there. */
export function boxesInPage(target: Target): PageBox[] {
  let doc: Document = document;
  let dx = 0;
  let dy = 0;
  if (target.frame) {
    const frame = document.querySelector<HTMLIFrameElement>(target.frame);
    if (!frame?.contentDocument) throw new Error(`No same-origin frame ${target.frame}`);
    const box = frame.getBoundingClientRect();
    dx = box.x + frame.clientLeft;
    dy = box.y + frame.clientTop;
    doc = frame.contentDocument;
  }
  let scope: Document | ShadowRoot = doc;
  if (target.closedHost) {
    const host = doc.querySelector(target.closedHost);
    const type = host && (customElements.get(host.localName) as { rootOf?(h: Element): ShadowRoot } | undefined);
    const root = host && type?.rootOf?.(host);
    if (!root) throw new Error(`No closed root reachable in ${target.closedHost}`);
    scope = root;
  }
  const element = scope.querySelector(target.selector);
  if (!element) throw new Error(`No element ${target.selector}`);
  let rects: DOMRect[] = [element.getBoundingClientRect()];
  if (target.text !== undefined) {
    const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let found: Range | undefined;
    for (let node = walker.nextNode(); node && !found; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(target.text);
      if (at < 0) continue;
      found = doc.createRange();
      found.setStart(node, at);
      found.setEnd(node, at + target.text.length);
    }
    if (!found) throw new Error(`No text "${target.text}" in ${target.selector}`);
    rects = [...found.getClientRects()];
  }
  return rects
    .filter((rect) => rect.width > 0 && rect.height > 0)
    .map((rect) => ({ x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height }));
}
