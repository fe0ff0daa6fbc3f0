// The browser's side of a capture, for tests that drive the real capture pipeline: one tab in
// front, a page agent that masks and restores, a PNG from captureVisibleTab, and an image encoder
// (Node has no canvas) that makes a smaller WebP.

import { vi } from 'vitest';
import type { fakeBrowser } from 'wxt/testing/fake-browser';

export const TAB = { id: 4, windowId: 1 };

export const PNG_BYTES = new Uint8Array(400);
PNG_BYTES.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
new DataView(PNG_BYTES.buffer).setUint32(16, 1280);
new DataView(PNG_BYTES.buffer).setUint32(20, 800);

class FakeCanvas {
  constructor(
    public width: number,
    public height: number,
  ) {}
  getContext() {
    return { canvas: this, drawImage() {}, fillRect() {}, save() {}, restore() {} };
  }
  async convertToBlob() {
    return new Blob([`webp ${this.width}x${this.height}`], { type: 'image/webp' });
  }
}

export const PNG_DATA_URL = `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}`;

/** Makes `browser` (the fake browser of the modules loaded) capture a 1280×800 page. */
export function browserThatCaptures(browser: typeof fakeBrowser) {
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ ...TAB, active: true }] as never);
  const sendMessage = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({
    ok: true,
    url: 'https://shop.example/cart',
    title: 'Your cart',
    devicePixelRatio: 1,
    masked: {},
    stillMasked: true, // the answer to restore-after-capture: the page kept its masks
  });
  const captureVisibleTab = vi.spyOn(browser.tabs, 'captureVisibleTab').mockResolvedValue(PNG_DATA_URL);
  vi.stubGlobal('createImageBitmap', async () => ({ width: 1280, height: 800, close() {} }));
  vi.stubGlobal('OffscreenCanvas', FakeCanvas);
  return { captureVisibleTab, sendMessage };
}
