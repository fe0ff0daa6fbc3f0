import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { updateCaptureStatus } from '../../lib/capture/report';
import { db, endJourney, pauseJourney, resumeJourney, setAutoRecord, startJourney } from '../../lib/db';
import { publishRecordingState, setActiveJourney } from '../../lib/db/publish-recording-state';
import {
  activeJourneyId,
  captureStatus,
  recordingState,
  signalThresholdsItem,
} from '../../lib/extension-storage/items';
import { defineCheckedItem } from '../../lib/extension-storage/checked-item';
import { RECORDING_STATE_KEY, parseRecordingState } from '../../lib/extension-storage/recording-state';
import { mergeImport } from '../../lib/import/merge';
import { DEFAULT_THRESHOLDS } from '../../lib/signals/detectors';
import { walkInProgress } from './factories';

/** What page agents read: the raw stored value, as they get it from extension storage. */
const storedForPages = async () => (await fakeBrowser.storage.local.get(RECORDING_STATE_KEY))[RECORDING_STATE_KEY];

describe('the recording state pages obey', () => {
  it('follows the journey through start, auto-record, pause, resume and end, with no screen open', async () => {
    const { journey } = await walkInProgress();
    expect(await storedForPages()).toEqual({ recording: true, autoRecord: false, thresholds: DEFAULT_THRESHOLDS });

    await setAutoRecord(journey.id, true);
    expect(await storedForPages()).toMatchObject({ recording: true, autoRecord: true });
    await pauseJourney(journey.id);
    expect(parseRecordingState(await storedForPages())).toBeNull();
    await resumeJourney(journey.id);
    expect(await storedForPages()).toMatchObject({ recording: true, autoRecord: true });
    await endJourney(journey.id);
    expect(parseRecordingState(await storedForPages())).toBeNull();
  });

  it('stops when the journey is no longer the active one, and when another journey starts paused', async () => {
    const { journey, study, persona } = await walkInProgress();
    await setActiveJourney(null);
    expect(parseRecordingState(await storedForPages())).toBeNull();
    await setActiveJourney(journey.id);
    expect(await storedForPages()).toMatchObject({ recording: true });
    // Starting a second journey pauses the first and records the second.
    const second = await startJourney({ studyId: study.id, personaId: persona.id, title: 'Return', scenario: '' });
    expect(await activeJourneyId.getValue()).toBe(second.id);
    expect((await db.journeys.get(journey.id))?.status).toBe('paused');
    expect(await storedForPages()).toMatchObject({ recording: true });
  });

  it('stops when an import ends the journey being walked (a newer edit from another machine)', async () => {
    const { journey, study, persona } = await walkInProgress();
    expect(await storedForPages()).toMatchObject({ recording: true });
    const ended = { ...journey, status: 'done' as const, endedAt: journey.startedAt + 60_000, updatedAt: Date.now() };
    await mergeImport({ study, personas: [persona], journeys: [ended], touchpoints: [], screenshots: [] });
    expect((await db.journeys.get(journey.id))?.status).toBe('done');
    expect(parseRecordingState(await storedForPages())).toBeNull();
  });

  it('carries the thresholds the researcher set, each one checked', async () => {
    await walkInProgress();
    await signalThresholdsItem.setValue({
      ...DEFAULT_THRESHOLDS,
      'rage-click': { ...DEFAULT_THRESHOLDS['rage-click'], clicks: 5 },
      'quick-back': { withinMs: -1 },
    });
    await publishRecordingState();
    const published = parseRecordingState(await storedForPages());
    expect(published?.thresholds).toEqual({
      ...DEFAULT_THRESHOLDS,
      'rage-click': { ...DEFAULT_THRESHOLDS['rage-click'], clicks: 5 },
    });
  });
});

describe('stored items', () => {
  it('read a value that fails their schema as their fallback, and never write one', async () => {
    await fakeBrowser.storage.local.set({
      captureStatus: { pending: 'two', lastError: 'boom' },
      activeJourneyId: 42,
      [RECORDING_STATE_KEY]: { recording: 'yes' },
    });
    expect(await captureStatus.getValue()).toEqual({ pending: 0 });
    expect(await activeJourneyId.getValue()).toBeNull();
    expect(await recordingState.getValue()).toBeNull();
    await expect(captureStatus.setValue({ pending: -1 })).rejects.toThrow();
    expect((await fakeBrowser.storage.local.get('captureStatus')).captureStatus).toEqual({
      pending: 'two',
      lastError: 'boom',
    });
  });

  it('are migrated by a later version of their item: what this version writes counts as version 1', async () => {
    await updateCaptureStatus((status) => ({ ...status, pending: 1 }));
    const later = defineCheckedItem<unknown>('local:captureStatus', {
      schema: z.unknown(),
      fallback: null,
      version: 2,
      migrations: { 2: (old) => ({ ...(old as object), migrated: true }) },
    });
    expect(await later.getValue()).toMatchObject({ pending: 1, migrated: true });
    expect((await fakeBrowser.storage.local.get('captureStatus$')).captureStatus$).toEqual({ v: 2 });
  });

  it('lose no change when several are made at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () => updateCaptureStatus((status) => ({ ...status, pending: status.pending + 1 }))),
    );
    expect((await captureStatus.getValue()).pending).toBe(20);
  });
});

describe('parseRecordingState, as page agents read storage', () => {
  it.each([
    [{ recording: true, autoRecord: false }, true],
    [{ recording: true, autoRecord: true, thresholds: DEFAULT_THRESHOLDS }, true],
    [{ recording: false, autoRecord: false }, false],
    [{ recording: true }, false],
    [{ recording: true, autoRecord: false, thresholds: 'high' }, false],
    [null, false],
    ['recording', false],
  ])('%j records: %s', (value, records) => {
    expect(parseRecordingState(value) !== null).toBe(records);
  });
});
