import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addOffsiteTouchpoint, commitCapture, createPersona, db, startJourney, updateTouchpoint } from '../../lib/db';
import { exportFile } from '../../lib/export/format';
import { buildExport, exportFileName, serializeExport } from '../../lib/export/json';
import { EXPORT_SCHEMA_PATH, exportJsonSchema } from '../../lib/export/json-schema';
import { capturedPage, walkInProgress } from './factories';

describe('the JSON export', () => {
  it('holds the journey with its study, persona, touchpoints in order and screenshots in base64', async () => {
    const { study, persona, journey } = await walkInProgress();
    const first = await commitCapture(capturedPage(journey.id, { pageTitle: 'Home' }));
    await updateTouchpoint(first.id, { friction: { severity: 'minor', categories: ['slow'], notes: 'Slow hero' } });
    await addOffsiteTouchpoint(journey.id, 'email');

    const file = await buildExport({ journeyId: journey.id }, new Date('2026-11-22T10:00:00Z'));
    expect(file).toMatchObject({
      format: 'touchtrail',
      version: 1,
      scope: 'journey',
      exportedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(file.study.id).toBe(study.id);
    expect(file.personas.map((p) => p.id)).toEqual([persona.id]);
    expect(file.touchpoints.map((t) => [t.seq, t.source])).toEqual([
      [1, 'manual'],
      [2, 'offsite'],
    ]);
    expect(file.touchpoints[0]?.friction).toEqual({ severity: 'minor', categories: ['slow'], notes: 'Slow hero' });
    expect(file.screenshots).toHaveLength(1);
    expect([...Buffer.from(file.screenshots[0]!.image, 'base64')]).toEqual([1, 2, 3, 4]);
    expect([...Buffer.from(file.screenshots[0]!.thumbnail, 'base64')]).toEqual([5, 6]);
    expect(exportFileName(file)).toBe('touchtrail-northwind-audit-buy-boots-2026-11-22.json');
  });

  it('exports every journey and persona of a study', async () => {
    const { study, journey } = await walkInProgress();
    const other = await createPersona({ studyId: study.id, name: 'Dana', summary: '', goals: [] });
    const second = await startJourney({ studyId: study.id, personaId: other.id, title: 'Return', scenario: '' });
    await commitCapture(capturedPage(journey.id));
    await commitCapture(capturedPage(second.id));
    await walkInProgress(); // another study, which must stay out

    const file = await buildExport({ studyId: study.id });
    expect(file.scope).toBe('study');
    expect(file.journeys.map((j) => j.id).sort()).toEqual([journey.id, second.id].sort());
    expect(file.personas).toHaveLength(2);
    expect(file.touchpoints).toHaveLength(2);
    expect(file.screenshots).toHaveLength(2);
  });

  it('round-trips through JSON and validates against the schema', async () => {
    const { journey } = await walkInProgress();
    await commitCapture(capturedPage(journey.id));
    const text = await serializeExport(await buildExport({ journeyId: journey.id })).text();
    expect(exportFile.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('refuses to write an export from records that do not validate', async () => {
    const { journey } = await walkInProgress();
    const point = await commitCapture(capturedPage(journey.id));
    // A record damaged outside the app (say, by an old version) must not leave in an export.
    await db.touchpoints.update(point.id, { channel: 'fax' as never });
    await expect(buildExport({ journeyId: journey.id })).rejects.toThrow();
  });

  it('says clearly when the journey is gone', async () => {
    await expect(buildExport({ journeyId: crypto.randomUUID() })).rejects.toThrow('no longer exists');
  });
});

describe('the JSON Schema of the export format', () => {
  it(`is up to date in ${EXPORT_SCHEMA_PATH} (run "npm run schema" after changing lib/model)`, () => {
    expect(readFileSync(EXPORT_SCHEMA_PATH, 'utf8')).toBe(exportJsonSchema());
  });
});
