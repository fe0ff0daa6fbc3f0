import { quote } from '../events';
import { defineDetector, describeSignal } from '../plugin';

/** A form field shown as invalid after the persona submitted the form. */
export const formErrorDetector = defineDetector({
  kind: 'form-error',
  runsIn: 'page',
  needs: ['invalid-field'],
  defaults: {},
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

export const formError = describeSignal(formErrorDetector, {
  label: 'Form error',
  category: 'complicated-process',
  fields: {},
});
