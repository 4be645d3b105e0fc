/**
 * The package the renderer zips itself: ExcelJS's parts taken before its own zip (excel-parts.ts) must be the
 * ones writeBuffer would have zipped, and the rendered file must read back the same through our reader and
 * through ExcelJS.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildWorkbookPlan } from '../../src/core/report';
import type { PlanValue, WorkbookPlan } from '../../src/core/report/plan';
import { parseCell } from '../../src/core/report/a1-local';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { renderPlanToXlsx } from '../../src/xlsx/write';
import { excelParts } from '../../src/xlsx/write/excel-parts';
import { writeSheet } from '../../src/xlsx/write/sheet-writer';
import { readXlsxGrids } from '../../src/xlsx/read';
import { SAMPLE_RESULT } from '../fixtures/result-sample';

const plan: WorkbookPlan = buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS);

function sampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const names = new Set(plan.sheets.map((s) => s.name));
  for (const s of plan.sheets) writeSheet(wb, s, names);
  return wb;
}

/** Every plain value the plan puts in a cell, by sheet, 1-based row and 0-based column (formulas left out). */
interface PlannedCell {
  sheet: string;
  row: number;
  col: number;
  value: Exclude<PlanValue, object | null>;
}
function plannedCells(p: WorkbookPlan): PlannedCell[] {
  const out: PlannedCell[] = [];
  for (const s of p.sheets) {
    for (const b of s.blocks) {
      const o = parseCell(b.address)!;
      b.values.forEach((line, r) => line.forEach((v, c) => {
        if (v !== null && typeof v !== 'object') out.push({ sheet: s.name, row: o.row + r, col: o.col + c, value: v });
      }));
    }
  }
  return out;
}

describe('excelParts', () => {
  it('gives the parts writeBuffer zips, in its order, with the same text', async () => {
    const parts = await excelParts(sampleWorkbook());
    const zip = await JSZip.loadAsync(await sampleWorkbook().xlsx.writeBuffer());
    const files = Object.values(zip.files).filter((f) => !f.dir);
    expect([...parts.keys()]).toEqual(files.map((f) => f.name));
    expect([...parts.keys()][0]).toBe('[Content_Types].xml');
    for (const f of files) expect(parts.get(f.name)).toBe(await f.async('string'));
  });

  it('names the ExcelJS step it cannot find instead of writing a package without it', async () => {
    const wb = sampleWorkbook();
    (wb.xlsx as unknown as Record<string, unknown>).addStyles = undefined;
    await expect(excelParts(wb)).rejects.toThrow(/^XLSX_WRITER: .*XLSX\.addStyles/);
  });
});

describe('the rendered package', () => {
  let buf: Buffer;
  beforeAll(async () => {
    buf = await renderPlanToXlsx(plan);
  });

  it('reads back through readXlsxGrids with every planned value in its cell', async () => {
    const { input } = await readXlsxGrids(buf);
    expect(input.grids.map((g) => g.sheet)).toEqual(plan.sheets.map((s) => s.name));
    const cells = plannedCells(plan);
    expect(cells.length).toBeGreaterThan(100);
    for (const c of cells) {
      const g = input.grids.find((x) => x.sheet === c.sheet)!;
      const origin = g.origin ?? { row: 0, col: 0 };
      expect({ ...c, value: g.values[c.row - 1 - origin.row]?.[c.col - origin.col] }).toEqual(c);
    }
  });

  it('reads back through ExcelJS with the same values', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    for (const c of plannedCells(plan)) {
      // ExcelJS gives date-formatted serials back as Dates and links as { text, hyperlink }.
      const v = wb.getWorksheet(c.sheet)!.getCell(c.row, c.col + 1).value;
      const read = v instanceof Date ? c.value : typeof v === 'object' && v !== null && 'text' in v ? v.text : v;
      expect({ ...c, value: read }).toEqual(c);
    }
  });

  it('holds ExcelJS\'s parts plus the chart and drawing parts, [Content_Types].xml first, no folder entries', async () => {
    const zip = await JSZip.loadAsync(buf, { checkCRC32: true });
    const names = Object.keys(zip.files);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.filter((n) => n.endsWith('/'))).toEqual([]);
    const fromExcel = [...(await excelParts(sampleWorkbook())).keys()];
    expect(names.slice(0, fromExcel.length)).toEqual(fromExcel);
    expect(names.slice(fromExcel.length).every((n) => /^xl\/(charts\/chart\d+\.xml|drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?|worksheets\/_rels\/sheet\d+\.xml\.rels)$/.test(n))).toBe(true);
    expect(names.some((n) => n.startsWith('xl/charts/'))).toBe(true);
  });
});
