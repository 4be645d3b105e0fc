/**
 * Group title rows: one task table split into groups, each introduced by a title row ("中央線（R8-1）管路更生
 *工事　山田建設", "Project Falcon"), read as several projects when the groups look like projects, else left to
 * the outline as phases (section headings, summary rows).
 *
 * A title row is either
 *   - a heading: a name (or a text left of the name column) with no ID, no date and no percent, or
 *   - a coded title: an integer code ("1", "2") whose next row's code extends it ("1-1", "1.1"); such a row may
 *     carry the group's own manager, dates and progress.
 * The groups are projects, not phases, only on evidence:
 *   - the sheet says it lists projects (its name, a title cell above the table, or the name heading: "Projects",
 *     "per project", "プロジェクト単位", "案件一覧", ...), or
 *   - task IDs restart in each group (each group numbers its tasks 1, 2, 3: one project would clash), or
 *   - the header row repeats below each title (each group is a table of its own).
 *
 * Cost: nothing for most sheets. The table is first read as one project; only when that reading shows a sign of
 * groups (mayHoldGroups) are the rows looked at again for title rows, and read again by group if they split it.
 */
import type { CellValue } from '../grid';
import type { SheetContext } from './context';
import type { TaskHeader } from './task-header';
import { isBlank } from './cells';
import { DATE_COLS, REPEATED_HEADER, repeatedHeaderTest } from './row-kinds';
import type { TaskTable } from './tasks';

export interface TitleGroup {
  /** Grid row of the title row (-1 for the rows above the first title, named by the sheet's title). */
  titleRow: number;
  name: string;
  /** Manager named on the title row (its Owner cell), if any. */
  manager: string | null;
  /** Grid rows of the group's tasks, [from, to). */
  from: number;
  to: number;
}

export interface TitleGroups {
  /** The groups, each read as a project; null when the sheet is read as one project. */
  groups: TitleGroup[] | null;
  /** How the title rows were read and why, for the sheet's reading; null when the sheet has none. */
  note: string | null;
}

const NONE: TitleGroups = { groups: null, note: null };

/** Words that say a sheet lists several projects ("Projects", "per project", "プロジェクト単位", "案件一覧"). */
const PER_PROJECT = new RegExp([
  '(?<!\\p{L})(projects|projekte|projets|proyectos|projetos|progetti|projecten|projekty|проекты|portfolio)(?!\\p{L})',
  '(?<!\\p{L})(per|by|each|all|je|pro|par|por|per ogni|по)[ -](project|projekt|projet|proyecto|projeto|progetto|проекту|проектам)(?!\\p{L})',
  '(?<!\\p{L})project (list|overview|portfolio)(?!\\p{L})', 'projektübersicht|projektliste|multi-?project',
  '(プロジェクト|案件|工事)(単位|別|毎|ごと|一覧)', '(各|多|按)项目|项目(列表|清单|一览)|各專案|專案(列表|清單)',
].join('|'), 'iu');

/** A task code: "12", "A-3", "T.1.2", "WP_04". */
const CODE = /^[A-Za-z]{0,4}[-_.]?\d+([-_.]\d+)*\.?$/;

const text = (v: CellValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** The integer a code cell holds ("3", 3), or -1. */
function integerCode(v: CellValue | undefined): number {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v < 10000 ? v : -1;
  if (typeof v !== 'string' || v.length === 0 || v.length > 4) return -1;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Whether a code cell extends the integer n ("3-1", "3.1", "3_2" for 3), read by character codes. */
function extendsCode(v: CellValue | undefined, n: number): boolean {
  if (typeof v !== 'string') return false;
  const s = v.trim();
  let i = 0;
  let k = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) k = k * 10 + s.charCodeAt(i++) - 48;
  if (i === 0 || k !== n || i + 1 >= s.length) return false;
  const sep = s[i];
  return (sep === '-' || sep === '.' || sep === '_' || sep === '－' || sep === '‐') && /^\d/.test(s.slice(i + 1));
}

interface Title {
  r: number;
  name: string;
}

/**
 * The groups of a task table, or none. `from`..`to` are the table's body rows; `sheetTitle` is the title the
 * metadata found above the table (names the rows before the first title when the header repeats per group).
 */
export function findTitleGroups(ctx: SheetContext, header: TaskHeader, from: number, to: number, sheetTitle: string | null): TitleGroups {
  const cols = header.cols;
  const nameCol = cols.name;
  if (nameCol === undefined || header.nameColumns !== undefined || cols.project !== undefined) return NONE;
  const idCol = cols.id ?? cols.wbs;
  const dateCols = DATE_COLS.map((f) => cols[f]).filter((c): c is number => c !== undefined);
  if (cols.percent !== undefined) dateCols.push(cols.percent);
  const leftmost = Math.min(...(Object.values(cols) as number[]));
  const repeats = repeatedHeaderTest(header);
  const isRepeat = (row: readonly CellValue[] | undefined): boolean => row !== undefined && repeats(row);

  // Coded titles, when there are any, are the groups; headings among them are then sections of a group.
  const coded: Title[] = [];
  const headings: Title[] = [];
  for (let r = from; r < to; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    const t = titleOf(ctx, row, r, to, nameCol, idCol, dateCols, leftmost);
    if (t === null) continue;
    if (t.coded && t.name !== null) coded.push({ r, name: t.name });
    else if (!t.coded && t.name !== null) headings.push({ r, name: t.name });
  }
  const titles = coded.length >= 2 ? coded : headings;
  if (titles.length === 0) return NONE;
  let taskBeforeFirst = false;
  for (let r = from; r < titles[0].r && !taskBeforeFirst; r++) {
    const row = ctx.rows[r];
    taskBeforeFirst = Array.isArray(row) && !isRepeat(row) && (text(row[nameCol]) !== null || (idCol !== undefined && !isBlank(row[idCol])));
  }
  // The header repeated just below each title: each group is a table of its own.
  const headerRepeats = header.headings.name !== undefined && titles.every((t) => isRepeat(ctx.rows[nextFilled(ctx, t.r + 1, to)]));
  if (titles.length < 2 && !(taskBeforeFirst && headerRepeats)) return NONE;
  const groups: TitleGroup[] = [];
  if (taskBeforeFirst) {
    // Tasks above the first title belong to no group, unless the header repeats: then they are the first table.
    if (!headerRepeats) return NONE;
    groups.push({ titleRow: -1, name: sheetTitle ?? ctx.sheet, manager: null, from, to: titles[0].r });
  }
  titles.forEach((t, i) => {
    const manager = text(ctx.value(t.r, cols.owner));
    groups.push({ titleRow: t.r, name: t.name, manager, from: t.r + 1, to: i + 1 < titles.length ? titles[i + 1].r : to });
  });
  // Titles without tasks of their own are headings nested in some other way: not groups of this kind.
  if (groups.some((g) => !hasTask(ctx, g, nameCol, isRepeat))) return NONE;

  const evidence = headerRepeats ? 'the header row repeats below each title'
    : sheetSaysProjects(ctx, header, from) ?? (idCol === undefined ? null : idsRestart(ctx, groups, idCol, nameCol));
  if (evidence === null) {
    return { groups: null, note: phasesNote(ctx, titles, 'nothing says they are projects (the sheet does not say it lists projects, task IDs do not restart per group, the header does not repeat per group)') };
  }
  const rows = listRows(ctx, titles);
  return { groups, note: `${rows} are group title rows: each group is read as its own project, named by its title row, because ${evidence}.` };
}

/**
 * Whether a first reading of the table as one project shows a sign of group title rows: two phases or more,
 * task IDs used twice (numbering restarts), the header repeated, or words saying the sheet lists projects.
 * Cheap (the table is already read): the rows are looked at again only for the sheets that show one.
 */
export function mayHoldGroups(ctx: SheetContext, header: TaskHeader, from: number, table: Pick<TaskTable, 'phases' | 'skippedRows'>, issuesFrom: number): boolean {
  if (header.cols.name === undefined || header.nameColumns !== undefined || header.cols.project !== undefined) return false;
  if (table.phases.length >= 2) return true;
  for (let i = issuesFrom; i < ctx.issues.length; i++) if (ctx.issues[i].code === 'DUPLICATE_TASK_ID') return true;
  for (const s of table.skippedRows) if (s.reason === REPEATED_HEADER) return true;
  return sheetSaysProjects(ctx, header, from) !== null;
}

/** The title a row holds, or null when it is no title row. */
function titleOf(ctx: SheetContext, row: readonly CellValue[], r: number, to: number, nameCol: number, idCol: number | undefined,
  dateCols: readonly number[], leftmost: number): { name: string | null; coded: boolean } | null {
  const idValue = idCol === undefined ? undefined : row[idCol];
  const name = row[nameCol];
  // A coded title: "3" above "3-1".
  const n = integerCode(idValue);
  if (n >= 0) {
    // Most numbered tables number every row: a number on the next row rules the title out at once.
    if (typeof ctx.rows[r + 1]?.[idCol as number] === 'number') return null;
    const next = nextFilled(ctx, r + 1, to);
    return next < to && extendsCode(ctx.value(next, idCol), n) ? { name: text(name), coded: true } : null;
  }
  if (idCol !== undefined && !isBlank(idValue)) {
    // A title written in the ID column, alone on its row ("Beta Programme" in A); a code alone ("3-3") is none.
    if (!onlyCell(row, idCol)) return null;
    const t = text(idValue);
    return t !== null && t.length >= 3 && t.length <= 120 && !CODE.test(t) ? { name: t, coded: false } : null;
  }
  for (const c of dateCols) if (!isBlank(row[c])) return null;
  const title = text(name);
  if (title !== null) return title.length <= 120 ? { name: title, coded: false } : null;
  // A title left of the table's columns ("Project Falcon" in A, names in C), alone on its row.
  for (let c = 0; c < leftmost; c++) {
    const t = text(row[c]);
    if (t !== null) return t.length <= 120 && onlyCell(row, c) ? { name: t, coded: false } : null;
  }
  return null;
}

function onlyCell(row: readonly CellValue[], c: number): boolean {
  for (let k = 0; k < row.length; k++) if (k !== c && !isBlank(row[k])) return false;
  return true;
}

function nextFilled(ctx: SheetContext, r: number, to: number): number {
  let k = r;
  while (k < to && rowBlank(ctx.rows[k])) k++;
  return k;
}

function rowBlank(row: readonly CellValue[] | undefined): boolean {
  if (!Array.isArray(row)) return true;
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

function hasTask(ctx: SheetContext, g: TitleGroup, nameCol: number, isRepeat: (row: readonly CellValue[] | undefined) => boolean): boolean {
  for (let r = g.from; r < g.to; r++) if (text(ctx.value(r, nameCol)) !== null && !isRepeat(ctx.rows[r])) return true;
  return false;
}

/** The words above the table (sheet name, title cells, the name heading) that say it lists projects, quoted. */
function sheetSaysProjects(ctx: SheetContext, header: TaskHeader, from: number): string | null {
  if (PER_PROJECT.test(ctx.sheet)) return `the sheet's name says it lists projects ("${ctx.sheet}")`;
  const top = Math.min(header.topRow ?? header.row, from);
  for (let r = 0; r < top; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < Math.min(row.length, 40); c++) {
      const t = text(row[c]);
      if (t !== null && t.length <= 80 && PER_PROJECT.test(t)) return `its title says it lists projects ("${t}")`;
    }
  }
  const heading = header.headings.name;
  return heading !== undefined && PER_PROJECT.test(heading) ? `the name column is headed "${heading}"` : null;
}

/** Task IDs that repeat across groups while unique within each: every group numbers its own tasks. */
function idsRestart(ctx: SheetContext, groups: readonly TitleGroup[], idCol: number, nameCol: number): string | null {
  const owner = new Map<string, number>();
  let shared = 0;
  for (let i = 0; i < groups.length; i++) {
    const seen = new Set<string>();
    for (let r = groups[i].from; r < groups[i].to; r++) {
      const v = ctx.value(r, idCol);
      if (isBlank(v) || text(ctx.value(r, nameCol)) === null) continue;
      const id = String(v).trim();
      if (seen.has(id)) return null;
      seen.add(id);
      const first = owner.get(id);
      if (first === undefined) owner.set(id, i);
      else if (first !== i) shared++;
    }
  }
  return shared >= 2 ? 'task IDs restart in each group' : null;
}

function listRows(ctx: SheetContext, titles: readonly Title[]): string {
  const rows = titles.map((t) => String(ctx.sheetRow(t.r)));
  return `Rows ${rows.length > 1 ? `${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}` : rows[0]}`;
}

function phasesNote(ctx: SheetContext, titles: readonly Title[], why: string): string {
  return `${listRows(ctx, titles)} head groups of tasks; they are read within one project (as its phases or rows), not as projects: ${why}.`;
}
