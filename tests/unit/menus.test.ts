import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMenus, handleMenuClick } from '../../lib/menus';

describe('menus', () => {
  it('offers "Open dashboard" on the toolbar button and opens it in a tab', async () => {
    // WXT's fake browser has no context menus: record what would be created.
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue('');
    await createMenus();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ title: 'Open dashboard', contexts: ['action'] }));
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ title: 'Record touchpoint here' }));

    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    handleMenuClick({ menuItemId: 'open-dashboard', editable: false, pageUrl: '' });
    await vi.waitFor(() => expect(opened).toHaveBeenCalled());
    expect(opened.mock.calls[0]?.[0].url).toMatch(/\/dashboard\.html#\/$/);
  });
});
