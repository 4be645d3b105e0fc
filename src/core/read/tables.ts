/**
 * Finding tables on a sheet. The task table's header is found by evidence (task-header.ts); risk registers,
 * EVM period tables and benefits tables by their exact headings, anywhere on the sheet. A table runs until the next table's
 * header or the end of the grid; blank rows inside it are skipped, never an end.
 */
import type { CellValue } from '../grid';
import type { ColumnMap, EvmField, RaidField, RiskField } from './headers';
import { EVM_LOOKUP, RAID_KIND_LOOKUP, RAID_LOOKUP, RISK_LOOKUP, TASK_LOOKUP, matchRow, normalizeHeader } from './headers';
import type { RaidKind } from '../model';
import type { TaskHeader } from './task-header';
import { isBlank } from './cells';
import type { BenefitField } from './benefits';
import { benefitColsOf } from './benefits';

export { TASK_HEADER_SCAN_ROWS } from './task-header';

export type TableHeader =
  | { kind: 'task'; row: number; header: TaskHeader }
  | { kind: 'risk'; row: number; cols: ColumnMap<RiskField> }
  | { kind: 'evm'; row: number; cols: ColumnMap<EvmField> }
  /** An issues, actions or decisions log; titleKind is the kind its title heading names, for logs with no Type column. */
  | { kind: 'raid'; row: number; cols: ColumnMap<RaidField>; titleKind: RaidKind | null }
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
  const raid = matchRow(row, RAID_LOOKUP);
  if (raid.cols.title !== undefined && (raid.cols.status !== undefined || raid.cols.owner !== undefined || raid.cols.due !== undefined)) {
    const heading = row[raid.cols.title];
    const titleKind = typeof heading === 'string' ? RAID_KIND_LOOKUP.get(normalizeHeader(heading)) ?? null : null;
    // A plain "Description | Owner | Status" table is a log only when a Type column or its title heading says which,
    // and a task table with a Type column stays a task table: a log has no start, duration, % complete or links.
    if (raid.cols.type !== undefined || titleKind !== null) {
      const task = matchRow(row, TASK_LOOKUP).cols;
      const taskLike = task.start !== undefined || task.duration !== undefined || task.percent !== undefined || task.predecessors !== undefined
        || task.baselineStart !== undefined || task.baselineFinish !== undefined;
      if (!taskLike) return { kind: 'raid', row: r, cols: raid.cols, titleKind };
    }
  }
  const benefit = benefitColsOf(row);
  if (benefit !== null) return { kind: 'benefit', row: r, cols: benefit };
  return null;
}

/** Risk, EVM, RAID and benefits tables of a grid, top to bottom. */
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

/**
 * Data rows of a table: from the row after its header to the row before the next header. Given the grid, a
 * lone text cell just above the next header is that table's title ("Issues & Actions"), not a row of this one.
 */
export function bodyRows(tables: readonly TableHeader[], index: number, gridRows: number, values?: readonly CellValue[][]): { from: number; to: number } {
  const from = tables[index].row + 1;
  let to = index + 1 < tables.length ? tables[index + 1].row : gridRows;
  if (values !== undefined && index + 1 < tables.length && to - 1 >= from && isTitleRow(values[to - 1])) to--;
  return { from, to };
}

function isTitleRow(row: readonly CellValue[] | undefined): boolean {
  if (!Array.isArray(row)) return false;
  let filled = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (typeof v !== 'string') return false;
    filled++;
  }
  return filled === 1;
}

export function rowIsBlank(row: readonly CellValue[] | undefined, cols: readonly number[]): boolean {
  if (!Array.isArray(row)) return true;
  for (const c of cols) if (!isBlank(row[c])) return false;
  return true;
}
