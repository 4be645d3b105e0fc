/**
 * Resolves a chart's sheet-qualified range against the plan's own cell blocks, so chart parts can carry
 * cached values (LibreOffice and Excel show them before any recalculation).
 */
import type { PlanValue, WorkbookPlan } from '../../core/report/plan';
import { parseCell } from '../../core/report/a1-local';

export interface ParsedRange {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function parseSheetRange(ref: string): ParsedRange | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+)(?::(\$?[A-Z]+\$?\d+))?$/.exec(ref);
  if (!m) return null;
  const a = parseCell(m[3]);
  const b = parseCell(m[4] ?? m[3]);
  if (!a || !b) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], r1: a.row, c1: a.col, r2: b.row, c2: b.col };
}

/** Values of the range in row-major order; cells outside every block are null. */
export function rangeValues(plan: WorkbookPlan, ref: string): PlanValue[] {
  const r = parseSheetRange(ref);
  if (!r) throw new Error(`XLSX_BAD_RANGE: chart range "${ref}" is not a sheet-qualified A1 range`);
  const sheet = plan.sheets.find((s) => s.name === r.sheet);
  if (!sheet) throw new Error(`XLSX_BAD_RANGE: chart range "${ref}" names a sheet that is not in the plan`);
  // Each block's origin parsed once, not once per cell of the range.
  const blocks = sheet.blocks.flatMap((b) => {
    const o = parseCell(b.address);
    return o ? [{ o, values: b.values }] : [];
  });
  const out: PlanValue[] = [];
  for (let row = r.r1; row <= r.r2; row++)
    for (let col = r.c1; col <= r.c2; col++) {
      let v: PlanValue = null;
      for (const { o, values } of blocks) {
        const line = values[row - o.row];
        if (line && col - o.col >= 0 && col - o.col < line.length) v = line[col - o.col];
      }
      out.push(v);
    }
  return out;
}
