import { browser } from 'wxt/browser';

/** Opens the dashboard in a new tab, at a route such as `/journey/<id>/map` (see routes.ts). */
export async function openDashboard(route = '/'): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html#${route}`) });
}
