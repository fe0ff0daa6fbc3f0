import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rememberPanelFocus, trackWindowFocus, windowFocusLog } from '../../lib/capture/focus-history';
import { personaFocusOrder, SAME_MOMENT_MS } from '../../lib/capture/persona-focus';
import { resolveCaptureTarget } from '../../lib/capture/target';
import { chooseCaptureTarget, type WindowInfo } from '../../lib/capture/window-choice';

const EXTENSION = 'chrome-extension://touchtrail/';
const isExtensionPage = (url: string) => url.startsWith(EXTENSION);

// The persona's shop window (tab 10 in front), the panel opened in a window of its own, and
// the bank's payment window the shop's checkout opened.
const shop: WindowInfo = {
  id: 1,
  type: 'normal',
  tabs: [
    { id: 9, active: false, url: 'https://shop.example/' },
    { id: 10, active: true, url: 'https://shop.example/checkout', title: 'Checkout' },
  ],
};
const panel: WindowInfo = { id: 2, type: 'popup', tabs: [{ id: 20, active: true, url: `${EXTENSION}sidepanel.html` }] };
const pay: WindowInfo = {
  id: 3,
  type: 'popup',
  tabs: [{ id: 30, active: true, url: 'https://bank.example/pay', title: 'Pay', openerTabId: 10 }],
};

describe('the capture target', () => {
  it('is the pop-up the journey opened, when the persona is in it', () => {
    expect(chooseCaptureTarget([shop, panel, pay], [1, 2, 3], isExtensionPage)).toEqual({
      tabId: 30,
      windowId: 3,
      popup: true,
      url: 'https://bank.example/pay',
      title: 'Pay',
    });
  });

  it('is never the extension’s own window, even when it was focused last', () => {
    expect(chooseCaptureTarget([shop, panel, pay], [1, 3, 2], isExtensionPage)?.tabId).toBe(30);
    expect(chooseCaptureTarget([shop, panel], [1, 2], isExtensionPage)?.tabId).toBe(10);
  });

  it('falls back to the window behind a pop-up once the pop-up is closed', () => {
    expect(chooseCaptureTarget([shop, panel], [1, 2, 3], isExtensionPage)).toMatchObject({ tabId: 10, popup: false });
  });

  it('follows the persona back to the shop window while the pop-up stays open', () => {
    expect(chooseCaptureTarget([shop, panel, pay], [3, 2, 1], isExtensionPage)?.tabId).toBe(10);
  });

  it('includes a pop-up opened by a journey pop-up, but not a pop-up opened by nothing of the journey', () => {
    const signIn: WindowInfo = { id: 4, type: 'popup', tabs: [{ id: 40, active: true, openerTabId: 30 }] };
    const stranger: WindowInfo = { id: 5, type: 'popup', tabs: [{ id: 50, active: true, openerTabId: 20 }] };
    // Listed before their openers, so one pass over the windows is not enough.
    expect(chooseCaptureTarget([signIn, pay, shop, panel], [1, 3, 4], isExtensionPage)?.tabId).toBe(40);
    expect(chooseCaptureTarget([stranger, shop, panel], [1, 5], isExtensionPage)?.tabId).toBe(10);
  });

  it('is undefined before any window of the journey got focus', () => {
    expect(chooseCaptureTarget([shop, panel, pay], [2], isExtensionPage)).toBeUndefined();
  });
});

describe('the windows the persona was in', () => {
  it('are the windows as they got focus', () => {
    expect(personaFocusOrder([at(1, 0), at(3, 5_000)], [])).toEqual([1, 3]);
  });

  it('leave out the shop window getting focus because the researcher clicked its side panel', () => {
    const windows = [at(1, 0), at(3, 5_000), at(1, 9_000)];
    expect(personaFocusOrder(windows, [panelEvent(1, 'focus', 9_010)])).toEqual([1, 3]);
    // The panel's focus may be reported before the window's.
    expect(personaFocusOrder(windows, [panelEvent(1, 'focus', 8_990)])).toEqual([1, 3]);
    // A worker woken by the event may note it late: while the panel keeps focus, it is still the researcher's.
    expect(personaFocusOrder(windows, [panelEvent(1, 'focus', 9_000 - SAME_MOMENT_MS - 400)])).toEqual([1, 3]);
    // A panel focus that ended (blur) before is another moment: the persona did go back to the shop window.
    const earlier = [panelEvent(1, 'focus', 2_000), panelEvent(1, 'blur', 2_100)];
    expect(personaFocusOrder(windows, earlier)).toEqual([1, 1, 3, 1]);
  });

  it('count the researcher leaving the panel for the page beside it as the persona going back there', () => {
    const windows = [at(1, 0), at(3, 5_000), at(1, 9_000)];
    const panelClickedThenPage = [panelEvent(1, 'focus', 9_000), panelEvent(1, 'blur', 12_000)];
    expect(personaFocusOrder(windows, panelClickedThenPage)).toEqual([1, 3, 1]);
    // Leaving the panel for the pop-up (or another application) is a window focus of its own.
    const backToPopup = [...windows, at(3, 12_005)];
    expect(personaFocusOrder(backToPopup, panelClickedThenPage)).toEqual([1, 3, 3]);
    expect(personaFocusOrder([...windows, at(-1, 12_002)], panelClickedThenPage)).toEqual([1, 3, -1]);
  });
});

describe('the focus remembered for the capture target', () => {
  it('is kept in storage, so a restarted worker still follows the persona into the pop-up', async () => {
    trackWindowFocus();
    await fakeBrowser.windows.onFocusChanged.trigger(1);
    await fakeBrowser.windows.onFocusChanged.trigger(3);
    await vi.waitFor(async () => expect((await windowFocusLog.getValue()).map((e) => e.windowId)).toEqual([1, 3]));
    // The researcher clicks the side panel of the shop window: the persona is still paying.
    const clickedAt = Date.now();
    await rememberPanelFocus(1, 'focus', clickedAt);
    await fakeBrowser.windows.onFocusChanged.trigger(1);
    await vi.waitFor(async () => expect(await windowFocusLog.getValue()).toHaveLength(3));

    vi.spyOn(fakeBrowser.windows, 'getAll').mockResolvedValue([shop, panel, pay] as never);
    expect(await resolveCaptureTarget(1)).toEqual({ tabId: 30, windowId: 3 });
  });
});

function at(windowId: number, time: number) {
  return { windowId, at: time };
}

function panelEvent(windowId: number, kind: 'focus' | 'blur', time: number) {
  return { windowId, kind, at: time };
}
