/** Reads a plan back like a spreadsheet would: the value at a cell, the values of a sheet-qualified range. */
import type { PlanValue, SheetPlan, WorkbookPlan } from '../../../src/core/report/plan';
import { parseCell } from '../../../src/core/report/a1-local';

export function valueAt(sheet: SheetPlan, a1: string): PlanValue | undefined {
  const c = parseCell(a1);
  if (!c) throw new Error(`not a cell: ${a1}`);
  let found: PlanValue | undefined;
  for (const b of sheet.blocks) {
    const o = parseCell(b.address)!;
    const r = c.row - o.row;
    const k = c.col - o.col;
    if (r >= 0 && r < b.values.length && k >= 0 && k < b.values[r].length) {
      if (found !== undefined) throw new Error(`blocks overlap at ${a1}`);
      found = b.values[r][k];
    }
  }
  return found;
}

/** "'Program Summary'!$B$20:$B$24" -> the sheet plan and the cell values, row-major. */
export function rangeValues(plan: WorkbookPlan, ref: string): PlanValue[] {
  const m = /^'((?:[^']|'')+)'!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a sheet range: ${ref}`);
  const sheet = plan.sheets.find((s) => s.name === m[1].replace(/''/g, "'"));
  if (!sheet) throw new Error(`no sheet ${m[1]}`);
  const a = parseCell(`${m[2]}${m[3]}`)!;
  const b = parseCell(`${m[4]}${m[5]}`)!;
  const out: PlanValue[] = [];
  for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(valueAt(sheet, `${String.fromCharCode(65 + c)}${r}`) ?? null);
  return out;
}

export function splitRange(range: string): { r1: number; c1: number; r2: number; c2: number } {
  const [x, y] = range.split(':');
  const a = parseCell(x)!;
  const b = parseCell(y ?? x)!;
  return { r1: a.row, c1: a.col, r2: b.row, c2: b.col };
}
