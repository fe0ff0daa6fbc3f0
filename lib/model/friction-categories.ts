// The kinds of friction a touchpoint can have. A module of its own, with no imports: the signal
// plug-ins name their category from it, and the vocabulary (which lists the plug-ins) re-exports it.

export const FRICTION_CATEGORIES = [
  'missing-information',
  'complicated-process',
  'poor-service',
  'slow',
  'error',
  'trust-privacy',
  'accessibility',
  'inconsistent-message',
  'other',
] as const;
