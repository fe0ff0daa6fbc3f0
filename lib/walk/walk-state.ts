/**
 * What page agents need to know of the walk, mirrored into extension storage by the side
 * panel: they observe the page only while a journey records, and do nothing otherwise. (Kept
 * free of runtime imports: the page agent bundles it into every page.)
 */
import type { SignalThresholds } from '../signals/events';

export interface WalkState {
  recording: boolean;
  autoRecord: boolean;
  /** The researcher's friction-signal thresholds (the defaults when absent). */
  thresholds?: SignalThresholds;
}

export const WALK_STATE_KEY = 'walkState';
