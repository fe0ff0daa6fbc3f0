import { quote } from '../events';
import { defineSignal } from '../plugin';

/** A form field shown as invalid after the persona submitted the form. */
export const formError = defineSignal({
  kind: 'form-error',
  label: 'Form error',
  runsIn: 'page',
  needs: ['invalid-field'],
  category: 'complicated-process',
  defaults: {},
  fields: {},
  detect(events) {
    return events
      .filter((e) => e.type === 'invalid-field')
      .map((e) => ({
        kind: 'form-error' as const,
        at: e.t,
        detail: `The form refused ${quote(e.label)}`,
        key: `form-error:${e.label}:${Math.floor(e.t / 1000)}`,
      }));
  },
});
