// Reads a bundle (.zip) by its central directory, the way a zip is meant to be read when the
// whole file is at hand. A stored entry (every image: WebP and PNG do not compress) becomes a
// slice of the file: nothing is copied, nothing enters the JS heap, however large the study.
// Deflated entries (the manifest) are inflated with what comes out counted as it comes: the
// sizes a zip declares can lie. Every wanted entry's bytes are read once to check its CRC-32,
// so a damaged image is refused here rather than stored.

import { Inflate } from 'fflate';
import { Crc32 } from './crc32';
import { ImportError } from './errors';

export interface UnzipLimits {
  /** The most one entry may hold, declared or inflated. */
  maxEntryBytes: number;
  /** The most all wanted entries may hold together, whatever the zip's size. */
  maxTotalBytes: number;
  /**
   * How many times the zip's own size (at least RATIO_BASE_MIN_BYTES) all wanted entries may
   * hold together: zip bombs grow thousands of times; a bundle, whose images are stored, barely grows.
   */
  maxRatio: number;
}

/** A zip smaller than this counts as this large for the ratio, so a tiny bundle may still hold its manifest. */
export const RATIO_BASE_MIN_BYTES = 64 * 1024;

export interface ZipEntry {
  /** The entry's bytes, typed by its file name's extension when it names an image. */
  blob: Blob;
  /** Its first bytes (up to HEAD_BYTES), read on the way, for checks that need only a header. */
  head: Uint8Array;
}

export const HEAD_BYTES = 1024;
const LOCAL_HEADER = 30;
const DAMAGED = 'This zip file is damaged.';

export async function unzipWanted(
  file: Blob,
  wanted: RegExp,
  limits: UnzipLimits,
  signal?: AbortSignal,
): Promise<Map<string, ZipEntry>> {
  const entries = new Map<string, ZipEntry>();
  const reader = new WindowReader(file);
  const allowance = Math.min(limits.maxTotalBytes, limits.maxRatio * Math.max(file.size, RATIO_BASE_MIN_BYTES));
  let expanded = 0;
  const records = (await centralDirectory(file)).filter((record) => wanted.test(record.name));
  // In file order, so the file is read front to back, a few megabytes at a time.
  for (const record of records.sort((a, b) => a.offset - b.offset)) {
    signal?.throwIfAborted();
    if (entries.has(record.name)) throw new ImportError(`The bundle holds ${record.name} twice; the file is refused.`);
    if (record.size > limits.maxEntryBytes) throw tooLarge(record.name, limits.maxEntryBytes);
    // The local header (its extra field may differ from the directory's) and the data's first bytes.
    const window = await reader.read(record.offset, LOCAL_HEADER + 2 * 1024 + HEAD_BYTES);
    const local = new DataView(window.buffer, window.byteOffset, window.byteLength);
    if (window.length < LOCAL_HEADER || local.getUint32(0, true) !== 0x04034b50) throw new ImportError(DAMAGED);
    const start = record.offset + LOCAL_HEADER + local.getUint16(26, true) + local.getUint16(28, true);
    const end = start + record.compressedSize;
    if (end > file.size) throw new ImportError(DAMAGED);
    const type = typeByExtension(record.name);
    const crc = new Crc32();
    let entry: ZipEntry;
    if (record.method === 0) {
      if (record.compressedSize !== record.size) throw new ImportError(DAMAGED);
      if (expanded + record.size > allowance) throw expandsPast(record.name, allowance);
      const headStart = start - record.offset;
      // Read through the window a part at a time: the entry stays a slice of the file, unread by anyone else.
      for (let at = start; at < end; at += READ_PART_BYTES) {
        crc.update(await reader.read(at, Math.min(READ_PART_BYTES, end - at)));
      }
      entry = {
        blob: file.slice(start, end, type),
        head: window.slice(headStart, headStart + Math.min(HEAD_BYTES, record.size)),
      };
      expanded += record.size;
    } else if (record.method === 8) {
      const room = Math.min(limits.maxEntryBytes, allowance - expanded);
      const chunks = inflate(await bytesOf(file.slice(start, end)), room, record.name, () =>
        room < limits.maxEntryBytes ? expandsPast(record.name, allowance) : tooLarge(record.name, room),
      );
      for (const chunk of chunks) crc.update(chunk);
      entry = { blob: new Blob(chunks as BlobPart[], { type }), head: firstBytes(chunks) };
      expanded += chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    } else {
      throw new ImportError(`The bundle entry ${record.name} uses a compression Touchtrail does not read.`);
    }
    if (crc.digest() !== record.crc) {
      throw new ImportError(
        `The bundle entry ${record.name} is damaged: its bytes do not match its CRC-32 checksum; the file is refused.`,
      );
    }
    entries.set(record.name, entry);
  }
  return entries;
}

const READ_PART_BYTES = 4 * 1024 ** 2;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;

const tooLarge = (name: string, limit: number) =>
  new ImportError(
    `The bundle entry ${name} is over ${megabytes(limit)}, the most one entry may hold; the file is refused.`,
  );

const expandsPast = (name: string, allowance: number) =>
  new ImportError(
    `The bundle expands past ${megabytes(allowance)} at ${name}, the most a bundle of its size may hold; the file is refused.`,
  );

interface DirectoryRecord {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** The entries the zip's central directory lists (ZIP64 and encrypted entries are refused). */
async function centralDirectory(file: Blob): Promise<DirectoryRecord[]> {
  const tailStart = Math.max(0, file.size - (22 + 0xffff));
  const tail = await bytesOf(file.slice(tailStart));
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ImportError(DAMAGED);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new ImportError('This zip uses ZIP64, which a Touchtrail bundle never needs; the file is refused.');
  }
  if (offset + size > tailStart + end) throw new ImportError(DAMAGED);
  const directory = await bytesOf(file.slice(offset, offset + size));
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const records: DirectoryRecord[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || dir.getUint32(at, true) !== 0x02014b50) throw new ImportError(DAMAGED);
    if (dir.getUint16(at + 8, true) & 1) throw new ImportError('This zip is encrypted; the file is refused.');
    const nameLength = dir.getUint16(at + 28, true);
    records.push({
      name: new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength)),
      method: dir.getUint16(at + 10, true),
      crc: dir.getUint32(at + 16, true),
      compressedSize: dir.getUint32(at + 20, true),
      size: dir.getUint32(at + 24, true),
      offset: dir.getUint32(at + 42, true),
    });
    at += 46 + nameLength + dir.getUint16(at + 30, true) + dir.getUint16(at + 32, true);
  }
  return records;
}

/** Reads a file through a window of a few megabytes, moved forward as reads need. */
class WindowReader {
  private start = 0;
  private bytes: Uint8Array = new Uint8Array();

  constructor(
    private readonly file: Blob,
    private readonly windowBytes = 8 * 1024 ** 2,
  ) {}

  async read(at: number, length: number): Promise<Uint8Array> {
    const end = Math.min(this.file.size, at + length);
    if (at < this.start || end > this.start + this.bytes.length) {
      this.start = at;
      this.bytes = await bytesOf(
        this.file.slice(at, Math.min(this.file.size, at + Math.max(length, this.windowBytes))),
      );
    }
    return this.bytes.subarray(at - this.start, end - this.start);
  }
}

/** Inflates, stopping as soon as the output passes `room` bytes (then throws what `overflow` gives). */
function inflate(compressed: Uint8Array, room: number, name: string, overflow: () => ImportError): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let overflowed = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > room) overflowed = true;
    else chunks.push(chunk);
  });
  const step = 64 * 1024;
  try {
    for (let at = 0; at < compressed.length && !overflowed; at += step) {
      inflater.push(compressed.subarray(at, at + step), at + step >= compressed.length);
    }
  } catch {
    throw new ImportError(`The bundle entry ${name} is damaged.`);
  }
  if (overflowed) throw overflow();
  return chunks;
}

function firstBytes(chunks: Uint8Array[]): Uint8Array {
  const head = new Uint8Array(HEAD_BYTES);
  let filled = 0;
  for (const chunk of chunks) {
    if (filled === HEAD_BYTES) break;
    const part = chunk.subarray(0, HEAD_BYTES - filled);
    head.set(part, filled);
    filled += part.length;
  }
  return head.subarray(0, filled);
}

/** The type our exporter's file names imply; the record's type wins where they differ. */
function typeByExtension(name: string): string {
  const extension = name.slice(name.lastIndexOf('.') + 1);
  return extension === 'webp'
    ? 'image/webp'
    : extension === 'png'
      ? 'image/png'
      : extension === 'jpg'
        ? 'image/jpeg'
        : '';
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}
