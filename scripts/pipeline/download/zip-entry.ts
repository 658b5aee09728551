/**
 * Reads one file out of a zip archive held in memory: enough for the ONS Code History Database
 * (stored or deflated entries, no zip64, no encryption). The CRC of the entry is checked, so a
 * truncated or damaged download fails here instead of producing a silently short table. Inflation
 * is bounded: an entry that declares more than `maxBytes` is refused before inflating, and one that
 * inflates past its declared size (a zip bomb lying in its header) is stopped there.
 */
import { crc32, inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIR = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function readZipEntry(zip: Buffer, match: RegExp, source: string, maxBytes: number): { name: string; data: Buffer } {
  const entries = centralDirectory(zip, source);
  const entry = entries.find((e) => match.test(e.name));
  if (!entry) throw new Error(`${source}: no file matching ${match} in the zip (it holds ${entries.map((e) => e.name).join(', ')})`);
  const at = entry.localOffset;
  if (zip.readUInt32LE(at) !== LOCAL_HEADER) throw new Error(`${source}: damaged zip (bad local header for ${entry.name})`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const packed = zip.subarray(start, start + entry.packedSize);
  if (packed.length !== entry.packedSize) throw new Error(`${source}: zip entry ${entry.name} is truncated`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new Error(`${source}: zip entry ${entry.name} uses compression method ${entry.method}, which this reader does not support`);
  }
  if (entry.size > maxBytes) {
    throw new Error(`${source}: zip entry ${entry.name} would inflate to ${entry.size} bytes, more than the limit of ${maxBytes}: refused`);
  }
  let data: Buffer;
  try {
    data = entry.method === 0 ? Buffer.from(packed) : inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Error(`${source}: zip entry ${entry.name} inflates to more than the ${entry.size} bytes it declares: refused (damaged, or a zip bomb)`);
    }
    throw new Error(`${source}: zip entry ${entry.name} is damaged (${(e as Error).message})`);
  }
  if (data.length !== entry.size || crc32(data) >>> 0 !== entry.crc) throw new Error(`${source}: zip entry ${entry.name} is damaged (size or CRC mismatch)`);
  return { name: entry.name, data };
}

interface Entry { name: string; method: number; crc: number; packedSize: number; size: number; localOffset: number }

function centralDirectory(zip: Buffer, source: string): Entry[] {
  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIR) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${source}: not a zip file, or the download is truncated (no end-of-archive record)`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_ENTRY) throw new Error(`${source}: damaged zip (bad central directory)`);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      packedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}
