import * as zlib from 'node:zlib';
import JSZip from 'jszip';
import { zipParts } from '../../src/xlsx/write/zip-writer';
import { crc32 } from '../../src/xlsx/zip-parts';

const PARTS = new Map<string, string>([
  ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
  ['xl/worksheets/sheet1.xml', `<worksheet>${'<row><c t="s"><v>1</v></c></row>'.repeat(2000)}</worksheet>`],
  ['xl/sharedStrings.xml', '<sst><si><t>Zoë · 東京 · €</t></si></sst>'],
  ['xl/ünïcode.xml', '<x/>'],
  ['docProps/empty.xml', ''],
]);

/** The entries of a zip as its central directory lists them, read by hand (APPNOTE 4.3.12). */
function centralDirectory(zip: Buffer): { name: string; flags: number; method: number; time: number; date: number; crc: number; size: number; compressed: number; offset: number }[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  expect(zip.readUInt16LE(end + 8)).toBe(count);
  const size = zip.readUInt32LE(end + 12);
  let at = zip.readUInt32LE(end + 16);
  expect(at + size).toBe(end);
  const out = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    expect(zip.readUInt16LE(at + 30)).toBe(0); // extra
    expect(zip.readUInt16LE(at + 32)).toBe(0); // comment
    out.push({
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      crc: zip.readUInt32LE(at + 16),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    });
    at += 46 + nameLength;
  }
  return out;
}

describe('zipParts', () => {
  const zip = zipParts(PARTS);

  it('writes every part, in order, readable by JSZip with its checksum checked', async () => {
    const z = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(z.files)).toEqual([...PARTS.keys()]);
    for (const [path, text] of PARTS) expect(await z.file(path)!.async('string')).toBe(text);
  });

  it('writes a central directory that matches each local header and deflated body', () => {
    const entries = centralDirectory(zip);
    expect(entries.map((e) => e.name)).toEqual([...PARTS.keys()]);
    for (const e of entries) {
      const text = PARTS.get(e.name)!;
      const bytes = Buffer.from(text, 'utf8');
      expect(e.method).toBe(8);
      expect(e.size).toBe(bytes.length);
      expect(e.crc).toBe(crc32(bytes)); // and JSZip checks it independently above
      // Bit 11 (UTF-8 name) only where the name is not ASCII.
      expect(e.flags).toBe(/^[\x20-\x7e]*$/.test(e.name) ? 0 : 0x0800);
      // 2000-01-01 00:00:00, the fixed date that keeps the bytes of a re-run the same.
      expect({ date: e.date, time: e.time }).toEqual({ date: (20 << 9) | (1 << 5) | 1, time: 0 });
      expect(zip.readUInt32LE(e.offset)).toBe(0x04034b50);
      const nameLength = zip.readUInt16LE(e.offset + 26);
      expect(zip.subarray(e.offset + 30, e.offset + 30 + nameLength).toString('utf8')).toBe(e.name);
      const local = {
        flags: zip.readUInt16LE(e.offset + 6),
        method: zip.readUInt16LE(e.offset + 8),
        time: zip.readUInt16LE(e.offset + 10),
        date: zip.readUInt16LE(e.offset + 12),
        crc: zip.readUInt32LE(e.offset + 14),
        compressed: zip.readUInt32LE(e.offset + 18),
        size: zip.readUInt32LE(e.offset + 22),
      };
      expect(local).toEqual({ flags: e.flags, method: e.method, time: e.time, date: e.date, crc: e.crc, compressed: e.compressed, size: e.size });
      const body = zip.subarray(e.offset + 30 + nameLength, e.offset + 30 + nameLength + e.compressed);
      expect(zlib.inflateRawSync(body).toString('utf8')).toBe(text);
    }
    expect(entries[0].offset).toBe(0);
  });

  it('actually compresses: the repetitive sheet shrinks to a small fraction', () => {
    const sheet = centralDirectory(zip).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.compressed).toBeLessThan(sheet.size / 20);
  });

  it('gives the same bytes for the same parts', () => {
    expect(zipParts(new Map(PARTS)).equals(zip)).toBe(true);
  });

  it('writes an empty package as a bare end record', async () => {
    const empty = zipParts(new Map());
    expect(empty.length).toBe(22);
    expect(Object.keys((await JSZip.loadAsync(empty)).files)).toEqual([]);
  });

  it('refuses a package with more parts than a plain zip can count', () => {
    const many = new Map(Array.from({ length: 0x10000 }, (_, i) => [`p${i}.xml`, ''] as [string, string]));
    expect(() => zipParts(many)).toThrow(/^XLSX_TOO_LARGE: .*65,536 parts/);
  });
});
