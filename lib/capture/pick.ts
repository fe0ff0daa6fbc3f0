import type { Browser } from 'wxt/browser';
import { recordingJourney } from '../db/recording';
import { activeJourneyId } from '../extension-storage/items';
import { CaptureError } from './errors';
import { sendToAgentWithTools } from './page-agent-control';
import { reportCaptureFailure } from './report';
import { resolveCaptureTarget } from './target';

export const PICK_COMMAND = 'pick-element';
/** Puts the page in pick mode; the agent reports the picked element, which is then captured. */
export async function requestPick(
  journeyId: string,
  windowId?: number,
  tab?: Pick<Browser.tabs.Tab, 'id'>,
): Promise<void> {
  await recordingJourney(journeyId);
  const tabId = tab?.id ?? (await resolveCaptureTarget(windowId)).tabId;
  refusedPick(await sendToAgentWithTools(tabId, { type: 'start-pick' }));
}

/** The agent answers { ok: false } when it could not start the picker (its tools were not there). */
function refusedPick(reply: unknown) {
  if (typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === false) {
    throw new CaptureError('The page could not be put in pick mode. Reload the page and try again.');
  }
}

/** The keyboard command for picking: like the capture shortcut, it works through activeTab. */
export async function handlePickCommand(tab?: Browser.tabs.Tab): Promise<void> {
  try {
    const journey = await recordingJourney(await activeJourneyId.getValue());
    await requestPick(journey.id, tab?.windowId, tab);
  } catch (error) {
    await reportCaptureFailure(error, { kind: 'pick', tabId: tab?.id, windowId: tab?.windowId });
  }
}

/** The page's context menu, "Record touchpoint here": records the element it was opened on. */
export async function handleRecordHere(tab?: Browser.tabs.Tab): Promise<void> {
  try {
    await recordingJourney(await activeJourneyId.getValue());
    if (tab?.id === undefined) throw new CaptureError('There is no page to record here.');
    refusedPick(await sendToAgentWithTools(tab.id, { type: 'pick-context-target' }));
  } catch (error) {
    await reportCaptureFailure(error, { kind: 'pick', tabId: tab?.id, windowId: tab?.windowId });
  }
}
