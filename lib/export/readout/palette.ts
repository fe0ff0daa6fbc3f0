// Colours of printed readouts (PDF, deck): the light theme of components/styles.css, as hex.

import type { FrictionSeverity } from '../../model';

export const INK = '1d1f23';
export const MUTED = '5b616b';
export const RULE = 'd6d9de';
export const ACCENT = '2456d6';
export const PANEL = 'f3f4f6';

/** Severity as a five-step scale from grey to red; always shown with its label as well. */
export const SEVERITY_HEX: Record<FrictionSeverity, string> = {
  none: '6b7280',
  minor: '8a6d00',
  moderate: 'b45309',
  major: 'c2410c',
  blocker: 'b42318',
};
