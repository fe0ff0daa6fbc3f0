import type { z } from 'zod';

/** Why a file was refused, in words the researcher can act on; nothing was written. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * A file's own error map for Zod: a field the file lacks is "missing", where Zod would say
 * "expected string, received undefined" (a word of JavaScript, not of the researcher's file).
 */
export const missingFields: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'Missing' : undefined;

/** A Zod failure as "where: what" lines, the first few of them. */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : 'the file';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : '';
  return lines.join('; ') + more;
}
