import type { DetectedSignal, PageEvent } from './events';
import type { SignalPlugin, Thresholds, ThresholdsByKind } from './plugin';
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
 * Each signal's thresholds from what was handed over (the researcher's, possibly from an older
 * version or a page's tampering), a threshold that is not a number taking its default. Checked
 * against each threshold's bounds in thresholds.ts; this cheap form is for the page agent.
 */
export function withDefaults(given: unknown): SignalThresholds {
  const all = isRecord(given) ? given : {};
  const filled: Record<string, Thresholds> = {};
  for (const plugin of ALL_SIGNALS) {
    const own = isRecord(all[plugin.kind]) ? (all[plugin.kind] as Record<string, unknown>) : {};
    const values: Record<string, number> = {};
    for (const [name, fallback] of Object.entries(plugin.defaults)) {
      const value = own[name];
      values[name] = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
    }
    filled[plugin.kind] = values;
  }
  return filled as unknown as SignalThresholds;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Runs the detectors of the signals found where asked, each with its own thresholds. */
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

/** The page events some signal detected in that place needs. */
export function neededEvents(where: SignalPlugin['runsIn']): Set<PageEvent['type']> {
  return new Set(ALL_SIGNALS.filter((p) => p.runsIn === where).flatMap((p) => p.needs));
}
