import { readStore } from '../db/store';
import { maskPreviewShown, type PreviewMasksMessage, type PreviewMasksReply } from '../messaging/protocol';
import { CaptureError, describeCaptureError } from './errors';
import { describeMasked } from './mask-summary';
import { sendToAgent } from './page-agent-control';
import { resolveCaptureTarget } from './target';

/**
 * "Preview masks": the page shows, for a few seconds, the masks a capture would draw with the
 * journey's and the study's settings, so the researcher sees what will be hidden before capturing.
 */
export async function previewMasks(request: PreviewMasksMessage): Promise<PreviewMasksReply> {
  try {
    const { journey, study } = await readStore(['journeys', 'studies'], async (transaction) => {
      const journey = await transaction.objectStore('journeys').get(request.journeyId);
      return { journey, study: journey && (await transaction.objectStore('studies').get(journey.studyId)) };
    });
    if (!journey) throw new CaptureError('This journey no longer exists.');
    const { tabId } = await resolveCaptureTarget(request.windowId);
    const reply = await sendToAgent(tabId, {
      type: 'show-mask-preview',
      masking: journey.masking,
      study: study?.privacy,
      allowList: study?.maskAllowList,
    });
    const shown = maskPreviewShown.safeParse(reply);
    if (!shown.success) throw new CaptureError('The page did not let Touchtrail show its masks.');
    return { ok: true, summary: `On the page for a few seconds: ${describeMasked(shown.data.masked)}` };
  } catch (error) {
    return { ok: false, error: describeCaptureError(error) };
  }
}
