// The signals' detectors, without their words for the researcher: those detected in the page are
// what the page agent bundles into every page (and nothing else of the signals), those detected
// over a tab's navigations the background runs. A unit test holds these lists to registry.ts.
import type { DetectedSignal, PageEvent } from './events';
import { deadClickDetector } from './kinds/dead-click';
import { disabledClickDetector } from './kinds/disabled-click';
import { errorClickDetector } from './kinds/error-click';
import { excessiveScrollDetector } from './kinds/excessive-scroll';
import { formErrorDetector } from './kinds/form-error';
import { pageErrorDetector } from './kinds/page-error';
import { quickBackDetector } from './kinds/quick-back';
import { rageClickDetector } from './kinds/rage-click';
import { slowPageDetector } from './kinds/slow-page';
import type { SignalDetector, ThresholdsByKind } from './plugin';

/** Every signal's detector, in the order of registry.ts. */
export const SIGNAL_DETECTORS = [
  slowPageDetector,
  rageClickDetector,
  deadClickDetector,
  errorClickDetector,
  quickBackDetector,
  formErrorDetector,
  disabledClickDetector,
  excessiveScrollDetector,
  pageErrorDetector,
] as const;

/** The detectors run in the page (runsIn "page"). */
export const PAGE_DETECTORS: readonly SignalDetector[] = [
  slowPageDetector,
  rageClickDetector,
  deadClickDetector,
  errorClickDetector,
  formErrorDetector,
  disabledClickDetector,
  excessiveScrollDetector,
  pageErrorDetector,
];

/** The detectors run in the background, over a tab's navigations (runsIn "background"). */
export const BACKGROUND_DETECTORS: readonly SignalDetector[] = [quickBackDetector];

type AnyDetector = (typeof SIGNAL_DETECTORS)[number];
export type SignalKind = AnyDetector['kind'];

/** Every signal's thresholds, by kind (what the researcher's settings store). */
export type SignalThresholds = { readonly [P in AnyDetector as P['kind']]: P['defaults'] };

export const DEFAULT_THRESHOLDS = defaultsOf(SIGNAL_DETECTORS) as unknown as SignalThresholds;

/** Pure: a bundle that does not read DEFAULT_THRESHOLDS (the page agent's) leaves every detector out. */
/* @__NO_SIDE_EFFECTS__ */
function defaultsOf(detectors: readonly SignalDetector[]) {
  return Object.fromEntries(detectors.map((p) => [p.kind, p.defaults]));
}

/**
 * Runs the detectors, each with its own thresholds (read and checked by readThresholds; a signal
 * missing from them, as in an older version's, takes its defaults).
 */
export function detectSignals(
  detectors: readonly SignalDetector[],
  events: readonly PageEvent[],
  now: number,
  thresholds: Partial<SignalThresholds> = {},
): DetectedSignal<SignalKind>[] {
  const all = thresholds as ThresholdsByKind;
  return detectors.flatMap(
    (p) => p.detect(events, now, all[p.kind] ?? p.defaults, all) as DetectedSignal<SignalKind>[],
  );
}

/**
 * The occurrences not reported yet (by key), leaving out those over their signal's limit on one
 * page; notes the rest in `reported`, which the caller keeps for as long as the page.
 */
export function toReport<S extends DetectedSignal>(
  found: readonly S[],
  reported: Set<string>,
  detectors: readonly SignalDetector[],
): S[] {
  return found.filter((signal) => {
    const limit = detectors.find((p) => p.kind === signal.kind)?.perPage ?? Infinity;
    if (reported.has(signal.key) || [...reported].filter((k) => k.startsWith(`${signal.kind}:`)).length >= limit) {
      return false;
    }
    reported.add(signal.key);
    return true;
  });
}

/** The page events the detectors need. */
export function neededEvents(detectors: readonly SignalDetector[]): Set<PageEvent['type']> {
  return new Set(detectors.flatMap((p) => p.needs));
}
