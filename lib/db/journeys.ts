import { journey, type Journey } from '../model';
import { db } from './database';
import { publishRecordingState, setActiveJourney } from './publish-recording-state';

export interface NewJourney {
  studyId: string;
  personaId: string;
  title: string;
  scenario: string;
}

/**
 * Starts a journey and makes it the active one. Any other journey still recording is paused, so
 * only one records at a time.
 */
export async function startJourney(input: NewJourney, now = Date.now()): Promise<Journey> {
  const record = journey.parse({
    id: crypto.randomUUID(),
    studyId: input.studyId,
    personaId: input.personaId,
    title: input.title.trim(),
    scenario: input.scenario.trim(),
    status: 'active',
    startedAt: now,
    pausedMs: 0,
    masking: true,
    nextSeq: 1,
  });
  await db.transaction('rw', db.journeys, db.personas, async () => {
    const owner = await db.personas.get(input.personaId);
    if (!owner || owner.studyId !== input.studyId) throw new Error('Pick a persona of this study first.');
    const open = await db.journeys.where('status').equals('active').toArray();
    for (const other of open) await db.journeys.update(other.id, { status: 'paused', pausedAt: now });
    await db.journeys.add(record);
  });
  await setActiveJourney(record.id);
  return record;
}

export async function pauseJourney(id: string, now = Date.now()): Promise<void> {
  await changeJourney(id, (current) =>
    current.status === 'active' ? { ...current, status: 'paused', pausedAt: now } : current,
  );
}

export async function resumeJourney(id: string, now = Date.now()): Promise<void> {
  await changeJourney(id, (current) => {
    if (current.status !== 'paused') return current;
    const { pausedAt, ...rest } = current;
    return { ...rest, status: 'active', pausedMs: current.pausedMs + Math.max(0, now - (pausedAt ?? now)) };
  });
}

export async function endJourney(id: string, now = Date.now()): Promise<void> {
  await changeJourney(id, (current) => {
    if (current.status === 'done') return current;
    const { pausedAt, ...rest } = current;
    const pausedMs = current.pausedMs + (pausedAt === undefined ? 0 : Math.max(0, now - pausedAt));
    return { ...rest, status: 'done', endedAt: now, pausedMs };
  });
}

export async function setMasking(id: string, masking: boolean): Promise<void> {
  await changeJourney(id, (current) => ({ ...current, masking }));
}

export async function setAutoRecord(id: string, autoRecord: boolean): Promise<void> {
  await changeJourney(id, (current) => ({ ...current, autoRecord }));
}

/** The time spent walking, without the pauses. */
export function journeyDurationMs(record: Journey, now = Date.now()): number {
  const end = record.endedAt ?? record.pausedAt ?? now;
  return Math.max(0, end - record.startedAt - record.pausedMs);
}

async function changeJourney(id: string, change: (current: Journey) => Journey): Promise<void> {
  await db.transaction('rw', db.journeys, async () => {
    const current = await db.journeys.get(id);
    if (!current) throw new Error('This journey no longer exists.');
    await db.journeys.put(journey.parse({ ...change(current), updatedAt: Date.now() }));
  });
  await publishRecordingState();
}
