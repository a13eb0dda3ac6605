// A small ZIP writer and reader (PKWARE APPNOTE: local headers, central directory, end record;
// deflate or store; no ZIP64, no encryption), enough for a Metadata API package: Baton writes
// the package it deploys, and the test server reads it back. The bytes are reproducible (a
// fixed timestamp), so the same metadata always makes the same package.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Relative, `/`-separated: `objects/Baton_Handoff__c.object`. */
  path: string;
  content: Buffer | string;
}

export class ZipFormatError extends Error {}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 20;
const UTF8_NAMES = 0x0800;
const STORE = 0;
const DEFLATE = 8;
/** 1980-01-01 00:00, the format's epoch, in MS-DOS date form: no build time leaks into the bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_ENTRIES = 0xffff;
const MAX_SIZE = 0xffffffff;

function checkPath(path: string): void {
  const parts = path.split('/');
  if (
    path === '' ||
    path.startsWith('/') ||
    path.includes('\\') ||
    parts.some((part) => part === '' || part === '.' || part === '..')
  )
    throw new ZipFormatError(`${JSON.stringify(path)} is not a relative path in a zip`);
}

/** A zip of the entries, deflated (or stored, where deflating does not make one smaller). */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > MAX_ENTRIES) throw new ZipFormatError('too many entries for a zip');
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const entry of entries) {
    checkPath(entry.path);
    if (seen.has(entry.path)) throw new ZipFormatError(`${entry.path} is in the zip twice`);
    seen.add(entry.path);
    const name = Buffer.from(entry.path, 'utf8');
    const data = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content);
    const deflated = deflateRawSync(data);
    const [method, stored] = deflated.length < data.length ? [DEFLATE, deflated] : [STORE, data];
    if (data.length > MAX_SIZE || offset > MAX_SIZE)
      throw new ZipFormatError('the package is too large for a zip without ZIP64');
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION, 4);
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, attributes: all zero (offsets 30-41).
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function endRecordOffset(zip: Buffer): number {
  // The end record is the last 22 bytes, unless a comment (at most 64 KiB) follows it.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipFormatError('not a zip: no end of central directory record');
}

/**
 * The files of a zip, inflated and checked against their CRC-32. Directories are left out.
 * `maxBytes` bounds what the entries may inflate to, so a hostile zip cannot fill memory.
 */
export function readZip(zip: Buffer, { maxBytes = 64 * 1024 * 1024 } = {}): ZipEntry[] {
  if (zip.length < 22) throw new ZipFormatError('not a zip: too short');
  const end = endRecordOffset(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new ZipFormatError('corrupt zip: bad central directory');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const storedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const path = zip.toString(
      flags & UTF8_NAMES ? 'utf8' : 'latin1',
      at + 46,
      at + 46 + nameLength,
    );
    at += 46 + nameLength + skip;
    if (flags & 0x1) throw new ZipFormatError(`${path} is encrypted`);
    if (path.endsWith('/')) continue;
    checkPath(path);
    total += size;
    if (total > maxBytes)
      throw new ZipFormatError(`the zip inflates to more than ${maxBytes} bytes`);
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL_HEADER)
      throw new ZipFormatError(`corrupt zip: no local header for ${path}`);
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const stored = zip.subarray(dataStart, dataStart + storedSize);
    if (stored.length !== storedSize) throw new ZipFormatError(`corrupt zip: ${path} is cut short`);
    let content: Buffer;
    if (method === STORE) content = Buffer.from(stored);
    else if (method === DEFLATE) {
      try {
        content = inflateRawSync(stored, { maxOutputLength: Math.max(1, size) });
      } catch {
        throw new ZipFormatError(`corrupt zip: ${path} does not inflate`);
      }
    } else throw new ZipFormatError(`${path} uses compression method ${method}`);
    if (content.length !== size || crc32(content) !== crc)
      throw new ZipFormatError(`corrupt zip: ${path} fails its CRC-32 check`);
    entries.push({ path, content });
  }
  return entries;
}
