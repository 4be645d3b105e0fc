/**
 * A tiny local ExcelJS -> grid loader for reader tests (the real xlsx adapter lives in src/xlsx and is another
 * module's job): values as Excel gives them, used range from the first filled row and column, with its origin.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../../../src/core/grid';

const EPOCH = Date.UTC(1899, 11, 30);

function toCell(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return (v.getTime() - EPOCH) / 86400000;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'error' in v) return String(v.error);
  if (typeof v === 'object' && 'result' in v) return toCell(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

/** Used range from the first non-empty row and column, like Excel's, with its origin. */
export async function loadGrids(file: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const cells: { r: number; c: number; v: CellValue }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => cells.push({ r: r - 1, c: c - 1, v: toCell(cell.value) })));
    const r0 = cells.length ? Math.min(...cells.map((x) => x.r)) : 0;
    const c0 = cells.length ? Math.min(...cells.map((x) => x.c)) : 0;
    const values: CellValue[][] = [];
    for (const { r, c, v } of cells) {
      while (values.length <= r - r0) values.push([]);
      values[r - r0][c - c0] = v;
    }
    for (const row of values) for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    return { sheet: ws.name, values, hidden: ws.state !== 'visible', origin: { row: r0, col: c0 } };
  });
}

