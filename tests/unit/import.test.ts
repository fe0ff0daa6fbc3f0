import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { commitCapture, db, saveAnnotations, updateTouchpoint, type RedactionRenderer } from '../../lib/db';
import { writeBundle } from '../../lib/export/bundle';
import { gatherExport } from '../../lib/export/gather';
import { buildExport, serializeExport } from '../../lib/export/json';
import { mergeImport } from '../../lib/import/merge';
import { DEFAULT_LIMITS, readImport, type ImageCheck } from '../../lib/import/read';
import { loadSampleStudy } from '../../lib/sample/sample-study';
import { capturedPage, DAMAGED_IMAGE, decodeStandIn, drawStandIn, indexOfBytes, walkInProgress } from './factories';

// The tests' images are stand-ins with no real header: this header check accepts any non-empty
// file (image-header.test.ts tests the real one), and decodeStandIn rejects only DAMAGED_IMAGE.
const checkImage: ImageCheck = async (blob) => blob.size > 0;
const decodeImage = decodeStandIn;
const draw = drawStandIn;

async function emptyDatabase() {
  await db.delete();
  await db.open();
}
const importFile = async (file: Blob) => mergeImport(await readImport(file, { checkImage, decodeImage }));
/** The export without the moment it was made, to compare two exports. */
const exported = async (studyId: string) => ({ ...(await buildExport({ studyId })), exportedAt: '' });

describe('importing', () => {
  it('round-trips a study through JSON into an empty database, screenshots byte for byte', async () => {
    const study = await loadSampleStudy(draw);
    const before = await exported(study.id);
    const file = serializeExport(await buildExport({ studyId: study.id }));
    await emptyDatabase();
    const summary = await importFile(file);
    expect(summary).toMatchObject({ added: 1 + 2 + 2 + 16 + 12, updated: 0, skipped: 0, studyId: study.id });
    expect(await exported(study.id)).toEqual(before);
  });

  it('round-trips a study through the bundle (.zip)', async () => {
    const study = await loadSampleStudy(draw);
    const before = await exported(study.id);
    const bundle = await writeBundle(await gatherExport({ studyId: study.id }));
    await emptyDatabase();
    await importFile(bundle);
    expect(await exported(study.id)).toEqual(before);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const study = await loadSampleStudy(draw);
    const file = serializeExport(await buildExport({ studyId: study.id }));
    const before = await exported(study.id);
    expect(await importFile(file)).toMatchObject({ added: 0, updated: 0, skipped: 33 });
    expect(await exported(study.id)).toEqual(before);
  });

  it('merges: new records added, the newer of two edits kept, and says what it did', async () => {
    const { journey } = await walkInProgress();
    const [a, b] = [await commitCapture(capturedPage(journey.id)), await commitCapture(capturedPage(journey.id))];
    await updateTouchpoint(a.id, { title: 'Edited here first' });
    await updateTouchpoint(b.id, { title: 'Edited here' });
    const theirs = await buildExport({ journeyId: journey.id });
    const edited = (id: string, title: string, updatedAt: number) => {
      const t = theirs.touchpoints.find((x) => x.id === id)!;
      return { ...t, title, updatedAt };
    };
    const extra = {
      ...theirs.touchpoints[0]!,
      id: crypto.randomUUID(),
      seq: 3,
      screenshotId: undefined,
      title: 'Their new one',
    };
    const file = {
      ...theirs,
      touchpoints: [
        edited(a.id, 'Edited there later', Date.now() + 60_000),
        edited(b.id, 'Edited there earlier', 1),
        extra,
      ],
      screenshots: theirs.screenshots,
    };
    const summary = await importFile(new Blob([JSON.stringify(file)]));
    expect(summary).toMatchObject({ added: 1, updated: 1 });
    const titles = (
      await db.touchpoints.where('[journeyId+seq]').between([journey.id, 0], [journey.id, Infinity]).toArray()
    ).map((t) => t.title);
    expect(titles).toEqual(['Edited there later', 'Edited here', 'Their new one']);
    // Their touchpoint took number 3 (the file's journey counter said 3 was next): the next
    // capture here takes 4, never a number a touchpoint already has.
    expect((await db.journeys.get(journey.id))?.nextSeq).toBe(4);
    expect((await commitCapture(capturedPage(journey.id))).seq).toBe(4);
  });
});

describe('merging two copies of one journey walked on after they parted', () => {
  it('keeps every number unique: theirs takes the next free one, and a second import changes nothing', async () => {
    const { journey } = await walkInProgress();
    await commitCapture(capturedPage(journey.id));
    const parted = await buildExport({ journeyId: journey.id });
    const mine = await commitCapture(capturedPage(journey.id)); // number 2 here
    // Their copy captured its own number 2 meanwhile.
    const theirs = { ...parted.touchpoints[0]!, id: crypto.randomUUID(), seq: 2, screenshotId: undefined };
    const file = new Blob([JSON.stringify({ ...parted, touchpoints: [...parted.touchpoints, theirs] })]);

    expect(await importFile(file)).toMatchObject({ added: 1, renumbered: 1 });
    const numbers = async () =>
      (await db.touchpoints.where('[journeyId+seq]').between([journey.id, 0], [journey.id, Infinity]).toArray()).map(
        (t) => [t.id, t.seq],
      );
    const [, ...rest] = await numbers();
    expect(rest).toEqual([
      [mine.id, 2],
      [theirs.id, 3],
    ]);
    expect((await commitCapture(capturedPage(journey.id))).seq).toBe(4);

    const before = await numbers();
    expect(await importFile(file)).toMatchObject({ added: 0, updated: 0, renumbered: 0 });
    expect(await numbers()).toEqual(before);
  });

  it('an edit of their renumbered touchpoint, imported later, keeps the number it has here', async () => {
    const { journey } = await walkInProgress();
    const parted = await buildExport({ journeyId: journey.id });
    await commitCapture(capturedPage(journey.id)); // number 1 here
    const template = (await buildExport({ journeyId: journey.id })).touchpoints[0]!;
    const theirs = { ...template, id: crypto.randomUUID(), seq: 1, screenshotId: undefined, title: 'Theirs' };
    await importFile(new Blob([JSON.stringify({ ...parted, touchpoints: [theirs] })]));
    expect((await db.touchpoints.get(theirs.id))?.seq).toBe(2);

    const edited = { ...theirs, title: 'Theirs, edited', updatedAt: Date.now() + 60_000 };
    expect(await importFile(new Blob([JSON.stringify({ ...parted, touchpoints: [edited] })]))).toMatchObject({
      updated: 1,
      renumbered: 0,
    });
    expect(await db.touchpoints.get(theirs.id)).toMatchObject({ seq: 2, title: 'Theirs, edited' });
  });
});

describe('refusing bad files, with nothing written', () => {
  const nothingWritten = async () => expect(await db.studies.count()).toBe(0);

  it('names the field and the problem when the file does not match the format', async () => {
    const study = await loadSampleStudy(draw);
    const file = await buildExport({ studyId: study.id });
    await emptyDatabase();
    const broken = {
      ...file,
      touchpoints: file.touchpoints.map((t, i) =>
        i === 3 ? { ...t, friction: { ...t.friction, severity: 'awful' } } : t,
      ),
    };
    await expect(importFile(new Blob([JSON.stringify(broken)]))).rejects.toThrow(
      /touchpoints\.3\.friction\.severity: Invalid option/,
    );
    await nothingWritten();
  });

  it('refuses what is not JSON, records that point outside the file, and images that do not decode', async () => {
    await expect(importFile(new Blob(['hello']))).rejects.toThrow(
      'neither a Touchtrail JSON file nor a Touchtrail bundle',
    );
    const study = await loadSampleStudy(draw);
    const file = await buildExport({ studyId: study.id });
    await emptyDatabase();
    const orphan = {
      ...file,
      touchpoints: [{ ...file.touchpoints[0]!, journeyId: crypto.randomUUID() }],
      screenshots: [],
    };
    await expect(importFile(new Blob([JSON.stringify(orphan)]))).rejects.toThrow(
      /names a journey the file does not hold/,
    );
    const noImages: ImageCheck = async () => false;
    await expect(
      readImport(serializeExport(file), { checkImage: noImages, decodeImage }).then(mergeImport),
    ).rejects.toThrow(/^screenshots\.0\.image is not an image that can be shown/);
    await nothingWritten();
  });

  it('refuses a file over the size limit, and reads one at the limit', async () => {
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 100 };
    await expect(readImport(new Blob(['x'.repeat(101)]), { checkImage, decodeImage, limits })).rejects.toThrow(
      'files over 0 MB are refused',
    );
    // At the limit the file is read: it fails only as what it is, no JSON.
    await expect(readImport(new Blob(['x'.repeat(100)]), { checkImage, decodeImage, limits })).rejects.toThrow(
      'neither a Touchtrail JSON file',
    );
  });

  it('refuses a JSON file past what the browser reads as one string, suggesting the bundle', async () => {
    const study = await loadSampleStudy(draw);
    const file = serializeExport(await buildExport({ studyId: study.id }));
    await emptyDatabase();
    const atLimit = { ...DEFAULT_LIMITS, maxJsonBytes: file.size };
    expect(await mergeImport(await readImport(file, { checkImage, decodeImage, limits: atLimit }))).toMatchObject({
      added: 33,
    });
    await emptyDatabase();
    const belowFile = { ...DEFAULT_LIMITS, maxJsonBytes: file.size - 1 };
    await expect(readImport(file, { checkImage, decodeImage, limits: belowFile })).rejects.toThrow(
      /a JSON file over 0 MB is more than the browser can read as one piece of text\. Export the study as a bundle \(\.zip\) instead/,
    );
    // With the real limit: a file that says it is 600 MB (its bytes are few; its size is what is checked).
    class HugeJson extends Blob {
      override get size() {
        return 600 * 1024 ** 2;
      }
    }
    await expect(readImport(new HugeJson([await file.text()]), { checkImage, decodeImage })).rejects.toThrow(
      'The file is 600 MB; a JSON file over 500 MB is more than the browser can read as one piece of text.',
    );
    await nothingWritten();
  });

  it('refuses a JSON file with an image that does not decode, naming it', async () => {
    const study = await loadSampleStudy(draw);
    const file = await buildExport({ studyId: study.id });
    await emptyDatabase();
    for (const field of ['image', 'thumbnail'] as const) {
      const screenshots = file.screenshots.map((s, i) => (i === 2 ? { ...s, [field]: btoa(DAMAGED_IMAGE) } : s));
      await expect(importFile(new Blob([JSON.stringify({ ...file, screenshots })]))).rejects.toThrow(
        `screenshots.2.${field} does not decode as an image; the file is refused.`,
      );
    }
    await nothingWritten();
  });

  it('refuses a bundle with a screenshot that does not decode, or whose bytes fail their CRC-32, naming it', async () => {
    const study = await loadSampleStudy(draw);
    const bundle = new Uint8Array(await (await writeBundle(await gatherExport({ studyId: study.id }))).arrayBuffer());
    await emptyDatabase();
    const files = unzipSync(bundle);
    const manifest = JSON.parse(new TextDecoder().decode(files['touchtrail.json'])) as {
      screenshots: { image: string; thumbnail: string }[];
    };
    const { image, thumbnail } = manifest.screenshots[3]!;

    // Replaced by bytes that do not decode, with a correct checksum (zipSync computes it).
    for (const path of [image, thumbnail]) {
      const scrambled = zipSync({ ...files, [path]: [strToU8(DAMAGED_IMAGE), { level: 0 }] });
      await expect(importFile(new Blob([scrambled]))).rejects.toThrow(
        `${path} does not decode as an image; the file is refused.`,
      );
    }

    // One byte of the screenshot flipped in place: it still decodes (the stand-in decodes any
    // other bytes), but its checksum no longer matches.
    const flipped = bundle.slice();
    const at = indexOfBytes(flipped, files[image]!) + 2;
    flipped[at] = flipped[at]! ^ 0xff;
    await expect(importFile(new Blob([flipped]))).rejects.toThrow(
      `The bundle entry ${image} is damaged: its bytes do not match its CRC-32 checksum; the file is refused.`,
    );
    await nothingWritten();
  });

  it('refuses a zip that expands far past its size (a zip bomb), and never leaves the bundle', async () => {
    const study = await loadSampleStudy(draw);
    const bundle = new Uint8Array(await (await writeBundle(await gatherExport({ studyId: study.id }))).arrayBuffer());
    await emptyDatabase();
    const { unzipSync } = await import('fflate');
    const files = unzipSync(bundle);
    const manifest = JSON.parse(new TextDecoder().decode(files['touchtrail.json'])) as {
      screenshots: { image: string }[];
    };
    const bomb = zipSync(
      { ...files, [manifest.screenshots[0]!.image]: new Uint8Array(20 * 1024 * 1024) },
      { level: 9 },
    );
    await expect(importFile(new Blob([bomb]))).rejects.toThrow(/expand/);

    // A manifest that names a file outside the bundle's folders is refused by the schema.
    manifest.screenshots[0]!.image = '../../etc/passwd';
    const escaping = zipSync({ ...files, 'touchtrail.json': strToU8(JSON.stringify(manifest)) });
    await expect(importFile(new Blob([escaping]))).rejects.toThrow(/screenshots\.0\.image: Not a file of this bundle/);
    await nothingWritten();
  });
});

describe('importing real-sized and crafted files', () => {
  it('re-imports a streamed bundle with a large manifest and a large image', async () => {
    const { study, journey } = await walkInProgress();
    const big = new Uint8Array(300 * 1024).map((_, i) => (i * 7919) % 251); // does not compress
    await commitCapture(
      capturedPage(journey.id, {
        image: { ...capturedPage(journey.id).image!, image: new Blob([big], { type: 'image/webp' }) },
      }),
    );
    for (let i = 0; i < 400; i++)
      await commitCapture(capturedPage(journey.id, { image: undefined, pageTitle: `Page ${i}` }));
    const before = await exported(study.id);
    const bundle = await writeBundle(await gatherExport({ studyId: study.id }));
    await emptyDatabase();
    await importFile(bundle);
    expect(await exported(study.id)).toEqual(before);
  });

  it('refuses a manifest that names one file for two images', async () => {
    const study = await loadSampleStudy(draw);
    const files = (await import('fflate')).unzipSync(
      new Uint8Array(await (await writeBundle(await gatherExport({ studyId: study.id }))).arrayBuffer()),
    );
    const manifest = JSON.parse(new TextDecoder().decode(files['touchtrail.json'])) as {
      screenshots: { image: string }[];
    };
    manifest.screenshots[1]!.image = manifest.screenshots[0]!.image;
    await emptyDatabase();
    const crafted = zipSync({ ...files, 'touchtrail.json': strToU8(JSON.stringify(manifest)) });
    await expect(importFile(new Blob([crafted]))).rejects.toThrow(/for two images/);
  });

  it('never undoes a redaction made here, however recent the file that lacks it', async () => {
    const { journey } = await walkInProgress();
    const point = await commitCapture(capturedPage(journey.id));
    const theirs = await buildExport({ journeyId: journey.id });
    const redaction = {
      kind: 'redaction' as const,
      id: crypto.randomUUID(),
      area: { x: 0, y: 0, width: 0.5, height: 0.5 },
      style: 'solid' as const,
    };
    const burn: RedactionRenderer = async () => {
      const blob = new Blob(['redacted'], { type: 'image/webp' });
      return { image: blob, thumbnail: blob, mime: 'image/webp', thumbnailMime: 'image/webp' };
    };
    await saveAnnotations(point.id, [redaction], burn);
    const later = {
      ...theirs,
      touchpoints: [{ ...theirs.touchpoints[0]!, title: 'Edited later there', updatedAt: Date.now() + 60_000 }],
    };
    await importFile(new Blob([JSON.stringify(later)]));
    const stored = await db.touchpoints.get(point.id);
    expect(stored?.annotations).toEqual([redaction]);
    expect(await (await db.screenshots.get(point.screenshotId!))?.image.text()).toBe('redacted');
  });

  it('refuses a file that moves a record to another study, and dates edits no later than now', async () => {
    const { journey } = await walkInProgress();
    await commitCapture(capturedPage(journey.id));
    const file = await buildExport({ journeyId: journey.id });
    const other = await walkInProgress();
    const moved = {
      ...file,
      study: other.study,
      journeys: [{ ...file.journeys[0]!, studyId: other.study.id }],
      personas: [{ ...file.personas[0]!, studyId: other.study.id }],
    };
    await expect(importFile(new Blob([JSON.stringify(moved)]))).rejects.toThrow(/moves persona .* to another study/);

    const future = {
      ...file,
      touchpoints: [{ ...file.touchpoints[0]!, title: 'From the future', updatedAt: Number.MAX_SAFE_INTEGER }],
    };
    await importFile(new Blob([JSON.stringify(future)]));
    expect((await db.touchpoints.get(file.touchpoints[0]!.id))?.updatedAt).toBeLessThanOrEqual(Date.now());
  });
});
