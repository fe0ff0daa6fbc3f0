// User Timing measures of the worker's own start-up steps, for the browser's performance tools
// and the cold-capture benchmark, which reads them from a browser trace
// (tests/bench/cold-path-trace.ts). Each costs microseconds, once per worker start.

/** The steps measured, by the name they carry in the browser's timeline. */
export const START_STEPS = {
  storeOpen: 'touchtrail:store-open',
  queueRead: 'touchtrail:queue-read',
} as const;

/** `work`, with its duration recorded as a User Timing measure named `name` when it settles. */
export function measured<T>(name: string, work: Promise<T>): Promise<T> {
  const start = performance.now();
  const record = () => performance.measure(name, { start });
  work.then(record, record);
  return work;
}
