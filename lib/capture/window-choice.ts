/** What the choice needs to know of a browser window (a subset of the browser's own shape). */
export interface WindowInfo {
  id?: number;
  type?: string;
  tabs?: TabInfo[];
}

export interface TabInfo {
  id?: number;
  active?: boolean;
  url?: string;
  title?: string;
  openerTabId?: number;
}

export interface ChosenTarget {
  tabId: number;
  windowId: number;
  /** A window the journey's page opened itself (a payment window, "Sign in with …"). */
  popup: boolean;
  url?: string;
  title?: string;
}

/**
 * The tab a capture takes: the active tab of the most recently focused window of the journey.
 * The journey's windows are the normal browser windows, and pop-up windows opened by one of
 * their pages (transitively: a pop-up opened by such a pop-up too). A window in front of the
 * extension's own page (the panel opened in a window of its own) is never the target.
 *
 * `focusOrder` lists window ids as they got focus, the latest last; ids of closed windows are
 * simply not found. Undefined when no window of the journey was ever focused.
 */
export function chooseCaptureTarget(
  windows: WindowInfo[],
  focusOrder: number[],
  isExtensionPage: (url: string) => boolean,
): ChosenTarget | undefined {
  const journeyWindows = journeyWindowIds(windows);
  for (let i = focusOrder.length - 1; i >= 0; i--) {
    const window = windows.find((w) => w.id === focusOrder[i]);
    if (window?.id === undefined || !journeyWindows.has(window.id)) continue;
    const tab = window.tabs?.find((t) => t.active);
    if (tab?.id === undefined || (tab.url !== undefined && isExtensionPage(tab.url))) continue;
    return { tabId: tab.id, windowId: window.id, popup: window.type === 'popup', url: tab.url, title: tab.title };
  }
  return undefined;
}

function journeyWindowIds(windows: WindowInfo[]): Set<number> {
  const ids = new Set<number>();
  const journeyTabs = new Set<number>();
  const join = (window: WindowInfo) => {
    if (window.id !== undefined) ids.add(window.id);
    for (const tab of window.tabs ?? []) if (tab.id !== undefined) journeyTabs.add(tab.id);
  };
  windows.filter((w) => w.type === 'normal').forEach(join);
  // Each round adds the pop-ups opened from a tab already known; stops when a round adds none.
  let popups = windows.filter((w) => w.type === 'popup');
  for (let added = true; added;) {
    const opened = popups.filter((w) =>
      w.tabs?.some((t) => t.openerTabId !== undefined && journeyTabs.has(t.openerTabId)),
    );
    opened.forEach(join);
    popups = popups.filter((w) => !opened.includes(w));
    added = opened.length > 0;
  }
  return ids;
}
