/**
 * One project sheet: find its tables, read the metadata above them, infer each date column's convention,
 * then read the tasks (several projects when a Project column splits a tracker), risks, EVM periods and
 * benefits (rolled into the program's benefits register), and
 * say how the sheet was read (SheetReading). Returns a reason, with what came closest, when the sheet holds
 * no task table; a sheet holding only a risk register is handed back as a risk log to attach.
 */
import { colIndex } from '../a1';
import type { CellValue } from '../grid';
import type { Benefit, Project, RaidItem, Risk, SheetReading } from '../model';
import type { SheetMapping } from '../settings';
import type { SheetContext } from './context';
import type { TaskField } from './headers';
import { normalizeHeader } from './headers';
import type { PendingLink, TaskTable } from './tasks';
import { readTaskTable } from './tasks';
import { readMetadata } from './metadata';
import { readStatusBlock } from './status-block';
import { readRisks } from './risks';
import { readRaid } from './raid';
import { readEvmTable } from './evm';
import { readBenefits } from './benefits';
import type { TableHeader } from './tables';
import { bodyRows, findRegisters } from './tables';
import type { HeaderOverride, TaskHeader } from './task-header';
import { fieldLabel, findTaskHeader } from './task-header';
import { inferColumnDates, rangeParts, typicalDate } from './date-columns';
import { DATE_FIELDS, TASK_FIELDS } from './vocabulary';
import { findTitleGroups, mayHoldGroups } from './title-groups';
import { applyRowPairs, findRowPairs } from './row-pairs';
import { repeatedHeaderTest } from './row-kinds';
import { isBlank, plainIsoSerial } from './cells';
import { minOf, pushAll } from '../arrays';

export interface ProjectRead {
  project: Project;
  pending: PendingLink[];
  idCell: { r: number; c: number } | null;
}

export const NO_TASK_TABLE = 'no task table (needs a header row in the first 50 rows with a Task Name column and a date column)';

export type SheetRead =
  | { kind: 'projects'; reads: ProjectRead[]; reading: SheetReading; benefits: Benefit[] }
  | { kind: 'risk-log'; risks: { projectName: string | null; risk: Risk }[]; raid: { projectName: string | null; item: RaidItem }[]; reading: SheetReading }
  | { kind: 'skipped'; reason: string; reading: SheetReading };

export function emptyReading(sheet: string, kind: SheetReading['kind'], reason?: string): SheetReading {
  const r: SheetReading = {
    sheet, kind, projects: [], headerRow: null, columns: [], ignoredColumns: [], mappingSource: 'inferred', idScheme: 'none',
    dateConventions: [], taskCount: 0, summaryCount: 0, milestoneCount: 0, linkCount: 0, skippedRows: [], notes: [],
  };
  if (reason !== undefined) r.reason = reason;
  return r;
}

/** A saved mapping in grid coordinates (its rows and column letters are worksheet ones). */
function overrideOf(ctx: SheetContext, mapping: SheetMapping | undefined): HeaderOverride | undefined {
  if (mapping === undefined) return undefined;
  const origin = ctx.grid.origin ?? { row: 0, col: 0 };
  const o: HeaderOverride = {};
  if (mapping.headerRow !== undefined) o.row = mapping.headerRow - 1 - origin.row;
  if (mapping.columns !== undefined) {
    const cols: Partial<Record<TaskField, number>> = {};
    for (const [field, letters] of Object.entries(mapping.columns)) {
      const c = colIndex(letters);
      if (c !== null && (TASK_FIELDS as readonly string[]).includes(field)) cols[field as TaskField] = c - origin.col;
    }
    o.cols = cols;
  }
  return o.row === undefined && o.cols === undefined ? undefined : o;
}

/** The distinct projects of a tracker's Project column, in order of first appearance (null when it names fewer than two). */
function trackerProjects(ctx: SheetContext, col: number | undefined, from: number, to: number): string[] | null {
  if (col === undefined) return null;
  const seen = new Map<string, string>();
  for (let r = from; r < to; r++) {
    const t = ctx.text(r, col, 'Project');
    if (t !== null && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  }
  return seen.size >= 2 ? [...seen.values()] : null;
}

export function readProjectSheet(ctx: SheetContext, mapping?: SheetMapping): SheetRead {
  const registers = findRegisters(ctx.rows);
  const registerRows = new Set(registers.map((t) => t.row));
  const search = findTaskHeader(ctx.rows, (r, c) => ctx.addr(r, c), overrideOf(ctx, mapping), registerRows);
  if (search.header === null) {
    if (registers.some((t) => t.kind === 'risk' || t.kind === 'raid')) return readRiskLog(ctx, registers);
    const reason = search.nearMiss === null ? NO_TASK_TABLE : `no task table: ${search.nearMiss}`;
    return { kind: 'skipped', reason, reading: emptyReading(ctx.sheet, 'skipped', reason) };
  }
  const header = search.header;
  const tables: TableHeader[] = [...registers.filter((t) => t.row > header.row || t.row < (header.topRow ?? header.row)), { kind: 'task' as const, row: header.row, header }]
    .sort((a, b) => a.row - b.row);
  const taskIndex = tables.findIndex((t) => t.kind === 'task');
  const meta = readMetadata(ctx, Math.min(tables[0].row, header.topRow ?? header.row));
  const span = bodyRows(tables, taskIndex, ctx.rows.length);
  const reading = emptyReading(ctx.sheet, 'project');
  if (ctx.grid.workbook !== undefined) reading.workbook = ctx.grid.workbook;
  reading.headerRow = ctx.sheetRow(header.row);
  if (header.topRow !== null) reading.headerTopRow = ctx.sheetRow(header.topRow);
  reading.mappingSource = header.fromMapping || mapping?.dateOrder !== undefined ? 'settings' : 'inferred';
  for (const f of Object.keys(header.cols) as TaskField[]) {
    reading.columns.push({ field: f, column: ctx.column(header.cols[f] ?? 0), heading: header.headings[f] ?? fieldLabel(f) });
  }
  reading.columns.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  for (const i of header.ignored) reading.ignoredColumns.push({ column: ctx.column(i.col), heading: i.heading, reason: i.reason });
  reportIgnoredWithData(ctx, header, span.from, span.to);
  for (const n of header.notes) reading.notes.push(n);
  if (header.nameColumns !== undefined) reading.notes.push(`The outline is written by column: the task name is the rightmost filled of ${header.nameColumns.map((c) => ctx.column(c)).join(', ')}, and its column is its level.`);

  inferDates(ctx, header, span.from, span.to, meta.statusDate, mapping, reading);
  const trackerNames = trackerProjects(ctx, header.cols.project, span.from, span.to);
  const title = meta.name ?? meta.title ?? titleInHeaderRow(ctx, header, span.from, span.to);
  type Group = { id: string; name: string; filter?: (r: number) => boolean; from?: number; to?: number; manager?: string | null };
  let groups: Group[] = trackerNames !== null
    ? trackerNames.map((name) => ({ id: name, name, filter: (r: number) => ctx.text(r, header.cols.project, 'Project')?.toLowerCase() === name.toLowerCase() }))
    : [{ id: mapping?.projectId ?? meta.id ?? ctx.sheet, name: title ?? ctx.sheet }];
  if (trackerNames !== null) {
    reading.kind = 'projects';
    reading.notes.push(`The Project column names ${trackerNames.length} projects; each is read as its own project.`);
  }
  // Plan/actual row pairs (row-pairs.ts): the actual rows are folded into the task above, not read as rows.
  const pairs = findRowPairs(ctx, header, span.from, span.to);
  if (pairs !== null) {
    reading.notes.push(`Rows marked "${pairs.words[0]}" and "${pairs.words[1]}" in column ${ctx.column(pairs.marker)} are plan/actual pairs: each pair is one task, the plan row's dates its baseline, the "${pairs.words[1]}" row's dates its actual dates.`);
    for (const g of groups) {
      const own = g.filter;
      g.filter = own === undefined ? (r) => !pairs.actualRows.has(r) : (r) => !pairs.actualRows.has(r) && own(r);
    }
  }
  const nameKey = header.headings.name === undefined ? '' : normalizeHeader(header.headings.name);
  const readGroup = (g: Group): TaskTable => readTaskTable(ctx, g.id, header.cols, g.from ?? span.from, g.to ?? span.to, {
    rowFilter: g.filter, repeatedHeader: repeatedHeaderTest(header), allMilestones: nameKey === 'milestone' || nameKey === 'milestones',
    nameColumns: header.nameColumns, fallbacks: header.fallbacks,
  });
  // Without a Project column, group title rows may still split the table into projects (title-groups.ts). They
  // are looked for only when the first reading shows a sign of them; if they split it, it is read again by group.
  let firstTable: TaskTable | null = null;
  let single = trackerNames === null;
  if (trackerNames === null) {
    const mark = ctx.mark();
    firstTable = readGroup(groups[0]);
    // A project ID set for the sheet in its mapping says it is one project.
    const titled = mapping?.projectId === undefined && mayHoldGroups(ctx, header, span.from, firstTable, mark.issues)
      ? findTitleGroups(ctx, header, span.from, span.to, title) : null;
    if (titled?.note) reading.notes.push(titled.note);
    if (titled?.groups) {
      ctx.rollback(mark);
      firstTable = null;
      single = false;
      reading.kind = 'projects';
      groups = titled.groups.map((g) => ({ id: g.name, name: g.name, from: g.from, to: g.to, manager: g.manager, filter: groups[0].filter }));
    }
  }
  const reads: ProjectRead[] = [];
  const ids = new Set<string>();
  for (const g of groups) {
    // Two title rows of one name still make two projects.
    while (ids.has(g.id)) g.id = `${g.id} (row ${ctx.sheetRow((g.from ?? 1) - 1)})`;
    ids.add(g.id);
    const from = g.from ?? span.from;
    const to = g.to ?? span.to;
    const table = firstTable ?? readGroup(g);
    if (pairs !== null) {
      applyRowPairs(ctx, header, pairs, table.tasks);
      for (const r of pairs.actualRows) if (r >= from && r < to) table.skippedRows.push({ row: ctx.sheetRow(r), reason: `the "${pairs.words[1]}" row of the task above (its actual dates)` });
      table.skippedRows.sort((a, b) => a.row - b.row);
    }
    const project: Project = {
      id: g.id, name: g.name, sheet: ctx.sheet, hidden: ctx.grid.hidden === true, manager: g.manager ?? meta.manager,
      statusDate: meta.statusDate, budget: single ? meta.budget : null, tasks: table.tasks, risks: [], evmPeriods: null,
    };
    if (table.phases.length > 0) project.phases = table.phases;
    if (ctx.grid.workbook !== undefined) project.workbook = ctx.grid.workbook;
    reads.push({ project, pending: table.pending, idCell: single ? meta.idCell : null });
    reading.projects.push(g.id);
    reading.idScheme = table.idScheme;
    reading.taskCount += table.tasks.length;
    reading.summaryCount += table.phases.length;
    for (const t of table.tasks) {
      if (t.isMilestone) reading.milestoneCount++;
      reading.linkCount += t.predecessors.length;
    }
    for (const p of table.pending) reading.linkCount += p.links.length;
    for (const n of table.notes) if (!reading.notes.includes(n)) reading.notes.push(n);
    pushAll(reading.skippedRows, groupRows(table.skippedRows));
  }
  ctx.dateReference = null;

  const first = reads[0].project;
  // A tracker holding several projects has no one PM status; a single project's sheet may have a status block.
  if (single) {
    const status = readStatusBlock(ctx, header.topRow ?? header.row, Math.max(0, ...(Object.values(header.cols) as number[])));
    if (status !== null) first.status = status;
  }
  const benefits: Benefit[] = [];
  tables.forEach((t, i) => {
    const s = bodyRows(tables, i, ctx.rows.length, ctx.rows);
    if (t.kind === 'risk') for (const risk of readRisks(ctx, t.cols, s.from, s.to)) first.risks.push(risk);
    else if (t.kind === 'raid') for (const { item } of readRaid(ctx, t.cols, t.titleKind, s.from, s.to)) (first.raid ??= []).push(item);
    else if (t.kind === 'evm') first.evmPeriods = [...(first.evmPeriods ?? []), ...readEvmTable(ctx, t.cols, s.from, s.to)].sort((a, b) => a.date - b.date);
    // A tracker's benefits have no one project, so there an enabler must be written PROJ:ID.
    else if (t.kind === 'benefit') for (const b of readBenefits(ctx, { row: t.row, cols: t.cols }, s.to, single ? first.id : null)) benefits.push(b);
  });

  if (reading.taskCount > 0 && pairs === null && header.cols.baselineStart === undefined && header.cols.baselineFinish === undefined) {
    ctx.add('info', 'BASELINE_MISSING', header.row, header.cols.name ?? 0,
      'This sheet has no baseline columns, so schedule variance is unavailable. Add Baseline Start and Baseline Finish columns.');
  }
  if (header.cols.budget === undefined && first.evmPeriods === null) reading.notes.push('No budget column: earned value is weighted by task duration, not money.');
  return { kind: 'projects', reads, reading, benefits };
}

/**
 * A title written in the header row itself, left of the headings, over an empty column ("HOME RENOVATION
 * PLAN | TASK | ..."): the project's name.
 */
function titleInHeaderRow(ctx: SheetContext, header: TaskHeader, from: number, to: number): string | null {
  const first = minOf(Object.values(header.cols) as number[], Infinity);
  const row = ctx.rows[header.row] ?? [];
  for (let c = 0; c < first; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v.trim().length < 3 || v.length > 80) continue;
    let empty = true;
    for (let r = from; r < to && empty; r++) empty = isBlank(ctx.value(r, c));
    if (empty) return v.trim();
  }
  return null;
}

/** Consecutive rows with one reason as "12-15". */
function groupRows(rows: readonly { row: number; reason: string }[]): SheetReading['skippedRows'] {
  const out: SheetReading['skippedRows'] = [];
  let start = -1;
  let prev = -1;
  let reason = '';
  const flush = (): void => {
    if (start >= 0) out.push({ rows: start === prev ? String(start) : `${start}-${prev}`, reason });
  };
  for (const r of rows) {
    if (r.reason === reason && r.row <= prev + 3) {
      prev = r.row;
      continue;
    }
    flush();
    start = r.row;
    prev = r.row;
    reason = r.reason;
  }
  flush();
  return out;
}

/** A second column for a field that holds data of its own is worth a word: the user may expect it read. */
function reportIgnoredWithData(ctx: SheetContext, header: TaskHeader, from: number, to: number): void {
  const fallbackCols = new Set(Object.values(header.fallbacks ?? {}));
  for (const i of header.ignored) {
    if (fallbackCols.has(i.col)) continue;
    let filled = false;
    for (let r = from; r < to && !filled; r++) filled = !isBlank(ctx.value(r, i.col));
    if (filled) ctx.add('info', 'COLUMN_NOT_READ', header.row, i.col, `Column "${i.heading}" is not read: ${i.reason}. Rename or remove it, or set the columns in the sheet mapping.`);
  }
}

/** One convention per date column, from all its values; reported once per column where it matters. */
function inferDates(ctx: SheetContext, header: TaskHeader, from: number, to: number, statusDate: number | null, mapping: SheetMapping | undefined, reading: SheetReading): void {
  const columns = DATE_FIELDS.filter((f) => header.cols[f] !== undefined).map((f) => ({ f, c: header.cols[f] as number }));
  // Text dates are what needs a convention; serials only give the table's typical date (a sample will do).
  const rows: number[][] = [];
  const serials: CellValue[] = [];
  const values = columns.map(({ c }) => {
    const out: CellValue[] = [];
    const at: number[] = [];
    let numbers = 0;
    let isoCount = 0;
    for (let r = from; r < to; r++) {
      const v = ctx.value(r, c);
      if (typeof v === 'number') {
        if (serials.length < 2000) serials.push(v);
        numbers++;
        continue;
      }
      if (typeof v !== 'string' || v === '') continue;
      // ISO text needs no convention: counted (as a placeholder ISO value) and sampled like a serial.
      const iso = plainIsoSerial(v);
      if (typeof iso === 'number') {
        if (serials.length < 2000) serials.push(iso);
        isoCount++;
        continue;
      }
      // A date-or-range column is inferred from the dates inside its ranges.
      for (const part of c === header.cols.dates ? rangeParts(v) : [v]) {
        out.push(part);
        at.push(r);
      }
    }
    // One placeholder each still says "serial" / "ISO" in the convention; the values themselves are not needed.
    if (isoCount > 0) {
      out.unshift('2000-01-01');
      at.unshift(-1);
    }
    if (numbers > 0) {
      out.unshift(0);
      at.unshift(-1);
    }
    rows.push(at);
    return out;
  });
  const reference = typicalDate([serials, ...values]) ?? statusDate;
  ctx.dateReference = reference;
  const fallback = mapping?.dateOrder ?? ctx.options.dateOrder;
  columns.forEach(({ f, c }, i) => {
    const cd = inferColumnDates(values[i], reference, fallback);
    const column = ctx.column(c);
    const heading = header.headings[f] ?? fieldLabel(f);
    const entry: SheetReading['dateConventions'][number] = { column, heading, convention: cd.convention };
    if (cd.example !== undefined) entry.note = `${cd.example}${cd.basis !== undefined ? ` (from ${cd.basis})` : ''}`;
    reading.dateConventions.push(entry);
    if (cd.example === undefined) return;
    ctx.columnDates.set(c, cd);
    const at = rows[i][cd.exampleIndex ?? 0] ?? header.row;
    const form = cd.convention.split(' + ').pop() ?? '';
    if (cd.ambiguous) {
      ctx.add('info', 'DATE_AMBIGUOUS', at, c,
        `Dates like "${cd.example.split(' = ')[0]}" in column ${column} (${heading}) could be day/month or month/day; they are read as ${form} (${cd.example}) by the date-order setting. Change it in settings (or --date-order on the command line) if that is wrong, or type dates as 2026-03-04.`);
    } else if (cd.order !== fallback) {
      ctx.add('info', 'DATE_CONVENTION', at, c, `Dates in column ${column} (${heading}) are read as ${form}: ${cd.example}, from ${cd.basis ?? 'their values'}.`);
    }
  });
}

/**
 * A sheet holding a risk register or an issues / actions / decisions log and no task table: its rows wait to
 * be attached to a project (reading kind 'risk-log' covers both kinds of log).
 */
function readRiskLog(ctx: SheetContext, registers: readonly TableHeader[]): SheetRead {
  const risks: { projectName: string | null; risk: Risk }[] = [];
  const raid: { projectName: string | null; item: RaidItem }[] = [];
  const reading = emptyReading(ctx.sheet, 'risk-log');
  registers.forEach((t, i) => {
    const s = bodyRows(registers, i, ctx.rows.length, ctx.rows);
    if (t.kind === 'raid') {
      reading.headerRow ??= ctx.sheetRow(t.row);
      for (const x of readRaid(ctx, t.cols, t.titleKind, s.from, s.to)) raid.push(x);
      return;
    }
    if (t.kind !== 'risk') return;
    reading.headerRow = ctx.sheetRow(t.row);
    for (const risk of readRisks(ctx, t.cols, s.from, s.to)) {
      risks.push({ projectName: ctx.text(risk.row - 1 - (ctx.grid.origin?.row ?? 0), t.cols.project, 'Project'), risk });
    }
  });
  return { kind: 'risk-log', risks, raid, reading };
}
