import { browser } from 'wxt/browser';
import { framePrepared, pageMeasure, type BackgroundToAgent } from '../messaging/protocol';
import { encodeImage, dataUrlToBlob, type EncodedScreenshot } from './encode';
import { CaptureError } from './errors';
import { sendToAgent } from './page-agent';
import type { CaptureJob } from './queue';
import type { RateGate } from './rate-gate';
import { ensureInFront } from './target';

/** Full pages are cut at this height (CSS pixels), and below the browser's canvas limit. */
export const FULL_PAGE_MAX_CSS_PX = 20_000;
const MAX_CANVAS_PX = 32_000;

export interface FullPageResult {
  image: EncodedScreenshot;
  url: string;
  title: string;
  /** Set when the page was taller than the cap. */
  cutAtCssPx?: number;
}

/** Firefox's tabs.captureTab, which captures any part of a page (CSS pixels) in one call. */
type CaptureTab = (
  tabId: number,
  options: { format: 'png'; rect: { x: number; y: number; width: number; height: number }; scale: number },
) => Promise<string>;
function firefoxCaptureTab(): CaptureTab | undefined {
  const tabs = browser.tabs as unknown as { captureTab?: CaptureTab };
  return import.meta.env.FIREFOX ? tabs.captureTab?.bind(tabs) : undefined;
}

/**
 * Firefox: the page masked whole at its top, then captured whole in one call — no scrolling,
 * no stitching, sticky bars drawn once where they are.
 */
async function captureWholePage(
  job: CaptureJob,
  capture: CaptureTab,
  options: {
    gate: RateGate;
    masking: boolean;
    allowList: string[];
    width: number;
    height: number;
    dpr: number;
    thumbnailAspect: number;
  },
): Promise<EncodedScreenshot> {
  await options.gate.acquire();
  await prepareFrame(job, { y: 0, hideFixed: false, wholePage: true, ...options });
  await ensureInFront(job, 'was no longer in front');
  const dataUrl = await capture(job.tabId, {
    format: 'png',
    rect: { x: 0, y: 0, width: options.width, height: options.height },
    scale: options.dpr,
  });
  const bitmap = await createImageBitmap(dataUrlToBlob(dataUrl));
  try {
    return await encodeImage(bitmap, options.dpr, options.thumbnailAspect);
  } finally {
    bitmap.close();
  }
}

/** Asks the page agent to scroll and mask for one frame; says where the page really scrolled to. */
async function prepareFrame(
  job: CaptureJob,
  frame: { y: number; hideFixed: boolean; wholePage?: boolean; masking: boolean; allowList: string[] },
): Promise<{ scrollY: number }> {
  const message: BackgroundToAgent = {
    type: 'full-page-frame',
    y: frame.y,
    hideFixed: frame.hideFixed,
    masking: frame.masking,
    allowList: frame.allowList,
    wholePage: frame.wholePage,
  };
  const prepared = framePrepared.safeParse(await browser.tabs.sendMessage(job.tabId, message));
  if (!prepared.success)
    throw new CaptureError('The page did not let Touchtrail mask its form fields. Nothing was saved.');
  return prepared.data;
}

/**
 * Scrolls the page frame by frame (each capture through the rate gate), hides fixed and sticky
 * elements after the first frame so headers are not repeated, stitches the frames, and puts
 * the page back where it was.
 */
export async function captureFullPage(
  job: CaptureJob,
  options: {
    gate: RateGate;
    masking: boolean;
    allowList: string[];
    onProgress: (done: number, total: number) => Promise<void>;
  },
): Promise<FullPageResult> {
  const measure = pageMeasure.safeParse(await sendToAgent(job.tabId, { type: 'full-page-begin' }));
  if (!measure.success)
    throw new CaptureError('The page could not be measured for a full-page capture. Nothing was saved.');
  const page = measure.data;
  const dpr = page.devicePixelRatio;
  const cap = Math.min(FULL_PAGE_MAX_CSS_PX, Math.floor(MAX_CANVAS_PX / dpr));
  const height = Math.min(page.scrollHeight, cap);
  const frames = Math.max(1, Math.ceil(height / page.viewportHeight));
  const captureTab = firefoxCaptureTab();
  if (captureTab) {
    try {
      const thumbnailAspect = page.viewportWidth / page.viewportHeight;
      const size = { width: page.viewportWidth, height, dpr, thumbnailAspect };
      const image = await captureWholePage(job, captureTab, { ...options, ...size });
      return { image, url: page.url, title: page.title, cutAtCssPx: page.scrollHeight > cap ? cap : undefined };
    } finally {
      await browser.tabs.sendMessage(job.tabId, { type: 'full-page-end' }).catch(() => undefined);
    }
  }
  const canvas = new OffscreenCanvas(Math.round(page.viewportWidth * dpr), Math.round(height * dpr));
  const context = canvas.getContext('2d');
  if (!context) throw new CaptureError('This browser cannot draw images off screen.');

  try {
    for (let i = 0; i < frames; i++) {
      const y = Math.min(i * page.viewportHeight, Math.max(0, height - page.viewportHeight));
      await options.gate.acquire();
      const { scrollY } = await prepareFrame(job, { y, hideFixed: i > 0, ...options });
      await ensureInFront(job, 'was no longer in front');
      const dataUrl = await browser.tabs.captureVisibleTab(job.windowId, { format: 'png' });
      await ensureInFront(job, 'was switched away from during the full-page capture');
      const frame = await createImageBitmap(dataUrlToBlob(dataUrl));
      context.drawImage(frame, 0, Math.round(scrollY * dpr));
      frame.close();
      await options.onProgress(i + 1, frames);
    }
  } finally {
    await browser.tabs.sendMessage(job.tabId, { type: 'full-page-end' }).catch(() => undefined);
  }

  const image = await encodeImage(canvas, dpr, page.viewportWidth / page.viewportHeight);
  return { image, url: page.url, title: page.title, cutAtCssPx: page.scrollHeight > cap ? cap : undefined };
}
