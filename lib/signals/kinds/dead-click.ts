import { clicksOf } from '../events';
import { defineDetector, describeSignal, thresholdsOf } from '../plugin';
import { quote } from '../words';
import { rageClickDetector } from './rage-click';

/** A scroll or selection this soon after a click is the click's doing (the observer notes only these). */
export const DEAD_CLICK_QUIET_MS = 100;

/**
 * A click on something that looks interactive after which nothing happens: no change to the
 * page within 2.5 s, no scroll or selection within 100 ms, no navigation.
 */
export const deadClickDetector = defineDetector({
  kind: 'dead-click',
  runsIn: 'page',
  needs: ['click', 'mutation', 'scroll', 'selection', 'navigation'],
  defaults: { waitMs: 2500 },
  detect(events, now, th, all) {
    const rage = thresholdsOf(all, rageClickDetector);
    return clicksOf(events).flatMap((click) => {
      if (!click.interactive || now - click.t < th.waitMs) return [];
      const answered = events.some(
        (e) =>
          e.t >= click.t &&
          (((e.type === 'mutation' || e.type === 'navigation') && e.t - click.t <= th.waitMs) ||
            ((e.type === 'scroll' || e.type === 'selection') && e.t - click.t <= DEAD_CLICK_QUIET_MS)),
      );
      // Clicks of a rage burst are reported as rage, not each as dead.
      const partOfBurst = events.some(
        (e) =>
          e.type === 'click' &&
          e !== click &&
          Math.abs(e.t - click.t) <= rage.windowMs &&
          Math.hypot(e.x - click.x, e.y - click.y) <= rage.radiusPx,
      );
      if (answered || partOfBurst) return [];
      return [
        {
          kind: 'dead-click' as const,
          at: click.t,
          facts: { label: click.label },
          key: `dead-click:${click.t}`,
        },
      ];
    });
  },
});

export const deadClick = describeSignal(deadClickDetector, {
  label: 'Dead click',
  category: 'error',
  fields: { waitMs: { label: 'nothing changes for', unit: 'seconds', min: 500, max: 9_000 } },
  describe: ({ label }) => `Nothing happened after a click on ${quote(label)}`,
});
