// Runs in the web page: Touchtrail's own layer over the page. It lives in a closed shadow root
// on an element of ours, shown in the top layer, so page CSS cannot restyle it, page scripts
// cannot read it, and page dialogs cannot sit above it.

const HOST_TAG = 'touchtrail-layer';

/** Touchtrail's own layers in this page, so the page observer never takes them for the page's doing. */
const ownLayers = new WeakSet<Node>();

/** True for a layer of ours (by identity: a page cannot pass its own element off as one). */
export function isOwnLayer(node: Node): boolean {
  return ownLayers.has(node);
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
  // Windows' high-contrast mode would repaint the masks in its own colours (and the screenshot check would refuse them).
  'forced-color-adjust': 'none',
  visibility: 'visible',
  opacity: '1',
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Overlay {
  /** A part of the layer, styled by its caller (each part's style lives with the code that draws it). */
  add(style: string): HTMLElement;
  place(element: HTMLElement, box: Box): void;
  /** False when the page removed or hid the layer since it was shown. */
  intact(): boolean;
  remove(): void;
}

export function createOverlay(doc: Document): Overlay {
  const view = doc.defaultView ?? window;
  const host = doc.createElement(HOST_TAG);
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
  ownLayers.add(host);
  const root = host.attachShadow({ mode: 'closed' });
  doc.documentElement.append(host);
  const inTopLayer = showInTopLayer(host);
  return {
    add(style) {
      const element = doc.createElement('div');
      element.style.cssText = style;
      root.append(element);
      return element;
    },
    place(element, box) {
      element.style.left = `${box.x}px`;
      element.style.top = `${box.y}px`;
      if (box.width) element.style.width = `${box.width}px`;
      if (box.height) element.style.height = `${box.height}px`;
    },
    intact: () =>
      host.isConnected &&
      (!inTopLayer || host.matches(':popover-open')) &&
      view.getComputedStyle(host).display !== 'none' &&
      view.getComputedStyle(host).visibility === 'visible',
    remove: () => host.remove(),
  };
}

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
