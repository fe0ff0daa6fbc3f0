import { browser } from 'wxt/browser';
import { handleActionClick, handleCommand, routeRuntimeMessage } from '@/lib/capture/handlers';
import { forgetTab } from '@/lib/capture/page-reports';
import { forgetBurst } from '@/lib/capture/bursts';
import { followRecordingTabs } from '@/lib/capture/page-agent-control';
import { trackWindowFocus } from '@/lib/capture/focus-history';
import { createMenus, handleMenuClick } from '@/lib/menus';
import { captureQueue } from '@/lib/capture/service';
import { compactLeftovers } from '@/lib/capture/compact';
import { activeJourneyId, signalThresholdsItem } from '@/lib/extension-storage/items';
import { publishRecordingState } from '@/lib/db/publish-recording-state';
import { reportBackgroundFailure } from '@/lib/capture/report';
import { openStore } from '@/lib/db/store';

export default defineBackground(() => {
  // Opened as the worker starts, rather than when the capture that woke it first asks (a failure
  // to open is reported by that first use).
  void openStore().catch(() => undefined);
  // Firefox's sidebar API; WXT's types describe Chrome's.
  const { sidebarAction } = browser as unknown as { sidebarAction?: { open(): Promise<void> } };
  browser.action.onClicked.addListener((tab) => {
    // Opening the panel must happen in the click itself, before anything is awaited: Chrome's
    // side panel, or Firefox's sidebar (Firefox has no sidePanel API).
    const opened =
      sidebarAction?.open() ??
      (tab.windowId !== undefined ? browser.sidePanel?.open({ windowId: tab.windowId }) : undefined);
    opened?.catch((error: unknown) => reportBackgroundFailure(error, 'open its side panel'));
    handleActionClick(tab).catch((error: unknown) => reportBackgroundFailure(error, 'capture from the toolbar button'));
  });
  browser.runtime.onInstalled.addListener(() => {
    createMenus().catch((error: unknown) => reportBackgroundFailure(error, 'add its items to the page menu'));
  });
  browser.contextMenus.onClicked.addListener(handleMenuClick);
  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab));
  browser.runtime.onMessage.addListener((message, sender) => routeRuntimeMessage(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    forgetBurst(tabId);
  });
  followRecordingTabs();
  trackWindowFocus();
  // The recording state follows the database; thresholds changed in the panel reach pages through it.
  signalThresholdsItem.watch(() => void publishRecordingState().catch(reportStartupFailure));
  // Captures queued before the worker was stopped are finished now.
  captureQueue
    .start()
    .catch((error: unknown) =>
      reportBackgroundFailure(error, 'finish the captures queued before the browser stopped its background'),
    );
  // The rest can wait: a capture that woke the worker should not share its first moments with it.
  setTimeout(() => void captureQueue.idle().then(tidyAfterStart), TIDY_AFTER_START_MS);
});

/** What builds before 0.2 called the recording state; nothing reads it any more. */
const LEGACY_RECORDING_STATE_KEY = 'walkState';
/** After a start, how long the worker leaves its chores for the capture that may have woken it. */
const TIDY_AFTER_START_MS = 1000;

/**
 * Brings the recording state pages read up to date with the database (the dashboard may have
 * ended the journey meanwhile), and compresses screenshots a stopped worker left as captured.
 */
async function tidyAfterStart() {
  await publishRecordingState().catch(reportStartupFailure);
  await browser.storage.local.remove(LEGACY_RECORDING_STATE_KEY).catch(() => undefined);
  await compactLeftovers(await activeJourneyId.getValue()).catch((error: unknown) =>
    reportBackgroundFailure(error, 'compress the screenshots left as captured when the browser stopped its background'),
  );
}

function reportStartupFailure(error: unknown) {
  return reportBackgroundFailure(error, 'tell pages whether the journey records');
}
