import type { SignalKind } from './detectors';
import { deadClick } from './kinds/dead-click';
import { disabledClick } from './kinds/disabled-click';
import { errorClick } from './kinds/error-click';
import { excessiveScroll } from './kinds/excessive-scroll';
import { formError } from './kinds/form-error';
import { pageError } from './kinds/page-error';
import { quickBack } from './kinds/quick-back';
import { rageClick } from './kinds/rage-click';
import { slowPage } from './kinds/slow-page';
import type { SignalFacts } from './events';
import type { SignalPlugin } from './plugin';

/**
 * Every friction signal Touchtrail detects, with its words for the researcher, in the order the
 * settings and the README list them. A new signal is a file in kinds/, a line here and a line in
 * detectors.ts (its detector alone, for the page).
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

export const SIGNAL_KINDS = SIGNAL_PLUGINS.map((p) => p.kind) as [SignalKind, ...SignalKind[]];

/** The kinds a page agent reports itself (the others the background detects). */
export const PAGE_SIGNAL_KINDS = SIGNAL_PLUGINS.filter((p) => p.runsIn === 'page').map((p) => p.kind) as [
  SignalKind,
  ...SignalKind[],
];

/** The plugins as their common shape, for code that treats them alike. */
export const ALL_SIGNALS: readonly SignalPlugin[] = SIGNAL_PLUGINS;

/** An occurrence a detector found, in its signal's words (the detail the researcher reads). */
export function describeOccurrence(kind: SignalKind, facts: SignalFacts): string {
  const plugin = ALL_SIGNALS.find((p) => p.kind === kind);
  return plugin ? plugin.describe(facts) : '';
}
