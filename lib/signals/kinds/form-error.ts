import { defineDetector, describeSignal } from '../plugin';
import { quote } from '../words';

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
        facts: { label: e.label },
        key: `form-error:${e.label}:${Math.floor(e.t / 1000)}`,
      }));
  },
});

export const formError = describeSignal(formErrorDetector, {
  label: 'Form error',
  category: 'complicated-process',
  fields: {},
  describe: ({ label }) => `The form refused ${quote(label)}`,
});
