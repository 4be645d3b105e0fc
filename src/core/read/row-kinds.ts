/**
 * What a row of a task table is, before any task is made: a task, a section heading, a row to skip (and why),
 * or the end of the table (a totals block). This runs on every row of every sheet, so it allocates nothing
 * for the usual row: the answers are shared constants and labels are ruled out by character codes first.
 */
import type { CellValue } from '../grid';
import type { ColumnMap, TaskField } from './headers';
import { normalizeHeader } from './headers';
import { classify, isBlank } from './cells';
import { TOTAL_LABELS } from './vocabulary';
import type { TaskHeader } from './task-header';

export const DATA_FIELDS: TaskField[] = ['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish', 'dates', 'percent', 'budget', 'actualCost', 'predecessors', 'milestone'];
export const DATE_COLS: TaskField[] = ['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish', 'dates'];

const TOTALS = new Set(TOTAL_LABELS.map(normalizeHeader));
/** Longest totals label, so that ordinary task names skip the normalisation (this runs on every row). */
const TOTALS_MAX = Math.max(...TOTAL_LABELS.map((l) => l.length)) + 3;

/** Two ASCII letters as one number, lower case (no string made: this runs on every row): most task names are
 * ruled out as totals labels by their first two letters, without normalising. */
const pairCode = (t: string): number => ((t.charCodeAt(0) | 32) << 8) | (t.charCodeAt(1) | 32);
const TOTALS_STARTS = new Set(TOTAL_LABELS.map(pairCode));

function isTotalsLabel(label: string): boolean {
  if (label.length === 0) return false;
  const c0 = label.charCodeAt(0);
  if (c0 < 128 && c0 !== 32 && !TOTALS_STARTS.has(pairCode(label)) && label.charCodeAt(label.length - 1) !== 58) return false;
  if (label.length <= TOTALS_MAX && TOTALS.has(normalizeHeader(label))) return true;
  // "Arbeitsaufwand gesamt:", "Total hours:": a label (closing colon) ending in a totals word.
  if (label.length > 40 || !label.trimEnd().endsWith(':')) return false;
  const key = normalizeHeader(label);
  for (const t of TOTALS) if (key.endsWith(t) || key.startsWith(t)) return true;
  return false;
}

/** Whitespace that String.prototype.trim removes, among ASCII characters. */
const isAsciiSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);

/**
 * `v.trim().toLowerCase() === lower`, without making either string (this runs on every row, to find the
 * header repeated after a page break). ASCII is compared by character codes; text with any other character
 * takes the plain expression, whose Unicode rules it then follows exactly.
 */
export function isTextLowered(v: string, lower: string): boolean {
  let a = 0;
  let b = v.length;
  while (a < b && isAsciiSpace(v.charCodeAt(a))) a++;
  while (b > a && isAsciiSpace(v.charCodeAt(b - 1))) b--;
  for (let i = a; i < b; i++) if (v.charCodeAt(i) > 127) return v.trim().toLowerCase() === lower;
  if (b - a !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    const c = v.charCodeAt(a + i);
    if ((c >= 65 && c <= 90 ? c | 32 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Blank, or a placeholder ("-", "n/a", "TBD") that template rows are filled with (all are short). */
function blankish(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  if (v.length > 6) return v.trim() === '';
  if (isBlank(v)) return true;
  const c = classify(v);
  return c !== null && c.kind === 'marker';
}

function allBlankish(row: readonly CellValue[], cols: readonly number[]): boolean {
  for (const c of cols) if (!blankish(row[c])) return false;
  return true;
}

export interface TableOptions {
  /** Rows to read; others belong to another project of a tracker sheet. */
  rowFilter?: (r: number) => boolean;
  /** Rows that repeat the header (after a page break): skipped. */
  repeatedHeader?: (row: readonly CellValue[]) => boolean;
  /** Every task of the table is a milestone (the task column is headed "Milestone"). */
  allMilestones?: boolean;
  /** Name columns by outline level (see TaskHeader.nameColumns). */
  nameColumns?: readonly number[];
  /**
   * Second columns for date fields ("Deadline" beside "End Date"): not read as the field, but a row with a
   * date there is a task, not a heading.
   */
  fallbacks?: Partial<Record<TaskField, number>>;
}

export type RowKind = { kind: 'task' } | { kind: 'heading'; name?: string } | { kind: 'skip'; reason: string } | { kind: 'end'; reason: string };

/** Why a row repeating the header is skipped (title-groups.ts looks for it). */
export const REPEATED_HEADER = 'the header repeated';

/** The rows below the header that repeat it (after a page break), told by their task-name cell. */
export function repeatedHeaderTest(header: Pick<TaskHeader, 'cols' | 'headings'>): (row: readonly CellValue[]) => boolean {
  const col = header.cols.name;
  const heading = header.headings.name?.toLowerCase();
  if (col === undefined || heading === undefined) return () => false;
  return (row) => {
    const v = row[col];
    // Lengths first: nearly every row holds a task name of another length, and needs no lower-casing.
    return typeof v === 'string' && v.length >= heading.length && v.length <= heading.length + 4 && isTextLowered(v, heading);
  };
}

// Shared answers: rowKind runs on every row and most rows are tasks.
const TASK_ROW: RowKind = { kind: 'task' };
const HEADING_ROW: RowKind = { kind: 'heading' };
const TOTALS_ROW: RowKind = { kind: 'end', reason: 'a totals block below the tasks' };
const LABEL_ROW: RowKind = { kind: 'skip', reason: 'a label or note line (no task name, no date)' };
const TEMPLATE_ROW: RowKind = { kind: 'skip', reason: 'blank template rows (no task name, no date)' };

/** The rightmost filled name column of an outline written by column, with its level (1 = leftmost). */
export function levelName(row: readonly CellValue[], nameColumns: readonly number[]): { col: number; level: number } | null {
  for (let i = nameColumns.length - 1; i >= 0; i--) if (!blankish(row[nameColumns[i]])) return { col: nameColumns[i], level: i + 1 };
  return null;
}

/**
 * What a row of the table is. A row with only a name is a section heading (a phase without dates); a row
 * with neither a name nor a date is a blank template row ("-" and "n/a" count as blank); a "Total" row ends
 * the table (a totals block below it is not tasks). An ID and a name with nothing else yet is still a task.
 */
export function rowKind(row: CellValue[], cols: ColumnMap<TaskField>, dataCols: readonly number[], dateCols: readonly number[], options: TableOptions): RowKind {
  if (options.repeatedHeader?.(row)) return { kind: 'skip', reason: REPEATED_HEADER };
  const nameCol = options.nameColumns !== undefined ? (levelName(row, options.nameColumns)?.col ?? cols.name) : cols.name;
  const name = nameCol === undefined ? undefined : row[nameCol];
  const firstText = typeof name === 'string' ? name : cols.id !== undefined && typeof row[cols.id] === 'string' ? (row[cols.id] as string)
    : cols.dates !== undefined && typeof row[cols.dates] === 'string' ? (row[cols.dates] as string) : '';
  const label = firstText;
  if (isTotalsLabel(label)) return TOTALS_ROW;
  const hasName = !blankish(name);
  const hasId = cols.id !== undefined && !blankish(row[cols.id]);
  if (!hasName && allBlankish(row, dateCols)) {
    // A phase title in an unheaded column left of the names ("Inception" in A, tasks in B) heads a section.
    // A title, not an instruction sentence: short, no closing full stop.
    const first = cols.name === undefined ? -1 : row.findIndex((v, c) => c < (cols.name as number) && typeof v === 'string' && !blankish(v) && v.trim().length <= 40 && !v.trim().endsWith('.'));
    if (first >= 0 && allBlankish(row, dataCols) && !Object.values(cols).includes(first)) return { kind: 'heading', name: String(row[first]).trim() };
    const label = row.some((v) => typeof v === 'string' && !blankish(v));
    return label ? LABEL_ROW : TEMPLATE_ROW;
  }
  // Where the outline is written by column, the columns say what a row is: a name alone is still a task.
  if (hasName && allBlankish(row, dataCols) && !hasId && options.nameColumns === undefined) return HEADING_ROW;
  return TASK_ROW;
}
