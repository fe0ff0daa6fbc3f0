// Every way a capture can fail ends in the panel's message (with "Try again" for the same
// request) and in "Recent capture problems". These drive the real handlers, queue and storage.

import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CAPTURE_COMMAND,
  handleActionClick,
  handleCommand,
  handlePanelMessage,
  routeRuntimeMessage,
} from '../../lib/capture/handlers';
import { PICK_COMMAND, handleRecordHere } from '../../lib/capture/pick';
import {
  PROBLEMS_KEPT,
  captureProblemsItem,
  clearCaptureProblems,
  parseProblems,
  problemsAsText,
  recordCaptureProblem,
  restoreCaptureProblems,
  type CaptureProblem,
} from '../../lib/capture/problems';
import { captureQueue } from '../../lib/capture/service';
import { closeStore } from '../../lib/db/store';
import { pauseJourney } from '../../lib/db';
import { handleAgentMessage } from '../../lib/capture/page-reports';
import { activeJourneyId, captureStatus } from '../../lib/extension-storage/items';
import { walkInProgress } from './factories';
import { TAB, browserThatCaptures } from './fake-capture-browser';

const SHOP = 'https://shop.example/cart';
const extensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });
const problems = async () => parseProblems(await captureProblemsItem.getValue());
const lastError = async () => (await captureStatus.getValue()).lastError;
/** The one problem listed, after checking that there is exactly one. */
async function theProblem(): Promise<CaptureProblem> {
  const list = await problems();
  expect(list).toHaveLength(1);
  return list[0]!;
}

async function recording() {
  const { journey } = await walkInProgress();
  await activeJourneyId.setValue(journey.id);
  return journey;
}

/** The walked tab shows the shop; its address is visible to Touchtrail. */
function tabShowingTheShop() {
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
    if (id !== TAB.id) throw new Error(`No tab with id: ${id}.`);
    return { ...TAB, url: SHOP } as never;
  });
}

/** The walked tab shows the browser's error page (the site did not load). */
function pageThatDidNotLoad() {
  browserThatCaptures(fakeBrowser);
  tabShowingTheShop();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
    new Error('Could not establish connection. Receiving end does not exist.'),
  );
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(
    new Error('Frame with ID 0 is showing error page'),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('every failed capture is recorded, with what was attempted and where', () => {
  it('a queued capture of a page that did not load: the sentence, Try again for that tab, the address', async () => {
    const journey = await recording();
    pageThatDidNotLoad();
    const reply = await handlePanelMessage(
      { type: 'capture-touchpoint', journeyId: journey.id, windowId: TAB.windowId },
      extensionPage(),
    );
    expect(reply?.ok).toBe(true); // queued: it fails when its turn comes
    await captureQueue.idle();

    const error = await lastError();
    expect(error?.message).toMatch(/The page did not load/);
    expect(error?.retry).toEqual({ type: 'capture-touchpoint', tabId: TAB.id, windowId: TAB.windowId });
    expect(await problems()).toMatchObject([{ kind: 'capture', url: SHOP, message: error?.message }]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('a full-page capture that fails is listed as one', async () => {
    const journey = await recording();
    pageThatDidNotLoad();
    await handlePanelMessage(
      { type: 'capture-full-page', journeyId: journey.id, windowId: TAB.windowId },
      extensionPage(),
    );
    await captureQueue.idle();
    expect(await problems()).toMatchObject([{ kind: 'full-page', url: SHOP }]);
    expect((await lastError())?.retry?.type).toBe('capture-full-page');
  });

  it('the keyboard command with no journey: no tab to name, so no address', async () => {
    await handleCommand(CAPTURE_COMMAND);
    const problem = await theProblem();
    expect(problem).toMatchObject({ kind: 'capture' });
    expect(problem.message).toMatch(/Start a journey/);
    expect(problem.url).toBeUndefined();
  });

  it('the pick command on a paused journey, with the address of the tab it was pressed on', async () => {
    const journey = await recording();
    await pauseJourney(journey.id);
    tabShowingTheShop();
    await handleCommand(PICK_COMMAND, { ...TAB } as never);
    const problem = await theProblem();
    expect(problem).toMatchObject({ kind: 'pick', url: SHOP });
    expect(problem.message).toMatch(/paused/);
    expect((await lastError())?.retry).toEqual({ type: 'pick-element', tabId: TAB.id, windowId: TAB.windowId });
  });

  it('the toolbar button when the tab cannot be reached', async () => {
    await recording();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    vi.spyOn(captureQueue, 'enqueue').mockRejectedValue(new Error('No tab with id: 4.'));
    await handleActionClick({ ...TAB } as never);
    const problem = await theProblem();
    expect(problem.kind).toBe('capture');
    expect(problem.message).toMatch(/tab was closed/);
  });

  it('the context menu with no page', async () => {
    await recording();
    await handleRecordHere(undefined);
    expect(await problems()).toMatchObject([{ kind: 'pick', message: 'There is no page to record here.' }]);
  });

  it('a panel request refused before it is queued (a paused journey)', async () => {
    const journey = await recording();
    await pauseJourney(journey.id);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...TAB, active: true }] as never);
    tabShowingTheShop();
    const reply = await handlePanelMessage(
      { type: 'pick-element', journeyId: journey.id, windowId: TAB.windowId },
      extensionPage(),
    );
    const problem = await theProblem();
    expect(reply).toEqual({ ok: false, error: problem.message });
    expect(problem.message).toMatch(/paused/);
    // The address of the tab the request would have been for.
    expect(problem).toMatchObject({ kind: 'pick', url: SHOP });
  });

  it('an element picked after the journey was paused is not dropped silently', async () => {
    const journey = await recording();
    await pauseJourney(journey.id);
    const sender = { id: fakeBrowser.runtime.id, url: SHOP, tab: { ...TAB } as never };
    await handleAgentMessage({ type: 'element-picked', element: {} }, sender, fakeBrowser.runtime.id);
    const problem = await theProblem();
    expect(problem.kind).toBe('pick');
    expect(problem.message).toBe(
      'The journey is paused: resume it in the Touchtrail side panel, then try again. Nothing was recorded.',
    );
  });

  it('an element that cannot be read, picked or auto-recorded, is not dropped silently', async () => {
    const journey = await recording();
    const { setAutoRecord } = await import('../../lib/db');
    await setAutoRecord(journey.id, true);
    const sender = { id: fakeBrowser.runtime.id, url: SHOP, tab: { ...TAB } as never };
    await handleAgentMessage({ type: 'element-picked', element: { selector: 42 } }, sender, fakeBrowser.runtime.id);
    await handleAgentMessage({ type: 'auto-click', element: 'nonsense' }, sender, fakeBrowser.runtime.id);
    expect((await problems()).map((p) => p.kind)).toEqual(['auto', 'pick']);
  });
});

describe('background work no request waits on', () => {
  it('a page report whose handling fails is listed, not lost in an unhandled rejection', async () => {
    await recording();
    // The database cannot be reached when a page reports a signal.
    closeStore();
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The database is closed.', 'InvalidStateError');
    });
    onTestFinished(() => open.mockRestore());
    const sender = { id: fakeBrowser.runtime.id, url: SHOP, tab: { ...TAB } as never, frameId: 0 };
    const signal = {
      type: 'page-signal',
      kind: 'rage-click',
      at: Date.now(),
      facts: { clicks: 3, ms: 600, label: 'Pay' },
    };
    expect(routeRuntimeMessage(signal, sender)).toBeUndefined();
    await vi.waitFor(async () => expect(await problems()).toHaveLength(1));
    const problem = await theProblem();
    expect(problem.kind).toBe('background');
    expect(problem.message).toMatch(/^Touchtrail could not handle what a page reported\. \(.*closed/);
  });
});

describe('Try again', () => {
  it('goes to the tab of the failed request while it is open, even from a panel in another window', async () => {
    const journey = await recording();
    browserThatCaptures(fakeBrowser);
    tabShowingTheShop();
    const enqueue = vi.spyOn(captureQueue, 'enqueue').mockResolvedValue();
    await handlePanelMessage(
      { type: 'capture-full-page', journeyId: journey.id, windowId: 99, retryOf: { tabId: TAB.id, windowId: 7 } },
      extensionPage(),
    );
    expect(enqueue.mock.calls[0]?.[0]).toMatchObject({ tabId: TAB.id, windowId: TAB.windowId, fullPage: true });
  });

  it('goes to the active tab of the current window when the failed request’s tab and window are gone', async () => {
    const journey = await recording();
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([{ id: 12, windowId: 3, active: true }] as never);
    tabShowingTheShop();
    const enqueue = vi.spyOn(captureQueue, 'enqueue').mockResolvedValue();
    await handlePanelMessage(
      { type: 'capture-touchpoint', journeyId: journey.id, windowId: 3, retryOf: { tabId: 55, windowId: 56 } },
      extensionPage(),
    );
    expect(query).toHaveBeenCalledWith({ active: true, windowId: 3 });
    expect(enqueue.mock.calls[0]?.[0]).toMatchObject({ tabId: 12, windowId: 3 });
  });
});

describe('the list of recent capture problems', () => {
  const problem = (at: number, overrides: Partial<CaptureProblem> = {}): CaptureProblem => ({
    id: crypto.randomUUID(),
    at,
    kind: 'capture',
    url: SHOP,
    message: `Failure at ${at}`,
    ...overrides,
  });

  it(`keeps the newest ${PROBLEMS_KEPT}, newest first`, async () => {
    for (let at = 1; at <= PROBLEMS_KEPT + 5; at++)
      await recordCaptureProblem({ at, kind: 'capture', message: `#${at}` });
    const kept = await problems();
    expect(kept).toHaveLength(PROBLEMS_KEPT);
    expect(kept[0]?.message).toBe(`#${PROBLEMS_KEPT + 5}`);
    expect(kept.at(-1)?.message).toBe('#6');
  });

  it('keeps problems recorded at the same moment apart', async () => {
    await Promise.all([1, 2, 3].map((n) => recordCaptureProblem({ at: 5, kind: 'pick', message: `#${n}` })));
    expect((await problems()).map((p) => p.message).sort()).toEqual(['#1', '#2', '#3']);
  });

  it('reads what storage holds defensively: entries that do not parse are dropped, anything else is no list', async () => {
    const good = problem(10);
    await captureProblemsItem.setValue([
      good,
      { ...problem(11), kind: 'screenshot' },
      { ...problem(12), at: 'yesterday' },
      { ...problem(13), url: 'x'.repeat(9_000) },
      null,
      'a string',
    ]);
    expect(await problems()).toEqual([good]);
    for (const junk of [null, 'text', 42, { problems: [good] }]) expect(parseProblems(junk)).toEqual([]);
  });

  it('copies as one line per problem: ISO time, kind, address, message', () => {
    const text = problemsAsText([
      problem(Date.UTC(2026, 10, 27, 9, 30), { kind: 'full-page', message: 'The page did not load.\nGo back.' }),
      problem(Date.UTC(2026, 10, 27, 9, 0), { kind: 'auto', url: undefined, message: 'No tab.' }),
    ]);
    expect(text.split('\n')).toEqual([
      `2026-11-27T09:30:00.000Z\tfull page\t${SHOP}\tThe page did not load. Go back.`,
      '2026-11-27T09:00:00.000Z\tauto-recorded draft\t(address not known)\tNo tab.',
    ]);
  });

  it('clears, and Undo brings the cleared problems back beside those recorded since', async () => {
    await recordCaptureProblem({ at: 1, kind: 'capture', message: 'old' });
    const cleared = await clearCaptureProblems();
    expect(await problems()).toEqual([]);
    await recordCaptureProblem({ at: 2, kind: 'pick', message: 'new' });
    await restoreCaptureProblems(cleared);
    expect((await problems()).map((p) => p.message)).toEqual(['new', 'old']);
  });
});
