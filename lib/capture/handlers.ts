import { browser, type Browser } from 'wxt/browser';
import { db } from '../db/database';
import { panelToBackground, type CaptureRequestReply } from '../messaging/protocol';
import { handleAgentMessage } from '../signals/collector';
import { activeJourneyId } from '../walk/state';
import { CaptureError } from './errors';
import { PICK_COMMAND, handlePickCommand, requestPick } from './pick';
import { reportCaptureFailure, requestCapture } from './service';

export const CAPTURE_COMMAND = 'capture-touchpoint';

/**
 * The keyboard shortcut: captures the tab it was pressed on for the walk in progress. The
 * browser grants activeTab for that tab, so it works even where site access was declined.
 */
export async function handleCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command === PICK_COMMAND) return handlePickCommand(tab);
  if (command !== CAPTURE_COMMAND) return;
  try {
    const journeyId = await activeJourneyId.getValue();
    if (!journeyId) throw new CaptureError('Start a journey in the Touchtrail side panel before capturing.');
    await requestCapture(journeyId, tab?.windowId, tab);
  } catch (error) {
    await reportCaptureFailure(error);
  }
}

/**
 * The toolbar button: opens the side panel (see the background) and, while a walk is recording,
 * captures the tab it was clicked on, through the activeTab grant the click gives.
 */
export async function handleActionClick(tab: Browser.tabs.Tab): Promise<void> {
  const journeyId = await activeJourneyId.getValue();
  if (!journeyId) return;
  const walk = await db.journeys.get(journeyId);
  if (walk?.status !== 'active') return;
  try {
    await requestCapture(journeyId, tab.windowId, tab);
  } catch (error) {
    await reportCaptureFailure(error);
  }
}

/**
 * Messages from the extension's own pages. Anything else (a content script, which runs in a
 * web page, or a malformed message) is ignored.
 */
export async function handlePanelMessage(
  message: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<CaptureRequestReply | undefined> {
  if (!isExtensionPage(sender)) return undefined;
  const parsed = panelToBackground.safeParse(message);
  if (!parsed.success) return undefined;
  try {
    if (parsed.data.type === 'pick-element') {
      await requestPick(parsed.data.journeyId, parsed.data.windowId);
      return { ok: true, requestId: crypto.randomUUID() };
    }
    const fullPage = parsed.data.type === 'capture-full-page';
    const requestId = await requestCapture(parsed.data.journeyId, parsed.data.windowId, undefined, { fullPage });
    return { ok: true, requestId };
  } catch (error) {
    return { ok: false, error: await reportCaptureFailure(error) };
  }
}

/**
 * Every runtime message reaches the background here: reports from page agents (which run in
 * web pages) go to the signal collector, the rest to the panel handler.
 */
export function routeRuntimeMessage(message: unknown, sender: Browser.runtime.MessageSender) {
  if (isExtensionPage(sender)) return handlePanelMessage(message, sender);
  void handleAgentMessage(message, sender, browser.runtime.id);
  return undefined;
}

function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}
