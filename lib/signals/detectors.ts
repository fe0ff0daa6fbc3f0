import {
  DEFAULT_THRESHOLDS,
  clicksOf,
  quote,
  type DetectedSignal,
  type PageEvent,
  type SignalThresholds,
} from './events';

// Each detector reads the events seen so far (oldest first) and the current time, and returns
// every occurrence it can decide on by then. The page agent runs them as events arrive and
// reports each occurrence once, by its key.

/** 3 or more clicks within 1 s, all within 30 px of the first. */
export function detectRageClicks(events: readonly PageEvent[], th = DEFAULT_THRESHOLDS): DetectedSignal[] {
  const clicks = clicksOf(events);
  const found: DetectedSignal[] = [];
  let i = 0;
  while (i < clicks.length) {
    const first = clicks[i]!;
    let j = i + 1;
    while (
      j < clicks.length &&
      clicks[j]!.t - first.t <= th.rageWindowMs &&
      Math.hypot(clicks[j]!.x - first.x, clicks[j]!.y - first.y) <= th.rageRadiusPx
    ) {
      j++;
    }
    const count = j - i;
    if (count >= th.rageClicks) {
      found.push({
        kind: 'rage-click',
        at: first.t,
        detail: `${count} clicks within ${((clicks[j - 1]!.t - first.t) / 1000).toFixed(1)} s on ${quote(first.label)}`,
        key: `rage-click:${first.t}`,
      });
      i = j;
    } else {
      i++;
    }
  }
  return found;
}

/**
 * A click on something that looks interactive after which nothing happens: no change to the
 * page within 2.5 s, no scroll or selection within 100 ms, no navigation.
 */
export function detectDeadClicks(events: readonly PageEvent[], now: number, th = DEFAULT_THRESHOLDS): DetectedSignal[] {
  const found: DetectedSignal[] = [];
  for (const click of clicksOf(events)) {
    if (!click.interactive || now - click.t < th.deadClickWaitMs) continue;
    const answered = events.some(
      (e) =>
        e.t >= click.t &&
        (((e.type === 'mutation' || e.type === 'navigation') && e.t - click.t <= th.deadClickWaitMs) ||
          ((e.type === 'scroll' || e.type === 'selection') && e.t - click.t <= th.deadClickQuietMs)),
    );
    // Clicks of a rage burst are reported as rage, not each as dead.
    const partOfBurst = events.some(
      (e) =>
        e.type === 'click' &&
        e !== click &&
        Math.abs(e.t - click.t) <= th.rageWindowMs &&
        Math.hypot(e.x - click.x, e.y - click.y) <= th.rageRadiusPx,
    );
    if (!answered && !partOfBurst) {
      found.push({
        kind: 'dead-click',
        at: click.t,
        detail: `Nothing happened after a click on ${quote(click.label)}`,
        key: `dead-click:${click.t}`,
      });
    }
  }
  return found;
}

/** An uncaught error or unhandled rejection within 1 s after a click (blamed on the last click before it). */
export function detectErrorClicks(events: readonly PageEvent[], th = DEFAULT_THRESHOLDS): DetectedSignal[] {
  const found = new Map<number, DetectedSignal>();
  const clicks = clicksOf(events);
  for (const error of events) {
    if (error.type !== 'error') continue;
    const click = clicks.filter((c) => c.t <= error.t).at(-1);
    if (!click || error.t - click.t > th.errorAfterClickMs || found.has(click.t)) continue;
    found.set(click.t, {
      kind: 'error-click',
      at: click.t,
      detail: `The page failed after a click on ${quote(click.label)}: ${error.message.slice(0, 200)}`,
      key: `error-click:${click.t}`,
    });
  }
  return [...found.values()];
}

/** A page that took over 3 s to load or to paint its largest content. */
export function detectSlowPages(events: readonly PageEvent[], th = DEFAULT_THRESHOLDS): DetectedSignal[] {
  const found: DetectedSignal[] = [];
  for (const e of events) {
    if (e.type !== 'page-timing') continue;
    const slowest = Math.max(e.loadMs ?? 0, e.largestPaintMs ?? 0);
    if (slowest > th.slowPageMs) {
      const what = (e.loadMs ?? 0) >= (e.largestPaintMs ?? 0) ? 'to load' : 'to show its main content';
      found.push({
        kind: 'slow-page',
        at: e.t,
        detail: `The page took ${(slowest / 1000).toFixed(1)} s ${what}`,
        key: `slow-page:${e.url}:${e.t}`,
      });
    }
  }
  return found;
}

/** Back on the previous address within 5 s of leaving it, with no click or key press between. */
export function detectQuickBacks(events: readonly PageEvent[], th = DEFAULT_THRESHOLDS): DetectedSignal[] {
  const found: DetectedSignal[] = [];
  const navigations = events.filter((e) => e.type === 'navigation');
  for (let i = 2; i < navigations.length; i++) {
    const [before, visited, back] = [navigations[i - 2]!, navigations[i - 1]!, navigations[i]!];
    if (back.url !== before.url || visited.url === before.url || back.t - visited.t > th.quickBackMs) continue;
    const interacted = events.some((e) => (e.type === 'click' || e.type === 'key') && e.t > visited.t && e.t < back.t);
    if (!interacted) {
      found.push({
        kind: 'quick-back',
        at: visited.t,
        detail: `Left ${visited.url} after ${((back.t - visited.t) / 1000).toFixed(1)} s without doing anything there`,
        key: `quick-back:${visited.t}`,
      });
    }
  }
  return found;
}

/** A form field shown as invalid after the persona submitted the form. */
export function detectFormErrors(events: readonly PageEvent[]): DetectedSignal[] {
  return events
    .filter((e) => e.type === 'invalid-field')
    .map((e) => ({
      kind: 'form-error' as const,
      at: e.t,
      detail: `The form refused ${quote(e.label)}`,
      key: `form-error:${e.label}:${Math.floor(e.t / 1000)}`,
    }));
}

/** Every detector that works within one page. Quick back spans pages and runs in the background. */
export function detectOnPage(events: readonly PageEvent[], now: number, th: SignalThresholds = DEFAULT_THRESHOLDS) {
  return [
    ...detectRageClicks(events, th),
    ...detectDeadClicks(events, now, th),
    ...detectErrorClicks(events, th),
    ...detectSlowPages(events, th),
    ...detectFormErrors(events),
  ];
}
