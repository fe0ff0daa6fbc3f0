import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Crc32 } from '../../lib/import/crc32';
import { RATIO_BASE_MIN_BYTES, unzipWanted } from '../../lib/import/unzip';
import { indexOfBytes } from './factories';

const WANTED = /^(touchtrail\.json|screenshots\/.*)$/;
const LIMITS = { maxEntryBytes: 1024 ** 2, maxTotalBytes: 4 * 1024 ** 2, maxRatio: 1000 };
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
    await expect(unzipWanted(new Blob([bomb as BlobPart]), WANTED, LIMITS)).rejects.toThrow(
      'The bundle entry touchtrail.json is over 1 MB, the most one entry may hold; the file is refused.',
    );
    // The directory now claims 100 bytes: the inflated bytes are counted, and the entry refused.
    new DataView(bomb.buffer).setUint32(directoryRecords(bomb)[0]! + 24, 100, true);
    await expect(unzipWanted(new Blob([bomb as BlobPart]), WANTED, LIMITS)).rejects.toThrow(/is over 1 MB/);
  });

  it('refuses an entry whose bytes do not match its CRC-32, naming it', async () => {
    const zip = bundle();
    const at = indexOfBytes(zip, image) + 100;
    zip[at] = zip[at]! ^ 1;
    await expect(unzipWanted(new Blob([zip as BlobPart]), WANTED, LIMITS)).rejects.toThrow(
      'The bundle entry screenshots/a.webp is damaged: its bytes do not match its CRC-32 checksum',
    );
    // A deflated entry is checked as it inflates: its checksum in the directory changed.
    const manifest = bundle();
    const record = directoryRecords(manifest).find((r) => nameAt(manifest, r) === 'touchtrail.json')!;
    const view = new DataView(manifest.buffer);
    view.setUint32(record + 16, view.getUint32(record + 16, true) ^ 1, true);
    await expect(unzipWanted(new Blob([manifest as BlobPart]), WANTED, LIMITS)).rejects.toThrow(
      'The bundle entry touchtrail.json is damaged',
    );
  });
});

describe('the limits on what a bundle may hold, at their edges', () => {
  const unzip = (zip: Uint8Array, limits: Partial<typeof LIMITS>) =>
    unzipWanted(new Blob([zip as BlobPart]), WANTED, { ...LIMITS, ...limits });
  const noise = (size: number) => new Uint8Array(size).map((_, i) => (i * 7919) % 251);

  it('one entry: as large as the limit passes, a byte more is refused (stored, declared and inflated)', async () => {
    const limit = 200_000;
    const stored = (size: number) => zipSync({ 'screenshots/a.webp': [noise(size), { level: 0 }] });
    await expect(unzip(stored(limit), { maxEntryBytes: limit })).resolves.toHaveProperty('size', 1);
    await expect(unzip(stored(limit + 1), { maxEntryBytes: limit })).rejects.toThrow(/is over 0\.2 MB/);

    const deflated = (size: number) => zipSync({ 'touchtrail.json': new Uint8Array(size) }, { level: 9 });
    await expect(unzip(deflated(limit), { maxEntryBytes: limit })).resolves.toHaveProperty('size', 1);
    const lying = deflated(limit + 1);
    new DataView(lying.buffer).setUint32(directoryRecords(lying)[0]! + 24, 100, true); // declares 100 bytes
    await expect(unzip(lying, { maxEntryBytes: limit })).rejects.toThrow(/is over 0\.2 MB/);
  });

  it('all entries together: as much as the limit passes, a byte more is refused', async () => {
    const limit = 300_000;
    const two = (second: number) =>
      zipSync({
        'screenshots/a.webp': [noise(200_000), { level: 0 }],
        'screenshots/b.webp': [noise(second), { level: 0 }],
        'README.txt': noise(500_000), // not wanted: not counted
      });
    await expect(unzip(two(100_000), { maxTotalBytes: limit })).resolves.toHaveProperty('size', 2);
    await expect(unzip(two(100_001), { maxTotalBytes: limit })).rejects.toThrow(
      'The bundle expands past 0.3 MB at screenshots/b.webp, the most a bundle of its size may hold',
    );
  });

  it('50 times the zip’s size: exactly that passes, a byte more is refused', async () => {
    const expands = 5_000_000; // zeros: a few kilobytes deflated
    // An unwanted stored filler sets the zip's size to the byte: 100,000, so 50× is exactly 5,000,000.
    const sized = (zipBytes: number) => {
      const bare = zipSync(
        { 'touchtrail.json': new Uint8Array(expands), 'README.txt': [new Uint8Array(0), { level: 0 }] },
        { level: 9 },
      );
      const filler = new Uint8Array(zipBytes - bare.length);
      const zip = zipSync(
        { 'touchtrail.json': new Uint8Array(expands), 'README.txt': [filler, { level: 0 }] },
        { level: 9 },
      );
      expect(zip.length).toBe(zipBytes);
      return zip;
    };
    const limits = { maxRatio: 50, maxEntryBytes: 10 * 1024 ** 2, maxTotalBytes: 10 * 1024 ** 2 };
    await expect(unzip(sized(100_000), limits)).resolves.toHaveProperty('size', 1);
    await expect(unzip(sized(99_999), limits)).rejects.toThrow('The bundle expands past 4.8 MB at touchtrail.json');
  });

  it('a zip under 64 KB counts as 64 KB for the ratio', async () => {
    const limits = { maxRatio: 50, maxEntryBytes: 10 * 1024 ** 2, maxTotalBytes: 10 * 1024 ** 2 };
    const zeros = (size: number) => zipSync({ 'touchtrail.json': new Uint8Array(size) }, { level: 9 });
    const allowance = 50 * RATIO_BASE_MIN_BYTES;
    expect(zeros(allowance + 1).length).toBeLessThan(RATIO_BASE_MIN_BYTES);
    await expect(unzip(zeros(allowance), limits)).resolves.toHaveProperty('size', 1);
    await expect(unzip(zeros(allowance + 1), limits)).rejects.toThrow(/expands past 3\.1 MB/);
  });
});

describe('CRC-32', () => {
  it('gives the standard check value, fed whole or in parts', () => {
    const digits = new TextEncoder().encode('123456789');
    expect(new Crc32().update(digits).digest()).toBe(0xcbf43926);
    expect(new Crc32().update(digits.subarray(0, 4)).update(digits.subarray(4)).digest()).toBe(0xcbf43926);
  });
});

/** The file name of the central-directory record at `record`. */
function nameAt(zip: Uint8Array, record: number): string {
  const length = new DataView(zip.buffer).getUint16(record + 28, true);
  return new TextDecoder().decode(zip.subarray(record + 46, record + 46 + length));
}
