/**
 * Plan/actual row pairs: a task row marked 予定 / Plan / 計画 / Geplant (in a marker column, often unheaded)
 * followed by a row marked 実施 / 実績 / Actual / Ist holding the same task's actual dates. The pair is one
 * task: the plan row's dates become its baseline, the actual row's dates its actual (and forecast) dates.
 *
 * Cost: a fixed look at the first rows of the table for a plan word; the rows are walked only when one is
 * found next to an actual word on the row below.
 */
import type { CellValue } from '../grid';
import type { Task } from '../model';
import type { SheetContext } from './context';
import type { TaskHeader } from './task-header';
import { isBlank } from './cells';

const PLAN_WORD = /^(予定|計画|计划|計劃|plan|planned|plan\.|target|geplant|soll|prévu|prevu|planifié|previsto|prevista|planificado|planejado|pianificato|gepland|план)$/i;
const ACTUAL_WORD = /^(実施|実績|実際|实际|實際|actual|actuals|act\.?|ist|réel|reel|réalisé|real|realizado|effettivo|werkelijk|факт)$/i;

/** Rows of the table's head looked at for a marker column; columns beyond the table's last one are not. */
const PROBE_ROWS = 40;

const word = (v: CellValue | undefined, re: RegExp): boolean => typeof v === 'string' && v.length <= 14 && re.test(v.trim());

export interface RowPairs {
  /** Grid column holding the plan/actual markers. */
  marker: number;
  /** Grid row of a plan row -> grid row of its actual row. */
  actualOf: Map<number, number>;
  /** Grid rows of the actual rows (kept out of the task table). */
  actualRows: Set<number>;
  /** The words as the sheet writes them ("予定", "実施"). */
  words: [string, string];
}

/** The plan/actual pairs of a task table, or null when it has none. */
export function findRowPairs(ctx: SheetContext, header: TaskHeader, from: number, to: number): RowPairs | null {
  const cols = Object.values(header.cols) as number[];
  const last = Math.max(...cols) + 1;
  // Probe: a plan word with an actual word right below it, in any column of the table.
  let marker = -1;
  for (let r = from; r < Math.min(to - 1, from + PROBE_ROWS) && marker < 0; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < Math.min(row.length, last); c++) {
      if (word(row[c], PLAN_WORD) && word(ctx.value(r + 1, c), ACTUAL_WORD)) {
        marker = c;
        break;
      }
    }
  }
  if (marker < 0) return null;
  const nameCol = header.cols.name;
  const actualOf = new Map<number, number>();
  const actualRows = new Set<number>();
  let words: [string, string] = ['', ''];
  for (let r = from; r < to - 1; r++) {
    if (!word(ctx.value(r, marker), PLAN_WORD) || !word(ctx.value(r + 1, marker), ACTUAL_WORD)) continue;
    // The actual row names no other task: its name is blank or the plan row's own.
    const own = ctx.value(r + 1, nameCol);
    if (!isBlank(own) && String(own).trim() !== String(ctx.value(r, nameCol) ?? '').trim()) continue;
    actualOf.set(r, r + 1);
    actualRows.add(r + 1);
    if (words[0] === '') words = [String(ctx.value(r, marker)).trim(), String(ctx.value(r + 1, marker)).trim()];
    r++;
  }
  return actualOf.size === 0 ? null : { marker, actualOf, actualRows, words };
}

/**
 * Folds each pair into its task: the plan dates become the baseline (unless baseline columns gave one), the
 * actual row's Start/Finish the actual dates, and the forecast follows the actual dates where there are any.
 * A percent complete missing on the plan row is taken from the actual row.
 */
export function applyRowPairs(ctx: SheetContext, header: TaskHeader, pairs: RowPairs, tasks: readonly Task[]): number {
  const cols = header.cols;
  const rowOffset = ctx.sheetRow(0);
  let applied = 0;
  for (const t of tasks) {
    const a = pairs.actualOf.get(t.row - rowOffset);
    if (a === undefined) continue;
    applied++;
    if (t.baselineStart === null && cols.baselineStart === undefined) t.baselineStart = t.start;
    if (t.baselineFinish === null && cols.baselineFinish === undefined) t.baselineFinish = t.finish;
    const start = ctx.date(a, cols.start, 'Actual start');
    const finish = ctx.date(a, cols.finish, 'Actual finish');
    if (start !== null) {
      t.actualStart ??= start;
      t.start = start;
    }
    if (finish !== null) {
      t.actualFinish ??= finish;
      t.finish = finish;
    }
    if (t.percentComplete === null) t.percentComplete = ctx.percent(a, cols.percent, '% complete');
  }
  return applied;
}
