import * as z from 'zod/mini';
import { defineCheckedItem, writeAlone } from '../extension-storage/checked-item';

// "Recent capture problems": every capture that failed, kept on this machine so that a
// researcher can tell someone which site did not work, and when.

/** How many problems are kept; older ones make room for new ones. */
export const PROBLEMS_KEPT = 50;

/** `background`: work of the background that no request waited on (a page's report, resuming queued captures). */
export const captureKind = z.enum(['capture', 'pick', 'full-page', 'auto', 'background']);
export type CaptureKind = z.infer<typeof captureKind>;

export const captureProblem = z.object({
  id: z.uuid(),
  at: z.number(),
  kind: captureKind,
  /** The page's address, when the browser shows it to Touchtrail (never for its own pages). */
  url: z.optional(z.string().check(z.maxLength(8_000))),
  message: z.string().check(z.maxLength(2_000)),
});
export type CaptureProblem = z.infer<typeof captureProblem>;

/** Read entry by entry through parseProblems, so that one bad entry does not lose the others. */
export const captureProblemsItem = defineCheckedItem<unknown[]>('local:captureProblems', {
  schema: z.array(z.unknown()),
  fallback: [],
  version: 1,
});

const KIND_LABELS: Record<CaptureKind, string> = {
  capture: 'capture',
  pick: 'pick element',
  'full-page': 'full page',
  auto: 'auto-recorded draft',
  background: 'background',
};

export function kindLabel(kind: CaptureKind): string {
  return KIND_LABELS[kind];
}

/** The stored problems that parse, newest first, at most PROBLEMS_KEPT; entries that do not parse are dropped. */
export function parseProblems(raw: unknown): CaptureProblem[] {
  if (!Array.isArray(raw)) return [];
  return newestFirst(raw.flatMap((entry) => captureProblem.safeParse(entry).data ?? []));
}

/** Both lists as one, each problem once, newest first and capped. */
export function mergeProblems(a: CaptureProblem[], b: CaptureProblem[]): CaptureProblem[] {
  const byId = new Map([...a, ...b].map((problem) => [problem.id, problem]));
  return newestFirst([...byId.values()]);
}

function newestFirst(problems: CaptureProblem[]): CaptureProblem[] {
  return [...problems].sort((x, y) => y.at - x.at).slice(0, PROBLEMS_KEPT);
}

/** One line per problem (ISO time, kind, address, message), to paste into a bug report. */
export function problemsAsText(problems: CaptureProblem[]): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  return problems
    .map((p) =>
      [
        new Date(p.at).toISOString(),
        kindLabel(p.kind),
        oneLine(p.url ?? '(address not known)'),
        oneLine(p.message),
      ].join('\t'),
    )
    .join('\n');
}

/** Read-modify-write, one at a time across the panel and the worker, so that no problem overwrites another. */
function changeProblems(change: (problems: CaptureProblem[]) => CaptureProblem[]): Promise<CaptureProblem[]> {
  return writeAlone('captureProblems', async () => {
    const before = parseProblems(await captureProblemsItem.getValue());
    await captureProblemsItem.setValue(change(before));
    return before;
  });
}

export async function recordCaptureProblem(problem: Omit<CaptureProblem, 'id'>): Promise<void> {
  const entry = captureProblem.parse({
    id: crypto.randomUUID(),
    ...problem,
    url: problem.url?.slice(0, 8_000),
    message: problem.message.slice(0, 2_000),
  });
  await changeProblems((problems) => mergeProblems([entry], problems));
}

/** Empties the list; returns what it held, for Undo. */
export function clearCaptureProblems(): Promise<CaptureProblem[]> {
  return changeProblems(() => []);
}

/** Undo of a clear: the cleared problems come back beside any recorded since. */
export async function restoreCaptureProblems(cleared: CaptureProblem[]): Promise<void> {
  await changeProblems((problems) => mergeProblems(problems, cleared));
}
