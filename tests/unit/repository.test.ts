import { describe, expect, it } from 'vitest';
import {
  JourneyClosedError,
  addOffsiteTouchpoint,
  commitCapture,
  db,
  deleteTouchpoint,
  endJourney,
  journeyDurationMs,
  listTouchpoints,
  pauseJourney,
  restoreTouchpoint,
  resumeJourney,
  startJourney,
  updateTouchpoint,
  wasRecordingAt,
} from '../../lib/db';
import { capturedPage, walkInProgress } from './factories';

describe('studies, personas and journeys', () => {
  it('gives a new study the default stages and its site', async () => {
    const { study } = await walkInProgress();
    expect(await db.studies.get(study.id)).toMatchObject({
      siteUrls: ['https://shop.example'],
      stages: ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'],
    });
  });

  it('starts a journey active, masked, at sequence 1', async () => {
    const { journey } = await walkInProgress();
    expect(await db.journeys.get(journey.id)).toMatchObject({ status: 'active', masking: true, nextSeq: 1 });
  });

  it('pauses a walk still in progress when another one starts', async () => {
    const { study, persona, journey: first } = await walkInProgress();
    await startJourney({ studyId: study.id, personaId: persona.id, title: 'Return boots', scenario: '' });
    expect((await db.journeys.get(first.id))?.status).toBe('paused');
  });

  it('refuses a persona of another study', async () => {
    const a = await walkInProgress();
    const b = await walkInProgress();
    await expect(
      startJourney({ studyId: a.study.id, personaId: b.persona.id, title: 'Mixed up', scenario: '' }),
    ).rejects.toThrow('persona');
  });

  it('leaves pauses out of the walking time', async () => {
    const { journey } = await walkInProgress(0);
    await pauseJourney(journey.id, 10_000);
    await resumeJourney(journey.id, 70_000);
    await endJourney(journey.id, 100_000);
    const ended = (await db.journeys.get(journey.id))!;
    expect(ended).toMatchObject({ status: 'done', endedAt: 100_000, pausedMs: 60_000 });
    expect(journeyDurationMs(ended)).toBe(40_000);
  });
});

describe('recording touchpoints', () => {
  it('writes the screenshot and the touchpoint together, with the next sequence number', async () => {
    const { journey } = await walkInProgress();
    const first = await commitCapture(capturedPage(journey.id));
    const second = await commitCapture(capturedPage(journey.id, { pageTitle: 'Checkout' }));
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(second).toMatchObject({
      title: 'Checkout',
      pageTitle: 'Checkout',
      channel: 'website',
      owner: 'company-owned',
      stage: 'Awareness',
      source: 'manual',
    });
    const shot = await db.screenshots.get(second.screenshotId!);
    expect(shot).toMatchObject({ touchpointId: second.id, width: 1280, height: 800 });
    expect(shot?.image).toBeInstanceOf(Blob);
    expect(new Uint8Array(await shot!.image.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4]));
  });

  it('records a capture job once, even when a restarted worker commits it again', async () => {
    const { journey } = await walkInProgress();
    const id = crypto.randomUUID();
    const first = await commitCapture(capturedPage(journey.id, { id }));
    const again = await commitCapture(capturedPage(journey.id, { id }));
    expect(again).toEqual(first);
    expect(first.id).toBe(id);
    expect(await db.touchpoints.count()).toBe(1);
    expect(await db.screenshots.count()).toBe(1);
    expect((await db.journeys.get(journey.id))?.nextSeq).toBe(2);
  });

  it('starts a new touchpoint in the stage of the one before it', async () => {
    const { journey } = await walkInProgress();
    const first = await commitCapture(capturedPage(journey.id));
    await updateTouchpoint(first.id, { stage: 'Purchase' });
    expect((await commitCapture(capturedPage(journey.id))).stage).toBe('Purchase');
  });

  it('writes nothing when the capture is not valid', async () => {
    const { journey } = await walkInProgress();
    const broken = capturedPage(journey.id);
    broken.image = { ...broken.image!, width: 0 };
    await expect(commitCapture(broken)).rejects.toThrow();
    expect(await db.touchpoints.count()).toBe(0);
    expect(await db.screenshots.count()).toBe(0);
    expect((await db.journeys.get(journey.id))?.nextSeq).toBe(1);
  });

  it('refuses to record into an ended journey what was asked for after it ended', async () => {
    const { journey } = await walkInProgress();
    await endJourney(journey.id, 1_700_000_000_500);
    await expect(commitCapture(capturedPage(journey.id, { capturedAt: 1_700_000_000_600 }))).rejects.toBeInstanceOf(
      JourneyClosedError,
    );
    await expect(addOffsiteTouchpoint(journey.id)).rejects.toBeInstanceOf(JourneyClosedError);
    expect(await db.touchpoints.count()).toBe(0);
  });

  it('still saves a capture asked for just before the journey ended', async () => {
    const { journey } = await walkInProgress();
    await endJourney(journey.id, 1_700_000_000_500);
    const late = await commitCapture(capturedPage(journey.id, { capturedAt: 1_700_000_000_400 }));
    expect(late.seq).toBe(1);
  });

  it('knows whether a journey was recording at a given time', async () => {
    const { journey } = await walkInProgress(1_000);
    expect(wasRecordingAt((await db.journeys.get(journey.id))!)).toBe(true);
    await pauseJourney(journey.id, 5_000);
    const paused = (await db.journeys.get(journey.id))!;
    expect([wasRecordingAt(paused, 4_000), wasRecordingAt(paused, 6_000), wasRecordingAt(paused)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('records an off-site touchpoint without a screenshot', async () => {
    const { journey } = await walkInProgress();
    const point = await addOffsiteTouchpoint(journey.id, 'phone');
    expect(point).toMatchObject({ source: 'offsite', channel: 'phone', seq: 1 });
    expect(point.screenshotId).toBeUndefined();
  });

  it('validates edits and keeps the stored record when an edit is invalid', async () => {
    const { journey } = await walkInProgress();
    const point = await commitCapture(capturedPage(journey.id));
    await updateTouchpoint(point.id, {
      friction: { severity: 'blocker', categories: ['error'], notes: 'Payment fails' },
    });
    await expect(updateTouchpoint(point.id, { emotion: 9 })).rejects.toThrow();
    expect(await db.touchpoints.get(point.id)).toMatchObject({
      friction: { severity: 'blocker', notes: 'Payment fails' },
    });
    expect((await db.touchpoints.get(point.id))?.emotion).toBeUndefined();
  });

  it('deletes a touchpoint with its screenshot, and undo brings both back', async () => {
    const { journey } = await walkInProgress();
    const point = await commitCapture(capturedPage(journey.id));
    const deleted = await deleteTouchpoint(point.id);
    expect(await db.touchpoints.count()).toBe(0);
    expect(await db.screenshots.count()).toBe(0);
    await restoreTouchpoint(deleted);
    expect(await db.touchpoints.get(point.id)).toEqual(point);
    expect(await db.screenshots.count()).toBe(1);
  });

  it('never reuses a sequence number, so an undone delete cannot collide', async () => {
    const { journey } = await walkInProgress();
    await commitCapture(capturedPage(journey.id));
    const second = await commitCapture(capturedPage(journey.id));
    const deleted = await deleteTouchpoint(second.id);
    const third = await commitCapture(capturedPage(journey.id));
    await restoreTouchpoint(deleted);
    expect(third.seq).toBe(3);
    expect((await listTouchpoints(journey.id)).map((t) => t.seq)).toEqual([1, 2, 3]);
  });
});
