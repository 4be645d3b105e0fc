/**
 * The task table: one task per non-blank row. Cross-sheet checks (predecessor targets) wait until every
 * sheet is read; row-level checks (finish before start, progress without actual start, ...) happen here.
 */
import type { CellRef, Task } from '../model';
import type { SheetContext } from './context';
import type { ColumnMap, TaskField } from './headers';
import type { ParsedLink } from './predecessors';
import { parsePredecessorCell } from './predecessors';
import { parseFlag } from './cells';
import { rowIsBlank } from './tables';

/** A task's predecessors as written, waiting for all projects to be known (one record per task, not per link). */
export interface PendingLink {
  task: Task;
  links: ParsedLink[];
  source: CellRef;
}

export interface TaskTable {
  tasks: Task[];
  pending: PendingLink[];
}

const DATA_FIELDS: TaskField[] = ['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish', 'percent', 'budget', 'actualCost', 'predecessors', 'milestone'];

export function readTaskTable(ctx: SheetContext, projectId: string, cols: ColumnMap<TaskField>, from: number, to: number, skipRows: ReadonlySet<number>): TaskTable {
  const tasks: Task[] = [];
  const pending: PendingLink[] = [];
  const byId = new Map<string, Task>();
  const used = Object.values(cols) as number[];
  const dataCols = DATA_FIELDS.map((f) => cols[f]).filter((c): c is number => c !== undefined);
  let seq = 0;
  for (let r = from; r < to; r++) {
    if (skipRows.has(r)) continue;
    const row = ctx.rows[r];
    if (rowIsBlank(row, used)) continue;
    // A row with only a name, or only a label in the ID column ("Risk Register" above the next table), is a
    // heading or a note line: not a task. An ID and a name with nothing else yet is still a task.
    if (rowIsBlank(row, dataCols) && (cols.id === undefined || cols.name === undefined || rowIsBlank(row, [cols.id]) || rowIsBlank(row, [cols.name]))) continue;
    seq++;
    let id = ctx.text(r, cols.id, 'Task ID');
    if (id === null) {
      // Without an ID column, tasks are numbered as MS Project numbers rows, so "12" still means the 12th task.
      if (cols.id !== undefined) ctx.add('info', 'TASK_ID_MISSING', r, cols.id, `Task on row ${ctx.sheetRow(r)} has no ID; it is numbered ${seq}. Give it an ID so predecessors can name it reliably.`);
      id = String(seq);
    }
    if (byId.has(id)) {
      ctx.add('error', 'DUPLICATE_TASK_ID', r, cols.id ?? cols.name ?? 0,
        `Task ID "${id}" is used twice (first on row ${byId.get(id)?.row ?? '?'}); this row is left out. Give each task its own ID.`);
      continue;
    }
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
    let flag = false;
    if (cols.milestone !== undefined) {
      const f = parseFlag(ctx.value(r, cols.milestone));
      if (f.kind === 'value') flag = f.value;
      else if (f.kind === 'error') ctx.add('warning', 'EXCEL_ERROR', r, cols.milestone, `Milestone flag shows the Excel error ${f.text}; it is read as "no".`);
      else if (f.kind === 'bad') ctx.add('info', 'FLAG_UNREADABLE', r, cols.milestone, `Milestone flag "${f.text}" is not yes/no; it is read as "no". Use yes, y, x or 1.`);
    }
    const zeroDuration = (start !== null && start === finish) || (start === null && finish === null && baselineStart !== null && baselineStart === baselineFinish);

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
    if (percentComplete !== null && percentComplete > 0 && actualStart === null && cols.actualStart !== undefined) {
      ctx.add('warning', 'PROGRESS_WITHOUT_ACTUAL_START', r, cols.actualStart,
        `Task "${id}" is ${Math.round(percentComplete * 100)} % complete but has no actual start. Enter the date work began.`);
    }
    if (actualCost !== null && actualCost !== 0 && (budget === null || budget === 0) && cols.actualCost !== undefined) {
      ctx.add('warning', 'ACTUAL_COST_NO_BUDGET', r, cols.actualCost, `Task "${id}" has actual cost but no budget, so its cost performance cannot be measured. Enter its budget.`);
    }

    const source: CellRef = { sheet: ctx.sheet, cell: ctx.addr(r, cols.name ?? 0) };
    const task: Task = {
      key: `${projectId}:${id}`, projectId, id, name, row: ctx.sheetRow(r), source,
      isMilestone: flag || zeroDuration,
      baselineStart, baselineFinish, start, finish, actualStart, actualFinish, percentComplete, budget, actualCost,
      predecessors: [],
      owner: ctx.text(r, cols.owner, 'Owner'),
      status: ctx.text(r, cols.status, 'Status'),
      notes: ctx.text(r, cols.notes, 'Notes'),
    };
    byId.set(id, task);
    tasks.push(task);

    const predText = ctx.text(r, cols.predecessors, 'Predecessors');
    if (predText !== null && cols.predecessors !== undefined) {
      const predCell: CellRef = { sheet: ctx.sheet, cell: ctx.addr(r, cols.predecessors) };
      const links: ParsedLink[] = [];
      for (const p of parsePredecessorCell(predText)) {
        if (!p.ok) {
          ctx.add('error', 'PREDECESSOR_MALFORMED', r, cols.predecessors, `Predecessor "${p.text}" of task "${id}" cannot be read: ${p.reason}. Write it like 12, 12SS+2d or PLAT:12FS.`);
          continue;
        }
        links.push(p.link);
      }
      if (links.length > 0) pending.push({ task, links, source: predCell });
    }
  }
  return { tasks, pending };
}
