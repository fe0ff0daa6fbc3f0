import type { DetectedSignal } from '../events';
import { defineDetector, describeSignal } from '../plugin';
import { seconds } from '../words';

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
        found.push({
          kind: 'slow-page',
          at: e.t,
          facts: { ms: slowest, by: (e.loadMs ?? 0) >= (e.largestPaintMs ?? 0) ? 'load' : 'paint' },
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
  describe: ({ ms, by }) => `The page took ${seconds(ms)} s ${by === 'paint' ? 'to show its main content' : 'to load'}`,
});
