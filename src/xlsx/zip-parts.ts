/**
 * The zip package of an .xlsx: parts read with their declared size and checksum checked, so damage shows as
 * an XlsxReadError naming the part instead of a shorter or shifted workbook; and what bytes that are not a
 * zip are (an encrypted workbook, an old .xls).
 */
import * as zlib from 'node:zlib';
import type JSZip from 'jszip';
import { XlsxReadError } from './read-error';
import { xmlDamage } from './xml-text';

/** "D0 CF 11 E0": an OLE compound file, which is what Excel saves a password-protected workbook as. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Largest part the reader inflates (500 MB of XML, over ten million cells): past this a JavaScript string
 * cannot hold it anyway ("Invalid string length"), so such a file is refused with a message instead.
 */
export const MAX_PART_BYTES = 500 * 1024 * 1024;

/** Resolves a relationship target (relative to xl/, or absolute from the package root). */
export function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** What JSZip keeps of an entry after reading the central directory and the local header (outside its typings). */
interface StoredEntry {
  size: number;
  crc32: number | null;
  /** The raw (still compressed) bytes and the method's two-byte magic, when JSZip kept them as bytes. */
  compressed: Uint8Array | null;
  method: string | null;
}

/** What the zip declares for an entry, and its compressed bytes (JSZip keeps them, outside its typings). */
function declared(file: JSZip.JSZipObject): StoredEntry {
  const data = (file as unknown as {
    _data?: { uncompressedSize?: unknown; crc32?: unknown; compressedContent?: unknown; compression?: { magic?: unknown } };
  })._data;
  const content = data?.compressedContent;
  const magic = data?.compression?.magic;
  return {
    size: typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : 0,
    crc32: typeof data?.crc32 === 'number' ? data.crc32 >>> 0 : null,
    compressed: content instanceof Uint8Array ? content : null,
    method: typeof magic === 'string' ? magic : null,
  };
}

/** Zip method magics as JSZip spells them (lib/compressions.js). */
const STORE = '\x00\x00';
const DEFLATE = '\x08\x00';

/**
 * The part's bytes. Deflated parts are inflated by Node's zlib rather than JSZip's pako: on a 100-sheet
 * workbook that is 75 MB of XML, and the native inflate takes a fraction of pako's time. Its output is bounded
 * by the declared size, so a part that inflates past what it declares stops there. Anything else (a method
 * JSZip handles that zlib does not, or an entry JSZip did not keep as bytes) goes through JSZip as before.
 */
async function partBytes(file: JSZip.JSZipObject, entry: StoredEntry): Promise<Uint8Array> {
  if (entry.compressed === null || (entry.method !== DEFLATE && entry.method !== STORE)) return file.async('uint8array');
  const bytes = entry.method === STORE
    ? entry.compressed
    : zlib.inflateRawSync(entry.compressed, { maxOutputLength: Math.max(1, entry.size + 1) });
  // JSZip's own check, in its words less the "Bug :" prefix the user should never see.
  if (bytes.length !== entry.size) throw new Error('uncompressed data size mismatch');
  return bytes;
}

let crcTable: Uint32Array | null = null;

/**
 * CRC-32 of the bytes: Node's native one where it exists (20.15+), else the table-driven classic. The reader
 * checks parts with it; the writer (write/zip-writer.ts) stamps them.
 */
export function crc32(bytes: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(bytes) >>> 0;
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A part's text, or null when the package has no such part. Damage shows here: a CRC or size mismatch, a
 * broken deflate stream, or a part too large to hold as a string all become XlsxReadError naming the part.
 */
export async function partText(zip: JSZip, path: string, what: string): Promise<string | null> {
  const file = zip.file(path);
  if (!file) return null;
  const expected = declared(file);
  if (expected.size > MAX_PART_BYTES) {
    throw new XlsxReadError('XLSX_TOO_LARGE', `Could not read ${what}: its part ${path} unpacks to ${Math.round(expected.size / 1048576).toLocaleString('en-US')} MB, more than the ${MAX_PART_BYTES / 1048576} MB the roll-up reads. Split the workbook, or check that it is not damaged.`);
  }
  const damaged = (why: string): XlsxReadError =>
    new XlsxReadError('XLSX_DAMAGED', `Could not read ${what}: its part ${path} is damaged (${why}). Open it in Excel and save it again, or restore a copy.`);
  let bytes: Uint8Array;
  try {
    bytes = await partBytes(file, expected);
  } catch (e) {
    throw damaged(inflateWhy(e));
  }
  // The checksum catches bytes damaged inside a part, which could otherwise inflate to plausible wrong text.
  if (expected.crc32 !== null && crc32(bytes) !== expected.crc32) throw damaged('its checksum does not match its content');
  try {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  } catch (e) {
    throw new XlsxReadError('XLSX_TOO_LARGE', `Could not read ${what}: its part ${path} is too large to read (${e instanceof Error ? e.message : String(e)}). Split the workbook, or check that it is not damaged.`);
  }
}

/** Why a part did not inflate, in words for the user: zlib's message, or the bound it hit, never JSZip's "Bug :". */
function inflateWhy(e: unknown): string {
  if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return 'it unpacks to more than its declared size';
  return e instanceof Error ? e.message.replace(/^Bug : /, '') : String(e);
}

/** A part must be well-formed XML; a damaged or truncated one is damage, not a shorter workbook. */
export function requireWellFormed(xml: string, path: string, what: string, about: string): void {
  const why = xmlDamage(xml);
  if (why !== null) {
    throw new XlsxReadError('XLSX_DAMAGED', `Could not read ${what}: its part ${path}${about} is damaged: ${why}. Open it in Excel and save it again, or restore a copy.`);
  }
}

/** What the bytes are when they are not a zip package: an encrypted workbook, an old .xls, or something else. */
export function notAZip(bytes: Buffer, what: string): XlsxReadError {
  if (bytes.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    // Encrypted OOXML is an OLE file with an "EncryptedPackage" stream (its directory names are UTF-16LE).
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      return new XlsxReadError('XLSX_ENCRYPTED', `Could not open ${what}: it is encrypted with a password. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear the box) and save it as .xlsx.`);
    }
    return new XlsxReadError('XLSX_UNREADABLE', `Could not open ${what}: it is an Excel 97-2003 (.xls) or other OLE file, not an .xlsx workbook. Open it in Excel and save it as .xlsx.`);
  }
  return new XlsxReadError('XLSX_UNREADABLE', `Could not open ${what}: it is not an .xlsx workbook (not a zip package). Save it from Excel as .xlsx.`);
}
