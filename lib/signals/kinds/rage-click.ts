import { clicksOf, type DetectedSignal } from '../events';
import { defineDetector, describeSignal } from '../plugin';
import { quote, seconds, text } from '../words';

/** 3 or more clicks within 1 s, all within 30 px of the first. */
export const rageClickDetector = defineDetector({
  kind: 'rage-click',
  runsIn: 'page',
  needs: ['click'],
  defaults: { clicks: 3, windowMs: 1000, radiusPx: 30 },
  detect(events, _now, th) {
    const clicks = clicksOf(events);
    const found: DetectedSignal<'rage-click'>[] = [];
    let i = 0;
    while (i < clicks.length) {
      const first = clicks[i]!;
      let j = i + 1;
      while (
        j < clicks.length &&
        clicks[j]!.t - first.t <= th.windowMs &&
        Math.hypot(clicks[j]!.x - first.x, clicks[j]!.y - first.y) <= th.radiusPx
      ) {
        j++;
      }
      const count = j - i;
      if (count >= th.clicks) {
        found.push({
          kind: 'rage-click',
          at: first.t,
          facts: { clicks: count, ms: clicks[j - 1]!.t - first.t, label: first.label },
          key: `rage-click:${first.t}`,
        });
        i = j;
      } else {
        i++;
      }
    }
    return found;
  },
});

export const rageClick = describeSignal(rageClickDetector, {
  label: 'Rage click',
  category: 'complicated-process',
  fields: {
    clicks: { label: 'at least', unit: 'clicks', min: 2, max: 10 },
    windowMs: { label: 'within', unit: 'seconds', min: 200, max: 5_000 },
    radiusPx: { label: 'inside a radius of', unit: 'pixels', min: 5, max: 200 },
  },
  describe: ({ clicks, ms, label }) => `${text(clicks, 6)} clicks within ${seconds(ms)} s on ${quote(label)}`,
});
