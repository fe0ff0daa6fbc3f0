import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dataUrlToBlob, unencodedScreenshot } from '../../lib/capture/encode';
import { CaptureError, describeCaptureError } from '../../lib/capture/errors';
import { CAPTURE_COMMAND, handleActionClick, handleCommand, handlePanelMessage } from '../../lib/capture/handlers';
import {
  followRecordingTabs,
  PAGE_AGENT_FILE,
  PAGE_TOOLS_FILE,
  requestSiteAccess,
} from '../../lib/capture/page-agent-control';
import { RECORDING_STATE_KEY } from '../../lib/extension-storage/recording-state';
import { handleRecordHere } from '../../lib/capture/pick';
import { captureQueue } from '../../lib/capture/service';
import { db, pauseJourney, resumeJourney } from '../../lib/db';
import { activeJourneyId, captureStatus } from '../../lib/extension-storage/items';
import { walkInProgress } from './factories';
import { browserThatCaptures, TAB } from './fake-capture-browser';

const extensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });

describe('the capture keyboard command', () => {
  it('tells the researcher to start a journey when none is active', async () => {
    await handleCommand(CAPTURE_COMMAND);
    expect((await captureStatus.getValue()).lastError?.message).toMatch(/Start a journey/);
  });

  it('flags the failure on the toolbar button too, for when the panel is closed', async () => {
    await handleCommand(CAPTURE_COMMAND);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('tells the researcher to resume a paused journey, and records nothing', async () => {
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    await pauseJourney(journey.id);
    await handleCommand(CAPTURE_COMMAND, { id: 1, windowId: 1 } as never);
    expect((await captureStatus.getValue()).lastError?.message).toMatch(/paused/);
    expect(await db.touchpoints.count()).toBe(0);
  });

  it('ignores other commands', async () => {
    await handleCommand('something-else');
    expect(await captureStatus.getValue()).toEqual({ pending: 0 });
  });
});

describe('the toolbar button', () => {
  /** The background's listeners, registered as the worker does when it starts. */
  async function startBackground() {
    // Events the fake browser does not implement; none is used here.
    for (const event of [fakeBrowser.contextMenus.onClicked, fakeBrowser.commands.onCommand]) {
      vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    }
    const { default: background } = await import('../../entrypoints/background');
    background.main();
  }

  // The panel must open in the click itself, before anything is awaited (browsers allow it only
  // during the user's gesture): so each check follows the click with nothing awaited between.
  it("opens Chrome's side panel in the click itself", async () => {
    const openPanel = vi.fn().mockResolvedValue(undefined);
    const chrome = fakeBrowser as unknown as { sidebarAction?: unknown; sidePanel?: unknown };
    const sidebarAction = chrome.sidebarAction;
    try {
      // The fake browser has Firefox's sidebar too; Chrome has none.
      delete chrome.sidebarAction;
      chrome.sidePanel = { open: openPanel };
      await startBackground();
      void fakeBrowser.action.onClicked.trigger({ id: 1, windowId: 3 } as never, undefined);
      expect(openPanel).toHaveBeenCalledWith({ windowId: 3 });
    } finally {
      chrome.sidebarAction = sidebarAction;
      delete chrome.sidePanel;
    }
  });

  it("opens Firefox's sidebar in the click itself", async () => {
    const openSidebar = vi.spyOn(fakeBrowser.sidebarAction, 'open').mockResolvedValue();
    await startBackground();
    void fakeBrowser.action.onClicked.trigger({ id: 1, windowId: 3 } as never, undefined);
    expect(openSidebar).toHaveBeenCalledOnce();
  });

  it('captures only while a journey records', async () => {
    browserThatCaptures(fakeBrowser);
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    await pauseJourney(journey.id);
    await handleActionClick({ ...TAB } as never);
    await captureQueue.idle();
    expect(await captureStatus.getValue()).toEqual({ pending: 0 });
    expect(await db.touchpoints.count()).toBe(0);

    // The positive control: the same click once the journey records again.
    await resumeJourney(journey.id);
    await handleActionClick({ ...TAB } as never);
    await captureQueue.idle();
    expect(await db.touchpoints.count()).toBe(1);
  });
});

describe('the context menu, "Record touchpoint here"', () => {
  it('asks the page agent for the element the menu was opened on, with the page tools injected first', async () => {
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    await handleRecordHere({ id: 7, windowId: 1 } as never);
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 7 }, files: [PAGE_TOOLS_FILE] });
    expect(send).toHaveBeenCalledWith(7, { type: 'pick-context-target' });
    // The agent may fall back on the picker (the element is gone): the tools are there before it is asked.
    expect(inject.mock.invocationCallOrder[0]).toBeLessThan(send.mock.invocationCallOrder[0]!);
  });

  it('says so when the page agent could not start the picker (no element, no tools)', async () => {
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({
      ok: false,
      reason: 'The page tools are not in this page.',
    });
    await handleRecordHere({ id: 7, windowId: 1 } as never);
    expect((await captureStatus.getValue()).lastError?.message).toMatch(/could not be put in pick mode/);
  });

  it('explains that a journey must be recording first', async () => {
    await handleRecordHere({ id: 7, windowId: 1 } as never);
    expect((await captureStatus.getValue()).lastError?.message).toMatch(/Start a journey/);
  });
});

describe('messages to the background', () => {
  it('ignores messages from web pages (content scripts), whatever they say', async () => {
    const { journey } = await walkInProgress();
    const fromPage = { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 3 } as never };
    expect(await handlePanelMessage({ type: 'capture-touchpoint', journeyId: journey.id }, fromPage)).toBeUndefined();
    expect(
      await handlePanelMessage({ type: 'capture-touchpoint', journeyId: journey.id }, { id: 'other-extension' }),
    ).toBeUndefined();
  });

  it('ignores malformed messages', async () => {
    expect(
      await handlePanelMessage({ type: 'capture-touchpoint', journeyId: 'not-a-uuid' }, extensionPage()),
    ).toBeUndefined();
    expect(await handlePanelMessage({ type: 'delete-everything' }, extensionPage())).toBeUndefined();
    expect(await handlePanelMessage('capture', extensionPage())).toBeUndefined();
  });

  it('answers a capture request for a journey that is gone with a clear error', async () => {
    const reply = await handlePanelMessage(
      { type: 'capture-touchpoint', journeyId: crypto.randomUUID() },
      extensionPage(),
    );
    expect(reply?.ok).toBe(false);
    expect(reply && !reply.ok && reply.error).toBe('The journey no longer exists. Nothing was recorded.');
  });
});

describe('site access', () => {
  it('asks for all sites and reports the answer', async () => {
    const request = vi.fn().mockResolvedValue(false);
    expect(await requestSiteAccess({ request, contains: vi.fn() })).toBe(false);
    expect(request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
  });

  it('falls back to what is already granted when the browser will not prompt', async () => {
    const request = vi.fn().mockRejectedValue(new Error('This function must be called during a user gesture'));
    expect(await requestSiteAccess({ request, contains: vi.fn().mockResolvedValue(true) })).toBe(true);
  });

  it('puts the page agent into loaded pages only while a journey records and access is granted', async () => {
    const injected: number[] = [];
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async ({ target, files }) => {
      expect(files).toEqual([PAGE_AGENT_FILE]);
      injected.push(target.tabId);
      return [];
    });
    const hasAgent = new Set<number>([9]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
      if (!hasAgent.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true };
    });
    // Each event's handler runs the same steps in the same order, so once a later event's tab
    // has its agent, every earlier event has been handled: no waiting for a while.
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    followRecordingTabs();

    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'complete' }, {} as never); // nothing records
    await fakeBrowser.storage.local.set({ [RECORDING_STATE_KEY]: { recording: true, autoRecord: false } });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 9, windowId: 1 }); // already has an agent
    await fakeBrowser.tabs.onUpdated.trigger(6, { status: 'loading' }, {} as never);
    await fakeBrowser.tabs.onUpdated.trigger(6, { status: 'complete' }, {} as never);
    await vi.waitFor(() => expect(injected).toContain(6));
    expect(injected).toEqual([6]); // once loaded; not tab 5, loaded while nothing recorded; not tab 9

    injected.length = 0;
    contains.mockResolvedValueOnce(false); // no access to all sites: only per capture, through activeTab
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, {} as never);
    await fakeBrowser.tabs.onUpdated.trigger(8, { status: 'complete' }, {} as never); // access again
    await vi.waitFor(() => expect(injected).toContain(8));
    expect(injected).toEqual([8]);
  });

  it('listens to tab loads and switches only while a journey records, so nothing else starts a stopped worker', async () => {
    // The fake's events count their listeners; the browser's types do not say so.
    const events = [fakeBrowser.tabs.onUpdated, fakeBrowser.tabs.onActivated] as unknown as {
      hasListeners(): boolean;
    }[];
    const listening = () => events.map((event) => event.hasListeners());
    const recordingState = (recording: boolean) =>
      fakeBrowser.storage.local.set({ [RECORDING_STATE_KEY]: { recording, autoRecord: false } });
    followRecordingTabs();
    // As it starts: the event that woke the worker may be a tab load.
    expect(listening()).toEqual([true, true]);
    await vi.waitFor(() => expect(listening()).toEqual([false, false])); // nothing records

    await recordingState(true);
    expect(listening()).toEqual([true, true]);
    await recordingState(false); // paused
    expect(listening()).toEqual([false, false]);
  });

  it('goes on putting the agent into loaded pages when the worker starts while a journey records', async () => {
    await fakeBrowser.storage.local.set({ [RECORDING_STATE_KEY]: { recording: true, autoRecord: false } });
    const injected: number[] = [];
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async ({ target }) => {
      injected.push(target.tabId);
      return [];
    });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    followRecordingTabs();
    // The load that woke the worker: handled once the recording state is read, after the
    // listeners were kept or dropped on that same read.
    await fakeBrowser.tabs.onUpdated.trigger(6, { status: 'complete' }, {} as never);
    await vi.waitFor(() => expect(injected).toEqual([6]));
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, {} as never);
    await vi.waitFor(() => expect(injected).toEqual([6, 7]));
  });
});

describe('capture errors', () => {
  it.each([
    ['No tab with id: 12.', /tab was closed/],
    ['Cannot access contents of url "chrome://settings/". Extension manifest must request permission', /browser page/],
    ["Either the '<all_urls>' or 'activeTab' permission is required.", /no access to this site/],
    [
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      /no access to this site/,
    ],
    ['QuotaExceededError: The quota has been exceeded.', /no room left/],
    ['Frame with ID 0 was removed.', /page changed while it was being captured/],
    ['The message port closed before a response was received.', /page changed while it was being captured/],
    ['Failed to capture tab: image readback failed', /page changed while it was being captured/],
  ])('explain "%s" in words the researcher can act on', (message, expected) => {
    const text = describeCaptureError(new Error(message));
    expect(text).toMatch(expected);
    expect(text).toMatch(/Nothing was saved/);
  });

  it('pass our own messages through', () => {
    expect(describeCaptureError(new CaptureError('Resume the journey.'))).toBe('Resume the journey.');
  });
});

describe('screenshot decoding', () => {
  it('turns a data URL into a Blob of its bytes', async () => {
    const blob = dataUrlToBlob('data:image/png;base64,AAEC/w==');
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('refuses anything else', () => {
    expect(() => dataUrlToBlob('https://example.com/x.png')).toThrow(/unexpected form/);
  });

  it('stores a capture as its PNG, sized from the header, the PNG standing in as thumbnail', () => {
    const header = new Uint8Array(33);
    header.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(header.buffer).setUint32(16, 2560);
    new DataView(header.buffer).setUint32(20, 1600);
    const dataUrl = `data:image/png;base64,${btoa(String.fromCharCode(...header))}`;
    const shot = unencodedScreenshot(dataUrl, 2);
    expect(shot).toMatchObject({ width: 2560, height: 1600, devicePixelRatio: 2, mime: 'image/png' });
    expect(shot.thumbnail).toBe(shot.image);
    expect(() => unencodedScreenshot('data:image/jpeg;base64,/9j/4AAQ', 1)).toThrow(/unexpected form/);
  });
});
