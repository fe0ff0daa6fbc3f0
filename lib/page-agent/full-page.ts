// Runs in the web page: scrolls it frame by frame for a full-page capture, and puts it back.
import type { BackgroundToAgent, MasksRemoved } from '../messaging/protocol';
import type { afterNextPaint, coverPage, createTally, MaskCounts, MaskLayer, ShadowRootOf } from './masks';
import { orElse } from './attempt';
import type { beginOwnChanges, markOwnRestyle } from './own-changes';
import { findScrollContainer, scrollerBox } from './scroll-container';

type FrameRequest = Extract<BackgroundToAgent, { type: 'full-page-frame' }>;
export type FullPageRequest = Extract<
  BackgroundToAgent,
  { type: 'full-page-begin' | 'full-page-frame' | 'full-page-check' | 'full-page-end' }
>;

/** A full-page capture left without a frame this long is over: the page is put back. */
const FULL_PAGE_IDLE_MS = 15_000;

/**
 * Answers the background's full-page messages, one capture at a time. A capture whose background
 * stopped mid-way puts the page back by itself.
 */
export function answerFullPage(shadowRootOf: ShadowRootOf, kit: FullPageKit) {
  let session: FullPageSession | undefined;
  let idle: number | undefined;
  const end = () => {
    window.clearTimeout(idle);
    session?.end();
    session = undefined;
  };
  const keep = () => {
    window.clearTimeout(idle);
    idle = window.setTimeout(end, FULL_PAGE_IDLE_MS);
  };
  const answer = (request: FullPageRequest) => {
    switch (request.type) {
      case 'full-page-begin':
        end();
        session = beginFullPage(shadowRootOf, kit);
        keep();
        return measurePage();
      case 'full-page-frame':
        keep();
        return session ? session.frame(request) : { ok: false, reason: 'No full-page capture is under way.' };
      case 'full-page-check':
        return { ok: true, stillMasked: session?.stillMasked() ?? false };
      case 'full-page-end':
        end();
        return { ok: true };
    }
  };
  return { answer, end };
}

interface FullPageSession {
  frame(
    request: FrameRequest,
  ): Promise<
    | { ok: true; scrollY: number; masked: MaskCounts; maskPoints: { x: number; y: number }[] }
    | { ok: false; reason: string }
  >;
  /** Whether the current frame's masks are still in place (so over the screenshot just taken). */
  stillMasked(): boolean;
  end(): void;
}

/** What the full-page capture uses of the agent's own: its masks, and its record of its own changes. */
export interface FullPageKit {
  afterNextPaint: typeof afterNextPaint;
  coverPage: typeof coverPage;
  createTally: typeof createTally;
  beginOwnChanges: typeof beginOwnChanges;
  markOwnRestyle: typeof markOwnRestyle;
}

function beginFullPage(shadowRootOf: ShadowRootOf, kit: FullPageKit): FullPageSession {
  const { afterNextPaint, coverPage, createTally, beginOwnChanges, markOwnRestyle } = kit;
  const startX = window.scrollX;
  const startY = window.scrollY;
  // measurePage, called right after, finds the same element: the DOM has not changed between.
  const scroller = findScrollContainer()?.element;
  const scrollerStart = scroller && { left: scroller.scrollLeft, top: scroller.scrollTop };
  const hidden: { element: HTMLElement; value: string; priority: string }[] = [];
  let masks: MaskLayer | undefined;
  const tally = createTally();
  const endOwnChanges = beginOwnChanges();

  // Headers and cookie bars would repeat in every frame: after the first one, they are hidden.
  const hideFixedAndSticky = () => {
    if (hidden.length) return;
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      // An element without inline style (some non-HTML kinds) or whose style throws stays as it is.
      const position = orElse(() => (element.style ? getComputedStyle(element).position : 'static'), 'static');
      if (position !== 'fixed' && position !== 'sticky') continue;
      // An app shell's scrolling area is often fixed itself: it, and what holds it, stay.
      if (scroller && element.contains(scroller)) continue;
      hidden.push({
        element,
        value: element.style.getPropertyValue('visibility'),
        priority: element.style.getPropertyPriority('visibility'),
      });
      markOwnRestyle(element);
      element.style.setProperty('visibility', 'hidden', 'important');
    }
  };

  return {
    async frame(request) {
      masks?.remove();
      if (request.hideFixed) hideFixedAndSticky();
      // At the top, the page's own coordinates are the viewport's: masks drawn for the viewport
      // then sit over fields anywhere on the page (wholePage).
      const inScroller = request.inScroller ? scroller : undefined;
      window.scrollTo({ left: 0, top: request.wholePage || inScroller ? 0 : request.y, behavior: 'instant' });
      inScroller?.scrollTo({ left: 0, top: request.y, behavior: 'instant' });
      // What the page draws on scrolling (a virtualised list's rows, lazy content) comes first,
      // so that the masks are computed over it.
      await afterNextPaint(window);
      masks = coverPage(document, {
        maskAll: request.masking,
        study: request.study,
        tally,
        shadowRootOf,
        allowList: request.allowList,
        wholePage: request.wholePage,
      });
      await afterNextPaint(window);
      if (!masks.intact()) return { ok: false, reason: 'masks-removed' } satisfies MasksRemoved;
      const scrollY = inScroller ? inScroller.scrollTop : window.scrollY;
      return { ok: true, scrollY, masked: masks.counts, maskPoints: masks.samplePoints };
    },
    stillMasked: () => masks?.intact() ?? false,
    end() {
      masks?.remove();
      for (const { element, value, priority } of hidden) element.style.setProperty('visibility', value, priority);
      if (scroller && scrollerStart) scroller.scrollTo({ ...scrollerStart, behavior: 'instant' });
      window.scrollTo({ left: startX, top: startY, behavior: 'instant' });
      endOwnChanges();
    },
  };
}

function measurePage() {
  return {
    ok: true as const,
    scrollHeight: Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0),
    scroller: measureScroller(),
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    devicePixelRatio: window.devicePixelRatio,
    url: location.href.slice(0, 8_000),
    title: document.title.slice(0, 2_000),
  };
}

/** The page's scrolling area, if its content scrolls in one; only what shows in the viewport is stitched. */
function measureScroller() {
  const found = findScrollContainer();
  if (!found) return undefined;
  const { element, problem } = found;
  const box = scrollerBox(element);
  const top = Math.max(0, box.y);
  const height = Math.min(box.y + box.height, window.innerHeight) - top;
  const left = Math.max(0, box.x);
  const width = Math.min(box.x + box.width, window.innerWidth) - left;
  if (height <= 0 || width <= 0) return undefined;
  // Content hidden under the viewport's edges at every scroll position is not part of the stitch.
  const contentHeight = element.scrollHeight - (box.height - height);
  return { box: { x: left, y: top, width, height }, contentHeight, problem };
}
