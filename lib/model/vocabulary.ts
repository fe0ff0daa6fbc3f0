// The research vocabulary of DESIGN.md §2. Studies may rename or extend the stages;
// the other lists are fixed so that exports from different researchers line up.
import { SIGNAL_PLUGINS } from '../signals/registry';

export const DEFAULT_STAGES = ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'] as const;

export const PURCHASE_PHASES = ['before-purchase', 'during-purchase', 'after-purchase', 'customer-service'] as const;

export const CHANNEL_GROUPS = {
  digital: ['website', 'mobile-app', 'email', 'social-media', 'online-ad', 'search', 'review-site', 'chat'],
  offline: ['retail-store', 'event', 'print', 'phone'],
  human: ['sales-representative', 'support-agent', 'account-manager'],
  other: ['other'],
} as const;

export const CHANNELS = [
  ...CHANNEL_GROUPS.digital,
  ...CHANNEL_GROUPS.offline,
  ...CHANNEL_GROUPS.human,
  ...CHANNEL_GROUPS.other,
] as const;

export const OWNERS = ['company-owned', 'customer-owned', 'partner-owned', 'external'] as const;

export const INITIATORS = ['proactive', 'reactive'] as const;

export const FRICTION_SEVERITIES = ['none', 'minor', 'moderate', 'major', 'blocker'] as const;

export { FRICTION_CATEGORIES } from './friction-categories';

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
export const EFFORT_MIN = 1;
export const EFFORT_MAX = 7;
export const CONSIDERATION_MIN = 1;
export const CONSIDERATION_MAX = 5;
/** The four considerations of the method, each scored 1–5 per touchpoint (all optional). */
export const CONSIDERATION_KEYS = ['appropriateness', 'relevance', 'meaningfulness', 'endearment'] as const;
export type ConsiderationKey = (typeof CONSIDERATION_KEYS)[number];

export const PROMISE_STATUSES = ['kept', 'broken', 'not-applicable'] as const;

export const JOURNEY_STATUSES = ['active', 'paused', 'done'] as const;

/** Friction the page agent detects by itself while a journey records (see lib/signals). */
export { SIGNAL_KINDS } from '../signals/registry';

export const TOUCHPOINT_SOURCES = ['manual', 'picked', 'auto', 'offsite'] as const;

/** Human labels for the values above, so every view and export spells them the same way. */
export const LABELS: Record<string, string> = {
  'before-purchase': 'Before purchase',
  'during-purchase': 'During purchase',
  'after-purchase': 'After purchase',
  'customer-service': 'Customer service',
  website: 'Website',
  'mobile-app': 'Mobile app',
  email: 'Email',
  'social-media': 'Social media',
  'online-ad': 'Online ad',
  search: 'Search',
  'review-site': 'Review site',
  chat: 'Chat',
  'retail-store': 'Retail store',
  event: 'Event',
  print: 'Print',
  phone: 'Phone',
  'sales-representative': 'Sales representative',
  'support-agent': 'Support agent',
  'account-manager': 'Account manager',
  other: 'Other',
  'company-owned': 'Company-owned',
  'customer-owned': 'Customer-owned',
  'partner-owned': 'Partner-owned',
  external: 'External',
  proactive: 'Proactive (company-initiated)',
  reactive: 'Reactive (customer-initiated)',
  none: 'None',
  minor: 'Minor',
  moderate: 'Moderate',
  major: 'Major',
  blocker: 'Blocker',
  'missing-information': 'Missing information',
  'complicated-process': 'Complicated process',
  'poor-service': 'Poor service',
  slow: 'Slow',
  error: 'Error',
  'trust-privacy': 'Trust / privacy',
  accessibility: 'Accessibility',
  'inconsistent-message': 'Inconsistent message',
  kept: 'Kept',
  broken: 'Broken',
  'not-applicable': 'Not applicable',
  ...Object.fromEntries(SIGNAL_PLUGINS.map((p) => [p.kind, p.label])),
  appropriateness: 'Appropriateness',
  relevance: 'Relevance',
  meaningfulness: 'Meaningfulness',
  endearment: 'Endearment',
  active: 'Active',
  paused: 'Paused',
  done: 'Done',
};

export function label(value: string): string {
  return LABELS[value] ?? value;
}

export const EMOTION_LABELS: Record<number, string> = {
  [-2]: 'Very negative',
  [-1]: 'Negative',
  0: 'Neutral',
  1: 'Positive',
  2: 'Very positive',
};
