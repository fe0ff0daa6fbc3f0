// Where the time of a cold capture goes, read from a browser trace: Chromium's own trace events
// for starting a service worker and for copying the tab's frame (what captureVisibleTab asks of
// the compositor), between the click's mark and the commit; and the two User Timing measures the
// worker records as it starts (lib/timing.ts): opening the database and reading the capture queue.

import { START_STEPS } from '../../lib/timing';

/** The trace categories these events are in (few, so that tracing itself costs little). */
export const COLD_PATH_CATEGORIES = ['blink.user_timing', 'ServiceWorker', 'viz'];

interface TraceEvent {
  name: string;
  ts: number;
  ph?: string;
  id2?: { local?: string };
  args?: { Script?: string };
}

/** One capture: the name of the mark made at its click, and its latency measured in the panel. */
export interface MarkedCapture {
  mark: string;
  committed: number;
}

/** The steps of one cold capture, in ms; each is undefined when its events are missing from the trace. */
export interface ColdPath {
  /** From the click to the browser being asked to start the worker (the panel's message). */
  toWorkerStart?: number;
  /** From then to the worker's script evaluated and the worker running. */
  workerStart?: number;
  /** From the worker running to the copy of the tab's frame asked for (the pipeline before the picture). */
  toCapture?: number;
  /** The copy of the frame, from the request to its result. */
  capture?: number;
  /** From the copy's result to the touchpoint committed (seen by the panel's poll). */
  toCommit?: number;
  /** Opening the database, begun as the worker's script runs (alongside the steps above). */
  storeOpen?: number;
  /** Reading the queued captures from extension storage, begun likewise. */
  queueRead?: number;
}

export const COLD_PATH_STEPS: [keyof ColdPath, string][] = [
  ['toWorkerStart', 'click → worker start asked'],
  ['workerStart', 'worker start'],
  ['toCapture', 'worker running → frame copy asked'],
  ['capture', 'frame copy'],
  ['toCommit', 'copy → committed'],
  ['storeOpen', 'alongside: database open'],
  ['queueRead', 'queue read'],
];

export function coldPaths(trace: Buffer, captures: MarkedCapture[], extensionId: string): ColdPath[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = (Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])).sort((a, b) => a.ts - b.ts);
  return captures.map(({ mark, committed }) => {
    const click = events.find((e) => e.name === mark)?.ts;
    if (click === undefined) return {};
    const commit = click + committed * 1000;
    const after = (from: number | undefined, name: string, test: (e: TraceEvent) => boolean = () => true) =>
      from === undefined
        ? undefined
        : events.find((e) => e.ts >= from && e.ts <= commit && e.name === name && test(e))?.ts;
    const ours = (e: TraceEvent) => e.args?.Script?.includes(extensionId) ?? false;
    const asked = after(click, 'ServiceWorkerVersion::StartWorkerRequested', ours);
    const started = after(asked, 'ServiceWorkerVersion::StartWorkerFinished');
    const copyAsked = after(started, 'FrameSinkManagerImpl::RequestCopyOfOutput');
    const copied = after(copyAsked, 'CopyOutputResultSenderImpl::SendResult');
    const span = (from?: number, to?: number) =>
      from === undefined || to === undefined ? undefined : (to - from) / 1000;
    // A measure is a pair of async events (begin, end) sharing an id.
    const measure = (name: string) => {
      const begin = events.find((e) => e.ts >= (asked ?? commit) && e.ts <= commit && e.name === name && e.ph === 'b');
      const end = begin && events.find((e) => e.name === name && e.ph === 'e' && e.id2?.local === begin.id2?.local);
      return span(begin?.ts, end?.ts);
    };
    return {
      toWorkerStart: span(click, asked),
      workerStart: span(asked, started),
      toCapture: span(started, copyAsked),
      capture: span(copyAsked, copied),
      toCommit: span(copied, commit),
      storeOpen: measure(START_STEPS.storeOpen),
      queueRead: measure(START_STEPS.queueRead),
    };
  });
}
