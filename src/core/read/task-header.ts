/**
 * Finding the task table's header by evidence, not by rejection. Every row near the top is a candidate; its
 * headings are classified (exact names, then keywords), and a row counts when it names a task-name column
 * and a date column. Cells that name nothing (week numbers, the date of each week, a year: the timeline of a
 * Gantt template) are simply not headings; they never hide the table. A group row above ("Planned | Actual"
 * over "Start | Finish", merged across its columns) makes a two-row heading. Of several candidates the best
 * scored wins: more fields named, exact names over keywords, and data below that fits the columns.
 *
 * When two columns claim one field (an empty "Predecessor" beside a filled "Predecessors"), the one holding
 * data wins and the other is reported, never silently dropped.
 */
import type { CellValue } from '../grid';
import type { ColumnMap, HeadingMatch, TaskField } from './headers';
import { MAX_HEADING_LENGTH, classifyTaskHeading, normalizeHeader } from './headers';
import { DATE_FIELDS, DATE_WORDS, GROUP_WORDS } from './vocabulary';
import { looseHeader } from './headers';
import { isBlank } from './cells';
import { codesBesideNames, evidence, isDateField, isWeekGrid, preferReferencedIds, statusAsPercent } from './header-evidence';

/** The task header must sit in the first rows of the sheet (title blocks and notes above it are fine). */
export const TASK_HEADER_SCAN_ROWS = 50;
export interface TaskHeader {
  /** Grid row of the header (the lower row of a two-row heading). */
  row: number;
  /** Grid row of the group row of a two-row heading, else null. */
  topRow: number | null;
  cols: ColumnMap<TaskField>;
  /** The heading each chosen column carries (group and heading joined by " " in a two-row heading). */
  headings: Partial<Record<TaskField, string>>;
  /** Columns that named a field already taken, or named something we do not read as a field. */
  ignored: { col: number; heading: string; reason: string }[];
  /** True when a saved mapping chose the header row or columns. */
  fromMapping: boolean;
  /**
   * Name columns by level when the outline is written by column ("大項目 | 中項目 | 小項目", "Aktivität |
   * 1.Unteraktivität"): a row's name is its rightmost filled one, its level that column's place.
   */
  nameColumns?: number[];
  /** A second column for a date field ("Deadline" beside "End Date"): its dates make a row a task. */
  fallbacks?: Partial<Record<TaskField, number>>;
  /** Sentences on choices made from the evidence (phase pairs, a Status column of percentages). */
  notes: string[];
}

/** A saved correction (SheetMapping) in grid coordinates. */
export interface HeaderOverride {
  /** Grid row of the header. */
  row?: number;
  /** Field -> grid column. */
  cols?: Partial<Record<TaskField, number>>;
}

export interface Claim {
  col: number;
  heading: string;
  match: HeadingMatch;
}

function text(v: CellValue | undefined): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** The group word kind of a cell of the row above ("Planned", "予定"), or null when it is not one. */
function groupKind(v: CellValue | undefined): 'baseline' | 'actual' | 'forecast' | null {
  const t = text(v);
  if (t === null || t.length > 30) return null;
  const loose = looseHeader(t);
  // A group cell is only the qualifier ("Planned", "Actual dates", "実績"), not a full heading ("Planned Start").
  if (DATE_WORDS.start.test(loose) || DATE_WORDS.finish.test(loose) || loose.split(' ').length > 2) return null;
  for (const g of GROUP_WORDS) if (g.test.test(loose)) return g.kind;
  return null;
}

const GROUP_PREFIX = { baseline: 'Planned', actual: 'Actual', forecast: 'Forecast' } as const;

/**
 * Headings of row r, joined with the group row above when there is one: each column under a group cell
 * (the cell itself, or the nearest one to its left, as merged cells show their value in the first cell only)
 * reads "Planned Start". A column blank in row r takes the heading above it (a heading merged down).
 */
function headingsOf(rows: readonly CellValue[][], r: number, withGroup: boolean): (string | null)[] {
  const row = rows[r] ?? [];
  const above = withGroup && r > 0 ? (rows[r - 1] ?? []) : [];
  const width = Math.max(row.length, above.length);
  const out: (string | null)[] = new Array<string | null>(width).fill(null);
  let group: { kind: 'baseline' | 'actual' | 'forecast'; label: string } | null = null;
  for (let c = 0; c < width; c++) {
    const up = above[c];
    if (!isBlank(up)) {
      const kind = groupKind(up);
      group = kind === null ? null : { kind, label: String(up).trim() };
    }
    const own = text(row[c]);
    if (own === null) {
      out[c] = withGroup && group === null ? text(up) : null;
      continue;
    }
    out[c] = group !== null ? `${GROUP_PREFIX[group.kind]} ${own}` : own;
  }
  return out;
}

interface Candidate {
  header: TaskHeader;
  score: number;
  named: number;
  /** The data below fits its name column and a date column. */
  settled: boolean;
}

/** Rows scanned past a settled candidate for a better one (a second table header close below, say). */
const SETTLE_ROWS = 8;

/** Chooses one column per field: data that fits first, then exact names over keywords, then the usual name, then leftmost. */
export interface Resolved extends Pick<TaskHeader, 'cols' | 'headings' | 'ignored' | 'nameColumns' | 'notes'> {
  fallbacks: Partial<Record<TaskField, number>>;
  fit: number;
  fitting: Set<TaskField>;
  unfit: Set<TaskField>;
}

/** Headings of an outline written by column: levels of one name. */
const HIERARCHY = /(大|中|小)項目|子模块|模块|子項目|unter|\bsub|level ?\d|ebene ?\d|niveau ?\d|^\d+ /;

function resolveClaims(rows: readonly CellValue[][], bodyFrom: number, claims: Claim[], override: HeaderOverride | undefined): Resolved {
  const byField = new Map<TaskField, Claim[]>();
  const ignored: TaskHeader['ignored'] = [];
  for (const claim of claims) {
    if (claim.match.field === 'ignore') {
      ignored.push({ col: claim.col, heading: claim.heading, reason: 'successors are worked out from the predecessors' });
      continue;
    }
    const list = byField.get(claim.match.field) ?? [];
    list.push(claim);
    byField.set(claim.match.field, list);
  }
  const cols: ColumnMap<TaskField> = {};
  const headings: Partial<Record<TaskField, string>> = {};
  const fallbacks: Partial<Record<TaskField, number>> = {};
  const notes: string[] = [];
  let nameColumns: number[] | undefined;
  let fit = 0;
  const fitting = new Set<TaskField>();
  /** Fields whose column holds several values and not one that fits (day counts under "Prazo"). */
  const unfit = new Set<TaskField>();
  for (const [field, list] of byField) {
    const scored = list.map((c) => ({ c, e: evidence(rows, bodyFrom, c.col, field) }));
    scored.sort((a, b) =>
      Number(b.e.fitting > 0) - Number(a.e.fitting > 0) || b.c.match.strength - a.c.match.strength || a.c.match.rank - b.c.match.rank || a.c.col - b.c.col);
    let chosen = scored[0];
    // Names by level, side by side: all are the name, deepest filled first.
    const levels = field === 'name' ? hierarchyRun(list, new Set(claims.filter((c) => c.match.field === 'id' || c.match.field === 'wbs').map((c) => c.col))) : null;
    if (levels !== null) {
      nameColumns = levels.map((c) => c.col);
      chosen = scored.find((x) => x.c.col === levels[0].col) ?? chosen;
    }
    // Start and finish repeated per phase ("需求 | 设计 | 开发" over start/finish pairs): the task runs from the
    // first start to the last finish.
    if (field === 'finish' && list.length >= 2 && (byField.get('start')?.length ?? 0) >= 2) {
      const last = scored.filter((x) => x.e.fitting > 0).sort((a, b) => b.c.col - a.c.col)[0];
      if (last !== undefined && last !== chosen) {
        chosen = last;
        notes.push(`Start and finish are repeated per phase; each task runs from the first start to the last finish ("${last.c.heading}" in the rightmost pair).`);
      }
    }
    if (field === 'start' && list.length >= 2 && (byField.get('finish')?.length ?? 0) >= 2) {
      chosen = scored.filter((x) => x.e.fitting > 0).sort((a, b) => a.c.col - b.c.col)[0] ?? chosen;
    }
    cols[field] = chosen.c.col;
    headings[field] = chosen.c.heading;
    const second = scored.find((x) => x !== chosen && x.e.fitting > 0);
    if (second !== undefined && isDateField(field)) fallbacks[field] = second.c.col;
    // Whether data fits, not how much: a header repeated lower down must not beat the real one on ratios.
    if (chosen.e.fitting > 0) {
      fit++;
      fitting.add(field);
    }
    if (chosen.e.filled >= 2 && chosen.e.fitting === 0) unfit.add(field);
    for (const other of scored) {
      if (other === chosen || nameColumns?.includes(other.c.col) === true && field === 'name') continue;
      ignored.push({
        col: other.c.col, heading: other.c.heading,
        reason: other.e.filled === 0 ? `an empty second ${fieldLabel(field)} column; "${chosen.c.heading}" is used`
          : `a second ${fieldLabel(field)} column; "${chosen.c.heading}" is used`,
      });
    }
  }
  if (override?.cols) for (const [f, c] of Object.entries(override.cols) as [TaskField, number][]) {
    // A column the mapping gives to a field is that field's alone.
    for (const other of Object.keys(cols) as TaskField[]) if (cols[other] === c && other !== f) delete cols[other];
    cols[f] = c;
    headings[f] = text(rows[override.row ?? -1]?.[c]) ?? `column ${c + 1}`;
  }
  return { cols, headings, ignored, fit, fitting, unfit, fallbacks, notes, nameColumns };
}

/** The adjacent name columns of an outline written by column, left to right, or null. */
function hierarchyRun(list: readonly Claim[], between: ReadonlySet<number>): Claim[] | null {
  const sorted = [...list].sort((a, b) => a.col - b.col);
  // Columns between two levels may hold the row's ID ("大項目 | 中項目 | タスク ID | 小項目").
  const adjacent = (a: number, b: number): boolean => {
    for (let c = a + 1; c < b; c++) if (!between.has(c)) return false;
    return true;
  };
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && adjacent(sorted[j].col, sorted[j + 1].col)) j++;
    const run = sorted.slice(i, j + 1);
    if (run.length >= 2 && run.some((c) => HIERARCHY.test(looseHeader(c.heading)))) return run;
    i = j;
  }
  return null;
}

/** "Milestone" names the task column only when no other column names the task; otherwise it is the flag. */
function milestoneAsName(claims: Claim[]): void {
  const hasName = claims.some((c) => c.match.field === 'name' && normalizeHeader(c.heading) !== 'milestone');
  for (const c of claims) {
    if (normalizeHeader(c.heading) !== 'milestone') continue;
    c.match = { field: hasName ? 'milestone' : 'name', strength: c.match.strength, rank: hasName ? 0 : 50 };
  }
}

function candidateAt(rows: readonly CellValue[][], r: number, withGroup: boolean, override: HeaderOverride | undefined, fromMapping: boolean): Candidate | null {
  const headings = headingsOf(rows, r, withGroup);
  const claims: Claim[] = [];
  for (let c = 0; c < headings.length; c++) {
    const h = headings[c];
    if (h === null || h.length > MAX_HEADING_LENGTH) continue;
    const match = classifyTaskHeading(h);
    if (match !== null) claims.push({ col: c, heading: h, match });
  }
  milestoneAsName(claims);
  const resolved = resolveClaims(rows, r + 1, claims, override);
  const { cols } = resolved;
  const named = Object.keys(cols).length;
  if (isWeekGrid(rows[r] ?? [], cols)) return null;
  codesBesideNames(rows, r + 1, resolved);
  statusAsPercent(rows, r + 1, resolved);
  preferReferencedIds(rows, r + 1, claims, resolved);
  // A "date" column whose values are no dates at all ("Prazo (em dias úteis)": 1, 3, 2) is not one.
  const hasDate = DATE_FIELDS.some((f) => cols[f] !== undefined && (resolved.fitting.has(f) || !resolved.unfit.has(f)));
  if (!fromMapping && (cols.name === undefined || !hasDate)) return named > 0 ? { header: headerOf(r, withGroup, resolved, fromMapping), score: -1, named, settled: false } : null;
  let exact = 0;
  for (const f of Object.keys(cols) as TaskField[]) if (claims.find((c) => c.col === cols[f])?.match.strength === 2) exact++;
  const settled = resolved.fitting.has('name') && DATE_FIELDS.some((f) => resolved.fitting.has(f));
  return { header: headerOf(r, withGroup, resolved, fromMapping), score: named * 10 + exact * 3 + resolved.fit * 5, named, settled };
}

function headerOf(r: number, withGroup: boolean, resolved: Resolved, fromMapping: boolean): TaskHeader {
  const h: TaskHeader = { row: r, topRow: withGroup ? r - 1 : null, cols: resolved.cols, headings: resolved.headings, ignored: resolved.ignored, fromMapping, notes: resolved.notes };
  if (resolved.nameColumns !== undefined) h.nameColumns = resolved.nameColumns;
  if (Object.keys(resolved.fallbacks).length > 0) h.fallbacks = resolved.fallbacks;
  return h;
}

/** A row that could head a table: at least two short text cells (numbers beside them are timeline cells). */
function hasHeadings(row: readonly CellValue[] | undefined): boolean {
  if (!Array.isArray(row)) return false;
  let texts = 0;
  for (const v of row) if (typeof v === 'string' && v.trim() !== '' && v.length <= MAX_HEADING_LENGTH && ++texts >= 2) return true;
  return false;
}

/**
 * The most a row can score (see candidateAt): each column gives at most one heading, which names at most one
 * field, and each field scores at most 10 (named) + 3 (an exact name) + 5 (data that fits); 3 more for
 * outline codes beside the names, which turn one heading into two fields. A column's heading is a text of
 * the row, or of the group row above.
 */
function scoreBound(rows: readonly CellValue[][], r: number, withGroup: boolean): number {
  const row = rows[r] ?? [];
  const above = withGroup ? (rows[r - 1] ?? []) : [];
  const width = Math.max(row.length, above.length);
  let headings = 0;
  for (let c = 0; c < width; c++) if (!isBlank(row[c]) && typeof row[c] === 'string' || !isBlank(above[c]) && typeof above[c] === 'string') headings++;
  return 18 * headings + 3;
}

export interface HeaderSearch {
  header: TaskHeader | null;
  /** When no header was found: the row that came closest, described for the user. */
  nearMiss: string | null;
}

/**
 * The task header of a sheet, or null with what came closest. `override` (from a saved mapping) fixes the
 * header row and/or columns; what it does not fix is still inferred.
 */
export function findTaskHeader(rows: readonly CellValue[][], addr: (r: number, c: number) => string, override?: HeaderOverride, exclude: ReadonlySet<number> = new Set()): HeaderSearch {
  const fromMapping = override !== undefined && (override.row !== undefined || override.cols !== undefined);
  const scan: number[] = [];
  if (override?.row !== undefined) scan.push(override.row);
  else for (let r = 0; r < Math.min(rows.length, TASK_HEADER_SCAN_ROWS); r++) if (!exclude.has(r) && hasHeadings(rows[r])) scan.push(r);
  let best: Candidate | null = null;
  let closest: Candidate | null = null;
  for (const r of scan) {
    // Well below a header whose columns the data fits, rows are data: no need to weigh each as a header.
    if (best !== null && best.settled && r > best.header.row + SETTLE_ROWS) break;
    for (const withGroup of r > 0 ? [false, true] : [false]) {
      // Once a header is found, only a better one matters: a row with too few texts to outscore it is not weighed.
      if (best !== null && !fromMapping && scoreBound(rows, r, withGroup) <= best.score) continue;
      const c = candidateAt(rows, r, withGroup, override, fromMapping);
      if (c === null) continue;
      if (c.score >= 0 && (best === null || c.score > best.score)) best = c;
      if (c.score < 0 && (closest === null || c.named > closest.named)) closest = c;
    }
  }
  if (best !== null) return { header: best.header, nearMiss: null };
  return { header: null, nearMiss: closest === null ? null : describeNearMiss(rows, closest.header, addr) };
}

const FIELD_LABELS: Partial<Record<TaskField, string>> = {
  id: 'ID', wbs: 'WBS', name: 'task name', start: 'start', finish: 'finish', baselineStart: 'baseline start',
  baselineFinish: 'baseline finish', actualStart: 'actual start', actualFinish: 'actual finish', percent: '% complete',
  budget: 'budget', actualCost: 'actual cost', predecessors: 'predecessors', milestone: 'milestone', owner: 'owner',
  outlineLevel: 'outline level', duration: 'duration',
};

export function fieldLabel(f: TaskField): string {
  return FIELD_LABELS[f] ?? f;
}

/** "found date columns START DATE (C4), DUE DATE (D4) in row 4 but no task-name column; the nearest other heading is TASK TITLE in B4". */
function describeNearMiss(rows: readonly CellValue[][], h: TaskHeader, addr: (r: number, c: number) => string): string {
  const fields = Object.keys(h.cols) as TaskField[];
  const at = (f: TaskField): string => `${h.headings[f] ?? fieldLabel(f)} (${addr(h.row, h.cols[f] ?? 0)})`;
  const dates = fields.filter(isDateField).map(at);
  const others = fields.filter((f) => !isDateField(f)).map((f) => `${at(f).slice(0, -1)}, ${fieldLabel(f)})`);
  const found = [dates.length > 0 ? `date columns ${dates.join(', ')}` : '', others.length > 0 ? `columns ${others.join(', ')}` : ''].filter((x) => x !== '').join(' and ');
  const missing = h.cols.name === undefined ? 'no task-name column' : 'no date column (start, finish or due date)';
  const taken = new Set(Object.values(h.cols));
  const row = rows[h.row] ?? [];
  let nearest: string | null = null;
  for (let c = 0; c < row.length && nearest === null; c++) {
    const t = text(row[c]);
    if (t !== null && !taken.has(c) && t.length <= MAX_HEADING_LENGTH) nearest = `${t} in ${addr(h.row, c)}`;
  }
  return `found ${found} in row ${addr(h.row, 0).replace(/^[A-Z]+/, '')} but ${missing}${nearest !== null ? `; the nearest other heading is ${nearest}` : ''}`;
}
