import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { focusedWindows, trackWindowFocus } from '../../lib/capture/focus-history';
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

describe('the focus remembered for the capture target', () => {
  it('is kept in storage, latest last, so a restarted worker still follows the persona', async () => {
    trackWindowFocus();
    await fakeBrowser.windows.onFocusChanged.trigger(1);
    await fakeBrowser.windows.onFocusChanged.trigger(3);
    await fakeBrowser.windows.onFocusChanged.trigger(-1); // the browser lost focus: nothing changes
    await vi.waitFor(async () => expect(await focusedWindows.getValue()).toEqual([1, 3]));
    await fakeBrowser.windows.onFocusChanged.trigger(2);
    await vi.waitFor(async () => expect(await focusedWindows.getValue()).toEqual([1, 3, 2]));

    vi.spyOn(fakeBrowser.windows, 'getAll').mockResolvedValue([shop, panel, pay] as never);
    expect(await resolveCaptureTarget()).toEqual({ tabId: 30, windowId: 3 });
  });
});
