import { clicksOf, type DetectedSignal } from '../events';
import { defineDetector, describeSignal } from '../plugin';
import { quote, text } from '../words';

/** An uncaught error or unhandled rejection within 1 s after a click (blamed on the last click before it). */
export const errorClickDetector = defineDetector({
  kind: 'error-click',
  runsIn: 'page',
  needs: ['click', 'error'],
  defaults: { windowMs: 1000 },
  detect(events, _now, th) {
    const found = new Map<number, DetectedSignal<'error-click'>>();
    const clicks = clicksOf(events);
    for (const error of events) {
      if (error.type !== 'error') continue;
      const click = clicks.filter((c) => c.t <= error.t).at(-1);
      if (!click || error.t - click.t > th.windowMs || found.has(click.t)) continue;
      found.set(click.t, {
        kind: 'error-click',
        at: click.t,
        facts: { label: click.label, message: error.message.slice(0, 200) },
        key: `error-click:${click.t}`,
      });
    }
    return [...found.values()];
  },
});

export const errorClick = describeSignal(errorClickDetector, {
  label: 'Error after click',
  category: 'error',
  fields: { windowMs: { label: 'an error within', unit: 'seconds', min: 100, max: 9_000 } },
  describe: ({ label, message }) => `The page failed after a click on ${quote(label)}: ${text(message, 200)}`,
});
