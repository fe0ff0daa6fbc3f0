import { describe, expect, it } from 'vitest';
import {
  commitCapture,
  createPersona,
  db,
  deletePersona,
  deleteTouchpoints,
  listTouchpoints,
  moveTouchpoint,
  undoBulkEdit,
  reorderTouchpoints,
  restorePersona,
  restoreStages,
  restoreTouchpoints,
  setPromises,
  setStages,
  updateTouchpoints,
  deleteTouchpoint,
  restoreTouchpoint,
  updateTouchpoint,
} from '../../lib/db';
import { capturedPage, walkInProgress } from './factories';

async function journeyWith(count: number) {
  const walk = await walkInProgress();
  const points = [];
  for (let i = 0; i < count; i++)
    points.push(await commitCapture(capturedPage(walk.journey.id, { pageTitle: `P${i + 1}` })));
  return { ...walk, points };
}

const order = async (journeyId: string) => (await listTouchpoints(journeyId)).map((t) => [t.seq, t.title]);

describe('reordering a journey', () => {
  it('deals the existing sequence numbers out in the new order', async () => {
    const { journey, points } = await journeyWith(3);
    await reorderTouchpoints(journey.id, [points[2]!.id, points[0]!.id, points[1]!.id]);
    expect(await order(journey.id)).toEqual([
      [1, 'P3'],
      [2, 'P1'],
      [3, 'P2'],
    ]);
  });

  it('moves one touchpoint by places from the keyboard, and undoes it', async () => {
    const { journey, points } = await journeyWith(3);
    const { before, place } = await moveTouchpoint(journey.id, points[0]!.id, 1);
    expect(place).toBe(2);
    expect((await order(journey.id)).map(([, title]) => title)).toEqual(['P2', 'P1', 'P3']);
    await moveTouchpoint(journey.id, points[2]!.id, -5); // stops at the top
    expect((await order(journey.id)).map(([, title]) => title)).toEqual(['P3', 'P2', 'P1']);
    await reorderTouchpoints(journey.id, before);
    expect((await order(journey.id)).map(([, title]) => title)).toEqual(['P1', 'P2', 'P3']);
  });

  it('never hands out a number a deleted touchpoint will want back', async () => {
    const { journey, points } = await journeyWith(3);
    const deleted = await deleteTouchpoint(points[1]!.id);
    await reorderTouchpoints(journey.id, [points[2]!.id, points[0]!.id]);
    await restoreTouchpoint(deleted);
    const seqs = (await listTouchpoints(journey.id)).map((t) => t.seq);
    expect(new Set(seqs).size).toBe(3);
  });

  it('refuses an order that does not match the journey', async () => {
    const { journey, points } = await journeyWith(2);
    await expect(reorderTouchpoints(journey.id, [points[0]!.id])).rejects.toThrow(/changed meanwhile/);
    expect((await order(journey.id)).map(([, title]) => title)).toEqual(['P1', 'P2']);
  });
});

describe('bulk edits', () => {
  it('sets stage, channel, owner and key on several touchpoints, and puts them back', async () => {
    const { journey, points } = await journeyWith(3);
    const ids = [points[0]!.id, points[2]!.id];
    const edit = await updateTouchpoints(ids, {
      stage: 'Purchase',
      channel: 'email',
      owner: 'partner-owned',
      key: true,
    });
    const after = await listTouchpoints(journey.id);
    expect(after.map((t) => [t.stage, t.key])).toEqual([
      ['Purchase', true],
      ['Awareness', false],
      ['Purchase', true],
    ]);
    await undoBulkEdit(edit);
    expect((await listTouchpoints(journey.id)).every((t) => t.stage === 'Awareness' && !t.key)).toBe(true);
  });

  it('undoes a bulk edit without undoing what was changed or deleted since', async () => {
    const { journey, points } = await journeyWith(3);
    const edit = await updateTouchpoints(
      points.map((p) => p.id),
      { stage: 'Purchase' },
    );
    await updateTouchpoint(points[0]!.id, { stage: 'Retention', title: 'Edited since' });
    await updateTouchpoint(points[1]!.id, { title: 'Renamed since' });
    await deleteTouchpoint(points[2]!.id);
    await undoBulkEdit(edit);
    const after = await listTouchpoints(journey.id);
    expect(after.map((t) => [t.title, t.stage])).toEqual([
      ['Edited since', 'Retention'],
      ['Renamed since', 'Awareness'],
    ]);
  });

  it('rejects an invalid change and leaves every touchpoint as it was', async () => {
    const { journey, points } = await journeyWith(2);
    await expect(updateTouchpoints([points[0]!.id, points[1]!.id], { stage: '' })).rejects.toThrow();
    expect((await listTouchpoints(journey.id)).every((t) => t.stage === 'Awareness')).toBe(true);
  });

  it('deletes several touchpoints with their screenshots, and brings them back', async () => {
    const { journey, points } = await journeyWith(3);
    const deleted = await deleteTouchpoints([points[0]!.id, points[1]!.id]);
    expect(await db.touchpoints.count()).toBe(1);
    expect(await db.screenshots.count()).toBe(1);
    await restoreTouchpoints(deleted);
    expect(await order(journey.id)).toHaveLength(3);
    expect(await db.screenshots.count()).toBe(3);
  });
});

describe('study settings', () => {
  it('renames, reorders and adds stages; touchpoints follow a renamed stage; undo restores both', async () => {
    const { study, journey, points } = await journeyWith(2);
    const before = await setStages(study.id, [
      { name: 'Discover', was: 'Awareness' },
      { name: 'Consideration', was: 'Consideration' },
      { name: 'Onboarding' },
      { name: 'Purchase', was: 'Purchase' },
    ]);
    expect((await db.studies.get(study.id))?.stages).toEqual(['Discover', 'Consideration', 'Onboarding', 'Purchase']);
    expect((await listTouchpoints(journey.id)).map((t) => t.stage)).toEqual(['Discover', 'Discover']);
    await updateTouchpoint(points[1]!.id, { title: 'Edited after the rename' });
    await restoreStages(before);
    expect((await db.studies.get(study.id))?.stages[0]).toBe('Awareness');
    expect((await db.touchpoints.get(points[0]!.id))?.stage).toBe('Awareness');
    expect((await db.touchpoints.get(points[1]!.id))?.title).toBe('Edited after the rename');
  });

  it('renames stages only in its own study', async () => {
    const mine = await journeyWith(1);
    const other = await journeyWith(1);
    await setStages(mine.study.id, [{ name: 'Discover', was: 'Awareness' }]);
    expect((await db.touchpoints.get(mine.points[0]!.id))?.stage).toBe('Discover');
    expect((await db.touchpoints.get(other.points[0]!.id))?.stage).toBe('Awareness');
  });

  it('refuses a stage listed twice or an empty list', async () => {
    const { study } = await walkInProgress();
    await expect(setStages(study.id, [{ name: 'A' }, { name: 'A ' }])).rejects.toThrow(
      'The stage “A” is listed twice.',
    );
    await expect(setStages(study.id, [])).rejects.toThrow('at least one stage');
  });

  it('keeps promise ids when their text is edited, so checks stay attached', async () => {
    const { study } = await walkInProgress();
    await setPromises(study.id, [{ text: 'Free returns' }, { text: '  ' }]);
    const [first] = (await db.studies.get(study.id))!.promises;
    await setPromises(study.id, [{ id: first!.id, text: 'Free returns within 30 days' }]);
    expect((await db.studies.get(study.id))?.promises).toEqual([
      { id: first!.id, text: 'Free returns within 30 days' },
    ]);
  });

  it('deletes a persona without journeys, with undo; refuses one with journeys', async () => {
    const { study, persona } = await walkInProgress();
    await expect(deletePersona(persona.id)).rejects.toThrow(
      'Carl has 1 journey; a persona with journeys cannot be deleted.',
    );
    const spare = await createPersona({ studyId: study.id, name: 'Dana', summary: '', goals: [] });
    const deleted = await deletePersona(spare.id);
    expect(await db.personas.get(spare.id)).toBeUndefined();
    await restorePersona(deleted);
    expect(await db.personas.get(spare.id)).toEqual(spare);
  });
});
