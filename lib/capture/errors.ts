import { JourneyClosedError } from '../db/touchpoints';

/** A capture failure the researcher can act on; its message is shown as it is. */
export class CaptureError extends Error {}

export function isRateLimitError(error: unknown): boolean {
  return messageOf(error).includes('MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND');
}

/** Turns what the browser threw into a sentence that tells the researcher what happened and what to do. */
export function describeCaptureError(error: unknown): string {
  if (error instanceof CaptureError || error instanceof JourneyClosedError) return error.message;
  const message = messageOf(error);
  if (/No tab with id|No window with id|tab was closed/i.test(message))
    return 'The tab was closed before it could be captured. Nothing was saved.';
  if (/chrome:\/\/|chrome-extension:\/\/|about:|edge:\/\/|extensions gallery|chrome-search:|webstore/i.test(message))
    return 'This is a browser page (such as chrome:// or the Web Store) that extensions may not capture. Switch to a web page and try again. Nothing was saved.';
  if (
    /'<all_urls>' or 'activeTab' permission|Missing host permission|must request permission|Cannot access/i.test(
      message,
    )
  )
    return 'Touchtrail has no access to this site. Press Alt+Shift+T or click the Touchtrail toolbar button while on the page, or allow site access when you start a journey. Nothing was saved.';
  if (/QuotaExceeded|quota/i.test(message))
    return 'The browser has no room left to store screenshots. Export and delete old journeys, then try again. Nothing was saved.';
  if (isRateLimitError(error))
    return 'The browser refused too many captures in a row. Try again in a moment. Nothing was saved.';
  return `The capture failed: ${message || 'unknown error'}. Nothing was saved.`;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
