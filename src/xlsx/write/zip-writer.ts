/**
 * Packs the parts of an .xlsx into a zip, deflated with Node's native zlib: the writer's parts used to be
 * deflated twice in pure JavaScript (pako, through JSZip, once by ExcelJS and again after the charts were added),
 * the largest single cost of rendering a program-scale workbook.
 *
 * Only what an .xlsx needs of the zip format (APPNOTE 6.3): one local header and one central-directory entry per
 * part, deflated, no folders, no zip64. Every entry carries the same fixed date, so the same parts give the same
 * bytes and a re-run does not look like a change.
 */
import * as zlib from 'node:zlib';
import { crc32 } from '../zip-parts';

/** A part's path inside the package (no leading "/") and its text, written as UTF-8. */
export type PackageParts = ReadonlyMap<string, string>;

/** Past this the zip needs zip64 records, which this writer does not write: 4 GiB, sizes and offsets are 32-bit. */
const MAX_ZIP32 = 0xffffffff;
/** Central-directory entries a plain zip can count (16-bit). */
const MAX_ENTRIES = 0xffff;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** "Version needed to extract" 2.0: deflate. Also "version made by" (upper byte 0: MS-DOS attributes). */
const VERSION = 20;
const METHOD_DEFLATE = 8;
/** General-purpose flag bit 11: the name is UTF-8 (set only for names that are not plain ASCII). */
const FLAG_UTF8 = 0x0800;
/**
 * zlib's default level, the one pako used. Node's zlib makes files about 2 % larger than pako at this level; level
 * 9 would win that back at five times the CPU, level 1 saves a few ms for a quarter more bytes.
 */
const DEFLATE_LEVEL = 6;

/** 2000-01-01 00:00:00 as an MS-DOS date (bits: years since 1980, month, day) and time: the fixed entry date. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

export class ZipTooLargeError extends Error {
  readonly code = 'XLSX_TOO_LARGE';
}

function tooLarge(why: string): ZipTooLargeError {
  return new ZipTooLargeError(`XLSX_TOO_LARGE: the workbook could not be written: ${why}, more than a plain .xlsx package can hold. Roll up fewer projects at once.`);
}

interface Entry {
  name: Buffer;
  flags: number;
  crc: number;
  size: number;
  data: Buffer;
  offset: number;
}

/**
 * The fields local and central headers share, in the same order (version needed to extract through the
 * name's length), written from `at`: 4 in a local header, 6 in a central one (after "version made by").
 */
function writeShared(h: Buffer, at: number, e: Entry): void {
  h.writeUInt16LE(VERSION, at);
  h.writeUInt16LE(e.flags, at + 2);
  h.writeUInt16LE(METHOD_DEFLATE, at + 4);
  h.writeUInt16LE(DOS_TIME, at + 6);
  h.writeUInt16LE(DOS_DATE, at + 8);
  h.writeUInt32LE(e.crc, at + 10);
  h.writeUInt32LE(e.data.length, at + 14);
  h.writeUInt32LE(e.size, at + 18);
  h.writeUInt16LE(e.name.length, at + 22);
}

function localHeader(e: Entry): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL_HEADER, 0);
  writeShared(h, 4, e);
  h.writeUInt16LE(0, 28); // no extra field
  return h;
}

function centralHeader(e: Entry): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL_HEADER, 0);
  h.writeUInt16LE(VERSION, 4); // version made by
  writeShared(h, 6, e);
  // Extra field, comment, disk number, internal and external attributes: all zero.
  h.writeUInt32LE(e.offset, 42);
  return h;
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  // Disk numbers 0 (bytes 4-7); the entries on this disk and in all are the same.
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(directorySize, 12);
  h.writeUInt32LE(directoryOffset, 16);
  return h; // no comment
}

/**
 * The zip of the parts, in their order (the caller puts [Content_Types].xml first, as Excel does). Refuses,
 * with XLSX_TOO_LARGE, a package that would need zip64.
 */
export function zipParts(parts: PackageParts): Buffer {
  if (parts.size > MAX_ENTRIES) throw tooLarge(`it has ${parts.size.toLocaleString('en-US')} parts`);
  const chunks: Buffer[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const [path, text] of parts) {
    const bytes = Buffer.from(text, 'utf8');
    const name = Buffer.from(path, 'utf8');
    const entry: Entry = {
      name,
      flags: name.length === path.length ? 0 : FLAG_UTF8,
      crc: crc32(bytes),
      size: bytes.length,
      data: zlib.deflateRawSync(bytes, { level: DEFLATE_LEVEL }),
      offset,
    };
    if (entry.size > MAX_ZIP32 || entry.data.length > MAX_ZIP32) throw tooLarge(`its part ${path} is over 4 GB`);
    const header = localHeader(entry);
    chunks.push(header, name, entry.data);
    offset += header.length + name.length + entry.data.length;
    entries.push(entry);
  }
  const directoryOffset = offset;
  for (const e of entries) {
    const header = centralHeader(e);
    chunks.push(header, e.name);
    offset += header.length + e.name.length;
  }
  if (offset > MAX_ZIP32) throw tooLarge('it is over 4 GB');
  chunks.push(endRecord(entries.length, offset - directoryOffset, directoryOffset));
  return Buffer.concat(chunks);
}
