/**
 * The task table: one task per non-blank row. Cross-sheet checks (predecessor targets) wait until every
 * sheet is read; row-level checks (finish before start, progress without actual start, ...) happen here.
 *
 * This runs once per task row of every sheet, so it is written to allocate little: per row only the task
 * itself and its predecessor links are made (addresses come from a cache, the column lists used to tell
 * task rows from other rows are built once per table).
 */
import type { CellValue } from '../grid';
import type { CellRef, LinkRef, Task } from '../model';
import type { SheetContext } from './context';
import type { ColumnMap, TaskField } from './headers';
import type { ParsedLink } from './predecessors';
import { BARE_LINK, bareLink, bareTaskNumber, mayHoldSeveral, parseOneLink, parsePredecessorCell } from './predecessors';
import { isBlank, parseFlag } from './cells';
import { rowIsBlank } from './tables';
import type { TaskIdLookup } from './resolve';
import { ownLink, settleOwnLinks, taskIdLookup } from './resolve';

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
    const task = readTask(ctx, r, cols, projectId, id, readSoFar, waiting);
    byId.set(id, task);
    tasks.push(task);
  }
  // Links to later rows, or spelt in another case, are settled now that the whole table is known.
  const all = taskIdLookup(tasks, byId);
  const pending: PendingLink[] = [];
  for (const p of waiting) {
    const settled = settleOwnLinks(p.task.projectId, p.task.id, p.links, p.source.sheet, p.source.cell, all);
    if (settled !== null) p.task.predecessors = settled;
    else pending.push(p);
  }
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

/**
 * One task row. Issues come out in the order they always have: its cells left to right, the row-level
 * checks, then its predecessors. The predecessors are read before the task object is made, so that the task
 * is made once with its final array; links that cannot be settled yet are added to `waiting`.
 */
function readTask(ctx: SheetContext, r: number, cols: ColumnMap<TaskField>, projectId: string, id: string, readSoFar: TaskIdLookup, waiting: PendingLink[]): Task {
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
  checkDates(ctx, r, cols, id, start, finish, baselineStart, baselineFinish, actualStart, actualFinish);
  checkProgress(ctx, r, cols, id, percentComplete, actualStart, budget, actualCost);
  const owner = ctx.text(r, cols.owner, 'Owner');
  const status = ctx.text(r, cols.status, 'Status');
  const notes = ctx.text(r, cols.notes, 'Notes');
  const links = cols.predecessors === undefined ? null : readPredecessors(ctx, r, cols.predecessors, projectId, id, readSoFar);
  const task: Task = {
    key: `${projectId}:${id}`, projectId, id, name, row: ctx.sheetRow(r),
    // A literal inside this one: V8 then tracks the allocation site and, seeing that tasks live as long as
    // the model, allocates them straight into the old generation rather than copying them there.
    source: { sheet: ctx.sheet, cell: ctx.addr(r, cols.name ?? 0) },
    isMilestone: flag || zeroDuration,
    baselineStart, baselineFinish, start, finish, actualStart, actualFinish,
    // Set just below rather than here. Created as null, these fields stay "tagged" in V8, so a number read
    // from the grid is stored as it is; created with a fraction (0.25), V8 would give every task its own
    // boxed copy of each, some 5 % of the model's memory.
    percentComplete: null, budget: null, actualCost: null,
    predecessors: Array.isArray(links) ? links : [],
    owner, status, notes,
  };
  task.percentComplete = percentComplete;
  task.budget = budget;
  task.actualCost = actualCost;
  if (links !== null && !Array.isArray(links)) waiting.push({ task, links: links.links, source: { sheet: ctx.sheet, cell: links.cell } });
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

/** Finish before start, for the forecast, baseline and actual dates; a missing baseline finish. */
function checkDates(ctx: SheetContext, r: number, cols: ColumnMap<TaskField>, id: string, start: number | null, finish: number | null,
  baselineStart: number | null, baselineFinish: number | null, actualStart: number | null, actualFinish: number | null): void {
  if (start !== null && finish !== null && finish < start) {
    ctx.add('warning', 'FINISH_BEFORE_START', r, cols.finish ?? 0, `Finish is before start for task "${id}". Correct one of the two dates.`);
  }
  if (baselineStart !== null && baselineFinish !== null && baselineFinish < baselineStart) {
    ctx.add('warning', 'FINISH_BEFORE_START', r, cols.baselineFinish ?? 0, `Baseline finish is before baseline start for task "${id}". Correct one of the two dates.`);
  }
  if (actualStart !== null && actualFinish !== null && actualFinish < actualStart) {
    ctx.add('warning', 'FINISH_BEFORE_START', r, cols.actualFinish ?? 0, `Actual finish is before actual start for task "${id}". Correct one of the two dates.`);
  }
  if (baselineFinish === null && cols.baselineFinish !== undefined) {
    ctx.add('info', 'BASELINE_MISSING', r, cols.baselineFinish, `Task "${id}" has no baseline finish, so its schedule variance is unavailable. Enter the baseline finish.`);
  }
}

/** Progress without an actual start; actual cost without a budget. */
function checkProgress(ctx: SheetContext, r: number, cols: ColumnMap<TaskField>, id: string, percent: number | null, actualStart: number | null,
  budget: number | null, actualCost: number | null): void {
  if (percent !== null && percent > 0 && actualStart === null && cols.actualStart !== undefined) {
    ctx.add('warning', 'PROGRESS_WITHOUT_ACTUAL_START', r, cols.actualStart,
      `Task "${id}" is ${Math.round(percent * 100)} % complete but has no actual start. Enter the date work began.`);
  }
  if (actualCost !== null && actualCost !== 0 && (budget === null || budget === 0) && cols.actualCost !== undefined) {
    ctx.add('warning', 'ACTUAL_COST_NO_BUDGET', r, cols.actualCost, `Task "${id}" has actual cost but no budget, so its cost performance cannot be measured. Enter its budget.`);
  }
}

/** Links of a predecessors cell that must wait for resolveLinks, with the cell they are written in. */
interface UnsettledLinks {
  links: ParsedLink[];
  cell: string;
}

/**
 * The predecessors cell of a task row (malformed links become issues): its links in model form when they
 * can be settled now (see settleOwnLinks), the parsed links when they must wait, or null when it names none.
 */
function readPredecessors(ctx: SheetContext, r: number, c: number, projectId: string, id: string, readSoFar: TaskIdLookup): LinkRef[] | UnsettledLinks | null {
  const text = ctx.text(r, c, 'Predecessors');
  if (text === null) return null;
  const cell = ctx.addr(r, c);
  // A bare task number, the usual cell, needs neither the general parser nor its intermediate records.
  const bare = bareTaskNumber(text);
  if (bare !== null) {
    const ref = ownLink(projectId, id, bare, BARE_LINK, bare, ctx.sheet, cell, readSoFar);
    return ref !== null ? [ref] : { links: [bareLink(bare)], cell };
  }
  // One link (no separator or quote), the next most usual, needs no splitting and no arrays of parts.
  if (!mayHoldSeveral(text)) {
    const one = parseOneLink(text);
    if (!one.ok) {
      malformed(ctx, r, c, id, one);
      return null;
    }
    const { link } = one;
    const ref = link.project === null ? ownLink(projectId, id, link.task, link, link.text, ctx.sheet, cell, readSoFar) : null;
    return ref !== null ? [ref] : { links: [link], cell };
  }
  const parsed = parsePredecessorCell(text);
  for (const p of parsed) if (!p.ok) malformed(ctx, r, c, id, p);
  const links = parsed.filter((p) => p.ok).map((p) => p.link);
  if (links.length === 0) return null;
  return settleOwnLinks(projectId, id, links, ctx.sheet, cell, readSoFar) ?? { links, cell };
}

function malformed(ctx: SheetContext, r: number, c: number, id: string, p: { text: string; reason: string }): void {
  ctx.add('error', 'PREDECESSOR_MALFORMED', r, c, `Predecessor "${p.text}" of task "${id}" cannot be read: ${p.reason}. Write it like 12, 12SS+2d or PLAT:12FS.`);
}
