/**
 * The committed messy workbook (tests/fixtures/messy, made by make-messy.ts) read through a tiny local
 * ExcelJS grid loader: every expected issue at its exact cell, and the good data still read.
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import type { CellValue, Grid } from '../../../src/core/grid';
import { readProgram } from '../../../src/core/read';
import { settings } from './helpers';

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
async function loadGrids(file: string): Promise<Grid[]> {
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

describe('messy fixture workbook', () => {
  let model: ReturnType<typeof readProgram>;
  beforeAll(async () => {
    model = readProgram({ grids: await loadGrids(path.join(__dirname, '../../fixtures/messy/messy-program.xlsx')) }, settings());
  });

  test('every expected issue, each at its cell', () => {
    const got = model.issues.map((i) => `${i.severity} ${i.code} ${i.sheet}!${i.cell ?? '-'}`).sort();
    expect(got).toEqual([
      'error DEPENDENCY_UNKNOWN_PROJECT Dependencies!A3',
      'error DUPLICATE_PROJECT_ID Old Copy!B1',
      'error DUPLICATE_TASK_ID Platform Build!B13',
      'error PREDECESSOR_MALFORMED Platform Build!L15',
      'error PREDECESSOR_SELF Platform Build!L14',
      'error PREDECESSOR_UNKNOWN_PROJECT Platform Build!L15',
      'error PREDECESSOR_UNKNOWN_TASK Platform Build!L15',
      'info BASELINE_MISSING Platform Build!E12',
      'info BLANK_MARKER Platform Build!J14',
      'info DATE_AMBIGUOUS Platform Build!F15',
      'warning ACTUAL_COST_NO_BUDGET Platform Build!K14',
      'warning DATE_UNREADABLE Platform Build!G10',
      'warning EXCEL_ERROR Platform Build!J15',
      'warning FINISH_BEFORE_START Platform Build!G12',
      'warning PERCENT_OUT_OF_RANGE Platform Build!I10',
      'warning PROBABILITY_UNREADABLE Platform Build!D19',
      'warning PROGRESS_WITHOUT_ACTUAL_START Platform Build!H14',
    ]);
    for (const i of model.issues) expect(i.message.length).toBeGreaterThan(20);
  });

  test('the good data still rolls up', () => {
    expect(model.projects.map((p) => p.id)).toEqual(['PLAT', 'APP']);
    const plat = model.projects[0];
    expect(plat).toMatchObject({ name: 'Platform Build', manager: 'Dana Ruiz', statusDate: 46112, budget: 250000 });
    expect(plat.tasks.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(plat.tasks[1]).toMatchObject({ finish: null, percentComplete: null, budget: 120000, row: 10 });
    expect(plat.risks.map((r) => [r.id, r.probability, r.impactLevel])).toEqual([['R1', 0.9, 4], ['R2', null, 2]]);
    const release = model.projects[1].tasks[1];
    expect(release.predecessors.map((p) => `${p.project}:${p.task}${p.type}${p.lag}`)).toEqual(['APP:1FS0', 'PLAT:5FS5']);
    expect(model.holidays).toEqual([46023, 46167]);
    expect(model.dependencies).toHaveLength(1);
    expect(model.skipped.map((s) => [s.sheet, s.hidden])).toEqual([['Old Copy', true], ['Dependencies', false], ['Holidays', false], ['Notes', false]]);
  });
});
