import { storage } from 'wxt/utils/storage';
import type { CaptureRetry } from '../capture/report';
import { WALK_STATE_KEY, type WalkState } from './walk-state';

// What must survive the service worker and the side panel closing lives in extension storage
// (DESIGN.md §3): the walk in progress, the researcher's picks, and the capture status.

export const activeJourneyId = storage.defineItem<string | null>('local:activeJourneyId', { fallback: null });
export const selectedStudyId = storage.defineItem<string | null>('local:selectedStudyId', { fallback: null });
export const selectedPersonaId = storage.defineItem<string | null>('local:selectedPersonaId', { fallback: null });

export interface CaptureStatus {
  /** Captures requested and not yet saved or failed. */
  pending: number;
  /** The last failure, shown to the researcher until dismissed or the next success; "Try again" sends `retry`. */
  lastError?: { message: string; at: number; retry?: CaptureRetry };
  /** Frames done of a full-page capture under way. */
  progress?: { done: number; total: number };
  /** Something the researcher should know about the last capture (not a failure). */
  notice?: string;
}

export const captureStatus = storage.defineItem<CaptureStatus>('local:captureStatus', {
  fallback: { pending: 0 },
});

/** The researcher's friction-signal thresholds, read through readThresholds (lib/signals/thresholds.ts). */
export const signalThresholdsItem = storage.defineItem<unknown>('local:signalThresholds', { fallback: null });

export const walkState = storage.defineItem<WalkState | null>(`local:${WALK_STATE_KEY}`, { fallback: null });
