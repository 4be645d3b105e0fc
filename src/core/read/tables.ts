/**
 * Finding tables on a sheet: a header row is recognised by the columns it names. Tables may start at any
 * column and several may share a sheet (tasks, then a risk register below); a table runs until the next
 * recognised header row or the end of the grid, and blank rows inside it are skipped, never an end.
 */
import type { CellValue } from '../grid';
import type { ColumnMap, EvmField, RiskField, TaskField } from './headers';
import { EVM_LOOKUP, RISK_LOOKUP, hasDateColumn, matchRow, matchTaskRow } from './headers';
import { isBlank } from './cells';

/** The task header must sit in the first rows of the sheet; other tables may sit anywhere. */
export const TASK_HEADER_SCAN_ROWS = 50;

export type TableHeader =
  | { kind: 'task'; row: number; cols: ColumnMap<TaskField> }
  | { kind: 'risk'; row: number; cols: ColumnMap<RiskField> }
  | { kind: 'evm'; row: number; cols: ColumnMap<EvmField> };

/** Quick filter: a header row holds at least two short text cells and no numbers. */
function couldBeHeader(row: readonly CellValue[]): boolean {
  let texts = 0;
  for (const v of row) {
    if (typeof v === 'number' || typeof v === 'boolean') return false;
    if (typeof v === 'string' && v.trim() !== '') texts++;
  }
  return texts >= 2;
}

/** Classifies one row as a table header, risk register first (its "Task" column must not make it a task table). */
export function headerOf(row: readonly CellValue[], r: number, allowTask: boolean): TableHeader | null {
  if (!couldBeHeader(row)) return null;
  const risk = matchRow(row, RISK_LOOKUP);
  if (risk.cols.title !== undefined && risk.cols.probability !== undefined) return { kind: 'risk', row: r, cols: risk.cols };
  const evm = matchRow(row, EVM_LOOKUP);
  if (evm.cols.date !== undefined && evm.cols.pv !== undefined && evm.cols.ev !== undefined) return { kind: 'evm', row: r, cols: evm.cols };
  if (allowTask) {
    const task = matchTaskRow(row);
    if (task.name !== undefined && hasDateColumn(task)) return { kind: 'task', row: r, cols: task };
  }
  return null;
}

/** All table headers of a grid, top to bottom. Only the first task header counts (one task table per sheet). */
export function findTables(values: readonly CellValue[][]): { tables: TableHeader[]; repeatedHeaders: Set<number> } {
  const found: TableHeader[] = [];
  const repeatedHeaders = new Set<number>();
  let taskSeen = false;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const h = headerOf(row, r, r < TASK_HEADER_SCAN_ROWS);
    if (!h) continue;
    if (h.kind === 'task') {
      // A second task-like header (e.g. a repeated header after a page break) is skipped as a row, not a table.
      if (taskSeen) {
        repeatedHeaders.add(r);
        continue;
      }
      taskSeen = true;
    }
    found.push(h);
  }
  return { tables: found, repeatedHeaders };
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
