/**
 * Issue 12: broken, hostile and huge files give a clear XlsxReadError naming the file and the part, or are read
 * correctly with what could not be read reported; never a crash, a dense grid of absurd size, or a silently
 * shorter workbook. One test per finding, named after it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { main, type CliIo } from '../../src/cli/main';
import { rollup } from '../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { MAX_PART_BYTES, parseSheetXml, readXlsxGrids, xmlDamage, XlsxReadError } from '../../src/xlsx/read';
import { SAMPLE, SAMPLE_BYTES, sampleWith, samplePatched } from '../hostile/sample-edit';

const SHEET2 = 'xl/worksheets/sheet2.xml';

async function readError(bytes: Buffer): Promise<XlsxReadError> {
  try {
    await readXlsxGrids(bytes);
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw new Error(`expected an XlsxReadError, got ${String(e)}`);
  }
  throw new Error('expected an XlsxReadError, but the file was read');
}

const rollUp = (input: Parameters<typeof rollup>[0]) => rollup(input, { ...DEFAULT_SETTINGS, statusDate: '2026-11-13' }, new Date(Date.UTC(2026, 10, 14)));

describe('&#x110000; in a sheet part crashed the reader with a stack trace', () => {
  it.each(['&#x110000;', '&#99999999999999999999;', '&#xD800;'])('%s becomes U+FFFD and the rest of the sheet is read', async (ref) => {
    const { input } = await readXlsxGrids(await sampleWith({ Platform: { B10: { xml: `Land${ref}zone` } } }));
    const plat = input.grids.find((g) => g.sheet === 'Platform')!;
    expect(plat.values[9][1]).toBe('Land\ufffdzone');
    expect(rollUp(input).result.projects).toHaveLength(5);
  });
});

describe('200 corrupted bytes in the zip gave JSZip\'s "Bug : uncompressed data size mismatch"', () => {
  it('says the part is damaged, naming it', async () => {
    const bytes = Buffer.from(SAMPLE_BYTES);
    const at = bytes.indexOf(SHEET2) + SHEET2.length + 40;
    for (let i = 0; i < 200; i++) bytes[at + i] = (bytes[at + i] * 31 + 7) & 0xff;
    const e = await readError(bytes);
    expect(e.code).toBe('XLSX_DAMAGED');
    expect(e.message).toMatch(/^Could not read the workbook: its part xl\/worksheets\/sheet2\.xml is damaged \(/);
    expect(e.message).not.toMatch(/Bug :/);
  });
});

describe('parts that inflate past 1 GB gave "Invalid string length"', () => {
  it('a part declaring more than the bound is refused before it is inflated, naming the part', async () => {
    const bytes = Buffer.from(SAMPLE_BYTES);
    // Central directory entry of sheet2: signature PK\1\2, uncompressed size at +24, file name at +46.
    let at = bytes.indexOf(Buffer.from(`PK\u0001\u0002`, 'latin1'));
    while (bytes.toString('latin1', at + 46, at + 46 + SHEET2.length) !== SHEET2) at = bytes.indexOf(Buffer.from(`PK\u0001\u0002`, 'latin1'), at + 4);
    bytes.writeUInt32LE(MAX_PART_BYTES + 1, at + 24);
    const e = await readError(bytes);
    expect(e.code).toBe('XLSX_TOO_LARGE');
    expect(e.message).toMatch(/xl\/worksheets\/sheet2\.xml unpacks to 500 MB, more than the 500 MB/);
  });
});

/** The sample with sheet2's declared uncompressed size (central directory and local header) moved by `delta`. */
function withDeclaredSize(delta: number): Buffer {
  const bytes = Buffer.from(SAMPLE_BYTES);
  const sig = (s: string): Buffer => Buffer.from(s, 'latin1');
  // Central directory: PK\1\2, uncompressed size at +24, name at +46; local header: PK\3\4, size at +22, name at +30.
  for (const [magic, sizeAt, nameAt] of [['PK\u0001\u0002', 24, 46], ['PK\u0003\u0004', 22, 30]] as const) {
    let at = bytes.indexOf(sig(magic));
    while (bytes.toString('latin1', at + nameAt, at + nameAt + SHEET2.length) !== SHEET2) at = bytes.indexOf(sig(magic), at + 4);
    bytes.writeUInt32LE(bytes.readUInt32LE(at + sizeAt) + delta, at + sizeAt);
  }
  return bytes;
}

describe('parts are inflated natively, bounded by the size the zip declares for them', () => {
  it('a part that inflates past its declared size stops there and is named as damaged', async () => {
    const e = await readError(withDeclaredSize(-10));
    expect(e.code).toBe('XLSX_DAMAGED');
    expect(e.message).toBe(`Could not read the workbook: its part ${SHEET2} is damaged (it unpacks to more than its declared size). Open it in Excel and save it again, or restore a copy.`);
  });
  it('a part that inflates short of its declared size is named as damaged', async () => {
    const e = await readError(withDeclaredSize(10));
    expect(e.code).toBe('XLSX_DAMAGED');
    expect(e.message).toMatch(/its part xl\/worksheets\/sheet2\.xml is damaged \(uncompressed data size mismatch\)/);
  });
  it('a part stored without compression reads the same as deflated', async () => {
    const zip = await JSZip.loadAsync(SAMPLE_BYTES);
    const stored = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    expect((await readXlsxGrids(stored)).input).toEqual((await readXlsxGrids(SAMPLE_BYTES)).input);
  });
});

describe('a password-protected workbook was reported as "not a zip package"', () => {
  const ole = (extra: Buffer): Buffer => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), extra, Buffer.alloc(512)]);
  it('says it is encrypted and must be saved without a password', async () => {
    const e = await readError(ole(Buffer.from('EncryptionInfo\0EncryptedPackage', 'utf16le')));
    expect(e.code).toBe('XLSX_ENCRYPTED');
    expect(e.message).toMatch(/encrypted with a password.*remove the password/);
  });
  it('an old .xls (OLE without an encrypted package) is named as such', async () => {
    const e = await readError(ole(Buffer.from('Workbook', 'utf16le')));
    expect(e.message).toMatch(/Excel 97-2003 \(\.xls\)/);
  });
});

describe('one extra cell at XFD1048576 built a dense grid and died at 4.1 GB', () => {
  it('reads the sheet at its real size and reports the stray cell at its address', async () => {
    // The sheet as the sample has it, without the stray cell: what the read must come back to.
    const clean = (await readXlsxGrids(await sampleWith({}))).input.grids.find((g) => g.sheet === 'Platform')!;
    const [rows, cols] = [clean.values.length, clean.values[0].length];
    const { input } = await readXlsxGrids(await sampleWith({ Platform: { XFD1048576: 'stray' } }));
    const plat = input.grids.find((g) => g.sheet === 'Platform')!;
    expect([plat.values.length, plat.values[0].length]).toEqual([rows, cols]);
    expect(input.issues).toEqual([expect.objectContaining({ code: 'CELLS_NOT_READ', sheet: 'Platform', cell: 'XFD1048576' })]);
    const lastCol = String.fromCharCode(64 + cols);
    expect(input.issues![0].message).toMatch(new RegExp(`"stray".*far outside the rest of the sheet \\(rows 1-${rows}, columns A-${lastCol}\\)`));
    const { result } = rollUp(input);
    expect(result.projects).toHaveLength(5);
    expect(result.issues.some((i) => i.code === 'CELLS_NOT_READ' && i.cell === 'XFD1048576')).toBe(true);
  });
  it('keeps a far cell when the area it spans stays reasonable (a note a few thousand rows down)', () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="5000"><c r="C5000"><v>2</v></c></row></sheetData></worksheet>';
    const g = parseSheetXml('S', xml, [], false);
    expect([g.values.length, g.values[0].length, g.values[4999][2]]).toEqual([5000, 3, 2]);
  });
});

describe('<row r="999999999"> ran past a minute and died at 4.5 GB', () => {
  it('reports the cell outside Excel\'s grid and reads the rest', async () => {
    const bytes = await samplePatched({ [SHEET2]: (xml) => xml.replace('</sheetData>', '<row r="999999999"><c r="B999999999" t="inlineStr"><is><t>far</t></is></c></row></sheetData>') });
    const { input } = await readXlsxGrids(bytes);
    expect(input.grids.find((g) => g.sheet === 'Platform')!.values).toHaveLength(45);
    expect(input.issues![0].message).toMatch(/"far".*outside Excel's grid/);
  });
});

describe('a missing or truncated worksheet part dropped projects with exit 0', () => {
  it('a missing part is an error naming the part and the sheet', async () => {
    const e = await readError(await samplePatched({ [SHEET2]: null }));
    expect(e.code).toBe('XLSX_DAMAGED');
    expect(e.message).toMatch(/part xl\/worksheets\/sheet2\.xml of sheet "Platform" is missing/);
  });
  it('a truncated part is an error naming the part and the sheet', async () => {
    const e = await readError(await samplePatched({ [SHEET2]: (xml) => xml.slice(0, Math.floor(xml.length / 2)) }));
    expect(e.message).toMatch(/xl\/worksheets\/sheet2\.xml \(sheet "Platform"\) is damaged: /);
  });
});

describe('byte-level damage in workbook.xml or shared strings dropped projects or shifted strings', () => {
  it('a truncated workbook.xml is reported, not read as fewer sheets', async () => {
    const e = await readError(await samplePatched({ 'xl/workbook.xml': (xml) => xml.slice(0, xml.indexOf('name="Web App"')) }));
    expect(e.message).toMatch(/xl\/workbook\.xml is damaged: /);
  });
  it('a sheet whose relationship is gone is reported by name', async () => {
    const e = await readError(await samplePatched({ 'xl/workbook.xml': (xml) => xml.replace('r:id="rId6"', 'r:id="rId99"') }));
    expect(e.message).toMatch(/sheet "Data Warehouse" in xl\/workbook\.xml has no part/);
  });
  it('shared strings missing some texts are reported, naming the cell that needs one', async () => {
    const e = await readError(await samplePatched({ 'xl/sharedStrings.xml': (xml) => xml.replace(/<si>[\s\S]*<\/si>/, '<si><t>only one</t></si>') }));
    expect(e.code).toBe('XLSX_DAMAGED');
    expect(e.message).toMatch(/shared strings \(xl\/sharedStrings\.xml\) declare \d+ texts but hold 1|refers to shared string/);
  });
  it('a cell pointing past the shared strings names the cell, sheet and part', async () => {
    const e = await readError(await samplePatched({ [SHEET2]: (xml) => xml.replace('<c r="B1" s="3" t="s"><v>9</v></c>', '<c r="B1" s="3" t="s"><v>99999</v></c>') }));
    expect(e.message).toMatch(/Cell B1 of sheet "Platform" \(xl\/worksheets\/sheet2\.xml in the workbook\) refers to shared string 99999, but the shared-strings part holds \d+/);
  });
  it('a removed shared-strings part is damage when cells refer to it', async () => {
    const e = await readError(await samplePatched({ 'xl/sharedStrings.xml': null }));
    expect(e.message).toMatch(/refers to the shared strings, but the workbook has no shared-strings part/);
  });
});

describe('a package without shared strings was reported as "no sheet looks like a project"', () => {
  it('reads a workbook whose strings are all inline, as it reads the sample', async () => {
    const zip = await JSZip.loadAsync(SAMPLE_BYTES);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    const texts = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
    zip.remove('xl/sharedStrings.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ''));
    for (const path of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
      const xml = await zip.file(path)!.async('string');
      zip.file(path, xml.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => `<c ${a}t="inlineStr"${b}><is>${texts[Number(i)]}</is></c>`));
    }
    const inline = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await readXlsxGrids(inline)).input).toEqual((await readXlsxGrids(SAMPLE)).input);
  });
});

describe('in a multi-file run a broken file stopped the run', () => {
  it('the broken file is skipped with its message and the others roll up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-multi-'));
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, await samplePatched({ [SHEET2]: null }));
    const good = join(dir, 'good.xlsx');
    writeFileSync(good, SAMPLE_BYTES);
    const err: string[] = [];
    const io: CliIo = { stdout: () => undefined, stderr: (t) => err.push(t), now: () => new Date(Date.UTC(2026, 10, 14)) };
    expect(await main([broken, good, '--json', join(dir, 'r.json')], io)).toBe(0);
    expect(err.join('\n')).toMatch(/cannot read .*broken\.xlsx: .*sheet2\.xml of sheet "Platform" is missing.*\(skipped; the other workbooks still roll up\)/);
  });
});

describe('xmlDamage: the well-formedness check every part read goes through', () => {
  it.each([
    ['<a><b></a>', /<\/a> at character 6 closes <b>/],
    ['<a>', /still open \(cut short\)/],
    ['<a><b x="1"', /ends inside the tag <b>/],
    ['<a/><b/>', /second root element <b>/],
    ['<a><</a>', /stray "<"/],
    ['<a><b x="1" <c/></a>', /tag <b> at character 3 is cut off/],
    ['<?xml version="1.0"?><a><!-- c', /ends inside a "<!--" section/],
    ['', /no root element/],
  ])('%s is damaged', (xml, why) => {
    expect(xmlDamage(xml)).toMatch(why);
  });
  it('accepts declarations, comments, CDATA, quoted ">" and self-closing tags', () => {
    expect(xmlDamage('<?xml version="1.0"?>\n<a x=">" y=\'/\'><!-- <x> --><![CDATA[<y>]]><b/><c:d></c:d></a>\n')).toBeNull();
  });
});
