import { browser, type Browser } from 'wxt/browser';
import { NotRecordingError, recordingJourney } from '../db/recording';
import {
  panelToBackground,
  previewMasksMessage,
  type CaptureRequestReply,
  type PanelToBackground,
  type PreviewMasksReply,
} from '../messaging/protocol';
import { handleAgentMessage } from './page-reports';
import { activeJourneyId } from '../extension-storage/items';
import { PICK_COMMAND, handlePickCommand, requestPick } from './pick';
import { previewMasks } from './preview';
import { PANEL_REQUEST_KINDS, reportBackgroundFailure, reportCaptureFailure } from './report';
import { requestCapture } from './service';

export const CAPTURE_COMMAND = 'capture-touchpoint';

/**
 * The keyboard shortcut: captures the tab it was pressed on for the walk in progress. The
 * browser grants activeTab for that tab, so it works even where site access was declined.
 */
export async function handleCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command === PICK_COMMAND) return handlePickCommand(tab);
  if (command !== CAPTURE_COMMAND) return;
  try {
    const journey = await recordingJourney(await activeJourneyId.getValue());
    await requestCapture(journey.id, tab?.windowId, tab);
  } catch (error) {
    await reportCaptureFailure(error, { kind: 'capture', tabId: tab?.id, windowId: tab?.windowId });
  }
}

/**
 * The toolbar button: opens the side panel (see the background) and, while a walk is recording,
 * captures the tab it was clicked on, through the activeTab grant the click gives.
 */
export async function handleActionClick(tab: Browser.tabs.Tab): Promise<void> {
  const journey = await recordingJourney(await activeJourneyId.getValue()).catch((error: unknown) => {
    // Not recording: the click only opens the panel. Anything else is the researcher's to know.
    if (error instanceof NotRecordingError) return undefined;
    throw error;
  });
  if (!journey) return;
  try {
    await requestCapture(journey.id, tab.windowId, tab);
  } catch (error) {
    await reportCaptureFailure(error, { kind: 'capture', tabId: tab.id, windowId: tab.windowId });
  }
}

/**
 * Messages from the extension's own pages. Anything else (a content script, which runs in a
 * web page, or a malformed message) is ignored.
 */
export async function handlePanelMessage(
  message: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<CaptureRequestReply | PreviewMasksReply | undefined> {
  if (!isExtensionPage(sender)) return undefined;
  const preview = previewMasksMessage.safeParse(message);
  if (preview.success) return previewMasks(preview.data);
  const parsed = panelToBackground.safeParse(message);
  if (!parsed.success) return undefined;
  const request = parsed.data;
  const { tab, windowId } = await targetOf(request);
  try {
    if (request.type === 'pick-element') {
      await requestPick(request.journeyId, windowId, tab);
      return { ok: true, requestId: crypto.randomUUID() };
    }
    const fullPage = request.type === 'capture-full-page';
    const requestId = await requestCapture(request.journeyId, windowId, tab, { fullPage });
    return { ok: true, requestId };
  } catch (error) {
    const attempt = { kind: PANEL_REQUEST_KINDS[request.type], tabId: tab?.id, windowId };
    return { ok: false, error: await reportCaptureFailure(error, attempt) };
  }
}

/**
 * "Try again" goes to the tab of the request that failed while it is open, else to its window
 * while that is open; otherwise, as any panel request, to the active tab of the panel's window.
 */
async function targetOf(request: PanelToBackground): Promise<{ tab?: Browser.tabs.Tab; windowId?: number }> {
  const { retryOf } = request;
  if (retryOf?.tabId !== undefined) {
    const tab = await browser.tabs.get(retryOf.tabId).catch(() => undefined);
    if (tab) return { tab, windowId: tab.windowId };
  }
  if (retryOf?.windowId !== undefined) {
    const window = await browser.windows.get(retryOf.windowId).catch(() => undefined);
    if (window?.id !== undefined) return { windowId: window.id };
  }
  return { windowId: request.windowId };
}

/**
 * Every runtime message reaches the background here: reports from page agents (which run in
 * web pages) go to page-reports.ts, the rest to the panel handler.
 */
export function routeRuntimeMessage(message: unknown, sender: Browser.runtime.MessageSender) {
  if (isExtensionPage(sender)) return handlePanelMessage(message, sender);
  handleAgentMessage(message, sender, browser.runtime.id).catch((error: unknown) =>
    reportBackgroundFailure(error, 'handle what a page reported'),
  );
  return undefined;
}

function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}
