import { clicksOf, type DetectedSignal } from '../events';
import { defineSignal, thresholdsOf } from '../plugin';
import { errorClick } from './error-click';

/**
 * An uncaught error or unhandled rejection that no click preceded within the error-click window
 * (after a click it is an error after click). The same message counts once on a page, so a
 * script failing on a timer is one signal, not one a second; and at most 3 on one page.
 */
export const pageError = defineSignal({
  kind: 'page-error',
  label: 'Page error',
  runsIn: 'page',
  needs: ['error', 'click'],
  category: 'error',
  // A page's script can raise errors, or forge the relay's event, whenever it likes.
  perPage: 3,
  defaults: {},
  fields: {},
  detect(events, _now, _th, all) {
    const { windowMs } = thresholdsOf(all, errorClick);
    const clicks = clicksOf(events);
    const found = new Map<string, DetectedSignal<'page-error'>>();
    for (const error of events) {
      if (error.type !== 'error') continue;
      const message = error.message.slice(0, 200);
      if (found.has(message) || clicks.some((c) => c.t <= error.t && error.t - c.t <= windowMs)) continue;
      found.set(message, {
        kind: 'page-error',
        at: error.t,
        detail: `The page failed with no click before it: ${message}`,
        key: `page-error:${message}`,
      });
    }
    return [...found.values()];
  },
});
