/** What went wrong, in words for the researcher: a Zod validation's messages, or the error's own. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues.map((issue: { message: string }) => issue.message).join('; ');
  }
  if (isStorageFull(error)) {
    return 'the browser has no room left to store Touchtrail’s data. Export and delete old journeys, then try again; nothing was changed.';
  }
  return error instanceof Error ? error.message : String(error);
}

/** IndexedDB's refusal when the disk or the origin's quota is full (Dexie keeps the DOMException's name). */
function isStorageFull(error: unknown): boolean {
  if (!(error instanceof Error) && !(error instanceof DOMException)) return false;
  const inner = (error as { inner?: unknown }).inner;
  return error.name === 'QuotaExceededError' || (inner instanceof DOMException && inner.name === 'QuotaExceededError');
}
