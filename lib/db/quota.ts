/**
 * IndexedDB's refusal when the disk or the origin's quota is full: a QuotaExceededError, as the
 * browser names it, or wrapped by Dexie as the `inner` error of its own.
 */
export function isQuotaExceeded(error: unknown): boolean {
  const inner = error && typeof error === 'object' ? (error as { inner?: unknown }).inner : undefined;
  return [error, inner].some(
    (candidate) =>
      (candidate instanceof Error || candidate instanceof DOMException) &&
      (candidate.name === 'QuotaExceededError' || /QuotaExceeded|quota has been exceeded/i.test(candidate.message)),
  );
}
