/**
 * The task table: one task per non-blank row. Cross-sheet checks (predecessor targets) wait until every
 * sheet is read; row-level checks (finish before start, progress without actual start, ...) happen here.
 *
 * This runs once per task row of every sheet, so it is written to allocate little: per row only the task
 * itself and its predecessor links are made (addresses come from a cache, the column lists used to tell
 * task rows from other rows are built once per table).
 */
import type { CellValue } from '../grid';
import type { CellRef, LinkRef, Phase, Task } from '../model';
import type { SheetContext } from './context';
import type { ColumnMap, TaskField } from './headers';
import type { ParsedLink } from './predecessors';
import { BARE_LINK, bareLink, bareTaskNumber, mayHoldSeveral, parseOneLink, parsePredecessorCell } from './predecessors';
import { parseFlag } from './cells';
import { rowIsBlank } from './tables';
import type { TaskIdLookup } from './resolve';
import { ownLink, rememberTaskIds, settleOwnLinks, taskIdLookup } from './resolve';
import type { RowShape } from './outline';
import { buildOutline } from './outline';
import type { IdScheme } from './id-scheme';
import { chooseIdScheme } from './id-scheme';
import { MILESTONE_NAME } from './vocabulary';
import type { RowKind, TableOptions } from './row-kinds';
import { DATA_FIELDS, DATE_COLS, levelName, rowKind } from './row-kinds';
import { minOf } from '../arrays';

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
  /** Summary rows and section headings, kept out of the tasks. */
  phases: Phase[];
  /** Rows of the table not read as tasks, with why (1-based worksheet rows). */
  skippedRows: { row: number; reason: string }[];
  idScheme: IdScheme;
  notes: string[];
}

/** An outline code such as "1", "1.2" or "1.2.1" (a WBS number). */
const OUTLINE_CODE = /^\d+(\.\d+)*\.?$/;

export type { TableOptions } from './row-kinds';

export function readTaskTable(ctx: SheetContext, projectId: string, cols: ColumnMap<TaskField>, from: number, to: number, options: TableOptions = {}): TaskTable {
  const tasks: Task[] = [];
  // Null until a row shows outline evidence (a heading, a code, a level, an indent); see mayBeOutlined.
  let shapes: RowShape[] | null = null;
  // Set when a level comes from the column a name is written in (an outline by column), for the outline's note.
  let levelsByColumn = false;
  const skippedRows: TaskTable['skippedRows'] = [];
  const byId = new Map<string, Task>();
  // Most links name a task on an earlier row: those are settled on the spot, against the tasks read so far.
  const readSoFar: TaskIdLookup = (taskId) => (byId.has(taskId) ? taskId : undefined);
  const waiting: PendingLink[] = [];
  // Unheaded columns left of the table count too: a phase title may sit there ("Inception" in A, tasks in B).
  const mapped = [...(Object.values(cols) as number[]), ...(options.nameColumns ?? [])];
  const leftmost = mapped.length === 0 ? 0 : minOf(mapped, Number.MAX_SAFE_INTEGER);
  const used = [...mapped, ...Array.from({ length: leftmost }, (_, c) => c)];
  const dataCols = [...DATA_FIELDS.map((f) => cols[f]), ...Object.values(options.fallbacks ?? {})].filter((c): c is number => c !== undefined);
  const dateCols = [...DATE_COLS.map((f) => cols[f]), ...Object.values(options.fallbacks ?? {})].filter((c): c is number => c !== undefined);
  // Pass 1: what each row is. The ID scheme needs every task row before any task is made. The task rows and
  // their numbers go into arrays made at full size once, outside the JS heap (grown by push, each would be
  // copied several times over); the rare section headings are kept apart, so pass 2 needs no record per row.
  const size = Math.max(0, to - from);
  const allRows = new Int32Array(size);
  const allSeqs = new Int32Array(size);
  let taskCount = 0;
  const headings: { r: number; seq: number; kind: RowKind & { kind: 'heading' } }[] = [];
  let seq = 0;
  for (let r = from; r < to; r++) {
    if (options.rowFilter !== undefined && !options.rowFilter(r)) continue;
    const row = ctx.rows[r];
    if (rowIsBlank(row, used) || !row) continue;
    const kind = rowKind(row, cols, dataCols, dateCols, options);
    if (kind.kind === 'end') {
      for (let k = r; k < to; k++) if (!rowIsBlank(ctx.rows[k], used)) skippedRows.push({ row: ctx.sheetRow(k), reason: kind.reason });
      break;
    }
    if (kind.kind === 'skip') skippedRows.push({ row: ctx.sheetRow(r), reason: kind.reason });
    else {
      seq++;
      if (kind.kind === 'task') {
        allRows[taskCount] = r;
        allSeqs[taskCount++] = seq;
      } else headings.push({ r, seq, kind });
    }
  }
  const taskRows = allRows.subarray(0, taskCount);
  const seqs = allSeqs.subarray(0, taskCount);
  const choice = chooseIdScheme(ctx, cols, taskRows, seqs);
  const idCol = choice.scheme === 'column' ? cols.id : choice.scheme === 'wbs' ? cols.wbs : undefined;
  const notes: string[] = [];
  if (choice.note !== null) notes.push(choice.note);
  if (choice.ambiguous && cols.predecessors !== undefined && taskRows.length > 0) {
    ctx.add('warning', 'LINK_NUMBERING_AMBIGUOUS', taskRows[0] - 1 >= from ? taskRows[0] - 1 : taskRows[0], cols.predecessors, choice.note ?? '');
  }

  // The IDs the rows give themselves, gathered only if a row lacks one (so its number cannot clash).
  let ownIds: Set<string> | null = null;
  const explicitIds = (): ReadonlySet<string> => {
    if (ownIds === null) {
      ownIds = new Set<string>();
      for (const r of taskRows) {
        const v = idCol === undefined ? undefined : ctx.value(r, idCol);
        if (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) ownIds.add(String(v).trim());
      }
    }
    return ownIds;
  };

  // Pass 2: the tasks, and the section headings in their places among them.
  let h = 0;
  const heading = (x: (typeof headings)[number]): void => {
    if (shapes === null) shapes = flatShapes(ctx, tasks, tasks.length, cols);
    shapes.push({ kind: 'heading', r: x.r, name: x.kind.name ?? ctx.text(x.r, cols.name, 'Task name') ?? '', seq: x.seq });
  };
  for (let i = 0; i < taskCount; i++) {
    const r = taskRows[i];
    const seq = seqs[i];
    while (h < headings.length && headings[h].r < r) heading(headings[h++]);
    const id = choice.scheme === 'row-order' ? String(seq) : choice.scheme === 'sheet-row' ? String(ctx.sheetRow(r)) : taskId(ctx, r, idCol, seq, explicitIds);
    // One lookup serves both the duplicate check and its message.
    const first = byId.get(id);
    if (first !== undefined) {
      ctx.add('error', 'DUPLICATE_TASK_ID', r, idCol ?? cols.name ?? 0,
        `Task ID "${id}" is used twice (first on row ${first.row}); this row is left out. Give each task its own ID.`);
      continue;
    }
    const level = options.nameColumns !== undefined ? levelName(ctx.rows[r], options.nameColumns) : null;
    const rowCols = level !== null && level.col !== cols.name ? { ...cols, name: level.col } : cols;
    const task = readTask(ctx, r, rowCols, projectId, id, readSoFar, waiting, options.allMilestones === true);
    byId.set(id, task);
    tasks.push(task);
    // The outline's view of the row is made only for tables that may have an outline (below): most have none,
    // and a record per task would cost every flat table its allocation.
    if (shapes !== null || mayBeOutlined(ctx, r, rowCols, id) || level !== null) {
      if (shapes === null) shapes = flatShapes(ctx, tasks, tasks.length - 1, cols);
      const shape = shapeOf(ctx, r, rowCols, id, task);
      if (level !== null && shape.kind === 'task' && shape.level === null) {
        shape.level = level.level;
        levelsByColumn = true;
      }
      shapes.push(shape);
    }
  }
  while (h < headings.length) heading(headings[h++]);
  // Links to later rows, or spelt in another case, are settled now that the whole table is known.
  const all = taskIdLookup(tasks, byId);
  const pending: PendingLink[] = [];
  for (const p of waiting) {
    const settled = settleOwnLinks(p.task.projectId, p.task.id, p.links, p.source.sheet, p.source.cell, all);
    if (settled !== null) p.task.predecessors = settled;
    else pending.push(p);
  }
  const dropped: number[] = [];
  // A flat table may still hold summary rows made of dates alone (a row spanning exactly the rows below it).
  if (shapes === null && options.nameColumns === undefined && mayHoldSpans(tasks)) shapes = flatShapes(ctx, tasks, tasks.length, cols);
  const outline = shapes === null ? { phases: [], summaryIds: new Set<string>() } : buildOutline(ctx, shapes, notes, dropped, options.nameColumns === undefined, levelsByColumn);
  for (const row of dropped) skippedRows.push({ row, reason: 'lines of text with no task below them' });
  skippedRows.sort((a, b) => a.row - b.row);
  const leaves = outline.summaryIds.size === 0 ? tasks : tasks.filter((t) => !outline.summaryIds.has(t.id));
  // byId holds exactly the IDs of these tasks (duplicates were left out of both): resolveLinks may use it.
  if (leaves === tasks) rememberTaskIds(tasks, byId);
  return { tasks: leaves, pending: pending.filter((p) => !outline.summaryIds.has(p.task.id)), phases: outline.phases, skippedRows, idScheme: choice.scheme, notes };
}

const isSpace = (code: number): boolean => code === 32 || code === 0x3000 || code === 160;

/** Whether a task row shows any outline evidence: a WBS/level/summary column, a dotted ID, an indented or glyph name. */
function mayBeOutlined(ctx: SheetContext, r: number, cols: ColumnMap<TaskField>, id: string): boolean {
  if (cols.wbs !== undefined || cols.outlineLevel !== undefined || cols.summary !== undefined || id.includes('.')) return true;
  const name = cols.name === undefined ? undefined : ctx.value(r, cols.name);
  if (typeof name !== 'string') return false;
  const c0 = name.charCodeAt(0);
  return c0 === 32 || c0 === 0x3000 || c0 === 160 || name.length <= 2;
}

/** Whether any task's dates contain the next task's: without that, dates alone make no summary row. */
function mayHoldSpans(tasks: readonly Task[]): boolean {
  for (let i = 0; i + 1 < tasks.length; i++) {
    const a = tasks[i];
    const b = tasks[i + 1];
    const as = a.start ?? a.baselineStart;
    const af = a.finish ?? a.baselineFinish;
    const bs = b.start ?? b.baselineStart;
    const bf = b.finish ?? b.baselineFinish;
    if (as !== null && af !== null && bs !== null && bf !== null && bs >= as && bf <= af && af > as) return true;
  }
  return false;
}

/** The outline's view of the tasks read so far, made when the table turns out to need it. */
function flatShapes(ctx: SheetContext, tasks: readonly Task[], count: number, cols: ColumnMap<TaskField>): RowShape[] {
  // A task's grid row from its worksheet row (sheetRow(r) is r + sheetRow(0)).
  const first = ctx.sheetRow(0);
  const out: RowShape[] = [];
  for (let i = 0; i < count; i++) out.push(shapeOf(ctx, tasks[i].row - first, cols, tasks[i].id, tasks[i]));
  return out;
}

/** What the outline needs of a task row: its code, level, summary flag and indentation. */
function shapeOf(ctx: SheetContext, r: number, cols: ColumnMap<TaskField>, id: string, task: Task): RowShape {
  // Runs for every task: each part is looked at only when its column exists (most sheets have none of them).
  let code: string | null = null;
  if (cols.wbs !== undefined) {
    const wbs = ctx.text(r, cols.wbs, 'WBS');
    code = wbs !== null && OUTLINE_CODE.test(wbs) ? wbs : null;
  } else if (cols.id !== undefined && id.includes('.') && OUTLINE_CODE.test(id)) code = id; // "12" is no outline code
  if (code !== null && code.endsWith('.')) code = code.slice(0, -1);
  let level: number | null = null;
  if (cols.outlineLevel !== undefined) {
    const v = ctx.value(r, cols.outlineLevel);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100) level = v;
    else if (typeof v === 'string' && /^\s*\d{1,2}\s*$/.test(v)) level = Number(v);
  }
  let summary: boolean | null = null;
  if (cols.summary !== undefined) {
    const flag = parseFlag(ctx.value(r, cols.summary));
    if (flag.kind === 'value') summary = flag.value;
  }
  let indent = 0;
  const rawName = cols.name === undefined ? undefined : ctx.value(r, cols.name);
  if (typeof rawName === 'string') {
    const spaced = isSpace(rawName.charCodeAt(0));
    // A sub-row written one column to the right of an elbow glyph sits one level deeper than any indent.
    if ((spaced || rawName.length <= 2) && subRowName(ctx, r, cols) !== null) indent = 1000;
    else if (spaced) while (indent < rawName.length && isSpace(rawName.charCodeAt(indent))) indent++;
  }
  return { kind: 'task', r, task, code, level, summary, indent };
}

function taskId(ctx: SheetContext, r: number, idCol: number | undefined, seq: number, explicitIds: () => ReadonlySet<string>): string {
  const id = ctx.text(r, idCol, 'Task ID');
  if (id !== null) return id;
  // Without an ID, a task is numbered as MS Project numbers rows, so "12" still means the 12th task; unless
  // another row's own ID is that number (WBS "1" above an uncoded milestone), then it takes its sheet row.
  let own = String(seq);
  if (idCol !== undefined && explicitIds().has(own)) own = `row ${ctx.sheetRow(r)}`;
  if (idCol !== undefined) ctx.add('info', 'TASK_ID_MISSING', r, idCol, `Task on row ${ctx.sheetRow(r)} has no ID; it is numbered ${own}. Give it an ID so predecessors can name it reliably.`);
  return own;
}

/**
 * One task row. Issues come out in the order they always have: its cells left to right, the row-level
 * checks, then its predecessors. The predecessors are read before the task object is made, so that the task
 * is made once with its final array; links that cannot be settled yet are added to `waiting`.
 */
/** Elbow glyphs some templates put in the name column of a sub-row, with the name one column to the right. */
const SUB_ROW_GLYPHS = new Set(['L', '└', '├', '↳', '→', '»', '>', '•', '·', '*']);

/** The sub-row's name to the right of an elbow glyph ("L | Montaje de placa"), or null for an ordinary row. */
function subRowName(ctx: SheetContext, r: number, cols: ColumnMap<TaskField>): string | null {
  const c = cols.name;
  if (c === undefined) return null;
  const v = ctx.value(r, c);
  // Every glyph is one character: a name of any other length (trimmed) is not looked up.
  if (typeof v !== 'string' || v.length === 0) return null;
  const t = v.length === 1 ? v : v.trim();
  if (t.length !== 1 || !SUB_ROW_GLYPHS.has(t)) return null;
  const right = ctx.value(r, c + 1);
  return typeof right === 'string' && right.trim().length >= 3 ? right.trim() : null;
}

function readTask(ctx: SheetContext, r: number, cols: ColumnMap<TaskField>, projectId: string, id: string, readSoFar: TaskIdLookup, waiting: PendingLink[], allMilestones: boolean): Task {
  let name = subRowName(ctx, r, cols) ?? ctx.text(r, cols.name, 'Task name');
  if (name === null) {
    ctx.add('warning', 'TASK_NAME_MISSING', r, cols.name ?? 0, `Task "${id}" on row ${ctx.sheetRow(r)} has no name. Enter a task name.`);
    name = `Task ${id}`;
  }
  let start = ctx.date(r, cols.start, 'Start');
  let finish = ctx.date(r, cols.finish, 'Finish');
  if (cols.dates !== undefined && start === null && finish === null) ({ start, finish } = ctx.dateRange(r, cols.dates, 'Date'));
  const baselineStart = ctx.date(r, cols.baselineStart, 'Baseline start');
  const baselineFinish = ctx.date(r, cols.baselineFinish, 'Baseline finish');
  const actualStart = ctx.date(r, cols.actualStart, 'Actual start');
  const actualFinish = ctx.date(r, cols.actualFinish, 'Actual finish');
  const percentComplete = ctx.percent(r, cols.percent, '% complete');
  const budget = ctx.money(r, cols.budget, 'Budget');
  const actualCost = ctx.money(r, cols.actualCost, 'Actual cost');
  const flag = allMilestones || milestoneFlag(ctx, r, cols.milestone) || (start !== null && start === finish && MILESTONE_NAME.test(name));
  // A milestone has zero duration: a one-day task (start = finish) is not one unless its Duration says 0.
  const zeroDuration = cols.duration !== undefined && durationDays(ctx.value(r, cols.duration)) === 0;
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

/** Days of a Duration cell: 5, "5 days", "0d", "3 Tage", "2 jours", "0 días", "1w", "0日"; null when unreadable. */
export function durationDays(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*\??\s*([a-zA-Zäéíóúà\u3040-\u30ff\u4e00-\u9fff]*)\.?\s*\??\s*$/.exec(v);
  if (!m) return null;
  const n = Number(m[1].replace(',', '.'));
  const unit = m[2].toLowerCase();
  if (unit.startsWith('w') || unit.startsWith('sem') || unit === '週') return n * 5;
  if (unit.startsWith('h') || unit.startsWith('std') || unit === '時間') return n / 8;
  if (unit.startsWith('mo') || unit === 'mon' || unit === 'ヶ月') return n * 20;
  return n;
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
