/** What went wrong, in words for the researcher: a Zod validation's messages, or the error's own. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues.map((issue: { message: string }) => issue.message).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
