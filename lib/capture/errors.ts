import { isQuotaExceeded } from '../db/quota';
import { NotRecordingError } from '../db/recording';
import { suggestedKeys } from '../shortcuts';

/** A capture failure the researcher can act on; its message is shown as it is. */
export class CaptureError extends Error {}

/** The touchpoint was saved, but its screenshot could not be compressed: nothing to try again. */
export class CompactionError extends CaptureError {}

/** The page navigated (or dropped the masks) between masking and the screenshot. */
export const PAGE_CHANGED =
  'The page changed while it was being captured (it navigated, or dropped Touchtrail’s masks). Nothing was saved: capture again.';

/** The page took Touchtrail's masks off its fields as they went on (a hostile or an over-eager page). */
export const MASKS_REMOVED =
  'The page removed Touchtrail’s masks from its form fields as they were put on, so it was not captured: the fields would have shown. Nothing was saved.';

export const TAB_CLOSED = 'The tab was closed before it could be captured. Nothing was saved.';

export function isRateLimitError(error: unknown): boolean {
  return messageOf(error).includes('MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND');
}

/** Turns what the browser threw into a sentence that tells the researcher what happened and what to do. */
export function describeCaptureError(error: unknown): string {
  if (error instanceof CaptureError || error instanceof NotRecordingError) return error.message;
  const message = messageOf(error);
  if (/No tab with id|No window with id|tab was closed/i.test(message)) return TAB_CLOSED;
  // What Chromium says when the page unloads before it answers, or before it can be read back.
  if (
    /Frame with ID \d+ was removed|message port closed before a response|back\/forward cache|image readback failed/i.test(
      message,
    )
  )
    return PAGE_CHANGED;
  // Chromium's own page for a site that did not load (offline, refused, not found).
  if (/is showing error page|chrome-error:\/\//i.test(message))
    return 'The page did not load: the tab shows the browser’s error page, which cannot be captured. Go back, or reload the page once the site answers, then try again. Nothing was saved.';
  if (/chrome:\/\/|chrome-extension:\/\/|about:|edge:\/\/|extensions gallery|chrome-search:|webstore/i.test(message))
    return 'This is a browser page (such as chrome:// or the Web Store) that extensions may not capture. Switch to a web page and try again. Nothing was saved.';
  if (
    /'<all_urls>' or 'activeTab' permission|'activeTab' permission is not in effect|Missing host permission|must request permission|Cannot access/i.test(
      message,
    )
  )
    return `Touchtrail has no access to this site. Press ${suggestedKeys().capture} or click the Touchtrail toolbar button while on the page, or allow site access when you start a journey. Nothing was saved.`;
  // The page agent was put into the page but did not answer: the page was still loading, or went.
  if (/Receiving end does not exist/i.test(message))
    return 'The page did not answer Touchtrail (it may still be loading). Wait until it has loaded, then try again. Nothing was saved.';
  if (isQuotaExceeded(error))
    return 'The browser has no room left to store screenshots. Export and delete old journeys, then try again. Nothing was saved.';
  if (isRateLimitError(error))
    return 'The browser refused too many captures in a row. Try again in a moment. Nothing was saved.';
  return `Touchtrail could not capture this page. Nothing was saved. Try again; if it keeps failing, copy it from “Recent capture problems” to report it. (The browser said: ${message || 'nothing'}.)`;
}

/**
 * Compressing a capture comes after its touchpoint is saved: a failure there must not say that
 * nothing was saved (the researcher would capture it again), only that the screenshot stays as captured.
 */
export function describeCompactionError(error: unknown): string {
  if (isQuotaExceeded(error))
    return 'The touchpoint was saved, but the browser has no room left to compress its screenshot. Export and delete old journeys before capturing more.';
  return `The touchpoint was saved, but its screenshot could not be compressed (${messageOf(error)}): it is kept as captured.`;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
