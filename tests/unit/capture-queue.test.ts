import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { CaptureQueue, type CaptureJob, type JobStore } from '../../lib/capture/queue';
import { RateGate } from '../../lib/capture/rate-gate';
import { CAPTURE_COMMAND, handleCommand } from '../../lib/capture/handlers';
import { captureQueue } from '../../lib/capture/service';
import { db } from '../../lib/db';
import { activeJourneyId } from '../../lib/extension-storage/items';
import { walkInProgress } from './factories';
import { browserThatCaptures, PNG_DATA_URL, TAB } from './fake-capture-browser';

afterEach(() => vi.unstubAllGlobals());

/** A clock that only moves when the code under test sleeps, so spacing is measured exactly. */
function fakeClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      await Promise.resolve();
    },
  };
}

const persisted = storage.defineItem<CaptureJob[]>('local:test-capture-queue', { fallback: [] });
const store: JobStore = { load: () => persisted.getValue(), save: (jobs) => persisted.setValue(jobs) };

function job(n: number): CaptureJob {
  return {
    id: crypto.randomUUID(),
    journeyId: crypto.randomUUID(),
    tabId: n,
    windowId: 1,
    requestedAt: n,
    attempts: 0,
    source: 'manual',
    draft: false,
    fullPage: false,
  };
}

const rateLimited = () => new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');

describe('the rate gate', () => {
  it('spaces calls at least the interval apart, whenever they are asked for', async () => {
    const clock = fakeClock();
    const gate = new RateGate(550, clock.now, clock.sleep);
    const starts: number[] = [];
    for (let i = 0; i < 6; i++) {
      await gate.acquire();
      starts.push(clock.now());
    }
    expect(starts).toEqual([0, 550, 1100, 1650, 2200, 2750]);
  });
});

describe('the capture queue', () => {
  it('saves six captures requested at once, in the order they were asked for', async () => {
    const saved: number[] = [];
    const queue = new CaptureQueue({ store, perform: async (j) => void saved.push(j.tabId) });
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => queue.enqueue(job(n))));
    await queue.idle();
    expect(saved).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await persisted.getValue()).toEqual([]);
  });

  it("keeps the background's captures within the browser's rate limit", async () => {
    // The real pipeline, with a browser that takes its screenshots at once: any spacing between
    // them is the pipeline's own. (Real time: about 3 s.)
    const { captureVisibleTab } = browserThatCaptures(fakeBrowser);
    // Masking the page takes longer the first time (the page agent is put into the page), as
    // in a real tab; later captures are quick.
    const answer = await fakeBrowser.tabs.sendMessage(TAB.id, {});
    let firstMasking = true;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab: number, message: unknown) => {
      if ((message as { type?: string }).type === 'prepare-capture' && firstMasking) {
        firstMasking = false;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      return answer;
    });
    const shotAt: number[] = [];
    captureVisibleTab.mockImplementation(async () => {
      shotAt.push(Date.now());
      return PNG_DATA_URL;
    });
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    for (let i = 0; i < 6; i++) await handleCommand(CAPTURE_COMMAND, { ...TAB } as never);
    await captureQueue.idle();
    expect(await db.touchpoints.count()).toBe(6);
    expect(shotAt).toHaveLength(6);
    // No one-second window ever holds more than two screenshots.
    for (let i = 2; i < shotAt.length; i++) expect(shotAt[i]! - shotAt[i - 2]!).toBeGreaterThanOrEqual(1000);
  });

  it('retries a capture the browser refused for going too fast, and loses nothing', async () => {
    const clock = fakeClock();
    let refusals = 2;
    const saved: number[] = [];
    const queue = new CaptureQueue({
      store,
      sleep: clock.sleep,
      perform: async (j) => {
        if (j.tabId === 2 && refusals-- > 0) throw rateLimited();
        saved.push(j.tabId);
      },
    });
    for (const n of [1, 2, 3]) await queue.enqueue(job(n));
    await queue.idle();
    expect(saved).toEqual([1, 2, 3]);
  });

  it('reports a capture that cannot succeed, drops it, and goes on with the rest', async () => {
    const failures: string[] = [];
    const saved: number[] = [];
    const pending: number[] = [];
    const queue = new CaptureQueue({
      store,
      sleep: fakeClock().sleep,
      perform: async (j) => {
        if (j.tabId === 2) throw new Error('No tab with id: 2.');
        saved.push(j.tabId);
      },
      onFailure: (_j, error) => void failures.push((error as Error).message),
      onPendingChange: (n) => void pending.push(n),
    });
    for (const n of [1, 2, 3]) await queue.enqueue(job(n));
    await queue.idle();
    expect(saved).toEqual([1, 3]);
    expect(failures).toEqual(['No tab with id: 2.']);
    expect(pending.at(-1)).toBe(0);
  });

  it('gives up after the last attempt when the browser keeps refusing', async () => {
    const failures: unknown[] = [];
    const queue = new CaptureQueue({
      store,
      maxAttempts: 3,
      sleep: fakeClock().sleep,
      perform: () => Promise.reject(rateLimited()),
      onFailure: (_j, error) => void failures.push(error),
    });
    await queue.enqueue(job(1));
    await queue.idle();
    expect(failures).toHaveLength(1);
    expect(await persisted.getValue()).toEqual([]);
  });

  it('finishes the captures a stopped service worker left queued', async () => {
    await persisted.setValue([job(7), job(8)]);
    const saved: number[] = [];
    // A new worker: a new queue over the same storage.
    const queue = new CaptureQueue({ store, perform: async (j) => void saved.push(j.tabId) });
    await queue.start();
    expect(saved).toEqual([7, 8]);
  });

  it('keeps a job queued while it is being captured, so a worker stopped mid-capture redoes it', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const capturing = new Promise<void>((resolve) => (started = resolve));
    const queue = new CaptureQueue({
      store,
      perform: () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    });
    const first = job(1);
    await queue.enqueue(first);
    await capturing;
    expect((await persisted.getValue()).map((j) => j.id)).toEqual([first.id]);
    release();
    await queue.idle();
    expect(await persisted.getValue()).toEqual([]);
  });

  it('starts a capture while its job is still being stored, and answers only once it is stored', async () => {
    let finishWrite: () => void = () => undefined;
    const writes: CaptureJob[][] = [];
    const slowStore: JobStore = {
      load: async () => [],
      save: (jobs) => {
        writes.push(jobs);
        return new Promise<void>((resolve) => (finishWrite = resolve));
      },
    };
    let performed: () => void = () => undefined;
    const performing = new Promise<void>((resolve) => (performed = resolve));
    const queue = new CaptureQueue({ store: slowStore, perform: async () => performed() });
    let answered = false;
    const first = job(1);
    const enqueued = queue.enqueue(first).then(() => (answered = true));
    await performing; // would never resolve if the capture waited for the write
    expect(answered).toBe(false);
    expect(writes).toEqual([[first]]);
    finishWrite();
    await enqueued;
    // The job leaves the store only after the write that put it there.
    await vi.waitFor(() => expect(writes.length).toBe(2));
    expect(writes[1]).toEqual([]);
    finishWrite();
    await queue.idle();
  });

  it('works from what a stopped worker left stored, read once, with jobs queued meanwhile after them', async () => {
    await persisted.setValue([job(7)]);
    let loads = 0;
    const counting: JobStore = { load: () => (loads++, store.load()), save: (jobs) => store.save(jobs) };
    const saved: number[] = [];
    const queue = new CaptureQueue({ store: counting, perform: async (j) => void saved.push(j.tabId) });
    await Promise.all([queue.enqueue(job(8)), queue.enqueue(job(9)), queue.start()]);
    await queue.idle();
    expect(saved).toEqual([7, 8, 9]);
    expect(loads).toBe(1);
    expect(await persisted.getValue()).toEqual([]);
  });

  it('takes jobs queued while it is working', async () => {
    const saved: number[] = [];
    const queue: CaptureQueue = new CaptureQueue({
      store,
      perform: async (j) => {
        saved.push(j.tabId);
        if (j.tabId === 1) await queue.enqueue(job(2));
      },
    });
    await queue.enqueue(job(1));
    await queue.idle();
    expect(saved).toEqual([1, 2]);
  });
});
