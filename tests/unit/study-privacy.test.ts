import { describe, expect, it } from 'vitest';
import { createStudy, db, updateStudyPrivacy } from '../../lib/db';
import { loadSampleStudy } from '../../lib/sample/sample-study';
import { drawStandIn } from './factories';

const newStudy = () => createStudy({ name: 'Northwind audit', company: 'Northwind', siteUrl: '' }, 1_000);
const stored = async (studyId: string) => (await db.studies.get(studyId))!;

describe('a study’s privacy settings', () => {
  it('start with nothing beyond form fields and personal data masked, in a new or a sample study', async () => {
    const nothingMore = { maskAllText: false, hideMedia: false, alwaysMask: [] };
    expect((await stored((await newStudy()).id)).privacy).toEqual(nothingMore);
    expect((await stored((await loadSampleStudy(drawStandIn)).id)).privacy).toEqual(nothingMore);
  });

  it('are not shared between studies: changing one leaves the others as they were', async () => {
    const [first, second] = [await newStudy(), await newStudy()];
    await updateStudyPrivacy(first.id, { alwaysMask: ['Ada Lovelace'], hideMedia: true });
    expect((await stored(second.id)).privacy).toEqual({ maskAllText: false, hideMedia: false, alwaysMask: [] });
  });

  it('change only what is given, and mark the study as edited', async () => {
    const { id } = await newStudy();
    await updateStudyPrivacy(id, { maskAllText: true });
    await updateStudyPrivacy(id, { alwaysMask: ['Ada Lovelace'] });
    const study = await stored(id);
    expect(study.privacy).toEqual({ maskAllText: true, hideMedia: false, alwaysMask: ['Ada Lovelace'] });
    expect(study.updatedAt).toBeGreaterThan(1_000);
  });

  it('keep "always mask" entries trimmed, once each, without empty ones', async () => {
    const { id } = await newStudy();
    const saved = await updateStudyPrivacy(id, {
      alwaysMask: ['  Ada Lovelace ', '', '   ', 'Ada Lovelace', '/NW1 \\d[A-Z]{2}/'],
    });
    expect(saved.alwaysMask).toEqual(['Ada Lovelace', '/NW1 \\d[A-Z]{2}/']);
    expect((await stored(id)).privacy.alwaysMask).toEqual(saved.alwaysMask);
  });

  it('refuse an entry that cannot become a pattern, with the reason, and keep what was stored', async () => {
    const { id } = await newStudy();
    await updateStudyPrivacy(id, { alwaysMask: ['Ada Lovelace'] });
    await expect(updateStudyPrivacy(id, { alwaysMask: ['Ada Lovelace', '/(unclosed/'] })).rejects.toThrow(
      /^Not a valid pattern: /,
    );
    await expect(updateStudyPrivacy(id, { alwaysMask: ['/x*/'], hideMedia: true })).rejects.toThrow(
      'matches empty text',
    );
    expect((await stored(id)).privacy).toEqual({ maskAllText: false, hideMedia: false, alwaysMask: ['Ada Lovelace'] });
  });

  it('refuse what the schema does not allow', async () => {
    const { id } = await newStudy();
    await expect(updateStudyPrivacy(id, { alwaysMask: ['x'.repeat(501)] })).rejects.toThrow();
    await expect(updateStudyPrivacy(id, { maskAllText: 'yes' as never })).rejects.toThrow();
    expect((await stored(id)).privacy.alwaysMask).toEqual([]);
  });

  it('apply a change computed from the stored settings, so an undo keeps edits made meanwhile', async () => {
    const { id } = await newStudy();
    await updateStudyPrivacy(id, { alwaysMask: ['Ada Lovelace', 'Baker Street'] });
    await updateStudyPrivacy(id, { alwaysMask: ['Baker Street'] });
    await updateStudyPrivacy(id, (privacy) => ({ alwaysMask: [...privacy.alwaysMask, 'NW1 6XE'] }));
    await updateStudyPrivacy(id, (privacy) => ({ alwaysMask: ['Ada Lovelace', ...privacy.alwaysMask] }));
    expect((await stored(id)).privacy.alwaysMask).toEqual(['Ada Lovelace', 'Baker Street', 'NW1 6XE']);
  });

  it('say so when the study is gone', async () => {
    await expect(updateStudyPrivacy(crypto.randomUUID(), { hideMedia: true })).rejects.toThrow('no longer exists');
  });
});
