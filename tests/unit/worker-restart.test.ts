// Chromium stops an idle extension service worker after 30 s and starts a new one for the next
// event: everything held in module memory is gone, only storage and IndexedDB remain. Here the
// background's modules are loaded afresh (vi.resetModules) over the same fake IndexedDB and the
// same extension storage, as a new worker finds them, and the researcher captures again.
// (The real worker stopped in Chromium: tests/e2e/worker-stop.spec.ts.)

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { walkInProgress } from './factories';
import { browserThatCaptures, TAB } from './fake-capture-browser';

/** The background as a freshly started worker loads it. */
async function loadBackground() {
  const { fakeBrowser: browser } = await import('wxt/testing/fake-browser');
  browserThatCaptures(browser);
  const handlers = await import('../../lib/capture/handlers');
  const { captureQueue } = await import('../../lib/capture/service');
  const { db } = await import('../../lib/db');
  const { captureStatus } = await import('../../lib/extension-storage/items');
  return {
    browser,
    db,
    captureStatus,
    async capture() {
      await handlers.handleCommand(handlers.CAPTURE_COMMAND, { ...TAB } as never);
      await captureQueue.idle();
    },
  };
}

const bySeq = <T extends { seq: number }>(points: T[]) => [...points].sort((a, b) => a.seq - b.seq);

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a service worker stopped in the middle of a journey', () => {
  it('lands the next capture in the same journey with the next sequence number', async () => {
    const { journey } = await walkInProgress();
    const first = await loadBackground();
    const { activeJourneyId } = await import('../../lib/extension-storage/items');
    await activeJourneyId.setValue(journey.id);
    await first.capture();
    await first.capture();
    expect(bySeq(await first.db.touchpoints.toArray()).map((t) => t.seq)).toEqual([1, 2]);

    // The worker stops: module memory goes, extension storage and IndexedDB stay.
    const stored = await fakeBrowser.storage.local.get(null);
    first.db.close();
    vi.resetModules();
    const next = await loadBackground();
    await next.browser.storage.local.set(stored);
    await next.capture();

    const points = bySeq(await next.db.touchpoints.toArray());
    expect(points.map((t) => [t.journeyId, t.seq])).toEqual([1, 2, 3].map((seq) => [journey.id, seq]));
    const shots = await next.db.screenshots.toArray();
    expect(shots.map((s) => s.touchpointId).sort()).toEqual(points.map((t) => t.id).sort());
    expect((await next.captureStatus.getValue()).lastError).toBeUndefined();
  });
});
