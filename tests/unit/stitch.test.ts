import { describe, expect, it } from 'vitest';
import { coversContent, placeFrame, planStitch, StitchError, type StitchLayout } from '../../lib/capture/stitch';

const LIMITS = { maxCssPx: 20_000, maxImagePx: 32_000 };

/** A window that scrolls through a 2,000-px page in a viewport of `width`×`height` CSS px. */
const windowOf = (width: number, height: number, contentHeight = 2_000): StitchLayout => ({
  viewport: { width, height },
  scroller: { x: 0, y: 0, width, height },
  contentHeight,
});

/** Where every frame of a plan lands, each scrolled exactly where it was asked to. */
const destinations = (layout: StitchLayout, frame: { width: number; height: number }) => {
  const plan = planStitch(layout, frame, LIMITS);
  return plan.offsets.flatMap((offset, i) => placeFrame(plan, layout, frame, i, offset).map(({ to }) => to));
};

describe('stitching a full page from its frames', () => {
  it('at ratio 1 puts each 1280×800 frame at its scroll offset on a 1280×2000 image', () => {
    const layout = windowOf(1280, 800);
    const plan = planStitch(layout, { width: 1280, height: 800 }, LIMITS);
    expect(plan).toMatchObject({ scale: 1, width: 1280, height: 2_000, offsets: [0, 800, 1_200] });
    expect(destinations(layout, { width: 1280, height: 800 }).map((to) => to.y)).toEqual([0, 800, 1_200]);
  });

  it('at 125 % zoom (1024×640 CSS px in 1280×800 frames) scales image and offsets by 1.25', () => {
    const layout = windowOf(1024, 640);
    const plan = planStitch(layout, { width: 1280, height: 800 }, LIMITS);
    expect(plan).toMatchObject({ scale: 1.25, width: 1280, height: 2_500, offsets: [0, 640, 1_280, 1_360] });
    const placed = destinations(layout, { width: 1280, height: 800 });
    expect(placed.map((to) => to.y)).toEqual([0, 800, 1_600, 1_700]);
    expect(placed.every((to) => to.width === 1280 && to.height === 800)).toBe(true);
  });

  it('at 125 % zoom leaves no row uncovered when the page ends on half a device pixel (it scrolls in whole ones)', () => {
    const layout = windowOf(1024, 640, 2_898); // 2,898 × 1.25 = 3,622.5 pixels
    const frame = { width: 1280, height: 800 };
    const plan = planStitch(layout, frame, LIMITS);
    // The browser stops at 2,257.6 (2,822 device pixels), not at the 2,258 asked for.
    const reached = plan.offsets.map((offset, i) => (i === plan.offsets.length - 1 ? 2_257.6 : offset));
    const bottoms = reached.flatMap((y, i) => placeFrame(plan, layout, frame, i, y).map(({ to }) => to.y + to.height));
    expect(Math.max(...bottoms)).toBeGreaterThanOrEqual(plan.height);
  });

  it('at ratio 2 (2560×1600 frames of a 1280×800 viewport) makes an image twice the CSS size', () => {
    const layout = windowOf(1280, 800);
    const plan = planStitch(layout, { width: 2560, height: 1600 }, LIMITS);
    expect(plan).toMatchObject({ scale: 2, width: 2560, height: 4_000 });
    expect(destinations(layout, { width: 2560, height: 1600 }).map((to) => to.y)).toEqual([0, 1_600, 2_400]);
  });

  it('believes the frames, not devicePixelRatio: 1280-px frames of an emulated ratio 2 stitch at scale 1, without gaps', () => {
    const layout = windowOf(1280, 800);
    const plan = planStitch(layout, { width: 1280, height: 800 }, LIMITS);
    expect(plan).toMatchObject({ scale: 1, width: 1280, height: 2_000 });
    const placed = destinations(layout, { width: 1280, height: 800 });
    expect(placed.map((to) => [to.y, to.y + to.height])).toEqual([
      [0, 800],
      [800, 1_600],
      [1_200, 2_000],
    ]);
  });

  it('refuses a first frame whose shape is not the viewport’s', () => {
    expect(() => planStitch(windowOf(1280, 800), { width: 1280, height: 1_000 }, LIMITS)).toThrow(StitchError);
  });

  it('refuses a later frame of another size than the first (the window was resized)', () => {
    const layout = windowOf(1280, 800);
    const plan = planStitch(layout, { width: 2560, height: 1600 }, LIMITS);
    expect(() => placeFrame(plan, layout, { width: 1280, height: 800 }, 1, 800)).toThrow(/Frame 2 .*1280×800/);
  });

  it('cuts a page taller than the cap, and a ratio-2 page where the image would pass the canvas limit', () => {
    expect(planStitch(windowOf(1280, 800, 50_000), { width: 1280, height: 800 }, LIMITS)).toMatchObject({
      height: 20_000,
      cutAtCssPx: 20_000,
    });
    expect(planStitch(windowOf(1280, 800, 50_000), { width: 2560, height: 1600 }, LIMITS)).toMatchObject({
      height: 32_000,
      cutAtCssPx: 16_000,
    });
    expect(planStitch(windowOf(1280, 800), { width: 1280, height: 800 }, LIMITS).cutAtCssPx).toBeUndefined();
  });
});

describe('stitching a scrolling area of an app shell', () => {
  // A 64-px top bar, a 240-px side bar, and a main area of 1040×736 scrolling through 3,000 px.
  const shell: StitchLayout = {
    viewport: { width: 1280, height: 800 },
    scroller: { x: 240, y: 64, width: 1040, height: 736 },
    contentHeight: 3_000,
  };

  it('makes the image as tall as the top bar and the whole content, the bar shown once', () => {
    const frame = { width: 2560, height: 1600 };
    const plan = planStitch(shell, frame, LIMITS);
    expect(plan).toMatchObject({ scale: 2, width: 2560, height: (64 + 3_000) * 2 });
    expect(plan.offsets).toEqual([0, 736, 1_472, 2_208, 2_264]);
    const first = placeFrame(plan, shell, frame, 0, 0);
    // The scrolling area, the bar above it, and the side bar beside it, each where they are.
    expect(first.map(({ from, to }) => [from, to.y])).toEqual([
      [{ x: 480, y: 128, width: 2080, height: 1472 }, 128],
      [{ x: 0, y: 0, width: 2560, height: 128 }, 0],
      [{ x: 0, y: 128, width: 480, height: 1472 }, 128],
    ]);
    // Later frames give their scrolling area only, below the bar at their scroll position.
    expect(placeFrame(plan, shell, frame, 4, 2_264)).toEqual([
      {
        from: { x: 480, y: 128, width: 2080, height: 1472 },
        to: { x: 480, y: (64 + 2_264) * 2, width: 2080, height: 1472 },
      },
    ]);
  });

  it('puts what lies below the scrolling area (a footer) once, under the whole content', () => {
    const withFooter: StitchLayout = { ...shell, scroller: { x: 0, y: 64, width: 1280, height: 636 } };
    const plan = planStitch(withFooter, { width: 1280, height: 800 }, LIMITS);
    expect(plan.height).toBe(64 + 3_000 + 100);
    const footer = placeFrame(plan, withFooter, { width: 1280, height: 800 }, 0, 0).at(-1)!;
    expect(footer).toEqual({
      from: { x: 0, y: 700, width: 1280, height: 100 },
      to: { x: 0, y: 3_064, width: 1280, height: 100 },
    });
  });

  it('cuts the content so that the bar and the content stay under the cap', () => {
    const plan = planStitch({ ...shell, contentHeight: 40_000 }, { width: 1280, height: 800 }, LIMITS);
    expect(plan).toMatchObject({ height: 20_000, contentShown: 20_000 - 64, cutAtCssPx: 20_000 });
    expect(plan.offsets.at(-1)).toBe(20_000 - 64 - 736);
  });
});

describe('whether the frames cover the content', () => {
  it('is true when each frame starts where an earlier one ends, or before', () => {
    expect(coversContent([0, 800, 1_200], 800, 2_000)).toBe(true);
  });
  it('forgives the fraction of a pixel a zoomed page stops short by, not more', () => {
    expect(coversContent([0, 640, 1_280, 1_359.2], 640, 2_000)).toBe(true);
    expect(coversContent([0, 640, 1_280, 1_260], 640, 2_000)).toBe(false);
  });
  it('is false when the page did not move, or jumped past a part', () => {
    expect(coversContent([0], 800, 2_000)).toBe(false);
    expect(coversContent([0, 1_000, 1_200], 800, 2_000)).toBe(false);
  });
});
