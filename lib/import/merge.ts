// Writing an import: in one transaction, records the database lacks are added, records changed
// on both sides keep the newer edit (updatedAt), identical ones are skipped. Importing the same
// file twice changes nothing; several researchers' exports of one study combine into one.

import { db } from '../db/database';
import { listTouchpoints } from '../db/touchpoints';
import { publishRecordingState } from '../db/publish-recording-state';
import { redactionsOf, type Redaction } from '../annotate/geometry';
import type { Screenshot, Touchpoint } from '../model';
import { ImportError } from './errors';
import type { ImportBatch } from './read';

export interface ImportSummary {
  added: number;
  updated: number;
  /** Already there as they are, or changed here more recently. */
  skipped: number;
  /** Added touchpoints whose number a different touchpoint of the journey had here already. */
  renumbered: number;
  studyId: string;
}

type Decision = 'add' | 'update' | 'skip';
type Versioned = { id: string; updatedAt?: number };

export async function mergeImport(batch: ImportBatch): Promise<ImportSummary> {
  const summary = await writeImport(batch);
  // An import can change the status of the journey being walked: pages follow the database.
  await publishRecordingState();
  return summary;
}

async function writeImport(batch: ImportBatch): Promise<ImportSummary> {
  const sameImages = await imagesAlreadyStored(batch.screenshots);
  return db.transaction('rw', [db.studies, db.personas, db.journeys, db.touchpoints, db.screenshots], async () => {
    const summary: ImportSummary = { added: 0, updated: 0, skipped: 0, renumbered: 0, studyId: batch.study.id };
    const count = (decision: Decision) => {
      if (decision === 'add') summary.added++;
      else if (decision === 'update') summary.updated++;
      else summary.skipped++;
    };
    const studyDecision = decide(batch.study, await db.studies.get(batch.study.id));
    if (studyDecision !== 'skip') await db.studies.put(batch.study);
    count(studyDecision);
    for (const record of batch.personas) {
      const current = await db.personas.get(record.id);
      sameOwner(current?.studyId, record.studyId, `persona ${record.id}`);
      const decision = decide(record, current);
      if (decision !== 'skip') await db.personas.put(record);
      count(decision);
    }
    for (const record of batch.journeys) {
      const current = await db.journeys.get(record.id);
      sameOwner(current?.studyId, record.studyId, `journey ${record.id}`);
      const decision = decide(record, current);
      // A journey never hands out a sequence number twice, whichever side it came from.
      if (decision !== 'skip')
        await db.journeys.put({ ...record, nextSeq: Math.max(record.nextSeq, current?.nextSeq ?? 1) });
      count(decision);
    }
    // Read and written in bulk: thousands of touchpoints and screenshots, one request each way.
    const currentPoints = await db.touchpoints.bulkGet(batch.touchpoints.map((t) => t.id));
    const shownAfter = new Map<string, string | undefined>();
    const written = new Set<string>();
    const pointsToWrite: Touchpoint[] = [];
    const replacedShots: string[] = [];
    batch.touchpoints.forEach((record, i) => {
      const current = currentPoints[i];
      sameOwner(current?.journeyId, record.journeyId, `touchpoint ${record.id}`);
      // A redaction made here is never undone by a file that lacks it, however recent the file.
      const decision = current && !keepsRedactions(record, current) ? 'skip' : decide(record, current);
      if (decision !== 'skip') {
        pointsToWrite.push(record);
        written.add(record.id);
        // A screenshot the touchpoint no longer shows goes (with the capture under its redactions).
        if (current?.screenshotId && current.screenshotId !== record.screenshotId)
          replacedShots.push(current.screenshotId);
      }
      shownAfter.set(record.id, decision === 'skip' ? current?.screenshotId : record.screenshotId);
      count(decision);
    });
    const numbered = await keepNumbersUnique(pointsToWrite, currentPoints);
    summary.renumbered = numbered.renumbered;
    await db.touchpoints.bulkPut(numbered.points);
    await numberAfter(numbered.points);
    await db.screenshots.bulkDelete(replacedShots);
    // A screenshot goes with its touchpoint: written when the touchpoint was (unless identical),
    // and only when the stored touchpoint shows it, so no screenshot is left without one.
    const currentShots = await db.screenshots.bulkGet(batch.screenshots.map((shot) => shot.id));
    const shotsToWrite: Screenshot[] = [];
    batch.screenshots.forEach((shot, i) => {
      const exists = currentShots[i];
      sameOwner(exists?.touchpointId, shot.touchpointId, `screenshot ${shot.id}`);
      const shown = shownAfter.get(shot.touchpointId) === shot.id;
      let decision: Decision = 'skip';
      if (shown && !exists) decision = 'add';
      else if (shown && written.has(shot.touchpointId) && !sameImages.has(shot.id)) decision = 'update';
      if (decision !== 'skip') shotsToWrite.push(shot);
      count(decision);
    });
    await db.screenshots.bulkPut(shotsToWrite);
    return summary;
  });
}

/**
 * Two copies of one journey walked on after they parted give different touchpoints the same
 * number. A touchpoint stored here keeps its number; a new one whose number is taken gets the
 * journey's next number (past its counter too, so never that of a deleted touchpoint an undo may
 * bring back); importing the file again then skips it, as already there.
 */
async function keepNumbersUnique(
  points: Touchpoint[],
  currentPoints: (Touchpoint | undefined)[],
): Promise<{ points: Touchpoint[]; renumbered: number }> {
  const stored = new Map(currentPoints.filter((p): p is Touchpoint => p !== undefined).map((p) => [p.id, p]));
  const owners = new Map<string, Map<number, string>>();
  const highest = new Map<string, number>();
  for (const journeyId of new Set(points.map((p) => p.journeyId))) {
    const inJourney = await listTouchpoints(journeyId);
    owners.set(journeyId, new Map(inJourney.map((p) => [p.seq, p.id])));
    const counter = (await db.journeys.get(journeyId))?.nextSeq ?? 1;
    const seqs = [...inJourney, ...points.filter((p) => p.journeyId === journeyId)].map((p) => p.seq);
    highest.set(journeyId, Math.max(counter - 1, ...seqs));
  }
  let renumbered = 0;
  const numbered = points.map((point) => {
    const taken = owners.get(point.journeyId)!;
    let seq = stored.get(point.id)?.seq ?? point.seq;
    const owner = taken.get(seq);
    if (owner !== undefined && owner !== point.id) {
      seq = highest.get(point.journeyId)! + 1;
      highest.set(point.journeyId, seq);
      renumbered++;
    }
    taken.set(seq, point.id);
    return seq === point.seq ? point : { ...point, seq };
  });
  return { points: numbered, renumbered };
}

/**
 * The next capture in a journey takes a number no touchpoint has: a file whose touchpoints reach
 * past the journey's counter (an edited file, or a journey newer here than in the file but with
 * fewer captures) moves the counter on.
 */
async function numberAfter(points: Touchpoint[]): Promise<void> {
  const highest = new Map<string, number>();
  for (const point of points) highest.set(point.journeyId, Math.max(point.seq, highest.get(point.journeyId) ?? 0));
  for (const [journeyId, seq] of highest) {
    await db.journeys
      .where({ id: journeyId })
      .modify((journey) => void (journey.nextSeq = Math.max(journey.nextSeq, seq + 1)));
  }
}

/** A record may not move to another study or journey: a file that says so is refused. */
function sameOwner(stored: string | undefined, incoming: string, what: string) {
  if (stored !== undefined && stored !== incoming) {
    throw new ImportError(`The file moves ${what} to another study or journey; nothing was imported.`);
  }
}

/** Whether the incoming touchpoint has every redaction the stored one has. */
function keepsRedactions(incoming: Touchpoint, current: Touchpoint): boolean {
  const key = (r: Redaction) => JSON.stringify([r.area.x, r.area.y, r.area.width, r.area.height, r.style]);
  const kept = new Set(redactionsOf(incoming.annotations).map(key));
  return redactionsOf(current.annotations).every((r) => kept.has(key(r)));
}

function decide<T extends Versioned>(incoming: T, current: T | undefined): Decision {
  if (!current) return 'add';
  if (sameRecord(incoming, current)) return 'skip';
  return (incoming.updatedAt ?? 0) > (current.updatedAt ?? 0) ? 'update' : 'skip';
}

function sameRecord(a: object, b: object): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

/** The same record with its keys in order (stored and imported records list them differently). */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}

/** Ids of imported screenshots whose stored copy has the same image bytes (read before writing). */
async function imagesAlreadyStored(screenshots: Screenshot[]): Promise<Set<string>> {
  const same = new Set<string>();
  const stored = await db.screenshots.bulkGet(screenshots.map((shot) => shot.id));
  for (const [i, shot] of screenshots.entries()) {
    const mine = stored[i];
    if (mine && (await sameBytes(mine.image, shot.image)) && (await sameBytes(mine.thumbnail, shot.thumbnail))) {
      same.add(shot.id);
    }
  }
  return same;
}

async function sameBytes(a: Blob, b: Blob): Promise<boolean> {
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
  const [u, v] = [new Uint8Array(x), new Uint8Array(y)];
  return u.every((byte, i) => byte === v[i]);
}
