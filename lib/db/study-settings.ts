// A study's settings and personas, edited from the dashboard's study page.

import { persona, promise, stage, type Persona, type Touchpoint } from '../model';
import { db } from './database';
import { touchpointsInOrder } from './touchpoints-in-order';

/** A stage in the edited list; `was` is its name before, when it is renamed. */
export interface EditedStage {
  name: string;
  was?: string;
}

/** What undoing a stage edit needs: the list before, and each rename (new name → old). */
export interface StagesBefore {
  studyId: string;
  stages: string[];
  renamed: [string, string][];
}

/**
 * Sets the study's stage list (order, new names, new stages). Touchpoints of a renamed stage
 * follow it; touchpoints of a removed stage keep its name and show after the listed stages.
 * Returns what undo needs.
 */
export async function setStages(studyId: string, edited: EditedStage[]): Promise<StagesBefore> {
  const names = edited.map((s) => stage.parse(s.name.trim()));
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new Error(`The stage “${duplicate}” is listed twice.`);
  if (names.length === 0) throw new Error('A study needs at least one stage.');
  const renames = new Map(edited.filter((s) => s.was && s.was !== s.name.trim()).map((s) => [s.was!, s.name.trim()]));

  return db.transaction('rw', db.studies, db.journeys, db.touchpoints, async () => {
    const current = await db.studies.get(studyId);
    if (!current) throw new Error('This study no longer exists.');
    await renameStages(studyId, renames);
    await db.studies.put({ ...current, stages: names, updatedAt: Date.now() });
    return { studyId, stages: current.stages, renamed: [...renames].map(([was, now]) => [now, was]) };
  });
}

/** Undoes a stage edit: the list as it was, and touchpoints still in a renamed stage renamed back. */
export async function restoreStages(before: StagesBefore): Promise<void> {
  await db.transaction('rw', db.studies, db.journeys, db.touchpoints, async () => {
    await renameStages(before.studyId, new Map(before.renamed));
    await db.studies.update(before.studyId, { stages: before.stages, updatedAt: Date.now() });
  });
}

/** Renames stages on the touchpoints of one study's journeys (read journey by journey). */
async function renameStages(studyId: string, renames: Map<string, string>) {
  if (renames.size === 0) return;
  for (const walk of await db.journeys.where({ studyId }).toArray()) {
    await touchpointsInOrder(walk.id)
      .filter((t) => renames.has(t.stage))
      .modify((t: Touchpoint) => {
        t.stage = renames.get(t.stage)!;
      });
  }
}

/** Sets the customer promises touchpoints are checked against (kept by id, so checks survive edits). */
export async function setPromises(studyId: string, promises: { id?: string; text: string }[]): Promise<void> {
  const parsed = promises
    .filter((p) => p.text.trim())
    .map((p) => promise.parse({ id: p.id ?? crypto.randomUUID(), text: p.text.trim() }));
  await db.studies.update(studyId, { promises: parsed, updatedAt: Date.now() });
}

export async function updatePersona(id: string, patch: Partial<Omit<Persona, 'id' | 'studyId'>>): Promise<Persona> {
  return db.transaction('rw', db.personas, async () => {
    const current = await db.personas.get(id);
    if (!current) throw new Error('This persona no longer exists.');
    const next = persona.parse({ ...current, ...patch, updatedAt: Date.now() });
    await db.personas.put(next);
    return next;
  });
}

/** Deletes a persona that has no journeys (a journey without its persona would lose meaning). */
export async function deletePersona(id: string): Promise<Persona> {
  return db.transaction('rw', db.personas, db.journeys, async () => {
    const current = await db.personas.get(id);
    if (!current) throw new Error('This persona no longer exists.');
    const journeys = await db.journeys.where({ personaId: id }).count();
    if (journeys > 0) {
      throw new Error(
        `${current.name} has ${journeys} ${journeys === 1 ? 'journey' : 'journeys'}; a persona with journeys cannot be deleted.`,
      );
    }
    await db.personas.delete(id);
    return current;
  });
}

export async function restorePersona(record: Persona): Promise<void> {
  await db.personas.put(record);
}
