// A full-page capture takes each browser's way: Chrome scrolls and stitches frames of the visible
// area; Firefox captures the whole page in one tabs.captureTab call. This file runs once per
// target (vitest.config.ts), and checks the way of the target it runs as.

import { MASKS_REMOVED, PAGE_CHANGED } from '../../lib/capture/errors';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureFullPage } from '../../lib/capture/full-page';
import type { CaptureJob } from '../../lib/capture/queue';
import { RateGate } from '../../lib/capture/rate-gate';
import { browserThatCaptures, PNG_DATA_URL, TAB } from './fake-capture-browser';

const PAGE = { scrollHeight: 2_000, viewportWidth: 1280, viewportHeight: 800, devicePixelRatio: 1 };

const job: CaptureJob = {
  id: crypto.randomUUID(),
  journeyId: crypto.randomUUID(),
  tabId: TAB.id,
  windowId: TAB.windowId,
  requestedAt: 1,
  attempts: 0,
  source: 'manual',
  draft: false,
  fullPage: true,
};

/** An app shell: a 64-px bar over a main area of 1280×736 whose content is 1,500 px tall. */
const SHELL = { box: { x: 0, y: 0 + 64, width: 1280, height: 736 }, contentHeight: 1_500 };

/**
 * The page agent's side: measures the page (with `extra`), and answers each frame where it
 * scrolled to — where it was asked, unless `stuck` (a page that will not move).
 */
function pageAgentOfATallPage(
  extra: object = {},
  stuck = false,
  dropsMasksAtFrame = Infinity,
  refusesFrame = Infinity,
) {
  const frames: { y: number; wholePage?: boolean; inScroller?: boolean }[] = [];
  // The page tools (the full-page scroller) are injected before the agent is asked to begin.
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tabId: number, message: unknown) => {
    const request = message as { type: string; y?: number; wholePage?: boolean; inScroller?: boolean };
    if (request.type === 'full-page-begin')
      return { ok: true, ...PAGE, ...extra, url: 'https://shop.example/lookbook', title: 'Lookbook' };
    if (request.type === 'full-page-frame') {
      frames.push({ y: request.y!, wholePage: request.wholePage, inScroller: request.inScroller });
      if (frames.length >= refusesFrame) return { ok: false, reason: 'masks-removed' };
      return { ok: true, scrollY: request.wholePage || stuck ? 0 : request.y };
    }
    // After each frame's screenshot: were the masks still there?
    if (request.type === 'full-page-check') return { ok: true, stillMasked: frames.length < dropsMasksAtFrame };
    return { ok: true };
  });
  return frames;
}

const captureTab = vi.fn(async () => PNG_DATA_URL);
let visibleTab: ReturnType<typeof browserThatCaptures>['captureVisibleTab'];

beforeEach(() => {
  visibleTab = browserThatCaptures(fakeBrowser).captureVisibleTab;
  (fakeBrowser.tabs as unknown as { captureTab: typeof captureTab }).captureTab = captureTab;
  captureTab.mockClear();
});

const capture = () =>
  captureFullPage(job, { gate: new RateGate(0), masking: true, allowList: [], onProgress: async () => undefined });

async function scrollsAndStitches() {
  const frames = pageAgentOfATallPage();
  const result = await capture();
  expect(frames.map((f) => f.y)).toEqual([0, 800, 1200]);
  expect(frames.some((f) => f.wholePage || f.inScroller)).toBe(false);
  expect(visibleTab).toHaveBeenCalledTimes(3);
  expect(captureTab).not.toHaveBeenCalled();
  expect([result.image.width, result.image.height]).toEqual([1280, 2000]);
  expect(result.visibleOnly).toBeUndefined();
}

async function capturesTheWholePageAtOnce() {
  const frames = pageAgentOfATallPage();
  await capture();
  expect(frames).toEqual([{ y: 0, wholePage: true, inScroller: undefined }]);
  expect(captureTab).toHaveBeenCalledTimes(1);
  expect(captureTab).toHaveBeenCalledWith(TAB.id, {
    format: 'png',
    rect: { x: 0, y: 0, width: 1280, height: 2000 },
    scale: 1,
  });
  expect(visibleTab).not.toHaveBeenCalled();
}

/** Both browsers: an app shell's scrolling area is scrolled frame by frame and stitched under its bar. */
async function stitchesTheScrollingArea() {
  const frames = pageAgentOfATallPage({ scrollHeight: 800, scroller: SHELL });
  const result = await capture();
  expect(frames.map((f) => [f.y, f.inScroller])).toEqual([
    [0, true],
    [736, true],
    [764, true],
  ]);
  expect(captureTab).not.toHaveBeenCalled();
  expect([result.image.width, result.image.height]).toEqual([1280, 64 + 1_500]);
  expect(result.visibleOnly).toBeUndefined();
}

/** Both browsers: a scrolling area inside another is captured as it shows, and the result says why. */
async function capturesTheVisiblePartOfNestedScrollers() {
  pageAgentOfATallPage({ scrollHeight: 800, scroller: { ...SHELL, problem: 'nested' } });
  const result = await capture();
  expect(result.image.height).toBe(800);
  expect(result.visibleOnly).toMatch(/inside another scrolling area/);
}

describe('a full-page capture', () => {
  if (import.meta.env.FIREFOX) {
    it('in Firefox masks the whole page once and captures it in one captureTab call', capturesTheWholePageAtOnce);
  } else {
    it('in Chrome scrolls frame by frame, capturing the visible area, and stitches the height', scrollsAndStitches);
    it('in Chrome gives the first frame alone, saying why, when the page does not scroll as asked', async () => {
      pageAgentOfATallPage({}, true);
      const result = await capture();
      expect(visibleTab).toHaveBeenCalledTimes(2);
      expect(result.image.height).toBe(800);
      expect(result.visibleOnly).toMatch(/did not scroll/);
    });
    it('in Chrome refuses frames that are not the shape of the viewport', async () => {
      pageAgentOfATallPage({ viewportHeight: 600 });
      await expect(capture()).rejects.toThrow(/1280×800 px, which is not the shape of its 1280×600 viewport/);
    });
  }
  it('on an app shell scrolls its scrolling area frame by frame and stitches it', stitchesTheScrollingArea);
  it('on nested scrolling areas captures the visible part and says why', capturesTheVisiblePartOfNestedScrollers);
  it('on an app shell taller than the cap stops at 20,000 px, and says so', async () => {
    pageAgentOfATallPage({ scrollHeight: 800, scroller: { ...SHELL, contentHeight: 40_000 } });
    const result = await capture();
    expect(result.image.height).toBe(20_000);
    expect(result.cutAtCssPx).toBe(20_000);
  });
});

it('refuses the whole capture when the page dropped its masks before a frame was taken', async () => {
  pageAgentOfATallPage({}, false, 2);
  await expect(capture()).rejects.toThrow(PAGE_CHANGED);
});

it('refuses the whole capture, saying why, when the page takes the masks off as they go on a frame', async () => {
  pageAgentOfATallPage({}, false, Infinity, 2);
  await expect(capture()).rejects.toThrow(MASKS_REMOVED);
});
