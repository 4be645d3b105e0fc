/**
 * Finding tables on a sheet. The task table's header is found by evidence (task-header.ts); risk registers,
 * EVM period tables and benefits tables by their exact headings, anywhere on the sheet. A table runs until the next table's
 * header or the end of the grid; blank rows inside it are skipped, never an end.
 */
import type { CellValue } from '../grid';
import type { ColumnMap, EvmField, RiskField } from './headers';
import { EVM_LOOKUP, RISK_LOOKUP, matchRow } from './headers';
import type { TaskHeader } from './task-header';
import { isBlank } from './cells';
import type { BenefitField } from './benefits';
import { benefitColsOf } from './benefits';

export { TASK_HEADER_SCAN_ROWS } from './task-header';

export type TableHeader =
  | { kind: 'task'; row: number; header: TaskHeader }
  | { kind: 'risk'; row: number; cols: ColumnMap<RiskField> }
  | { kind: 'evm'; row: number; cols: ColumnMap<EvmField> }
  | { kind: 'benefit'; row: number; cols: ColumnMap<BenefitField> };

/** Quick filter: a register header holds at least two short text cells and no numbers. */
function couldBeHeader(row: readonly CellValue[]): boolean {
  let texts = 0;
  for (const v of row) {
    if (typeof v === 'number' || typeof v === 'boolean') return false;
    if (typeof v === 'string' && v.trim() !== '') texts++;
  }
  return texts >= 2;
}

/** A risk register, EVM period table or benefits table header (a risk register's "Task" column must not make it a task table). */
export function registerHeaderOf(row: readonly CellValue[], r: number): TableHeader | null {
  if (!couldBeHeader(row)) return null;
  const risk = matchRow(row, RISK_LOOKUP);
  if (risk.cols.title !== undefined && risk.cols.probability !== undefined) return { kind: 'risk', row: r, cols: risk.cols };
  const evm = matchRow(row, EVM_LOOKUP);
  if (evm.cols.date !== undefined && evm.cols.pv !== undefined && evm.cols.ev !== undefined) return { kind: 'evm', row: r, cols: evm.cols };
  const benefit = benefitColsOf(row);
  if (benefit !== null) return { kind: 'benefit', row: r, cols: benefit };
  return null;
}

/** Risk, EVM and benefits tables of a grid, top to bottom. */
export function findRegisters(values: readonly CellValue[][]): TableHeader[] {
  const found: TableHeader[] = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const h = registerHeaderOf(row, r);
    if (h) found.push(h);
  }
  return found;
}

/** Data rows of a table: from the row after its header to the row before the next header. */
export function bodyRows(tables: readonly TableHeader[], index: number, gridRows: number): { from: number; to: number } {
  const from = tables[index].row + 1;
  const to = index + 1 < tables.length ? tables[index + 1].row : gridRows;
  return { from, to };
}

export function rowIsBlank(row: readonly CellValue[] | undefined, cols: readonly number[]): boolean {
  if (!Array.isArray(row)) return true;
  for (const c of cols) if (!isBlank(row[c])) return false;
  return true;
}
