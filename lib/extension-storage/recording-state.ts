/**
 * Whether a journey records, as page agents and the background read it from extension storage:
 * pages are observed only while one does. Written by one owner, publishRecordingState
 * (lib/db/publish-recording-state.ts). Kept free of runtime imports and of any schema library: the page
 * agent bundles it into every page.
 */
import type { SignalThresholds } from '../signals/detectors';

export interface RecordingState {
  recording: true;
  autoRecord: boolean;
  /** The researcher's friction-signal thresholds (the defaults when absent). */
  thresholds?: SignalThresholds;
}

export const RECORDING_STATE_KEY = 'recordingState';

/** The stored value when it is a recording state; null for anything else (nothing records). */
export function parseRecordingState(value: unknown): RecordingState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { recording, autoRecord, thresholds } = value as Record<string, unknown>;
  if (recording !== true || typeof autoRecord !== 'boolean') return null;
  if (thresholds !== undefined && (typeof thresholds !== 'object' || thresholds === null)) return null;
  return value as RecordingState;
}
