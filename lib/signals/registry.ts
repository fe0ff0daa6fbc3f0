import type { DetectedSignal, PageEvent } from './events';
import type { SignalPlugin, ThresholdsByKind } from './plugin';
import { deadClick } from './kinds/dead-click';
import { disabledClick } from './kinds/disabled-click';
import { errorClick } from './kinds/error-click';
import { excessiveScroll } from './kinds/excessive-scroll';
import { formError } from './kinds/form-error';
import { pageError } from './kinds/page-error';
import { quickBack } from './kinds/quick-back';
import { rageClick } from './kinds/rage-click';
import { slowPage } from './kinds/slow-page';

/**
 * Every friction signal Touchtrail detects, in the order the settings and the README list them.
 * A new signal is a file in kinds/ and a line here.
 */
export const SIGNAL_PLUGINS = [
  slowPage,
  rageClick,
  deadClick,
  errorClick,
  quickBack,
  formError,
  disabledClick,
  excessiveScroll,
  pageError,
] as const;

type AnyPlugin = (typeof SIGNAL_PLUGINS)[number];
export type SignalKind = AnyPlugin['kind'];

/** Every signal's thresholds, by kind (what the researcher's settings store). */
export type SignalThresholds = { readonly [P in AnyPlugin as P['kind']]: P['defaults'] };

export const SIGNAL_KINDS = SIGNAL_PLUGINS.map((p) => p.kind) as [SignalKind, ...SignalKind[]];

/** The kinds a page agent reports itself (the others the background detects). */
export const PAGE_SIGNAL_KINDS = SIGNAL_PLUGINS.filter((p) => p.runsIn === 'page').map((p) => p.kind) as [
  SignalKind,
  ...SignalKind[],
];

export const DEFAULT_THRESHOLDS = Object.fromEntries(
  SIGNAL_PLUGINS.map((p) => [p.kind, p.defaults]),
) as unknown as SignalThresholds;

/** The plugins as their common shape, for code that treats them alike. */
export const ALL_SIGNALS: readonly SignalPlugin[] = SIGNAL_PLUGINS;

/**
 * Runs the detectors of the signals found where asked, each with its own thresholds (read and
 * checked by readThresholds; a signal missing from them, as in an older version's, takes its
 * defaults).
 */
export function detectSignals(
  where: SignalPlugin['runsIn'],
  events: readonly PageEvent[],
  now: number,
  thresholds: SignalThresholds = DEFAULT_THRESHOLDS,
): DetectedSignal<SignalKind>[] {
  const all = thresholds as unknown as ThresholdsByKind;
  return ALL_SIGNALS.filter((p) => p.runsIn === where).flatMap(
    (p) => p.detect(events, now, all[p.kind] ?? p.defaults, all) as DetectedSignal<SignalKind>[],
  );
}

/**
 * The occurrences not reported yet (by key), leaving out those over their signal's limit on one
 * page; notes the rest in `reported`, which the caller keeps for as long as the page.
 */
export function toReport<S extends DetectedSignal>(found: readonly S[], reported: Set<string>): S[] {
  return found.filter((signal) => {
    const limit = ALL_SIGNALS.find((p) => p.kind === signal.kind)?.perPage ?? Infinity;
    if (reported.has(signal.key) || [...reported].filter((k) => k.startsWith(`${signal.kind}:`)).length >= limit) {
      return false;
    }
    reported.add(signal.key);
    return true;
  });
}

/** The page events some signal detected in that place needs. */
export function neededEvents(where: SignalPlugin['runsIn']): Set<PageEvent['type']> {
  return new Set(ALL_SIGNALS.filter((p) => p.runsIn === where).flatMap((p) => p.needs));
}
