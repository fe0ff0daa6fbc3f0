import type { DetectedSignal } from '../events';
import { defineDetector, describeSignal } from '../plugin';
import { quote } from '../words';

/**
 * A press on a control that is disabled (the disabled attribute, or aria-disabled="true"), or
 * on something inside one. Pressing it again soon after is the same friction, counted once.
 */
export const disabledClickDetector = defineDetector({
  kind: 'disabled-click',
  runsIn: 'page',
  needs: ['disabled-press'],
  defaults: { repeatMs: 2000 },
  detect(events, _now, th) {
    const found: DetectedSignal<'disabled-click'>[] = [];
    const lastPress = new Map<string, number>();
    for (const e of events) {
      if (e.type !== 'disabled-press') continue;
      const previous = lastPress.get(e.label);
      lastPress.set(e.label, e.t);
      if (previous !== undefined && e.t - previous <= th.repeatMs) continue;
      found.push({
        kind: 'disabled-click',
        at: e.t,
        facts: { label: e.label },
        key: `disabled-click:${e.t}`,
      });
    }
    return found;
  },
});

export const disabledClick = describeSignal(disabledClickDetector, {
  label: 'Disabled click',
  category: 'complicated-process',
  fields: { repeatMs: { label: 'repeats counted once within', unit: 'seconds', min: 0, max: 9_000 } },
  describe: ({ label }) => `A click on ${quote(label)}, which is disabled`,
});
