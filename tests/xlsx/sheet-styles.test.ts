/**
 * Range formats as they land in the file. The writer builds each distinct style once and shares it between
 * cells (sheet-writer.ts, applyFormat), so these check that sharing never lets one cell's format reach another:
 * overlapping ranges, the bottom border that only the last row of a range gets, empty cells inside a range, and
 * cells outside every range.
 */
import ExcelJS from 'exceljs';
import type { SheetPlan, WorkbookPlan } from '../../src/core/report/plan';
import { renderPlanToXlsx } from '../../src/xlsx/write';

const GREY = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BLUE = { style: 'thin', color: { argb: 'FF2F5597' } };
const FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

const sheet: SheetPlan = {
  role: 'summary',
  name: 'Styles',
  blocks: [{ address: 'A1', values: [[1, 'x', 2], [3, null, 'y'], [4, 5, 6], [null, 'z', null], ['a', null, null], ['b', null, null]] }],
  formats: [
    { range: 'A1:C3', numberFormat: '0.00', style: { bold: true, fill: '#fff2cc', border: 'bottom' } },
    { range: 'B2:B4', style: { italic: true, hAlign: 'center', border: 'all' } },
    { range: 'A5:A6', style: { fontColor: '#c00000', wrap: true } },
  ],
  columnWidths: [],
  merges: [],
  tables: [],
  conditionalFormats: [],
  charts: [],
  hyperlinks: [],
  showGridlines: true,
};
const plan: WorkbookPlan = { sheets: [sheet], activeSheet: 'summary', anchors: { projects: {}, dependencies: {} } };

let ws: ExcelJS.Worksheet;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderPlanToXlsx(plan)) as unknown as ArrayBuffer);
  ws = wb.getWorksheet('Styles')!;
});

/** The parts of a cell's style the writer sets, as ExcelJS reads them back. */
function styleOf(address: string): object {
  const { numFmt, font, fill, alignment, border } = ws.getCell(address).style;
  return {
    numFmt,
    bold: font?.bold,
    italic: font?.italic,
    color: font?.color?.argb,
    fill: fill?.type === 'pattern' && fill.pattern !== 'none' ? fill : undefined,
    horizontal: alignment?.horizontal,
    wrap: alignment?.wrapText,
    border: border && Object.keys(border).length > 0 ? border : undefined,
  };
}

const plain = { numFmt: undefined, bold: undefined, italic: undefined, color: undefined, fill: undefined, horizontal: undefined, wrap: undefined, border: undefined };
const first = { ...plain, numFmt: '0.00', bold: true, fill: FILL };

describe('range formats in the file', () => {
  it('gives every cell of a range its format, the bottom border only on the last row', () => {
    for (const a of ['A1', 'C1', 'A2', 'C2']) expect({ a, style: styleOf(a) }).toEqual({ a, style: first });
    for (const a of ['A3', 'C3']) expect({ a, style: styleOf(a) }).toEqual({ a, style: { ...first, border: { bottom: BLUE } } });
  });

  it('layers an overlapping range on top, in plan order, empty cells included', () => {
    const all = { top: GREY, left: GREY, bottom: GREY, right: GREY };
    // B1 is in the first range only; B2 (empty) and B3 in both, the second's border replacing the first's.
    expect(styleOf('B1')).toEqual(first);
    expect(styleOf('B2')).toEqual({ ...first, italic: true, horizontal: 'center', border: all });
    expect(styleOf('B3')).toEqual({ ...first, italic: true, horizontal: 'center', border: all });
    // B4 is in the second range only: none of the first range's format.
    expect(styleOf('B4')).toEqual({ ...plain, bold: undefined, italic: true, horizontal: 'center', border: all });
  });

  it('leaves cells outside every range plain, and keeps separate ranges apart', () => {
    expect(styleOf('C4')).toEqual(plain);
    expect(styleOf('B5')).toEqual(plain);
    for (const a of ['A5', 'A6']) expect({ a, style: styleOf(a) }).toEqual({ a, style: { ...plain, color: 'FFC00000', wrap: true } });
  });
});
