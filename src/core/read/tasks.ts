/**
 * The task table: one task per non-blank row. Cross-sheet checks (predecessor targets) wait until every
 * sheet is read; row-level checks (finish before start, progress without actual start, ...) happen here.
 *
 * This runs once per task row of every sheet, so it is written to allocate little: columns are looked up
 * once per table, and per row only the task itself, its addresses and its predecessor links are made.
 */
import type { CellValue } from '../grid';
import type { CellRef, Task } from '../model';
import type { SheetContext } from './context';
import type { ColumnMap, TaskField } from './headers';
import type { ParsedLink } from './predecessors';
import { parsePredecessorCell } from './predecessors';
import { isBlank, parseFlag } from './cells';
import { rowIsBlank } from './tables';
import type { TaskIdLookup } from './resolve';
import { settleOwnLinks, taskIdLookup } from './resolve';

/** A task's predecessors as written, waiting for all projects to be known (one record per task, not per link). */
export interface PendingLink {
  task: Task;
  links: ParsedLink[];
  source: CellRef;
}

export interface TaskTable {
  tasks: Task[];
  /** Tasks whose links wait for every project to be read: links to other sheets, and links that raise an issue. */
  pending: PendingLink[];
}

const DATA_FIELDS: TaskField[] = ['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish', 'percent', 'budget', 'actualCost', 'predecessors', 'milestone'];

export function readTaskTable(ctx: SheetContext, projectId: string, cols: ColumnMap<TaskField>, from: number, to: number, skipRows: ReadonlySet<number>): TaskTable {
  const tasks: Task[] = [];
  const byId = new Map<string, Task>();
  // Most links name a task on an earlier row: those are settled on the spot, against the tasks read so far.
  const readSoFar: TaskIdLookup = (taskId) => (byId.has(taskId) ? taskId : undefined);
  const waiting: PendingLink[] = [];
  const used = Object.values(cols) as number[];
  const dataCols = DATA_FIELDS.map((f) => cols[f]).filter((c): c is number => c !== undefined);
  let seq = 0;
  for (let r = from; r < to; r++) {
    if (skipRows.has(r)) continue;
    if (!isTaskRow(ctx.rows[r], cols, used, dataCols)) continue;
    seq++;
    const id = taskId(ctx, r, cols, seq);
    // One lookup serves both the duplicate check and its message.
    const first = byId.get(id);
    if (first !== undefined) {
      ctx.add('error', 'DUPLICATE_TASK_ID', r, cols.id ?? cols.name ?? 0,
        `Task ID "${id}" is used twice (first on row ${first.row}); this row is left out. Give each task its own ID.`);
      continue;
    }
    const task = readTask(ctx, r, cols, projectId, id);
    byId.set(id, task);
    tasks.push(task);
    const c = cols.predecessors;
    const links = c === undefined ? null : readLinks(ctx, r, c, id);
    if (c === undefined || links === null) continue;
    const cell = ctx.addr(r, c);
    if (!settleOwnLinks(task, links, ctx.sheet, cell, readSoFar)) waiting.push({ task, links, source: { sheet: ctx.sheet, cell } });
  }
  // Links to later rows, or spelt in another case, are settled now that the whole table is known.
  const all = taskIdLookup(tasks, byId);
  const pending = waiting.filter((p) => !settleOwnLinks(p.task, p.links, p.source.sheet, p.source.cell, all));
  return { tasks, pending };
}

/**
 * A row with only a name, or only a label in the ID column ("Risk Register" above the next table), is a
 * heading or a note line: not a task. An ID and a name with nothing else yet is still a task.
 */
function isTaskRow(row: CellValue[] | undefined, cols: ColumnMap<TaskField>, used: readonly number[], dataCols: readonly number[]): row is CellValue[] {
  if (rowIsBlank(row, used) || !row) return false;
  if (!rowIsBlank(row, dataCols)) return true;
  return cols.id !== undefined && cols.name !== undefined && !isBlank(row[cols.id]) && !isBlank(row[cols.name]);
}

function taskId(ctx: SheetContext, r: number, cols: ColumnMap<TaskField>, seq: number): string {
  const id = ctx.text(r, cols.id, 'Task ID');
  if (id !== null) return id;
  // Without an ID column, tasks are numbered as MS Project numbers rows, so "12" still means the 12th task.
  if (cols.id !== undefined) ctx.add('info', 'TASK_ID_MISSING', r, cols.id, `Task on row ${ctx.sheetRow(r)} has no ID; it is numbered ${seq}. Give it an ID so predecessors can name it reliably.`);
  return String(seq);
}

/** One task row, its predecessors aside; raises its cell issues in column order, then the row-level checks. */
function readTask(ctx: SheetContext, r: number, cols: ColumnMap<TaskField>, projectId: string, id: string): Task {
  let name = ctx.text(r, cols.name, 'Task name');
  if (name === null) {
    ctx.add('warning', 'TASK_NAME_MISSING', r, cols.name ?? 0, `Task "${id}" on row ${ctx.sheetRow(r)} has no name. Enter a task name.`);
    name = `Task ${id}`;
  }
  const start = ctx.date(r, cols.start, 'Start');
  const finish = ctx.date(r, cols.finish, 'Finish');
  const baselineStart = ctx.date(r, cols.baselineStart, 'Baseline start');
  const baselineFinish = ctx.date(r, cols.baselineFinish, 'Baseline finish');
  const actualStart = ctx.date(r, cols.actualStart, 'Actual start');
  const actualFinish = ctx.date(r, cols.actualFinish, 'Actual finish');
  const percentComplete = ctx.percent(r, cols.percent, '% complete');
  const budget = ctx.money(r, cols.budget, 'Budget');
  const actualCost = ctx.money(r, cols.actualCost, 'Actual cost');
  const flag = milestoneFlag(ctx, r, cols.milestone);
  const zeroDuration = (start !== null && start === finish) || (start === null && finish === null && baselineStart !== null && baselineStart === baselineFinish);
  const task: Task = {
    key: `${projectId}:${id}`, projectId, id, name, row: ctx.sheetRow(r),
    source: { sheet: ctx.sheet, cell: ctx.addr(r, cols.name ?? 0) },
    isMilestone: flag || zeroDuration,
    baselineStart, baselineFinish, start, finish, actualStart, actualFinish, percentComplete, budget, actualCost,
    // Written as a literal inside this one: V8 then tracks the allocation site and, seeing that tasks live
    // as long as the model, allocates them straight into the old generation (measurably less GC copying).
    predecessors: [],
    owner: null, status: null, notes: null,
  };
  checkRow(ctx, r, cols, task);
  // Read after the checks so that their issues come first, as they always have.
  task.owner = ctx.text(r, cols.owner, 'Owner');
  task.status = ctx.text(r, cols.status, 'Status');
  task.notes = ctx.text(r, cols.notes, 'Notes');
  return task;
}

function milestoneFlag(ctx: SheetContext, r: number, c: number | undefined): boolean {
  if (c === undefined) return false;
  const f = parseFlag(ctx.value(r, c));
  if (f.kind === 'value') return f.value;
  if (f.kind === 'error') ctx.add('warning', 'EXCEL_ERROR', r, c, `Milestone flag shows the Excel error ${f.text}; it is read as "no".`);
  else if (f.kind === 'bad') ctx.add('info', 'FLAG_UNREADABLE', r, c, `Milestone flag "${f.text}" is not yes/no; it is read as "no". Use yes, y, x or 1.`);
  return false;
}

function checkRow(ctx: SheetContext, r: number, cols: ColumnMap<TaskField>, t: Task): void {
  const { id } = t;
  if (t.start !== null && t.finish !== null && t.finish < t.start) {
    ctx.add('warning', 'FINISH_BEFORE_START', r, cols.finish ?? 0, `Finish is before start for task "${id}". Correct one of the two dates.`);
  }
  if (t.baselineStart !== null && t.baselineFinish !== null && t.baselineFinish < t.baselineStart) {
    ctx.add('warning', 'FINISH_BEFORE_START', r, cols.baselineFinish ?? 0, `Baseline finish is before baseline start for task "${id}". Correct one of the two dates.`);
  }
  if (t.actualStart !== null && t.actualFinish !== null && t.actualFinish < t.actualStart) {
    ctx.add('warning', 'FINISH_BEFORE_START', r, cols.actualFinish ?? 0, `Actual finish is before actual start for task "${id}". Correct one of the two dates.`);
  }
  if (t.baselineFinish === null && cols.baselineFinish !== undefined) {
    ctx.add('info', 'BASELINE_MISSING', r, cols.baselineFinish, `Task "${id}" has no baseline finish, so its schedule variance is unavailable. Enter the baseline finish.`);
  }
  if (t.percentComplete !== null && t.percentComplete > 0 && t.actualStart === null && cols.actualStart !== undefined) {
    ctx.add('warning', 'PROGRESS_WITHOUT_ACTUAL_START', r, cols.actualStart,
      `Task "${id}" is ${Math.round(t.percentComplete * 100)} % complete but has no actual start. Enter the date work began.`);
  }
  if (t.actualCost !== null && t.actualCost !== 0 && (t.budget === null || t.budget === 0) && cols.actualCost !== undefined) {
    ctx.add('warning', 'ACTUAL_COST_NO_BUDGET', r, cols.actualCost, `Task "${id}" has actual cost but no budget, so its cost performance cannot be measured. Enter its budget.`);
  }
}

/** The links written in the predecessors cell (malformed ones become issues), or null when it holds none. */
function readLinks(ctx: SheetContext, r: number, c: number, id: string): ParsedLink[] | null {
  const text = ctx.text(r, c, 'Predecessors');
  if (text === null) return null;
  const parsed = parsePredecessorCell(text);
  for (const p of parsed) {
    if (!p.ok) ctx.add('error', 'PREDECESSOR_MALFORMED', r, c, `Predecessor "${p.text}" of task "${id}" cannot be read: ${p.reason}. Write it like 12, 12SS+2d or PLAT:12FS.`);
  }
  // The usual case (every part readable) is sized by map rather than grown by push: it is made for nearly every task.
  const links = parsed.every((p) => p.ok) ? parsed.map((p) => p.link) : parsed.filter((p) => p.ok).map((p) => p.link);
  return links.length > 0 ? links : null;
}
