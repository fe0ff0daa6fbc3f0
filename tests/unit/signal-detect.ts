import type { DetectedSignal, PageEvent } from '../../lib/signals/events';
import type { SignalPlugin, Thresholds } from '../../lib/signals/plugin';
import { DEFAULT_THRESHOLDS, type SignalKind } from '../../lib/signals/detectors';
import { describeOccurrence } from '../../lib/signals/registry';

/**
 * Runs one signal's detector as the registry does: its own thresholds (the defaults unless
 * given), every other signal's defaults, at `now` (by default long after the last event).
 */
export function detectWith<K extends string, T extends Thresholds>(
  plugin: SignalPlugin<K, T>,
  events: readonly PageEvent[],
  { now = Number.MAX_SAFE_INTEGER, thresholds }: { now?: number; thresholds?: T } = {},
): DetectedSignal<K>[] {
  return plugin.detect(events, now, thresholds ?? plugin.defaults, DEFAULT_THRESHOLDS);
}

/** The detail the researcher reads of each occurrence: the background's words for its facts. */
export function detailsOf(found: readonly DetectedSignal[]): string[] {
  return found.map((signal) => describeOccurrence(signal.kind as SignalKind, signal.facts));
}
