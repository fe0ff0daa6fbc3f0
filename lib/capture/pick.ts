import type { Browser } from 'wxt/browser';
import { db } from '../db/database';
import { activeJourneyId } from '../walk/state';
import { CaptureError } from './errors';
import { sendToAgent } from './page-agent';
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
  await sendToAgent(tabId, { type: 'start-pick' });
}

/** The keyboard command for picking: like the capture shortcut, it works through activeTab. */
export async function handlePickCommand(tab?: Browser.tabs.Tab): Promise<void> {
  try {
    const journeyId = await activeJourneyId.getValue();
    if (!journeyId) throw new CaptureError('Start a journey in the Touchtrail side panel before picking elements.');
    await requestPick(journeyId, tab?.windowId, tab);
  } catch (error) {
    await reportCaptureFailure(error, { kind: 'pick', tabId: tab?.id, windowId: tab?.windowId });
  }
}

/** The page's context menu, "Record touchpoint here": records the element it was opened on. */
export async function handleRecordHere(tab?: Browser.tabs.Tab): Promise<void> {
  try {
    const journeyId = await activeJourneyId.getValue();
    if (!journeyId)
      throw new CaptureError('Start a journey in the Touchtrail side panel before recording touchpoints.');
    await recordingJourney(journeyId);
    if (tab?.id === undefined) throw new CaptureError('There is no page to record here.');
    await sendToAgent(tab.id, { type: 'pick-context-target' });
  } catch (error) {
    await reportCaptureFailure(error, { kind: 'pick', tabId: tab?.id, windowId: tab?.windowId });
  }
}

async function recordingJourney(journeyId: string) {
  const walk = await db.journeys.get(journeyId);
  if (!walk) throw new CaptureError('Start a journey in the Touchtrail side panel first.');
  if (walk.status !== 'active') throw new CaptureError('The journey is paused. Resume it to record touchpoints.');
  return walk;
}
