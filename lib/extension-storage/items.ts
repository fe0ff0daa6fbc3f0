import * as z from 'zod/mini';
import { migrateFlatThresholds } from '../signals/thresholds';
import { defineCheckedItem } from './checked-item';
import { RECORDING_STATE_KEY, parseRecordingState, type RecordingState } from './recording-state';

// What must survive the service worker and the side panel closing lives in extension storage
// (DESIGN.md §3): the journey being walked, the researcher's picks, the capture status and the
// signal thresholds. Each item is checked against its schema when read.

const journeyOrNone = z.nullable(z.string().check(z.minLength(1)));

/** The journey the side panel shows and captures go to (recording or paused); null for none. */
export const activeJourneyId = defineCheckedItem('local:activeJourneyId', {
  schema: journeyOrNone,
  fallback: null,
  version: 1,
});
export const selectedStudyId = defineCheckedItem('local:selectedStudyId', {
  schema: journeyOrNone,
  fallback: null,
  version: 1,
});
export const selectedPersonaId = defineCheckedItem('local:selectedPersonaId', {
  schema: journeyOrNone,
  fallback: null,
  version: 1,
});

const captureRetry = z.object({
  type: z.enum(['capture-touchpoint', 'pick-element', 'capture-full-page']),
  tabId: z.optional(z.int()),
  windowId: z.optional(z.int()),
});
/** What "Try again" sends: the same kind of request, for the same tab or window. */
export type CaptureRetry = z.infer<typeof captureRetry>;

const captureStatusSchema = z.object({
  /** Captures requested and not yet saved or failed. */
  pending: z.int().check(z.nonnegative()),
  /** The last failure, shown to the researcher until dismissed or the next success; "Try again" sends `retry`. */
  lastError: z.optional(z.object({ message: z.string(), at: z.number(), retry: z.optional(captureRetry) })),
  /** Frames done of a full-page capture under way. */
  progress: z.optional(z.object({ done: z.int().check(z.nonnegative()), total: z.int().check(z.nonnegative()) })),
  /** Something the researcher should know about the last capture (not a failure). */
  notice: z.optional(z.string()),
  /** What the last saved capture masked ("7 fields and 2 email addresses masked."). */
  lastMasked: z.optional(z.string()),
});
export type CaptureStatus = z.infer<typeof captureStatusSchema>;

/** Written through updateCaptureStatus (lib/capture/report.ts) only. */
export const captureStatus = defineCheckedItem('local:captureStatus', {
  schema: captureStatusSchema,
  fallback: { pending: 0 },
  version: 1,
});

/**
 * The researcher's friction-signal thresholds, read through readThresholds (which checks each
 * one against its signal's bounds). Version 2 stores them per signal; version 1 stored them flat.
 */
export const signalThresholdsItem = defineCheckedItem<unknown>('local:signalThresholds', {
  schema: z.unknown(),
  fallback: null,
  version: 2,
  migrations: { 2: migrateFlatThresholds },
});

const recordingStateSchema = z.custom<RecordingState | null>(
  (value) => value === null || parseRecordingState(value) !== null,
);

/** Written by publishRecordingState (lib/db/publish-recording-state.ts) only. */
export const recordingState = defineCheckedItem(`local:${RECORDING_STATE_KEY}`, {
  schema: recordingStateSchema,
  fallback: null,
  version: 1,
});

/** The researcher's last choices for PDF and deck readouts; no paper means the locale's default. */
export const readoutPreferences = defineCheckedItem('local:readoutPreferences', {
  schema: z.object({
    paper: z.optional(z.enum(['a4', 'letter'])),
    touchpoints: z.enum(['key', 'key-first', 'all']),
  }),
  fallback: { touchpoints: 'key-first' },
  version: 1,
});
