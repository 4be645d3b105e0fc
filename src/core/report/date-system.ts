/**
 * The report is built with 1900-system serials. A workbook in the 1904 date system (Excel for Mac's old
 * default) counts days from 1904-01-01, 1462 days later, so the same serial would show a date four years and
 * a day off. When the plan is for such a workbook, every date the plan holds is moved into that system here,
 * once, instead of in each sheet builder: a date is a number in a cell the plan formats as a date, or an
 * axis bound of an axis the plan formats as a date.
 */
import { parseA1 } from '../a1';
import type { AxisPlan, ChartPlan, PlanValue, SheetPlan, WorkbookPlan } from './plan';

/** Days from 1899-12-30 (serial 0 of the 1900 system) to 1904-01-01 (serial 0 of the 1904 system). */
export const DAYS_1900_TO_1904 = 1462;

/** True when a number format shows a date or time (quoted text, [colour]/[locale] parts and escapes aside). */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function boxOf(range: string): Box | null {
  const [a, b = a] = range.split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return null;
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

function shiftSheet(sheet: SheetPlan): SheetPlan {
  const dateBoxes = sheet.formats
    .filter((f) => f.numberFormat !== undefined && isDateFormat(f.numberFormat))
    .map((f) => boxOf(f.range))
    .filter((b): b is Box => b !== null);
  const isDateCell = (r: number, c: number): boolean => dateBoxes.some((b) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1);
  const blocks = sheet.blocks.map((block) => {
    const origin = parseA1(block.address);
    if (!origin) return block;
    const values: PlanValue[][] = block.values.map((row, i) =>
      row.map((v, j) => (typeof v === 'number' && isDateCell(origin.row + i, origin.col + j) ? v - DAYS_1900_TO_1904 : v)),
    );
    return { ...block, values };
  });
  return { ...sheet, blocks, charts: sheet.charts.map(shiftChart) };
}

function shiftAxis(axis: AxisPlan | undefined): AxisPlan | undefined {
  if (!axis?.numberFormat || !isDateFormat(axis.numberFormat)) return axis;
  return {
    ...axis,
    ...(axis.min !== undefined ? { min: axis.min - DAYS_1900_TO_1904 } : {}),
    ...(axis.max !== undefined ? { max: axis.max - DAYS_1900_TO_1904 } : {}),
  };
}

function shiftChart(chart: ChartPlan): ChartPlan {
  const categoryAxis = shiftAxis(chart.categoryAxis);
  const valueAxis = shiftAxis(chart.valueAxis);
  return { ...chart, ...(categoryAxis ? { categoryAxis } : {}), ...(valueAxis ? { valueAxis } : {}) };
}

/** The plan with its dates in the workbook's date system; unchanged (the same object) for the 1900 system. */
export function planForDateSystem(plan: WorkbookPlan, date1904: boolean): WorkbookPlan {
  if (!date1904) return plan;
  return { ...plan, date1904: true, sheets: plan.sheets.map(shiftSheet) };
}
