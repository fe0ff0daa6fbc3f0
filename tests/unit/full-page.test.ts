// A full-page capture takes each browser's way: Chrome scrolls and stitches frames of the visible
// area; Firefox captures the whole page in one tabs.captureTab call. This file runs once per
// target (vitest.config.ts), and checks the way of the target it runs as.

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

/** The page agent's side: measures the page, and answers each frame where it scrolled to. */
function pageAgentOfATallPage() {
  const frames: { y: number; wholePage?: boolean }[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tabId: number, message: unknown) => {
    const request = message as { type: string; y?: number; wholePage?: boolean };
    if (request.type === 'full-page-begin')
      return { ok: true, ...PAGE, url: 'https://shop.example/lookbook', title: 'Lookbook' };
    if (request.type === 'full-page-frame') {
      frames.push({ y: request.y!, wholePage: request.wholePage });
      return { ok: true, scrollY: request.wholePage ? 0 : request.y };
    }
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
  expect(frames).toEqual([{ y: 0 }, { y: 800 }, { y: 1200 }].map((f) => ({ ...f, wholePage: undefined })));
  expect(visibleTab).toHaveBeenCalledTimes(3);
  expect(captureTab).not.toHaveBeenCalled();
  expect([result.image.width, result.image.height]).toEqual([1280, 2000]);
}

async function capturesTheWholePageAtOnce() {
  const frames = pageAgentOfATallPage();
  await capture();
  expect(frames).toEqual([{ y: 0, wholePage: true }]);
  expect(captureTab).toHaveBeenCalledTimes(1);
  expect(captureTab).toHaveBeenCalledWith(TAB.id, {
    format: 'png',
    rect: { x: 0, y: 0, width: 1280, height: 2000 },
    scale: 1,
  });
  expect(visibleTab).not.toHaveBeenCalled();
}

describe('a full-page capture', () => {
  if (import.meta.env.FIREFOX) {
    it('in Firefox masks the whole page once and captures it in one captureTab call', capturesTheWholePageAtOnce);
  } else {
    it('in Chrome scrolls frame by frame, capturing the visible area, and stitches the height', scrollsAndStitches);
  }
});
