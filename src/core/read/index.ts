/**
 * The reader: grids in, program model out. Each sheet is classified (the add-in's own output, excluded,
 * program sheet, project, or something else), read on its own, and then predecessors and register
 * hand-offs are resolved across all projects. Never throws on bad cells: problems become issues.
 */
import type { Grid, WorkbookInput } from '../grid';
import type { RollupIssue } from '../issues';
import { issue } from '../issues';
import type { Benefit, Capacity, HistoryRow, Project, ProgramModel, RaidItem, RegisterDependency, Risk, SheetReading, SkippedSheet } from '../model';
import type { RollupSettings } from '../settings';
import { findBenefitHeader, readBenefits } from './benefits';
import { findCapacityHeader, readCapacity } from './capacity';
import { AddressCache, SheetContext } from './context';
import { findDependencyHeader, readDependencyRegister, readHistory, readHolidays } from './program-sheets';
import { looksLikeSnapshot, readSnapshot } from './snapshot';
import type { SnapshotRow } from '../snapshot';
import type { SheetRead } from './project';
import { emptyReading, readProjectSheet } from './project';
import type { PendingLink } from './tasks';
import { forgetTaskIds, indexProjects, resolveLinks, resolveRegister } from './resolve';

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
  const snapshot: SnapshotRow[] = [];
  const benefits: Benefit[] = [];
  const capacities: Capacity[] = [];
  const pending: PendingLink[] = [];
  const options = { dateOrder: settings.dateOrder, date1904: input.date1904 === true };
  const excluded = new Set(settings.excludedSheets.map((s) => s.trim().toLowerCase()));
  const byId = new Map<string, Project>();
  const addresses = new AddressCache();
  const readings: SheetReading[] = [];
  const riskLogs: LogSheet[] = [];
  const mappings = new Map((settings.sheetMappings ?? []).map((m) => [m.sheet.trim().toLowerCase(), m]));

  const skip = (g: Grid, reason: string, kind: SheetReading['kind'] = 'skipped', reading?: SheetReading): void => {
    const s: SkippedSheet = { sheet: g.sheet, reason, hidden: g.hidden === true };
    if (g.ownedRole !== undefined) s.ownedRole = g.ownedRole;
    skipped.push(s);
    const r = reading ?? emptyReading(g.sheet, kind, reason);
    if (r.reason === undefined && kind !== 'program') r.reason = reason;
    if (g.workbook !== undefined) r.workbook = g.workbook;
    readings.push(r);
  };

  for (const grid of input.grids) {
    const safe: Grid = { ...grid, values: Array.isArray(grid.values) ? grid.values : [] };
    const ctx = new SheetContext(safe, options, issues, addresses);
    if (grid.ownedRole !== undefined) {
      if (grid.ownedRole === 'history') for (const h of readHistory(ctx)) history.push(h);
      if (grid.ownedRole === 'snapshot') for (const s of readSnapshot(ctx)) snapshot.push(s);
      skip(grid, `the add-in's own ${grid.ownedRole} sheet`, 'program');
      continue;
    }
    const mapping = mappings.get(grid.sheet.trim().toLowerCase());
    if (excluded.has(grid.sheet.trim().toLowerCase()) || mapping?.ignore === true) {
      skip(grid, mapping?.ignore === true ? 'not a project (sheet mapping)' : 'excluded in settings');
      continue;
    }
    if (settings.holidaySheet !== null && sameName(grid.sheet, settings.holidaySheet)) {
      for (const d of readHolidays(ctx)) holidays.add(d);
      skip(grid, 'program Holidays list (read as non-working days)', 'program');
      continue;
    }
    if (looksLikeSnapshot(ctx)) {
      for (const s of readSnapshot(ctx)) snapshot.push(s);
      skip(grid, 'the add-in\'s roll-up snapshot (read for the comparison with earlier roll-ups)', 'program');
      continue;
    }
    const issuesBefore = issues.length;
    let projectRead: SheetRead | null = null;
    const benefitHeader = findBenefitHeader(ctx);
    if (benefitHeader) {
      // A project's sheet may hold its own benefits table near the top: only a sheet with no task table is
      // the program's register (the benefits header row is never taken for the task table's).
      projectRead = readProjectSheet(ctx, mapping);
      if (projectRead.kind !== 'projects') {
        issues.length = issuesBefore;
        for (const b of readBenefits(ctx, benefitHeader)) benefits.push(b);
        skip(grid, 'program Benefits register (read as benefits)', 'program');
        continue;
      }
    }
    const capacityHeader = projectRead === null ? findCapacityHeader(ctx) : null;
    if (capacityHeader) {
      for (const c of readCapacity(ctx, capacityHeader)) capacities.push(c);
      skip(grid, 'program Capacity table (read as people\'s capacity)', 'program');
      continue;
    }
    const depHeader = projectRead === null ? findDependencyHeader(ctx) : null;
    if (depHeader) {
      for (const d of readDependencyRegister(ctx, depHeader)) register.push(d);
      skip(grid, 'program Dependencies register (read as cross-project hand-offs)', 'program');
      continue;
    }
    const read = projectRead ?? readProjectSheet(ctx, mapping);
    if (read.kind === 'skipped') {
      skip(grid, read.reason, 'skipped', read.reading);
      continue;
    }
    if (read.kind === 'risk-log') {
      riskLogs.push({ grid, risks: read.risks, raid: read.raid, reading: read.reading });
      continue;
    }
    const taken = read.reads.map((r) => ({ r, prior: byId.get(r.project.id.toLowerCase()) })).find((x) => x.prior !== undefined);
    if (taken !== undefined && taken.prior !== undefined) {
      const { r, prior } = taken;
      // The sheet is left out, so its cell-level findings would point at data that is not rolled up.
      issues.length = issuesBefore;
      issues.push(issue('error', 'DUPLICATE_PROJECT_ID', grid.sheet, r.idCell ? ctx.addr(r.idCell.r, r.idCell.c) : null,
        `Sheet "${grid.sheet}" uses project ID "${r.project.id}", which sheet "${prior.sheet}" already uses; this sheet is left out. Give each project its own Project ID.`));
      skip(grid, `project ID "${r.project.id}" is already used by sheet "${prior.sheet}"`);
      continue;
    }
    readings.push(read.reading);
    for (const r of read.reads) {
      byId.set(r.project.id.toLowerCase(), r.project);
      projects.push(r.project);
      // Loops, not spread: a spread of a very long array overflows the call stack.
      for (const l of r.pending) pending.push(l);
    }
    for (const b of read.benefits) benefits.push(b);
  }
  attachRiskLogs(riskLogs, projects, readings, skipped, issues);
  // Risk logs are attached once every project is known; the lists still follow the workbook's sheet order.
  const order = new Map(input.grids.map((g, i) => [`${g.workbook ?? ''}\u0000${g.sheet}`, i]));
  const at = (x: { sheet: string; workbook?: string }): number => order.get(`${x.workbook ?? ''}\u0000${x.sheet}`) ?? 0;
  readings.sort((a, b) => at(a) - at(b));
  const gridOf = new Map(input.grids.map((g) => [g.sheet, g.workbook]));
  skipped.sort((a, b) => at({ sheet: a.sheet, workbook: gridOf.get(a.sheet) }) - at({ sheet: b.sheet, workbook: gridOf.get(b.sheet) }));

  const index = indexProjects(projects);
  resolveLinks(projects, pending, issues, index);
  const dependencies = resolveRegister(projects, register, issues, index);
  forgetTaskIds(projects);

  let statusDate: number | null = null;
  for (const p of projects) if (p.statusDate !== null && (statusDate === null || p.statusDate > statusDate)) statusDate = p.statusDate;

  return { projects, skipped, dependencies, holidays: [...holidays].sort((a, b) => a - b), statusDate, history, snapshot, issues, readings, benefits, capacities };
}

type LogSheet = {
  grid: Grid;
  risks: { projectName: string | null; risk: Risk }[];
  raid: { projectName: string | null; item: RaidItem }[];
  reading: SheetReading;
};

const KIND_WORD: Record<RaidItem['kind'], string> = { issue: 'Issue', action: 'Action', decision: 'Decision' };

/**
 * A risk or RAID log on its own sheet ("Risk Log", "RAID Log") belongs to a project: the one its Project column
 * names, row by row, or else the only project of its workbook. When neither says, it is reported, not guessed.
 */
function attachRiskLogs(logs: readonly LogSheet[], projects: readonly Project[], readings: SheetReading[], skipped: SkippedSheet[], issues: RollupIssue[]): void {
  for (const log of logs) {
    const own = projects.filter((p) => p.workbook === log.grid.workbook);
    const find = (name: string): Project | undefined => {
      const key = name.trim().toLowerCase();
      return own.find((p) => p.id.toLowerCase() === key || p.name.toLowerCase() === key || p.sheet.toLowerCase() === key)
        ?? projects.find((p) => p.id.toLowerCase() === key || p.name.toLowerCase() === key || p.sheet.toLowerCase() === key);
    };
    const targetOf = (projectName: string | null): Project | undefined => (projectName !== null ? find(projectName) : own.length === 1 ? own[0] : undefined);
    const attached = new Set<string>();
    let unplaced = 0;
    for (const { projectName, risk } of log.risks) {
      const target = targetOf(projectName);
      if (target === undefined) {
        unplaced++;
        issues.push(issue('warning', 'RISK_UNATTACHED', log.grid.sheet, risk.source.cell, projectName !== null
          ? `Risk "${risk.id}" names project "${projectName}", which is not a project of this workbook; it is left out. Check the Project column.`
          : `Risk "${risk.id}" is on a risk log with no Project column, and the workbook has ${own.length} projects; it is left out. Add a Project column naming each risk's project.`));
        continue;
      }
      target.risks.push(risk);
      attached.add(target.id);
    }
    for (const { projectName, item } of log.raid) {
      const target = targetOf(projectName);
      if (target === undefined) {
        unplaced++;
        const what = `${KIND_WORD[item.kind]} "${item.id}"`;
        issues.push(issue('warning', 'RAID_UNATTACHED', log.grid.sheet, item.source.cell, projectName !== null
          ? `${what} names project "${projectName}", which is not a project of this workbook; it is left out. Check the Project column.`
          : `${what} is on a log with no Project column, and the workbook has ${own.length} projects; it is left out. Add a Project column naming each row's project.`));
        continue;
      }
      (target.raid ??= []).push(item);
      attached.add(target.id);
    }
    log.reading.projects = [...attached];
    const noun = log.raid.length > 0 ? (log.risks.length > 0 ? 'RAID log' : 'issues, actions and decisions log') : 'risk log';
    if (unplaced > 0) log.reading.notes.push(`${unplaced} row${unplaced === 1 ? '' : 's'} could not be attached to a project.`);
    const reason = attached.size > 0 ? `${noun} (attached to ${[...attached].join(', ')})` : `${noun} with no project to attach to`;
    log.reading.reason = reason;
    readings.push(log.reading);
    const s: SkippedSheet = { sheet: log.grid.sheet, reason, hidden: log.grid.hidden === true };
    skipped.push(s);
  }
}
