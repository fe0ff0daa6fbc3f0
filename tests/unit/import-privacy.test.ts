import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { db, updateStudyPrivacy } from '../../lib/db';
import { writeBundle } from '../../lib/export/bundle';
import { gatherExport } from '../../lib/export/gather';
import { buildExport, serializeExport } from '../../lib/export/json';
import { mergeImport } from '../../lib/import/merge';
import { readImport, type ImageCheck } from '../../lib/import/read';
import { loadSampleStudy } from '../../lib/sample/sample-study';
import { decodeStandIn, drawStandIn } from './factories';

// A study's privacy settings leave with it and come back with it (issue 17).

const checkImage: ImageCheck = async (blob) => blob.size > 0;
const importFile = async (file: Blob) =>
  mergeImport(await readImport(file, { checkImage, decodeImage: decodeStandIn }));

async function emptyDatabase() {
  await db.delete();
  await db.open();
}

/** The sample study with every setting changed from its default. */
async function privateStudy() {
  const study = await loadSampleStudy(drawStandIn);
  const privacy = await updateStudyPrivacy(study.id, {
    maskAllText: true,
    hideMedia: true,
    alwaysMask: ['Ada Lovelace', '/NW1 \\d[A-Z]{2}/'],
  });
  return { studyId: study.id, privacy };
}

const storedPrivacy = async (studyId: string) => (await db.studies.get(studyId))?.privacy;

describe('a study’s privacy settings in exports and imports', () => {
  it('go out in the JSON file and come back into an empty database', async () => {
    const { studyId, privacy } = await privateStudy();
    const file = await buildExport({ studyId });
    expect(file.study.privacy).toEqual(privacy);
    await emptyDatabase();
    await importFile(serializeExport(file));
    expect(await storedPrivacy(studyId)).toEqual(privacy);
  });

  it('go out in the bundle’s touchtrail.json and come back from the bundle', async () => {
    const { studyId, privacy } = await privateStudy();
    const bundle = await writeBundle(await gatherExport({ studyId }));
    const manifest = unzipSync(new Uint8Array(await bundle.arrayBuffer()))['touchtrail.json']!;
    expect((JSON.parse(new TextDecoder().decode(manifest)) as { study: { privacy: unknown } }).study.privacy).toEqual(
      privacy,
    );
    await emptyDatabase();
    await importFile(bundle);
    expect(await storedPrivacy(studyId)).toEqual(privacy);
  });

  it('merge like the rest of the study: a newer file’s settings replace older ones here, an older file’s do not', async () => {
    const { studyId, privacy } = await privateStudy();
    const theirs = await buildExport({ studyId });
    await updateStudyPrivacy(studyId, { maskAllText: false, alwaysMask: [] });
    const older = { ...theirs, study: { ...theirs.study, updatedAt: 1 } };
    await importFile(new Blob([JSON.stringify(older)]));
    expect(await storedPrivacy(studyId)).toEqual({ maskAllText: false, hideMedia: true, alwaysMask: [] });

    const newer = { ...theirs, study: { ...theirs.study, updatedAt: Date.now() + 60_000 } };
    expect(await importFile(new Blob([JSON.stringify(newer)]))).toMatchObject({ updated: 1 });
    expect(await storedPrivacy(studyId)).toEqual(privacy);
  });

  it('are the defaults for a file from before they existed', async () => {
    const { studyId } = await privateStudy();
    const file = await buildExport({ studyId });
    const { privacy: _, ...studyBefore } = file.study;
    await emptyDatabase();
    await importFile(new Blob([JSON.stringify({ ...file, study: studyBefore })]));
    expect(await storedPrivacy(studyId)).toEqual({ maskAllText: false, hideMedia: false, alwaysMask: [] });
  });

  it('refuse the whole file when they are not valid, saying where', async () => {
    const { studyId } = await privateStudy();
    const file = await buildExport({ studyId });
    await emptyDatabase();
    const withPrivacy = (privacy: unknown) =>
      new Blob([JSON.stringify({ ...file, study: { ...file.study, privacy } })]);

    await expect(importFile(withPrivacy({ ...file.study.privacy, hideMedia: 'yes' }))).rejects.toThrow(
      /study\.privacy\.hideMedia: Invalid input/,
    );
    await expect(importFile(withPrivacy({ ...file.study.privacy, alwaysMask: 'Ada Lovelace' }))).rejects.toThrow(
      /study\.privacy\.alwaysMask: Invalid input/,
    );
    await expect(
      importFile(withPrivacy({ ...file.study.privacy, alwaysMask: ['Ada', '/(unclosed/'] })),
    ).rejects.toThrow(/entry “\/\(unclosed\/” cannot be used: Not a valid pattern: .* The file is refused\.$/);
    await expect(importFile(withPrivacy({ ...file.study.privacy, alwaysMask: ['  '] }))).rejects.toThrow(
      'An empty entry masks nothing.',
    );
    expect(await db.studies.count()).toBe(0);
  });
});
