import type { DetectedSignal } from '../events';
import { defineDetector, describeSignal } from '../plugin';

/** A page that took over 3 s to load or to paint its largest content. */
export const slowPageDetector = defineDetector({
  kind: 'slow-page',
  runsIn: 'page',
  needs: ['page-timing'],
  defaults: { overMs: 3000 },
  detect(events, _now, th) {
    const found: DetectedSignal<'slow-page'>[] = [];
    for (const e of events) {
      if (e.type !== 'page-timing') continue;
      const slowest = Math.max(e.loadMs ?? 0, e.largestPaintMs ?? 0);
      if (slowest > th.overMs) {
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
  },
});

export const slowPage = describeSignal(slowPageDetector, {
  label: 'Slow page',
  category: 'slow',
  fields: { overMs: { label: 'load or largest paint over', unit: 'seconds', min: 500, max: 9_000 } },
});
