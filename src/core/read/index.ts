/**
 * The reader: grids in, program model out. Each sheet is classified (the add-in's own output, excluded,
 * program sheet, project, or something else), read on its own, and then predecessors and register
 * hand-offs are resolved across all projects. Never throws on bad cells: problems become issues.
 */
import type { Grid, WorkbookInput } from '../grid';
import type { RollupIssue } from '../issues';
import { issue } from '../issues';
import type { HistoryRow, Project, ProgramModel, RegisterDependency, SkippedSheet } from '../model';
import type { RollupSettings } from '../settings';
import { AddressCache, SheetContext } from './context';
import { findDependencyHeader, readDependencyRegister, readHistory, readHolidays } from './program-sheets';
import { readProjectSheet } from './project';
import type { PendingLink } from './tasks';
import { indexProjects, resolveLinks, resolveRegister } from './resolve';

export { NO_TASK_TABLE } from './project';

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function readProgram(input: WorkbookInput, settings: RollupSettings): ProgramModel {
  const issues: RollupIssue[] = [];
  const projects: Project[] = [];
  const skipped: SkippedSheet[] = [];
  const register: RegisterDependency[] = [];
  const holidays = new Set<number>();
  const history: HistoryRow[] = [];
  const pending: PendingLink[] = [];
  const options = { dateOrder: settings.dateOrder, date1904: input.date1904 === true };
  const excluded = new Set(settings.excludedSheets.map((s) => s.trim().toLowerCase()));
  const byId = new Map<string, Project>();
  const addresses = new AddressCache();

  const skip = (g: Grid, reason: string): void => {
    const s: SkippedSheet = { sheet: g.sheet, reason, hidden: g.hidden === true };
    if (g.ownedRole !== undefined) s.ownedRole = g.ownedRole;
    skipped.push(s);
  };

  for (const grid of input.grids) {
    const safe: Grid = { ...grid, values: Array.isArray(grid.values) ? grid.values : [] };
    const ctx = new SheetContext(safe, options, issues, addresses);
    if (grid.ownedRole !== undefined) {
      if (grid.ownedRole === 'history') for (const h of readHistory(ctx)) history.push(h);
      skip(grid, `the add-in's own ${grid.ownedRole} sheet`);
      continue;
    }
    if (excluded.has(grid.sheet.trim().toLowerCase())) {
      skip(grid, 'excluded in settings');
      continue;
    }
    if (settings.holidaySheet !== null && sameName(grid.sheet, settings.holidaySheet)) {
      for (const d of readHolidays(ctx)) holidays.add(d);
      skip(grid, 'program Holidays list (read as non-working days)');
      continue;
    }
    const depHeader = findDependencyHeader(ctx);
    if (depHeader) {
      for (const d of readDependencyRegister(ctx, depHeader)) register.push(d);
      skip(grid, 'program Dependencies register (read as cross-project hand-offs)');
      continue;
    }
    const issuesBefore = issues.length;
    const read = readProjectSheet(ctx);
    if ('reason' in read) {
      skip(grid, read.reason);
      continue;
    }
    const prior = byId.get(read.project.id.toLowerCase());
    if (prior) {
      // The sheet is left out, so its cell-level findings would point at data that is not rolled up.
      issues.length = issuesBefore;
      issues.push(issue('error', 'DUPLICATE_PROJECT_ID', grid.sheet, read.idCell ? ctx.addr(read.idCell.r, read.idCell.c) : null,
        `Sheet "${grid.sheet}" uses project ID "${read.project.id}", which sheet "${prior.sheet}" already uses; this sheet is left out. Give each project its own Project ID.`));
      skip(grid, `project ID "${read.project.id}" is already used by sheet "${prior.sheet}"`);
      continue;
    }
    byId.set(read.project.id.toLowerCase(), read.project);
    projects.push(read.project);
    // Loops, not spread: a spread of a very long array overflows the call stack.
    for (const l of read.pending) pending.push(l);
  }

  const index = indexProjects(projects);
  resolveLinks(projects, pending, issues, index);
  const dependencies = resolveRegister(projects, register, issues, index);

  let statusDate: number | null = null;
  for (const p of projects) if (p.statusDate !== null && (statusDate === null || p.statusDate > statusDate)) statusDate = p.statusDate;

  return { projects, skipped, dependencies, holidays: [...holidays].sort((a, b) => a - b), statusDate, history, issues };
}
