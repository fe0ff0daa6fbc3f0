// Runs in the web page: finds where an app-shell page scrolls when its window does not.

/** The document scrolls "barely" when it has less than this share of a viewport to scroll. */
const DOCUMENT_SCROLL_SHARE = 0.1;
/** A scrolling area holds the page's content when it shows at least this share of the viewport. */
const MAIN_AREA_SHARE = 0.4;
/** Another scrolling area this big (share of the viewport) beside or inside it makes the page too complex. */
const OTHER_AREA_SHARE = 0.25;

export type ScrollerProblem = 'nested' | 'several';

export interface FoundScroller {
  element: HTMLElement;
  problem?: ScrollerProblem;
}

/**
 * The element the page's content scrolls in, when the document itself (barely) does not
 * scroll: the overflowing element with overflow-y auto or scroll that shows the most of the
 * viewport, if that is a good part of it. Another big scrolling area inside it, around it or
 * beside it is a problem the caller reports, since stitching one would hide the other's content.
 */
export function findScrollContainer(doc: Document = document): FoundScroller | undefined {
  const view = doc.defaultView ?? window;
  const root = doc.scrollingElement ?? doc.documentElement;
  if (root.scrollHeight - view.innerHeight > view.innerHeight * DOCUMENT_SCROLL_SHARE) return undefined;
  const viewportArea = view.innerWidth * view.innerHeight;
  const scrollers: { element: HTMLElement; visible: number; area: number }[] = [];
  const elements = doc.body ? [doc.body, ...doc.body.querySelectorAll('*')] : [];
  for (const element of elements) {
    if (!(element instanceof HTMLElement) || element.scrollHeight <= element.clientHeight + 1) continue;
    const overflow = view.getComputedStyle(element).overflowY;
    if (overflow !== 'auto' && overflow !== 'scroll' && overflow !== 'overlay') continue;
    const box = element.getBoundingClientRect();
    const visibleWidth = Math.min(box.right, view.innerWidth) - Math.max(box.left, 0);
    const visibleHeight = Math.min(box.bottom, view.innerHeight) - Math.max(box.top, 0);
    const visible = visibleWidth > 0 && visibleHeight > 0 ? visibleWidth * visibleHeight : 0;
    scrollers.push({ element, visible, area: element.clientWidth * element.clientHeight });
  }
  const main = scrollers.reduce<(typeof scrollers)[number] | undefined>(
    (best, candidate) => (candidate.visible > (best?.visible ?? 0) ? candidate : best),
    undefined,
  );
  if (!main || main.visible < viewportArea * MAIN_AREA_SHARE) return undefined;
  const others = scrollers.filter((other) => other !== main && other.area >= viewportArea * OTHER_AREA_SHARE);
  const related = (other: HTMLElement) => main.element.contains(other) || other.contains(main.element);
  if (others.some((other) => related(other.element))) return { element: main.element, problem: 'nested' };
  if (others.some((other) => other.visible >= viewportArea * OTHER_AREA_SHARE))
    return { element: main.element, problem: 'several' };
  return { element: main.element };
}

/** The scroller's visible content box in the document's coordinates (the window scrolled to the top). */
export function scrollerBox(element: HTMLElement) {
  const box = element.getBoundingClientRect();
  return {
    x: box.left + window.scrollX + element.clientLeft,
    y: box.top + window.scrollY + element.clientTop,
    width: element.clientWidth,
    height: element.clientHeight,
  };
}
