import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipWanted } from '../../lib/import/unzip';

const WANTED = /^(touchtrail\.json|screenshots\/.*)$/;
const LIMITS = { maxEntryBytes: 1024 ** 2, maxTotalBytes: 4 * 1024 ** 2 };
const image = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);

function bundle(): Uint8Array {
  return zipSync(
    {
      'touchtrail.json': strToU8('{"format":"touchtrail"}'),
      'screenshots/a.webp': [image, { level: 0 }],
      'README.txt': strToU8('not wanted'),
    },
    { level: 6 },
  );
}

/** Where the central directory's end record starts. */
const endOfDirectory = (zip: Uint8Array) => {
  const view = new DataView(zip.buffer);
  for (let at = zip.length - 22; at >= 0; at--) if (view.getUint32(at, true) === 0x06054b50) return at;
  throw new Error('no end record');
};
/** Every central-directory record's offset. */
const directoryRecords = (zip: Uint8Array) => {
  const view = new DataView(zip.buffer);
  const offsets: number[] = [];
  for (let at = 0; at + 4 <= zip.length; at++) if (view.getUint32(at, true) === 0x02014b50) offsets.push(at);
  return offsets;
};

describe('reading a bundle by its central directory', () => {
  it('gives the wanted entries: stored ones as they are, deflated ones inflated, each with its first bytes', async () => {
    const entries = await unzipWanted(new Blob([bundle() as BlobPart]), WANTED, LIMITS);
    expect([...entries.keys()].sort()).toEqual(['screenshots/a.webp', 'touchtrail.json']);
    const shot = entries.get('screenshots/a.webp')!;
    expect(new Uint8Array(await shot.blob.arrayBuffer())).toEqual(image);
    expect(shot.blob.type).toBe('image/webp');
    expect(shot.head).toEqual(image.subarray(0, 1024));
    expect(await entries.get('touchtrail.json')!.blob.text()).toBe('{"format":"touchtrail"}');
  });

  it('refuses encrypted entries, ZIP64, a name listed twice, and what is no zip', async () => {
    const encrypted = bundle();
    const [first] = directoryRecords(encrypted);
    encrypted[first! + 8] = encrypted[first! + 8]! | 1;
    await expect(unzipWanted(new Blob([encrypted as BlobPart]), WANTED, LIMITS)).rejects.toThrow(/encrypted/);

    const zip64 = bundle();
    new DataView(zip64.buffer).setUint16(endOfDirectory(zip64) + 10, 0xffff, true);
    await expect(unzipWanted(new Blob([zip64 as BlobPart]), WANTED, LIMITS)).rejects.toThrow(/ZIP64/);

    const twice = zipSync({ 'screenshots/a.webp': [image, { level: 0 }], 'screenshots/b.webp': [image, { level: 0 }] });
    const text = new TextDecoder('latin1').decode(twice);
    for (let at = text.indexOf('screenshots/b.webp'); at >= 0; at = text.indexOf('screenshots/b.webp', at + 1)) {
      twice[at + 12] = 'a'.charCodeAt(0);
    }
    await expect(unzipWanted(new Blob([twice as BlobPart]), WANTED, LIMITS)).rejects.toThrow(/twice/);

    await expect(unzipWanted(new Blob(['just text']), WANTED, LIMITS)).rejects.toThrow(/damaged/);
  });

  it('refuses an entry that inflates past the limit, whatever size the zip declares', async () => {
    const bomb = zipSync({ 'touchtrail.json': new Uint8Array(3 * 1024 ** 2) }, { level: 9 });
    await expect(unzipWanted(new Blob([bomb as BlobPart]), WANTED, LIMITS)).rejects.toThrow(/too large/);
    // The directory now claims 100 bytes: the inflated bytes are counted, and the entry refused.
    new DataView(bomb.buffer).setUint32(directoryRecords(bomb)[0]! + 24, 100, true);
    await expect(unzipWanted(new Blob([bomb as BlobPart]), WANTED, LIMITS)).rejects.toThrow(/expands past/);
  });
});
