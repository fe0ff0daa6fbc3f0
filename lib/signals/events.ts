// What the page agent observes on a page, as plain data: the detectors are pure functions of
// a list of these (times in milliseconds, all from the same clock).

export type PageEvent =
  | { type: 'click'; t: number; x: number; y: number; interactive: boolean; label: string }
  | { type: 'key'; t: number }
  | { type: 'mutation'; t: number }
  | { type: 'scroll'; t: number }
  | { type: 'selection'; t: number }
  | { type: 'navigation'; t: number; url: string }
  | { type: 'error'; t: number; message: string }
  | { type: 'page-timing'; t: number; url: string; loadMs?: number; largestPaintMs?: number }
  | { type: 'invalid-field'; t: number; label: string };

export interface DetectedSignal {
  kind: 'rage-click' | 'dead-click' | 'error-click' | 'slow-page' | 'quick-back' | 'form-error';
  /** When the friction happened (the first event of it). */
  at: number;
  detail: string;
  /** Identifies the occurrence, so that running a detector again does not report it twice. */
  key: string;
}

export interface SignalThresholds {
  rageClicks: number;
  rageWindowMs: number;
  rageRadiusPx: number;
  deadClickWaitMs: number;
  deadClickQuietMs: number;
  errorAfterClickMs: number;
  slowPageMs: number;
  quickBackMs: number;
}

export const DEFAULT_THRESHOLDS: SignalThresholds = {
  rageClicks: 3,
  rageWindowMs: 1000,
  rageRadiusPx: 30,
  deadClickWaitMs: 2500,
  deadClickQuietMs: 100,
  errorAfterClickMs: 1000,
  slowPageMs: 3000,
  quickBackMs: 5000,
};

export type ClickEvent = Extract<PageEvent, { type: 'click' }>;

export function clicksOf(events: readonly PageEvent[]): ClickEvent[] {
  return events.filter((e): e is ClickEvent => e.type === 'click');
}

export function quote(label: string): string {
  return label ? `“${label.slice(0, 60)}”` : 'an unlabelled element';
}
