import { isQuotaExceeded } from '@/lib/db/quota';

/** What went wrong, in words for the researcher: a Zod validation's messages, or the error's own. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues.map((issue: { message: string }) => issue.message).join('; ');
  }
  if (isQuotaExceeded(error)) {
    return 'the browser has no room left to store Touchtrail’s data. Export and delete old journeys, then try again; nothing was changed.';
  }
  return error instanceof Error ? error.message : String(error);
}
