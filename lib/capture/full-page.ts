import { browser } from 'wxt/browser';
import {
  framePrepared,
  masksRemoved,
  pageMeasure,
  restoredPage,
  type BackgroundToAgent,
  type MaskCounts,
  type PageMeasure,
} from '../messaging/protocol';
import type { StudyPrivacy as StudyMasking } from '../model';
import { encodeImage, dataUrlToBlob, type EncodedScreenshot } from './encode';
import { CaptureError, MASKS_REMOVED, PAGE_CHANGED } from './errors';
import { ensureMasksShown, MasksNotShownError } from './mask-check';
import { sendToAgentWithTools } from './page-agent-control';
import type { CaptureJob } from './queue';
import type { RateGate } from './rate-gate';
import { coversContent, placeFrame, planStitch, StitchError, type StitchLayout } from './stitch';
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
  /** Set when only the visible part could be captured: why, as the end of a sentence. */
  visibleOnly?: string;
  /** What the frames masked, each thing counted once. */
  masked: MaskCounts;
}

/** Why a page whose content scrolls in an element is captured as it shows, not stitched. */
const SCROLLER_PROBLEMS = {
  nested: 'its content scrolls in an area inside another scrolling area, which Touchtrail cannot stitch',
  several: 'its content scrolls in several areas side by side, which Touchtrail cannot stitch into one image',
} as const;
const DID_NOT_SCROLL = 'the page did not scroll as Touchtrail asked, so its frames could not be stitched';

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
    study?: StudyMasking;
    allowList: string[];
    width: number;
    height: number;
    dpr: number;
    thumbnailAspect: number;
  },
): Promise<{ image: EncodedScreenshot; masked: MaskCounts }> {
  await options.gate.acquire();
  const { masked, maskPoints } = await prepareFrame(job, { y: 0, hideFixed: false, wholePage: true, ...options });
  await ensureInFront(job, 'was no longer in front');
  const dataUrl = await capture(job.tabId, {
    format: 'png',
    rect: { x: 0, y: 0, width: options.width, height: options.height },
    scale: options.dpr,
  });
  await ensureFrameWasMasked(job);
  const bitmap = await createImageBitmap(dataUrlToBlob(dataUrl));
  try {
    ensureMasksShown(bitmap, maskPoints, options.dpr);
    return { image: await encodeImage(bitmap, options.dpr, options.thumbnailAspect), masked };
  } finally {
    bitmap.close();
  }
}

/**
 * A page that navigated or dropped its masks between a frame's masking and its screenshot left
 * an unmasked frame: the whole capture is refused, as a single capture is.
 */
async function ensureFrameWasMasked(job: CaptureJob): Promise<void> {
  const message: BackgroundToAgent = { type: 'full-page-check' };
  const reply: unknown = await browser.tabs.sendMessage(job.tabId, message).catch(() => undefined);
  if (restoredPage.safeParse(reply).data?.stillMasked !== true) throw new CaptureError(PAGE_CHANGED);
}

/** Asks the page agent to scroll and mask for one frame; says where the page really scrolled to. */
async function prepareFrame(
  job: CaptureJob,
  frame: {
    y: number;
    hideFixed: boolean;
    wholePage?: boolean;
    inScroller?: boolean;
    masking: boolean;
    study?: StudyMasking;
    allowList: string[];
  },
): Promise<{ scrollY: number; masked: MaskCounts; maskPoints?: { x: number; y: number }[] }> {
  const message: BackgroundToAgent = {
    type: 'full-page-frame',
    y: frame.y,
    hideFixed: frame.hideFixed,
    masking: frame.masking,
    study: frame.study,
    allowList: frame.allowList,
    wholePage: frame.wholePage,
    inScroller: frame.inScroller,
  };
  const reply: unknown = await browser.tabs.sendMessage(job.tabId, message);
  if (masksRemoved.safeParse(reply).success) throw new CaptureError(MASKS_REMOVED);
  const prepared = framePrepared.safeParse(reply);
  if (!prepared.success)
    throw new CaptureError('The page did not let Touchtrail mask its form fields. Nothing was saved.');
  return { ...prepared.data, masked: prepared.data.masked ?? {} };
}

interface CaptureOptions {
  gate: RateGate;
  masking: boolean;
  study?: StudyMasking;
  allowList: string[];
  onProgress: (done: number, total: number) => Promise<void>;
}

/**
 * Scrolls the page frame by frame (each capture through the rate gate), hides fixed and sticky
 * elements after the first frame so headers are not repeated, stitches the frames, and puts
 * the page back where it was. A page whose content scrolls in an element (an app shell) has
 * that element scrolled and stitched instead; where that cannot be done, the visible part is
 * captured and the result says why.
 */
export async function captureFullPage(job: CaptureJob, options: CaptureOptions): Promise<FullPageResult> {
  const measure = pageMeasure.safeParse(await sendToAgentWithTools(job.tabId, { type: 'full-page-begin' }));
  if (!measure.success)
    throw new CaptureError('The page could not be measured for a full-page capture. Nothing was saved.');
  const page = measure.data;
  const { url, title } = page;
  const problem = page.scroller?.problem && SCROLLER_PROBLEMS[page.scroller.problem];
  const inScroller = Boolean(page.scroller && !problem);
  try {
    const captureTab = firefoxCaptureTab();
    if (captureTab && !inScroller) {
      const dpr = page.devicePixelRatio;
      const cap = Math.min(FULL_PAGE_MAX_CSS_PX, Math.floor(MAX_CANVAS_PX / dpr));
      // A page that cannot be stitched is captured as it shows, not with what its overflow hides.
      const height = Math.min(problem ? page.viewportHeight : page.scrollHeight, cap);
      const thumbnailAspect = page.viewportWidth / page.viewportHeight;
      const size = { width: page.viewportWidth, height, dpr, thumbnailAspect };
      const { image, masked } = await captureWholePage(job, captureTab, { ...options, ...size });
      return { image, masked, url, title, cutAtCssPx: page.scrollHeight > cap ? cap : undefined, visibleOnly: problem };
    }
    const stitched = await stitchFrames(job, layoutOf(page, inScroller), inScroller, options);
    return { ...stitched, url, title, visibleOnly: problem ?? stitched.visibleOnly };
  } finally {
    await browser.tabs.sendMessage(job.tabId, { type: 'full-page-end' }).catch(() => undefined);
  }
}

function layoutOf(page: PageMeasure, inScroller: boolean): StitchLayout {
  const viewport = { width: page.viewportWidth, height: page.viewportHeight };
  if (inScroller && page.scroller) {
    return { viewport, scroller: page.scroller.box, contentHeight: page.scroller.contentHeight };
  }
  return { viewport, scroller: { x: 0, y: 0, ...viewport }, contentHeight: page.scrollHeight };
}

async function stitchFrames(
  job: CaptureJob,
  layout: StitchLayout,
  inScroller: boolean,
  options: CaptureOptions,
): Promise<Pick<FullPageResult, 'image' | 'cutAtCssPx' | 'visibleOnly' | 'masked'>> {
  let masked: MaskCounts = {};
  const shootOnce = async (index: number, y: number) => {
    await options.gate.acquire();
    const prepared = await prepareFrame(job, { y, hideFixed: index > 0, inScroller, ...options });
    masked = prepared.masked; // the page's tally, so far, of everything its frames masked
    const scrollY = prepared.scrollY;
    await ensureInFront(job, 'was no longer in front');
    await options.gate.beforeCall();
    const dataUrl = await browser.tabs.captureVisibleTab(job.windowId, { format: 'png' });
    await ensureInFront(job, 'was switched away from during the full-page capture');
    await ensureFrameWasMasked(job);
    const bitmap = await createImageBitmap(dataUrlToBlob(dataUrl));
    try {
      ensureMasksShown(bitmap, prepared.maskPoints, bitmap.width / layout.viewport.width);
    } catch (error) {
      bitmap.close();
      throw error;
    }
    return { bitmap, scrolledTo: scrollY };
  };
  // A frame painted before the masks is the browser's timing: that frame is taken once more.
  const shoot = (index: number, y: number) =>
    shootOnce(index, y).catch((error: unknown) => {
      if (error instanceof MasksNotShownError) return shootOnce(index, y);
      throw error;
    });
  const thumbnailAspect = layout.viewport.width / layout.viewport.height;
  const first = await shoot(0, 0);
  try {
    const plan = planStitch(layout, first.bitmap, { maxCssPx: FULL_PAGE_MAX_CSS_PX, maxImagePx: MAX_CANVAS_PX });
    const canvas = new OffscreenCanvas(plan.width, plan.height);
    const context = canvas.getContext('2d');
    if (!context) throw new CaptureError('This browser cannot draw images off screen.');
    const draw = (frame: ImageBitmap, index: number, scrolledTo: number) => {
      for (const { from, to } of placeFrame(plan, layout, frame, index, scrolledTo)) {
        context.drawImage(frame, from.x, from.y, from.width, from.height, to.x, to.y, to.width, to.height);
      }
    };
    draw(first.bitmap, 0, first.scrolledTo);
    const reached = [first.scrolledTo];
    await options.onProgress(1, plan.offsets.length);
    for (let i = 1; i < plan.offsets.length; i++) {
      const frame = await shoot(i, plan.offsets[i]!);
      try {
        // A page that will not move would only repeat its first frame: stop asking.
        if (frame.scrolledTo <= reached[reached.length - 1]! + 0.5) break;
        draw(frame.bitmap, i, frame.scrolledTo);
        reached.push(frame.scrolledTo);
      } finally {
        frame.bitmap.close();
      }
      await options.onProgress(i + 1, plan.offsets.length);
    }
    if (!coversContent(reached, layout.scroller.height, plan.contentShown)) {
      return {
        image: await encodeImage(first.bitmap, plan.scale, thumbnailAspect),
        visibleOnly: DID_NOT_SCROLL,
        masked,
      };
    }
    return { image: await encodeImage(canvas, plan.scale, thumbnailAspect), cutAtCssPx: plan.cutAtCssPx, masked };
  } catch (error) {
    if (error instanceof StitchError) throw new CaptureError(`${error.message} Nothing was saved: capture again.`);
    throw error;
  } finally {
    first.bitmap.close();
  }
}
