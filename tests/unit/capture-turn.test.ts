// A capture is asked for with the journey as it is at that moment; the capture itself may wait
// behind others (a burst). What it is taken with (masking above all) is the journey as it is at
// its turn: the journey read when it was asked for serves only a capture that starts at once.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CAPTURE_COMMAND, handleCommand } from '../../lib/capture/handlers';
import { captureQueue } from '../../lib/capture/service';
import { db } from '../../lib/db';
import { activeJourneyId } from '../../lib/extension-storage/items';
import { walkInProgress } from './factories';
import { browserThatCaptures, PNG_DATA_URL, TAB } from './fake-capture-browser';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a capture that waits behind another', () => {
  it('is taken with masking as the journey has it at its turn, not as it was when asked for', async () => {
    const { journey } = await walkInProgress();
    await db.journeys.update(journey.id, { masking: false });
    await activeJourneyId.setValue(journey.id);
    const { captureVisibleTab, sendMessage } = browserThatCaptures(fakeBrowser);
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    captureVisibleTab.mockImplementationOnce(async () => {
      await firstHeld;
      return PNG_DATA_URL;
    });

    await handleCommand(CAPTURE_COMMAND, { ...TAB } as never);
    await vi.waitFor(() => expect(captureVisibleTab).toHaveBeenCalledTimes(1));
    await handleCommand(CAPTURE_COMMAND, { ...TAB } as never); // queued behind the first
    // The researcher turns masking on while the second waits its turn, a second later.
    await db.journeys.update(journey.id, { masking: true });
    const later = Date.now() + 1000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    releaseFirst();
    await captureQueue.idle();

    const prepared = sendMessage.mock.calls
      .map(([, message]) => message as { type: string; masking?: boolean })
      .filter((message) => message.type === 'prepare-capture');
    expect(prepared.map((message) => message.masking)).toEqual([false, true]);
    expect(await db.touchpoints.count()).toBe(2);
  });
});
