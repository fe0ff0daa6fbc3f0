import type { DetectedSignal, PageEvent } from '../../lib/signals/events';
import type { SignalPlugin, Thresholds } from '../../lib/signals/plugin';
import { DEFAULT_THRESHOLDS } from '../../lib/signals/detectors';

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
