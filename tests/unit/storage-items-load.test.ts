// A worker that starts for a capture should spend its first moments on that capture: the
// extension-storage items its modules define are read when first used, not as they load.

import { describe, expect, it, vi } from 'vitest';

describe("the background's storage items", () => {
  it('read nothing from extension storage as their modules load; each is read on first use', async () => {
    vi.resetModules();
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const { captureStatus } = await import('../../lib/extension-storage/items');
    await import('../../lib/capture/service');
    // Reads begun as the modules loaded are asked within their promise callbacks: all asked by now.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads).not.toHaveBeenCalled();

    await captureStatus.getValue();
    expect(reads).toHaveBeenCalled();
  });
});
