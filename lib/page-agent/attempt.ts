// Runs in the web page. Real pages hold elements of every kind, some of which throw when asked
// things (an SVG element given to an HTML-only API, a node from another document): one such
// element must never fail what the agent is doing for the whole page.

export const FAILED = Symbol('failed');

/** The work's result, or FAILED when it threw. */
export function attempt<T>(work: () => T): T | typeof FAILED {
  try {
    return work();
  } catch {
    return FAILED;
  }
}

/** The work's result, or the fallback when it threw. */
export function orElse<T>(work: () => T, fallback: T): T {
  const result = attempt(work);
  return result === FAILED ? fallback : result;
}
