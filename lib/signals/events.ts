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
  | { type: 'invalid-field'; t: number; label: string }
  /** A press released on a disabled control (which fires no click), or on something inside one. */
  | { type: 'disabled-press'; t: number; label: string }
  /** The page turned to scroll the other way, after `travel` px in the direction it leaves. */
  | { type: 'scroll-turn'; t: number; travel: number };

/**
 * What an occurrence's words are made of: its numbers and the page's own words (a label, an error
 * message). The signal's words (SignalWords.describe) make its detail of them, in the background.
 */
export type SignalFacts = Readonly<Record<string, string | number>>;

export interface DetectedSignal<K extends string = string> {
  kind: K;
  /** When the friction happened (the first event of it). */
  at: number;
  facts: SignalFacts;
  /** Identifies the occurrence, so that running a detector again does not report it twice. */
  key: string;
}

export type ClickEvent = Extract<PageEvent, { type: 'click' }>;

export function clicksOf(events: readonly PageEvent[]): ClickEvent[] {
  return events.filter((e): e is ClickEvent => e.type === 'click');
}
