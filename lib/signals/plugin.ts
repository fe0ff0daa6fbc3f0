import type { FRICTION_CATEGORIES } from '../model/friction-categories';
import type { DetectedSignal, PageEvent, SignalFacts } from './events';

// A friction signal is one module in lib/signals/kinds/ exporting its detector and, apart, the
// detector described for the researcher (a SignalPlugin), listed in detectors.ts and registry.ts.
// The page observer and the background read the detectors; the settings, the data model and the
// README read the plugins. Only the detectors are bundled into every page (no zod here, and no
// words for the researcher there: a detector finds facts, the background describes them).

/** A signal's thresholds: named whole numbers (times in milliseconds). */
export type Thresholds = Readonly<Record<string, number>>;

/** Every signal's thresholds, by kind. */
export type ThresholdsByKind = Readonly<Record<string, Thresholds>>;

/** How one threshold is shown and bounded in the settings (stored in ms, shown in seconds). */
export interface ThresholdField {
  /** Follows the signal's label: "Rage click: at least". */
  label: string;
  unit: 'seconds' | 'clicks' | 'pixels' | 'reversals';
  min: number;
  max: number;
}

/** What detecting a signal takes, in the page or the background. */
export interface SignalDetector<K extends string = string, T extends Thresholds = Thresholds> {
  kind: K;
  /** Detected in the page, or in the background over a tab's navigations (when it spans pages). */
  runsIn: 'page' | 'background';
  /** The page events its detector reads; the observer listens only for what some signal needs. */
  needs: readonly PageEvent['type'][];
  /**
   * At most this many on one page, for a signal the page itself can raise at will (its keys
   * start with its kind and a colon, which the limit counts by).
   */
  perPage?: number;
  defaults: T;
  /**
   * Pure: every occurrence decidable from the events seen so far (oldest first) at time `now`.
   * `all` holds every signal's thresholds, for a signal that defers to another's.
   */
  detect(events: readonly PageEvent[], now: number, th: T, all: ThresholdsByKind): DetectedSignal<K>[];
}

/** A signal as the researcher meets it. */
export interface SignalWords<T extends Thresholds = Thresholds> {
  /** Its name for the researcher, in the panel, the exports and the README. */
  label: string;
  /** The friction category it becomes when the researcher accepts it. */
  category: (typeof FRICTION_CATEGORIES)[number];
  fields: { readonly [P in keyof T]: ThresholdField };
  /**
   * One occurrence in words ("3 clicks within 0.6 s on “Pay”"), from the facts its detector
   * found. Made in the background: the facts come from the page, any may be missing or odd.
   */
  describe(facts: SignalFacts): string;
}

export type SignalPlugin<K extends string = string, T extends Thresholds = Thresholds> = SignalDetector<K, T> &
  SignalWords<T>;

/** Typed identity, so each kind file keeps its literal kind and threshold names. */
/* @__NO_SIDE_EFFECTS__ */
export function defineDetector<K extends string, T extends Thresholds>(
  detector: SignalDetector<K, T>,
): SignalDetector<K, T> {
  return detector;
}

/** The detector with its words (pure, so a bundle that needs only the detector leaves the words out). */
/* @__NO_SIDE_EFFECTS__ */
export function describeSignal<K extends string, T extends Thresholds>(
  detector: SignalDetector<K, T>,
  words: SignalWords<T>,
): SignalPlugin<K, T> {
  return { ...detector, ...words };
}

/** Another signal's thresholds, as the registry fills them in (its defaults otherwise). */
export function thresholdsOf<T extends Thresholds>(all: ThresholdsByKind, detector: SignalDetector<string, T>): T {
  return (all[detector.kind] as T | undefined) ?? detector.defaults;
}
