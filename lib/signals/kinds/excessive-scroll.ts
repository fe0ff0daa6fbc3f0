import type { DetectedSignal } from '../events';
import { defineDetector, describeSignal } from '../plugin';
import { seconds, text } from '../words';

/** A turn after less travel than this is a hand resting on the wheel or a bounce, not a search. */
export const SCROLL_TURN_MIN_PX = 40;

/**
 * Scrolling up and down and up again: 4 changes of direction within 3 s. Reading scrolls one
 * way, and looking back at something once or twice is 1 or 2 changes; 4 in 3 s (down, up,
 * down, up, down) is someone hunting for what the page does not show where they expect it.
 */
export const excessiveScrollDetector = defineDetector({
  kind: 'excessive-scroll',
  runsIn: 'page',
  needs: ['scroll-turn'],
  defaults: { reversals: 4, windowMs: 3000 },
  detect(events, _now, th) {
    const turns = events.filter((e) => e.type === 'scroll-turn' && e.travel >= SCROLL_TURN_MIN_PX);
    const found: DetectedSignal<'excessive-scroll'>[] = [];
    let i = 0;
    while (i < turns.length) {
      const first = turns[i]!;
      let j = i + 1;
      while (j < turns.length && turns[j]!.t - first.t <= th.windowMs) j++;
      if (j - i >= th.reversals) {
        found.push({
          kind: 'excessive-scroll',
          at: first.t,
          facts: { turns: j - i, ms: turns[j - 1]!.t - first.t },
          key: `excessive-scroll:${first.t}`,
        });
        i = j;
      } else {
        i++;
      }
    }
    return found;
  },
});

export const excessiveScroll = describeSignal(excessiveScrollDetector, {
  label: 'Excessive scrolling',
  category: 'missing-information',
  fields: {
    reversals: { label: 'at least', unit: 'reversals', min: 2, max: 20 },
    windowMs: { label: 'within', unit: 'seconds', min: 500, max: 9_000 },
  },
  describe: ({ turns, ms }) =>
    `Scrolled up and down, changing direction ${text(turns, 6)} times within ${seconds(ms)} s`,
});
