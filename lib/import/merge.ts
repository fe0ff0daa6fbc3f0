// Writing an import: in one transaction, records the database lacks are added, records changed
// on both sides keep the newer edit (updatedAt), identical ones are skipped. Importing the same
// file twice changes nothing; several researchers' exports of one study combine into one.

import { db } from '../db/database';
import type { Screenshot } from '../model';
import type { ImportBatch } from './read';

export interface ImportSummary {
  added: number;
  updated: number;
  /** Already there as they are, or changed here more recently. */
  skipped: number;
  studyId: string;
}

type Decision = 'add' | 'update' | 'skip';
type Versioned = { id: string; updatedAt?: number };

export async function mergeImport(batch: ImportBatch): Promise<ImportSummary> {
  const sameImages = await imagesAlreadyStored(batch.screenshots);
  return db.transaction('rw', [db.studies, db.personas, db.journeys, db.touchpoints, db.screenshots], async () => {
    const summary: ImportSummary = { added: 0, updated: 0, skipped: 0, studyId: batch.study.id };
    const count = (decision: Decision) => {
      if (decision === 'add') summary.added++;
      else if (decision === 'update') summary.updated++;
      else summary.skipped++;
    };
    const studyDecision = decide(batch.study, await db.studies.get(batch.study.id));
    if (studyDecision !== 'skip') await db.studies.put(batch.study);
    count(studyDecision);
    for (const record of batch.personas) {
      const decision = decide(record, await db.personas.get(record.id));
      if (decision !== 'skip') await db.personas.put(record);
      count(decision);
    }
    for (const record of batch.journeys) {
      const current = await db.journeys.get(record.id);
      const decision = decide(record, current);
      // A journey never hands out a sequence number twice, whichever side it came from.
      if (decision !== 'skip')
        await db.journeys.put({ ...record, nextSeq: Math.max(record.nextSeq, current?.nextSeq ?? 1) });
      count(decision);
    }
    const written = new Set<string>();
    for (const record of batch.touchpoints) {
      const decision = decide(record, await db.touchpoints.get(record.id));
      if (decision !== 'skip') {
        await db.touchpoints.put(record);
        written.add(record.id);
      }
      count(decision);
    }
    // A screenshot goes with its touchpoint: written when the touchpoint was, unless identical.
    for (const shot of batch.screenshots) {
      const exists = await db.screenshots.get(shot.id);
      const decision: Decision = !exists
        ? 'add'
        : written.has(shot.touchpointId) && !sameImages.has(shot.id)
          ? 'update'
          : 'skip';
      if (decision !== 'skip') await db.screenshots.put(shot);
      count(decision);
    }
    return summary;
  });
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
  for (const shot of screenshots) {
    const stored = await db.screenshots.get(shot.id);
    if (stored && (await sameBytes(stored.image, shot.image)) && (await sameBytes(stored.thumbnail, shot.thumbnail))) {
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
