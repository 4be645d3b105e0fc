/** A blank sheet plan, so each sheet module only fills in what it needs. */
import type { OwnedSheetRole } from '../grid';
import type { PlanValue, SheetPlan } from './plan';
import { cellA1 } from './a1-local';
import { maxOf } from '../arrays';

export function emptySheet(role: OwnedSheetRole, name: string, tabColor: string): SheetPlan {
  return {
    role, name, tabColor, blocks: [], formats: [], columnWidths: [], merges: [], tables: [],
    conditionalFormats: [], charts: [], hyperlinks: [], showGridlines: false,
  };
}

/** Adds a block at (row, col) and returns the row after it. */
export function addBlock(sheet: SheetPlan, row: number, col: number, values: PlanValue[][]): number {
  if (values.length > 0) sheet.blocks.push({ address: cellA1(row, col), values });
  return row + values.length;
}

export function widths(sheet: SheetPlan, list: number[]): void {
  sheet.columnWidths = list.map((width, col) => ({ col, width }));
}

/** Pads rows to the same length so every block is rectangular. */
export function rect(rows: PlanValue[][]): PlanValue[][] {
  const w = maxOf(rows.map((r) => r.length), 0);
  return rows.map((r) => [...r, ...Array<PlanValue>(w - r.length).fill(null)]);
}
