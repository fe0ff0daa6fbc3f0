import type { FRICTION_CATEGORIES } from '../model/friction-categories';
import type { DetectedSignal, PageEvent } from './events';

// A friction signal is one module in lib/signals/kinds/ exporting a SignalPlugin, listed in
// registry.ts. The page observer, the background, the settings, the data model and the README
// all read that list, so adding a signal is adding its file and its line in the registry.
// (Bundled into every page: no zod here, and nothing heavier than strings and a function.)

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

export interface SignalPlugin<K extends string = string, T extends Thresholds = Thresholds> {
  kind: K;
  /** Its name for the researcher, in the panel, the exports and the README. */
  label: string;
  /** Detected in the page, or in the background over a tab's navigations (when it spans pages). */
  runsIn: 'page' | 'background';
  /** The page events its detector reads; the observer listens only for what some signal needs. */
  needs: readonly PageEvent['type'][];
  /** The friction category it becomes when the researcher accepts it. */
  category: (typeof FRICTION_CATEGORIES)[number];
  /**
   * At most this many on one page, for a signal the page itself can raise at will (its keys
   * start with its kind and a colon, which the limit counts by).
   */
  perPage?: number;
  defaults: T;
  fields: { readonly [P in keyof T]: ThresholdField };
  /**
   * Pure: every occurrence decidable from the events seen so far (oldest first) at time `now`.
   * `all` holds every signal's thresholds, for a signal that defers to another's.
   */
  detect(events: readonly PageEvent[], now: number, th: T, all: ThresholdsByKind): DetectedSignal<K>[];
}

/** Typed identity, so each kind file keeps its literal kind and threshold names. */
export function defineSignal<K extends string, T extends Thresholds>(plugin: SignalPlugin<K, T>): SignalPlugin<K, T> {
  return plugin;
}

/** Another signal's thresholds, as the registry fills them in (its defaults otherwise). */
export function thresholdsOf<T extends Thresholds>(all: ThresholdsByKind, plugin: SignalPlugin<string, T>): T {
  return (all[plugin.kind] as T | undefined) ?? plugin.defaults;
}
