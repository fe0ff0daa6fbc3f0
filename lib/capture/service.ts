import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { defineCheckedItem } from '../extension-storage/checked-item';
import { describeMasked } from './mask-summary';
import { performCapture, readCaptureContext, type CaptureContext, type CaptureReporter } from './perform';
import { CaptureQueue, captureJob, type CaptureJob } from './queue';
import { CAPTURE_INTERVAL_MS, RateGate } from './rate-gate';
import {
  DEFAULT_ACTION_TITLE,
  reportBackgroundFailure,
  reportCaptureFailure,
  updateCaptureStatus as updateStatus,
  type CaptureAttempt,
} from './report';
import { resolveCaptureTarget } from './target';
import { measured, START_STEPS } from '../timing';

/** Read entry by entry: a job that does not parse is dropped, the others are kept. */
const queuedJobs = defineCheckedItem<unknown[]>('local:captureQueue', {
  schema: z.array(z.unknown()),
  fallback: [],
  version: 1,
});

const gate = new RateGate(CAPTURE_INTERVAL_MS);

const reporter: CaptureReporter = {
  progress: (done, total) =>
    updateStatus((status) => ({ ...status, progress: done < total ? { done, total } : undefined })),
  notice: (notice) => updateStatus((status) => ({ ...status, notice })),
  masked: (counts) => updateStatus((status) => ({ ...status, lastMasked: describeMasked(counts) })),
};

/**
 * The journey and study read when a capture was asked for, handed to its capture if that starts
 * at once (as it does unless others are queued before it): a second read of the same records
 * would be a database round trip more on the way to the picture. Later, they are read afresh.
 */
const justRead = new Map<string, { context: CaptureContext; readAt: number }>();
const JUST_READ_MS = 250;

function contextJustRead(jobId: string): CaptureContext | undefined {
  const read = justRead.get(jobId);
  justRead.delete(jobId);
  return read && Date.now() - read.readAt <= JUST_READ_MS ? read.context : undefined;
}

/** The background's one capture queue, kept in extension storage. */
export const captureQueue = new CaptureQueue({
  store: {
    // Jobs that do not parse (say, written by an older version) are dropped rather than retried forever.
    load: async () =>
      (await measured(START_STEPS.queueRead, queuedJobs.getValue())).flatMap(
        (raw) => captureJob.safeParse(raw).data ?? [],
      ),
    save: (jobs) => queuedJobs.setValue(jobs),
  },
  perform: (job) => performCapture(job, gate, reporter, contextJustRead(job.id)),
  onPendingChange: (pending) => updateStatus((status) => ({ ...status, pending })),
  onStopped: (error) => reportBackgroundFailure(error, 'work through the queued captures (they stay queued)'),
  onSuccess: async () => {
    // The error of an earlier attempt goes; a notice about this capture stays until read.
    await updateStatus(({ pending, notice, lastMasked }) => ({ pending, notice, lastMasked }));
    await browser.action.setBadgeText({ text: '' });
    await browser.action.setTitle({ title: DEFAULT_ACTION_TITLE });
  },
  onFailure: async (job, error) => {
    await reportCaptureFailure(error, attemptOf(job));
  },
});

/** What a queued job was asked to do, as the researcher would name it. */
export function attemptOf(job: CaptureJob): CaptureAttempt {
  const kind = job.fullPage
    ? 'full-page'
    : job.source === 'auto'
      ? 'auto'
      : job.source === 'picked'
        ? 'pick'
        : 'capture';
  return { kind, tabId: job.tabId, windowId: job.windowId, url: job.url };
}

/**
 * Queues a capture of the active tab for a journey. Resolves with the job id once the request
 * is safely stored; the touchpoint itself appears when the queue reaches it.
 */
export interface CaptureRequestOptions {
  /** The id of the job and of the touchpoint it will store; a new one when left out. */
  id?: string;
  source?: CaptureJob['source'];
  element?: CaptureJob['element'];
  draft?: boolean;
  fullPage?: boolean;
  url?: string;
}

export async function requestCapture(
  journeyId: string,
  windowId?: number,
  tab?: { id?: number; windowId?: number },
  options: CaptureRequestOptions = {},
) {
  // Both asked at once; a journey that does not record is the answer that counts.
  const chosenTarget =
    tab?.id !== undefined && tab.windowId !== undefined
      ? Promise.resolve({ tabId: tab.id, windowId: tab.windowId })
      : resolveCaptureTarget(windowId);
  chosenTarget.catch(() => undefined);
  const context = await readCaptureContext(journeyId);
  const readAt = Date.now();
  const target = await chosenTarget;
  const job = captureJob.parse({
    id: crypto.randomUUID(),
    journeyId,
    ...target,
    requestedAt: Date.now(),
    attempts: 0,
    ...options,
  });
  justRead.set(job.id, { context, readAt });
  try {
    await captureQueue.enqueue(job);
  } catch (error) {
    justRead.delete(job.id);
    throw error;
  }
  return job.id;
}
