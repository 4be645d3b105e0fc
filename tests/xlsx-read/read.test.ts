/** readXlsxGrids against workbooks written by ExcelJS (and one hand-made part), read back as grids. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readXlsxGrids, parseSheetXml, XlsxReadError } from '../../src/xlsx/read';

async function workbookBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsxGrids', () => {
  it('turns every kind of cell into a plain value, in the used range with its origin', async () => {
    const buf = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('Tasks');
      ws.getCell('C3').value = 'Task';
      ws.getCell('D3').value = 42.5;
      ws.getCell('E3').value = true;
      ws.getCell('C4').value = { richText: [{ text: 'Bold ', font: { bold: true } }, { text: 'plain' }] };
      ws.getCell('D4').value = { formula: 'D3*2', result: 85 };
      ws.getCell('E4').value = { error: '#N/A' };
      ws.getCell('C5').value = { text: 'Spec', hyperlink: 'https://example.com/spec' };
      ws.getCell('D5').value = new Date(Date.UTC(2026, 10, 13));
      ws.getCell('E5').value = '=not a formula';
      ws.getCell('F6').value = 'A & B <c>';
    });
    const { input } = await readXlsxGrids(buf);
    const g = input.grids[0];
    expect(g.sheet).toBe('Tasks');
    expect(g.origin).toEqual({ row: 2, col: 2 });
    expect(g.values).toEqual([
      ['Task', 42.5, true, null],
      ['Bold plain', 85, '#N/A', null],
      ['Spec', 46339, '=not a formula', null],
      [null, null, null, 'A & B <c>'],
    ]);
    expect(input.date1904).toBe(false);
  });

  it('keeps serials in the 1904 system and says so', async () => {
    const buf = await workbookBuffer((wb) => {
      wb.properties.date1904 = true;
      wb.addWorksheet('S').getCell('A1').value = new Date(Date.UTC(2026, 10, 13));
    });
    const { input } = await readXlsxGrids(buf);
    expect(input.date1904).toBe(true);
    // 1904 serials are 1462 days smaller than 1900 serials for the same day.
    expect(input.grids[0].values).toEqual([[46339 - 1462]]);
  });

  it('marks hidden and very hidden sheets, keeps workbook order, and tags the source workbook', async () => {
    const buf = await workbookBuffer((wb) => {
      wb.addWorksheet('Visible').getCell('A1').value = 1;
      wb.addWorksheet('Hidden', { state: 'hidden' }).getCell('A1').value = 2;
      wb.addWorksheet('Secret', { state: 'veryHidden' }).getCell('A1').value = 3;
      wb.addWorksheet('Empty');
    });
    const { input } = await readXlsxGrids(buf, { workbook: 'plan.xlsx' });
    expect(input.grids.map((g) => [g.sheet, g.hidden === true, g.workbook])).toEqual([
      ['Visible', false, 'plan.xlsx'],
      ['Hidden', true, 'plan.xlsx'],
      ['Secret', true, 'plan.xlsx'],
      ['Empty', false, 'plan.xlsx'],
    ]);
    expect(input.grids[3].values).toEqual([]);
  });

  it('recognises sheets the add-in owns by their PR_OWNED_<role> names, and ignores other names', async () => {
    const buf = await workbookBuffer((wb) => {
      wb.addWorksheet('Program Summary').getCell('A1').value = 'Summary';
      wb.addWorksheet('Plan').getCell('A1').value = 'x';
      wb.definedNames.add("'Program Summary'!$A$1", 'PR_OWNED_summary');
      wb.definedNames.add('Plan!$A$1', 'PR_OWNED_nonsense');
      wb.definedNames.add('Plan!$A$1', 'SomethingElse');
    });
    const { input, owned } = await readXlsxGrids(buf);
    expect(owned).toEqual([{ role: 'summary', sheet: 'Program Summary' }]);
    expect(input.grids.map((g) => g.ownedRole)).toEqual(['summary', undefined]);
  });

  it('reads from a path as from bytes', async () => {
    const buf = await workbookBuffer((wb) => {
      wb.addWorksheet('A').getCell('B2').value = 'x';
    });
    const file = join(mkdtempSync(join(tmpdir(), 'pr-read-')), 'a.xlsx');
    writeFileSync(file, buf);
    expect((await readXlsxGrids(file)).input).toEqual((await readXlsxGrids(buf)).input);
  });

  it('rejects a file that is not a workbook with a coded, readable error', async () => {
    await expect(readXlsxGrids(Buffer.from('not a zip'))).rejects.toBeInstanceOf(XlsxReadError);
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const notXlsx = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(readXlsxGrids(notXlsx)).rejects.toMatchObject({ code: 'XLSX_UNREADABLE' });
  });

  it('reads the bundled sample: five project sheets plus Notes, Dependencies, RAID Log, Benefits, Capacity and Holidays', async () => {
    const { input } = await readXlsxGrids(join(__dirname, '..', '..', 'examples', 'sample-program.xlsx'));
    expect(input.grids.map((g) => g.sheet)).toEqual(['Notes', 'Platform', 'Data Warehouse', 'Web App', 'Mobile App', 'Rollout', 'Dependencies', 'RAID Log', 'Benefits', 'Capacity', 'Holidays', 'Rollup History', 'Rollup Snapshot']);
    const plat = input.grids[1].values;
    expect(plat[0].slice(0, 2)).toEqual(['Project:', 'Cloud Platform Modernisation']);
    expect(plat[3][1]).toBe(46339); // Status date 13-Nov-2026 as a serial
    expect(plat[6].slice(0, 4)).toEqual(['ID', 'Task Name', 'Owner', 'Baseline Start']);
  });
});

describe('parseSheetXml (parts other writers produce)', () => {
  it('reads inline strings, string formulas, booleans, ISO dates and cells without addresses', () => {
    const xml =
      '<worksheet><sheetData>' +
      '<row r="2"><c r="B2" t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve">line</t></r></is></c>' +
      '<c r="C2" t="str"><f>A1&amp;"x"</f><v>a&amp;x</v></c><c t="b"><v>0</v></c></row>' +
      '<row><c r="B3" t="d"><v>2026-11-13T00:00:00</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3" s="1"/></row>' +
      '</sheetData></worksheet>';
    const grid = parseSheetXml('X', xml, [], false);
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.values).toEqual([
      ['inline', 'a&x', false],
      [46339, '#DIV/0!', null],
    ]);
  });
});
