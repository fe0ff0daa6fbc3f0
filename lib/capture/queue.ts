import * as z from 'zod/mini';
import { elementDescriptor } from '../model';
import { isRateLimitError } from './errors';
import { defaultSleep } from './rate-gate';

export const captureJob = z.object({
  id: z.uuid(),
  journeyId: z.uuid(),
  tabId: z.int(),
  windowId: z.int(),
  requestedAt: z.number(),
  attempts: z.int().check(z.nonnegative()),
  /** How the capture was asked for: a plain capture, a picked element, or auto-record. */
  source: z._default(z.enum(['manual', 'picked', 'auto']), 'manual'),
  /** The element picked or clicked: marked with a box in the screenshot and kept on the touchpoint. */
  element: z.optional(elementDescriptor),
  /** Auto-recorded captures are drafts until the researcher keeps them. */
  draft: z._default(z.boolean(), false),
  /** The address the persona was on when it was asked for (auto-record), if it may have changed since. */
  url: z.optional(z.string().check(z.maxLength(8_000))),
  /** The whole page, scrolled and stitched, rather than the visible part. */
  fullPage: z._default(z.boolean(), false),
});
export type CaptureJob = z.infer<typeof captureJob>;

/** Where the queue keeps its jobs, so that a service worker restart loses none. */
export interface JobStore {
  load(): Promise<CaptureJob[]>;
  save(jobs: CaptureJob[]): Promise<void>;
}

export interface CaptureQueueOptions {
  store: JobStore;
  /** Captures and saves one job; throws when it cannot. */
  perform(job: CaptureJob): Promise<void>;
  onSuccess?(job: CaptureJob): void | Promise<void>;
  onFailure?(job: CaptureJob, error: unknown): void | Promise<void>;
  onPendingChange?(pending: number): void | Promise<void>;
  /** Working through the jobs stopped (the store could not be read or written); they stay queued for the next start. */
  onStopped?(error: unknown): void | Promise<void>;
  maxAttempts?: number;
  /** Waited before a job refused by the browser's rate limit is tried again. */
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A persisted first-in, first-out queue of capture jobs, worked one at a time. Jobs refused
 * by the browser's rate limit are retried; other failures are reported and dropped, since
 * nothing was written for them.
 *
 * The worker works from its own copy of the jobs and the store mirrors it, written in order:
 * a capture starts while its job is being written, not after (the write is a few milliseconds
 * of the capture's critical path), and the job stays stored until its touchpoint is saved.
 */
export class CaptureQueue {
  private jobs: CaptureJob[] | undefined;
  private loading: Promise<CaptureJob[]> | undefined;
  private draining: Promise<void> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CaptureQueueOptions) {}

  /** Resolves once the job is stored, so that a stopped worker still does it; the capture may already be under way. */
  async enqueue(job: CaptureJob): Promise<void> {
    const jobs = await this.change((current) => [...current, job]);
    const stored = this.write();
    this.start().catch((error: unknown) => this.options.onStopped?.(error));
    await stored;
    await this.options.onPendingChange?.(jobs.length);
  }

  /** Works the queue until it is empty; safe to call at any time, e.g. when the worker wakes. */
  start(): Promise<void> {
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** Resolves once every job queued so far has been saved or has failed. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    const { maxAttempts = 5, retryDelayMs = 600, sleep = defaultSleep } = this.options;
    for (;;) {
      const [job] = await this.current();
      if (!job) return;
      try {
        await this.options.perform(job);
        await this.remove(job.id);
        await this.options.onSuccess?.(job);
      } catch (error) {
        if (isRateLimitError(error) && job.attempts + 1 < maxAttempts) {
          await this.change((jobs) => jobs.map((j) => (j.id === job.id ? { ...j, attempts: j.attempts + 1 } : j)));
          await this.write();
          await sleep(retryDelayMs);
          continue;
        }
        await this.remove(job.id);
        await this.options.onFailure?.(job, error);
      }
    }
  }

  private async remove(id: string): Promise<void> {
    const jobs = await this.change((current) => current.filter((j) => j.id !== id));
    await this.write();
    await this.options.onPendingChange?.(jobs.length);
  }

  /** Changes the jobs in memory (in one step: no await between reading and writing them). */
  private async change(edit: (jobs: CaptureJob[]) => CaptureJob[]): Promise<CaptureJob[]> {
    await this.current();
    this.jobs = edit(this.jobs ?? []);
    return this.jobs;
  }

  /** The jobs, read from the store the first time (a worker that just started). */
  private async current(): Promise<CaptureJob[]> {
    if (this.jobs) return this.jobs;
    this.loading ??= this.options.store.load().finally(() => (this.loading = undefined));
    const loaded = await this.loading;
    this.jobs ??= loaded;
    return this.jobs;
  }

  /** Writes the jobs as they are when the write's turn comes, after every earlier write. */
  private write(): Promise<void> {
    const run = this.writes.then(() => this.options.store.save(this.jobs ?? []));
    this.writes = run.catch(() => undefined);
    return run;
  }
}
