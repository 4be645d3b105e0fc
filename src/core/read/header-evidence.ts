/**
 * The evidence rules of task-header detection: whether the data below a heading fits the field it names
 * ("Start" over dates, the task name over text), and the rules that re-read a header by its data (outline
 * codes under "Task" with the names beside them, a week planner that is no task table, a Status column of
 * percentages, the ID column the predecessors name).
 */
import type { CellValue } from '../grid';
import type { ColumnMap, TaskField } from './headers';
import type { Claim, Resolved } from './task-header';
import { DATE_FIELDS } from './vocabulary';
import { isBlank, parseDate, plainIsoSerial } from './cells';
import { rangeParts } from './date-columns';
import { maxOf } from '../arrays';

/** Rows below a candidate header looked at for evidence that its columns hold what they say. */
const EVIDENCE_ROWS = 30;

export const isDateField = (f: TaskField): boolean => (DATE_FIELDS as readonly string[]).includes(f);

/** Whether a cell below fits the field: a date-like value under a date heading, text under the name. */
function fits(field: TaskField, v: CellValue | undefined): boolean {
  if (isBlank(v)) return false;
  if (isDateField(field)) {
    if (typeof v === 'number') return v > 3000 && v < 2958466;
    if (typeof v === 'string' && typeof plainIsoSerial(v) === 'number') return true;
    if (field === 'dates') return rangeParts(v ?? null).some((p) => parseDate(p, 'DMY', false).kind === 'value');
    return parseDate(v ?? null, 'MDY', false).kind === 'value';
  }
  if (field === 'name') return typeof v === 'string' && !/^\d+(\.\d+)*$/.test(v.trim());
  if (field === 'percent' || field === 'budget' || field === 'actualCost' || field === 'duration' || field === 'outlineLevel') return typeof v === 'number' || /\d/.test(String(v));
  return true;
}

/**
 * Evidence is asked for the same column below the same row by a row's one-row and two-row readings: kept per
 * grid (a WeakMap, so nothing outlives the read).
 */
const EVIDENCE_CACHE = new WeakMap<readonly CellValue[][], Map<string, { filled: number; fitting: number }>>();

/** How many of the rows below hold data fitting the field, out of the rows that hold anything. */
export function evidence(rows: readonly CellValue[][], from: number, col: number, field: TaskField): { filled: number; fitting: number } {
  let cache = EVIDENCE_CACHE.get(rows);
  if (cache === undefined) {
    cache = new Map();
    EVIDENCE_CACHE.set(rows, cache);
  }
  const key = `${from}:${col}:${field}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const found = evidenceUncached(rows, from, col, field);
  cache.set(key, found);
  return found;
}

function evidenceUncached(rows: readonly CellValue[][], from: number, col: number, field: TaskField): { filled: number; fitting: number } {
  let filled = 0;
  let fitting = 0;
  const to = Math.min(rows.length, from + EVIDENCE_ROWS);
  for (let r = from; r < to; r++) {
    const v = rows[r]?.[col];
    if (isBlank(v)) continue;
    filled++;
    if (fits(field, v)) fitting++;
  }
  return { filled, fitting };
}

const CODE = /^\d+(\.\d+)*\.?$/;

/** How many of the first rows below hold values of one kind in a column. */
function share(rows: readonly CellValue[][], from: number, col: number, test: (v: CellValue) => boolean): number {
  let filled = 0;
  let hits = 0;
  for (let r = from; r < Math.min(rows.length, from + EVIDENCE_ROWS); r++) {
    const v = rows[r]?.[col];
    if (isBlank(v)) continue;
    filled++;
    if (test(v ?? null)) hits++;
  }
  return filled === 0 ? 0 : hits / filled;
}

/**
 * "TASK" heading a column of outline codes (1, 1.1, 2.1.1) with the names in the unheaded column to its
 * right: the codes are the WBS, the names the task names.
 */
export function codesBesideNames(rows: readonly CellValue[][], from: number, resolved: Resolved): void {
  const { cols } = resolved;
  const c = cols.name;
  if (c === undefined || cols.wbs !== undefined || Object.values(cols).includes(c + 1)) return;
  const header = rows[from - 1] ?? [];
  if (!isBlank(header[c + 1])) return;
  if (share(rows, from, c, (v) => typeof v === 'number' || (typeof v === 'string' && CODE.test(v.trim()))) < 0.6) return;
  if (share(rows, from, c + 1, (v) => typeof v === 'string' && !CODE.test(v.trim())) < 0.8) return;
  cols.wbs = c;
  resolved.headings.wbs = resolved.headings.name;
  cols.name = c + 1;
  resolved.headings.name = `${resolved.headings.name ?? ''} (names in the next column)`;
}

const WEEKDAY_HEADINGS = /^(mo|tu|we|th|fr|sa|su|mon|tue|wed|thu|fri|sat|sun|di|mi|do|so|lu|ma|me|je|ve|sa|di|ma|wo|do|vr|za|zo|月|火|水|木|金|土|日)\.?$/i;

/**
 * A week planner ("Week | Mo | Tu | … | Su | Deliverable | Date"): weekday columns before the headings
 * make a calendar grid, not a task table. (A Gantt timeline's weekday letters sit after the headings.)
 */
export function isWeekGrid(row: readonly CellValue[], cols: ColumnMap<TaskField>): boolean {
  const last = maxOf(Object.values(cols) as number[], -1);
  let days = 0;
  for (let c = 0; c < last; c++) {
    const v = row[c];
    if (typeof v === 'string' && WEEKDAY_HEADINGS.test(v.trim())) days++;
  }
  return days >= 5;
}

/** A Status column holding fractions or percentages (and no % Complete column) is the progress. */
export function statusAsPercent(rows: readonly CellValue[][], from: number, resolved: Resolved): void {
  const c = resolved.cols.status;
  if (c === undefined || resolved.cols.percent !== undefined) return;
  const isShare = (v: CellValue): boolean => (typeof v === 'number' && v >= 0 && v <= 1) || (typeof v === 'string' && /^\s*\d{1,3}(\.\d+)?\s*%\s*$/.test(v));
  if (share(rows, from, c, isShare) < 0.8) return;
  resolved.cols.percent = c;
  resolved.headings.percent = resolved.headings.status;
  delete resolved.cols.status;
  resolved.notes.push(`"${resolved.headings.percent ?? ''}" holds fractions of the work done: it is read as % complete.`);
}

/**
 * Of two ID columns (a row counter "No" and a "Task ID"), the one whose values the predecessors name is the ID.
 */
export function preferReferencedIds(rows: readonly CellValue[][], from: number, claims: readonly Claim[], resolved: Resolved): void {
  const ids = claims.filter((c) => c.match.field === 'id');
  const preds = resolved.cols.predecessors;
  if (ids.length < 2 || preds === undefined) return;
  const referenced = new Set<string>();
  for (let r = from; r < rows.length && referenced.size < 500; r++) {
    const v = rows[r]?.[preds];
    if (typeof v === 'string') for (const part of v.split(/[,;&\s]+/)) if (part !== '') referenced.add(part.replace(/(FS|SS|FF|SF)?([+-].*)?$/i, '').toLowerCase());
    else if (typeof v === 'number') referenced.add(String(v));
  }
  const hits = (col: number): number => {
    let n = 0;
    for (let r = from; r < rows.length; r++) {
      const v = rows[r]?.[col];
      if (v !== null && v !== undefined && referenced.has(String(v).trim().toLowerCase())) n++;
    }
    return n;
  };
  const best = ids.map((c) => ({ c, n: hits(c.col) })).sort((a, b) => b.n - a.n)[0];
  const current = resolved.cols.id;
  if (best.n === 0 || best.c.col === current) return;
  if (current !== undefined) {
    resolved.ignored = resolved.ignored.filter((i) => i.col !== best.c.col);
    resolved.ignored.push({ col: current, heading: resolved.headings.id ?? '', reason: `the predecessors name the values of "${best.c.heading}", which is used as the ID` });
  }
  resolved.cols.id = best.c.col;
  resolved.headings.id = best.c.heading;
}
