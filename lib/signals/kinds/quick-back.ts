import type { DetectedSignal } from '../events';
import { defineDetector, describeSignal } from '../plugin';
import { seconds, text } from '../words';

/** Back on the previous address within 5 s of leaving it, with no click or key press between. */
export const quickBackDetector = defineDetector({
  kind: 'quick-back',
  // It spans pages, whose agents each see only their own.
  runsIn: 'background',
  needs: ['navigation', 'click', 'key'],
  defaults: { withinMs: 5000 },
  detect(events, _now, th) {
    const found: DetectedSignal<'quick-back'>[] = [];
    const navigations = events.filter((e) => e.type === 'navigation');
    for (let i = 2; i < navigations.length; i++) {
      const [before, visited, back] = [navigations[i - 2]!, navigations[i - 1]!, navigations[i]!];
      if (back.url !== before.url || visited.url === before.url || back.t - visited.t > th.withinMs) continue;
      const interacted = events.some(
        (e) => (e.type === 'click' || e.type === 'key') && e.t > visited.t && e.t < back.t,
      );
      if (!interacted) {
        found.push({
          kind: 'quick-back',
          at: visited.t,
          facts: { url: visited.url, ms: back.t - visited.t },
          key: `quick-back:${visited.t}`,
        });
      }
    }
    return found;
  },
});

export const quickBack = describeSignal(quickBackDetector, {
  label: 'Quick back',
  category: 'missing-information',
  fields: { withinMs: { label: 'back again within', unit: 'seconds', min: 1_000, max: 25_000 } },
  describe: ({ url, ms }) => `Left ${text(url, 2_000)} after ${seconds(ms)} s without doing anything there`,
});
