import { clicksOf, type DetectedSignal } from '../events';
import { defineDetector, describeSignal, thresholdsOf } from '../plugin';
import { text } from '../words';
import { errorClickDetector } from './error-click';

/**
 * An uncaught error or unhandled rejection that no click preceded within the error-click window
 * (after a click it is an error after click). The same message counts once on a page, so a
 * script failing on a timer is one signal, not one a second; and at most 3 on one page.
 */
export const pageErrorDetector = defineDetector({
  kind: 'page-error',
  runsIn: 'page',
  needs: ['error', 'click'],
  // A page's script can raise errors, or forge the relay's event, whenever it likes.
  perPage: 3,
  defaults: {},
  detect(events, _now, _th, all) {
    const { windowMs } = thresholdsOf(all, errorClickDetector);
    const clicks = clicksOf(events);
    const found = new Map<string, DetectedSignal<'page-error'>>();
    for (const error of events) {
      if (error.type !== 'error') continue;
      const message = error.message.slice(0, 200);
      if (found.has(message) || clicks.some((c) => c.t <= error.t && error.t - c.t <= windowMs)) continue;
      found.set(message, {
        kind: 'page-error',
        at: error.t,
        facts: { message },
        key: `page-error:${message}`,
      });
    }
    return [...found.values()];
  },
});

export const pageError = describeSignal(pageErrorDetector, {
  label: 'Page error',
  category: 'error',
  fields: {},
  describe: ({ message }) => `The page failed with no click before it: ${text(message, 200)}`,
});
