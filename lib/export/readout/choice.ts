// What a readout (PDF, slide deck) shows of a journey: which touchpoints, and in which order.

import { kept } from '../../metrics/journey';
import type { Touchpoint } from '../../model';

/** Key touchpoints only, key touchpoints first then the others, or all in walk order. */
export type TouchpointChoice = 'key' | 'key-first' | 'all';

export const TOUCHPOINT_CHOICES: { choice: TouchpointChoice; label: string }[] = [
  { choice: 'key-first', label: 'Key first' },
  { choice: 'key', label: 'Key only' },
  { choice: 'all', label: 'All in order' },
];

/** The kept touchpoints (drafts never) a readout shows, in the order it shows them. */
export function chosenTouchpoints(points: Touchpoint[], choice: TouchpointChoice): Touchpoint[] {
  const inOrder = kept(points);
  if (choice === 'all') return inOrder;
  const key = inOrder.filter((t) => t.key);
  return choice === 'key' ? key : [...key, ...inOrder.filter((t) => !t.key)];
}
