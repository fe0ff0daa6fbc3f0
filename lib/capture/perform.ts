import { browser } from 'wxt/browser';
import { addExtraClicks, commitCapture } from '../db/new-touchpoints';
import { checkRecording, NotRecordingError } from '../db/recording';
import { readStore, type StoreTransaction } from '../db/store';
import { markDraftSaved, takeExtraClicks } from './bursts';
import { compactScreenshot } from './compact';
import { captureFullPage } from './full-page';
import { unencodedScreenshot, type EncodedScreenshot } from './encode';
import { ensureMasksShown, MasksNotShownError } from './mask-check';
import {
  CaptureError,
  CompactionError,
  PAGE_CHANGED,
  TAB_CLOSED,
  describeCompactionError,
  isRateLimitError,
} from './errors';
import { preparePage, restorePage } from './page-agent-control';
import type { MaskCounts, PreparedPage } from '../messaging/protocol';
import type { Journey, Study } from '../model';
import type { CaptureJob } from './queue';
import type { RateGate } from './rate-gate';
import { ensureInFront } from './target';

/** What the pipeline tells the researcher while it works. */
export interface CaptureReporter {
  progress(done: number, total: number): Promise<void>;
  notice(message: string): Promise<void>;
  /** What the saved capture masked. */
  masked(counts: MaskCounts): Promise<void>;
}

/**
 * One capture, as DESIGN.md §5 draws it: mask the page, capture the visible area, restore the
 * page, write screenshot and touchpoint in one transaction, then compact the screenshot. The job
 * stays queued until the end, so a worker stopped before the compaction finishes it on waking.
 */
export async function performCapture(
  job: CaptureJob,
  gate: RateGate,
  reporter: CaptureReporter,
  /** The journey and study as read when the capture was asked for, a moment ago (readCaptureContext). */
  justRead?: CaptureContext,
): Promise<void> {
  const context = justRead ?? (await captureContext(job));
  // A worker stopped after the commit left the job queued: only the compaction is left to do.
  if (!context) return compact(job.id);
  try {
    await (
      job.fullPage ? fullPageAndCommit(job, context, gate, reporter) : captureAndCommit(job, context, gate, reporter)
    ).catch(async (error: unknown) => {
      // A tab closing mid-capture makes the browser say all sorts of things; say what happened.
      if (await tabIsGone(job.tabId)) throw new CaptureError(TAB_CLOSED);
      throw error;
    });
  } catch (error) {
    // A click that navigated can leave before its screenshot: keep the click itself as a draft,
    // so nothing auto-recorded is lost (the next page's draft shows where it led), with the
    // address of the page it was made on.
    if (job.source !== 'auto' || !job.element || error instanceof NotRecordingError || isRateLimitError(error)) {
      throw error;
    }
    await commitCapture({ ...jobFields(job), url: job.url, pageTitle: 'page left before its screenshot' });
  }
  // Clicks of the burst counted while the draft was being saved.
  const late = markDraftSaved(job.id);
  if (late > 0) await addExtraClicks(job.id, late);
  await compact(job.id);
}

/**
 * The touchpoint is saved by now: if compressing its screenshot fails, the screenshot stays as
 * captured and the researcher is told so, not that nothing was saved.
 */
async function compact(touchpointId: string): Promise<void> {
  await compactScreenshot(touchpointId).catch((error: unknown) => {
    throw new CompactionError(describeCompactionError(error));
  });
}

export type CaptureContext = { journey: Journey; study: Study | undefined };

/** The journey, if it records, and its study: what a capture is about to be asked for with. */
export function readCaptureContext(journeyId: string): Promise<CaptureContext> {
  return readStore(CONTEXT_TABLES, (transaction) => contextIn(transaction, journeyId));
}

const CONTEXT_TABLES: ['touchpoints', 'journeys', 'studies'] = ['touchpoints', 'journeys', 'studies'];

async function contextIn(
  transaction: StoreTransaction<typeof CONTEXT_TABLES, 'readonly'>,
  journeyId: string,
  requestedAt?: number,
): Promise<CaptureContext> {
  const journey = checkRecording(await transaction.objectStore('journeys').get(journeyId), requestedAt);
  return { journey, study: await transaction.objectStore('studies').get(journey.studyId) };
}

async function fullPageAndCommit(
  job: CaptureJob,
  { journey, study }: CaptureContext,
  gate: RateGate,
  reporter: CaptureReporter,
): Promise<void> {
  const result = await captureFullPage(job, {
    gate,
    masking: journey.masking,
    study: study?.privacy,
    allowList: study?.maskAllowList ?? [],
    onProgress: (done, total) => reporter.progress(done, total),
  });
  await commitCapture({ ...jobFields(job), url: result.url, pageTitle: result.title, image: result.image });
  await reporter.masked(result.masked);
  if (result.visibleOnly) {
    await reporter.notice(`Only the visible part of the page was captured: ${result.visibleOnly}.`);
  } else if (result.cutAtCssPx) {
    await reporter.notice(
      `The page is taller than ${result.cutAtCssPx.toLocaleString('en')} px: the full-page screenshot stops there.`,
    );
  }
}

/**
 * The job's journey, recording when the capture was asked for, and its study, read in one
 * transaction with the check that its touchpoint is not saved yet (undefined when it is).
 */
function captureContext(job: CaptureJob): Promise<CaptureContext | undefined> {
  return readStore(CONTEXT_TABLES, async (transaction) => {
    if (await transaction.objectStore('touchpoints').get(job.id)) return undefined;
    return contextIn(transaction, job.journeyId, job.requestedAt);
  });
}

function jobFields(job: CaptureJob) {
  return {
    id: job.id,
    journeyId: job.journeyId,
    capturedAt: job.requestedAt,
    source: job.source,
    element: job.element,
    draft: job.draft,
    extraClicks: takeExtraClicks(job.id),
  };
}

async function captureAndCommit(
  job: CaptureJob,
  { journey, study }: CaptureContext,
  gate: RateGate,
  reporter: CaptureReporter,
): Promise<void> {
  const { image, page } = await maskedShotWithRetries(job, gate, journey.masking, study);
  // The route the persona was on when it was asked for; the screenshot is the soonest one allowed.
  await commitCapture({ ...jobFields(job), url: job.url ?? page.url, pageTitle: page.title, image });
  await reporter.masked(page.masked);
}

/**
 * Times a capture is tried while the browser hands back frames painted before the masks. That is
 * the browser's timing, not the page's doing: a page still settling after its load (a chart
 * animating, icons swapped in) gave two such frames in a row on the real-world corpus, and a page
 * playing a video at 125 % zoom, on a busy CI machine, three. Every try is checked, so more tries
 * cost only time; each waits for its own rate slot, so five span about three seconds.
 */
const MASKED_SHOT_TRIES = 5;

async function maskedShotWithRetries(job: CaptureJob, gate: RateGate, masking: boolean, study: Study | undefined) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await maskedScreenshot(job, gate, masking, study);
    } catch (error) {
      if (!(error instanceof MasksNotShownError) || attempt >= MASKED_SHOT_TRIES) throw error;
      // A moment for the page to settle and the browser to paint, unmasked meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 150 * attempt));
    }
  }
}

/** Masks the page, takes the screenshot, puts the page back, and checks the picture shows the masks. */
async function maskedScreenshot(job: CaptureJob, gate: RateGate, masking: boolean, study: Study | undefined) {
  // The rate slot is taken before the page is masked, so the page waits masked only for a paint.
  await gate.acquire();
  let page;
  let dataUrl: string;
  let restored: Promise<boolean> | undefined;
  try {
    // Whether the tab is in front is asked while the page masks itself, not after.
    const inFront = ensureInFront(job, 'was no longer in front when its turn came');
    inFront.catch(() => undefined); // awaited below, after the page's own answer
    page = await preparePage(job.tabId, {
      masking,
      study: study?.privacy,
      highlight: job.element?.rect,
      allowList: study?.maskAllowList,
    });
    await inFront;
    await gate.beforeCall();
    dataUrl = await browser.tabs.captureVisibleTab(job.windowId, { format: 'png' });
  } finally {
    restored = restorePage(job.tabId);
  }
  // captureVisibleTab takes whatever tab is in front: if the researcher switched tabs just now,
  // the image is of a page that was never masked, and is thrown away.
  const stillInFront = ensureInFront(job, 'was switched away from during the capture');
  stillInFront.catch(() => undefined); // awaited below, first
  const image = unencodedScreenshot(dataUrl, page.devicePixelRatio, page.viewportWidth);
  // The picture is decoded and checked while the page puts itself back, not after.
  const masksShown = checkMasksShown(image, page);
  masksShown.catch(() => undefined); // awaited below, after the page's answer
  const [, stillMasked] = await Promise.all([stillInFront, restored]);
  // A page that navigated away during the capture leaves a screenshot of a page never masked.
  if (!stillMasked) throw new CaptureError(PAGE_CHANGED);
  await masksShown;
  return { image, page };
}

/** Decodes the screenshot and refuses it unless it shows the masks where the page agent drew them. */
async function checkMasksShown(image: EncodedScreenshot, page: PreparedPage): Promise<void> {
  if (!page.maskPoints?.length) return;
  const bitmap = await createImageBitmap(image.image);
  try {
    ensureMasksShown(bitmap, page.maskPoints, bitmap.width / (page.viewportWidth ?? bitmap.width));
  } finally {
    bitmap.close();
  }
}

async function tabIsGone(tabId: number): Promise<boolean> {
  return browser.tabs.get(tabId).then(
    () => false,
    () => true,
  );
}
