/**
 * What page agents need to know of the walk, mirrored into extension storage by the side
 * panel: they observe the page only while a journey records, and do nothing otherwise. (Kept
 * free of imports: the page agent bundles it into every page.)
 */
export interface WalkState {
  recording: boolean;
  autoRecord: boolean;
}

export const WALK_STATE_KEY = 'walkState';
