// The arithmetic of a full-page stitch, kept pure: where each frame goes on the tall image.
// Every size here is decided by the frames themselves, not by the page's devicePixelRatio:
// Chromium's emulated ratios and browser zoom both make the two disagree.

export interface Size {
  width: number;
  height: number;
}

export interface Box extends Size {
  x: number;
  y: number;
}

/** What is stitched (CSS pixels): the viewport, and the part of it that scrolls. */
export interface StitchLayout {
  viewport: Size;
  /** The scrolling area, in viewport coordinates: the whole viewport when the window scrolls. */
  scroller: Box;
  /** The height of everything the scroller scrolls through. */
  contentHeight: number;
}

export interface StitchPlan {
  /** Image pixels per CSS pixel, measured on the first frame. */
  scale: number;
  /** The first frame's size: every later frame must have it too. */
  frame: Size;
  /** The stitched image, in image pixels. */
  width: number;
  height: number;
  /** How much of the scroller's content is stitched (CSS pixels; less than all when cut). */
  contentShown: number;
  /** Where the scroller is asked to scroll, frame by frame (CSS pixels). */
  offsets: number[];
  /** Set when the image was cut at this height (CSS pixels). */
  cutAtCssPx?: number;
}

/** One drawImage: a box of a frame to a box of the stitched image (image pixels). */
export interface Draw {
  from: Box;
  to: Box;
}

export class StitchError extends Error {}

/** A frame is refused when its height disagrees with its width by more than this (image pixels). */
const SIZE_TOLERANCE_PX = 2;

/**
 * The scale of a frame is its width over the viewport's CSS width; its height must agree, or
 * the frame is not a picture of this viewport (the window was resized, say) and is refused.
 */
export function frameScale(frame: Size, viewport: Size): number {
  const scale = frame.width / viewport.width;
  const expectedHeight = viewport.height * scale;
  if (!(scale > 0) || Math.abs(frame.height - expectedHeight) > SIZE_TOLERANCE_PX + scale) {
    throw new StitchError(
      `A frame of the page came back ${frame.width}×${frame.height} px, which is not the shape of its ` +
        `${viewport.width}×${viewport.height} viewport.`,
    );
  }
  return scale;
}

/** Plans the stitch from the first frame: its scale sizes the image, and the caps cut it. */
export function planStitch(
  layout: StitchLayout,
  firstFrame: Size,
  limits: { maxCssPx: number; maxImagePx: number },
): StitchPlan {
  const scale = frameScale(firstFrame, layout.viewport);
  const chrome = layout.viewport.height - layout.scroller.height;
  const cap = Math.min(limits.maxCssPx, Math.floor(limits.maxImagePx / scale));
  const fullHeight = chrome + layout.contentHeight;
  const cssHeight = Math.min(fullHeight, cap);
  const contentShown = Math.max(layout.scroller.height, cssHeight - chrome);
  const step = layout.scroller.height;
  const count = Math.max(1, Math.ceil(contentShown / step));
  const offsets = Array.from({ length: count }, (_, i) => Math.min(i * step, Math.max(0, contentShown - step)));
  return {
    scale,
    frame: { width: firstFrame.width, height: firstFrame.height },
    width: firstFrame.width,
    // Down, not to the nearest: a zoomed page scrolls in whole device pixels, and its last
    // fraction of a pixel is in no frame (a row left transparent).
    height: Math.floor((chrome + contentShown) * scale),
    contentShown,
    offsets,
    cutAtCssPx: fullHeight > cap ? cap : undefined,
  };
}

/**
 * Where a frame goes. Every frame gives its scroller's box, placed at the scroll position the
 * page really reached; the first frame also gives what lies around the scroller (a top bar, a
 * side bar, a footer), shown once. A frame of another size than the first is refused.
 */
export function placeFrame(plan: StitchPlan, layout: StitchLayout, frame: Size, index: number, scrolledTo: number) {
  if (frame.width !== plan.frame.width || Math.abs(frame.height - plan.frame.height) > SIZE_TOLERANCE_PX) {
    throw new StitchError(
      `Frame ${index + 1} of the page came back ${frame.width}×${frame.height} px, where the first was ` +
        `${plan.frame.width}×${plan.frame.height}: the window changed size during the capture.`,
    );
  }
  const { scroller, viewport } = layout;
  const s = plan.scale;
  const px = (css: number) => Math.round(css * s);
  const contentEnd = scroller.y + plan.contentShown;
  const draws: Draw[] = [];
  const copy = (x: number, y: number, width: number, height: number, toY: number, maxY = Infinity) => {
    const clipped = Math.min(height, maxY - toY);
    if (width <= 0 || clipped <= 0) return;
    const from = { x: px(x), y: px(y), width: px(x + width) - px(x), height: px(y + clipped) - px(y) };
    draws.push({ from, to: { ...from, y: px(toY) } });
  };
  copy(scroller.x, scroller.y, scroller.width, scroller.height, scroller.y + scrolledTo, contentEnd);
  if (index === 0) {
    const below = scroller.y + scroller.height;
    copy(0, 0, viewport.width, scroller.y, 0);
    copy(0, scroller.y, scroller.x, scroller.height, scroller.y);
    copy(
      scroller.x + scroller.width,
      scroller.y,
      viewport.width - scroller.x - scroller.width,
      scroller.height,
      scroller.y,
    );
    copy(0, below, viewport.width, viewport.height - below, contentEnd);
  }
  return draws;
}

/** Scroll positions are fractions of a pixel at some zooms: this much short still counts as there (CSS px). */
const REACH_TOLERANCE_PX = 2;

/** Whether frames scrolled to these positions, each showing `step` of content, cover all `shown` of it. */
export function coversContent(scrolledTo: number[], step: number, shown: number): boolean {
  let covered = 0;
  for (const top of [...scrolledTo].sort((a, b) => a - b)) {
    if (top > covered + REACH_TOLERANCE_PX) return false;
    covered = Math.max(covered, top + step);
  }
  return covered >= shown - REACH_TOLERANCE_PX;
}
