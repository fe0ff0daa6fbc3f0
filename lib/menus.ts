import { browser, type Browser } from 'wxt/browser';
import { handleRecordHere } from './capture/pick';
import { openDashboard } from './dashboard/open';
import { reportBackgroundFailure } from './capture/report';

const RECORD_HERE_MENU = 'record-touchpoint-here';
const OPEN_DASHBOARD_MENU = 'open-dashboard';

/** The page's "Record touchpoint here", and "Open dashboard" in the toolbar button's menu. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: RECORD_HERE_MENU, title: 'Record touchpoint here', contexts: ['all'] });
  browser.contextMenus.create({ id: OPEN_DASHBOARD_MENU, title: 'Open dashboard', contexts: ['action'] });
}

export function handleMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (info.menuItemId === RECORD_HERE_MENU) void handleRecordHere(tab);
  if (info.menuItemId === OPEN_DASHBOARD_MENU) {
    openDashboard().catch((error: unknown) => reportBackgroundFailure(error, 'open the dashboard'));
  }
}
