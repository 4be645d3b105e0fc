/**
 * One project sheet: find its tables, read the metadata above them, then the tasks, risks and EVM periods.
 * Returns null (with a reason) when the sheet holds no task table.
 */
import type { Project } from '../model';
import type { SheetContext } from './context';
import type { PendingLink } from './tasks';
import { readTaskTable } from './tasks';
import { readMetadata } from './metadata';
import { readRisks } from './risks';
import { readEvmTable } from './evm';
import { bodyRows, findTables } from './tables';

export interface ProjectRead {
  project: Project;
  pending: PendingLink[];
  idCell: { r: number; c: number } | null;
}

export const NO_TASK_TABLE = 'no task table (needs a header row in the first 50 rows with a Task Name column and a date column)';

export function readProjectSheet(ctx: SheetContext): ProjectRead | { reason: string } {
  const { tables, repeatedHeaders } = findTables(ctx.rows);
  const taskIndex = tables.findIndex((t) => t.kind === 'task');
  if (taskIndex < 0) return { reason: NO_TASK_TABLE };
  const taskHeader = tables[taskIndex];
  if (taskHeader.kind !== 'task') return { reason: NO_TASK_TABLE };

  // Metadata sits above the first table, whichever it is.
  const meta = readMetadata(ctx, tables[0].row);
  const id = meta.id ?? ctx.sheet;
  const span = bodyRows(tables, taskIndex, ctx.rows.length);
  const { tasks, pending } = readTaskTable(ctx, id, taskHeader.cols, span.from, span.to, repeatedHeaders);

  const project: Project = {
    id,
    name: meta.name ?? ctx.sheet,
    sheet: ctx.sheet,
    hidden: ctx.grid.hidden === true,
    manager: meta.manager,
    statusDate: meta.statusDate,
    budget: meta.budget,
    tasks,
    risks: [],
    evmPeriods: null,
  };
  if (ctx.grid.workbook !== undefined) project.workbook = ctx.grid.workbook;

  tables.forEach((t, i) => {
    const s = bodyRows(tables, i, ctx.rows.length);
    if (t.kind === 'risk') for (const risk of readRisks(ctx, t.cols, s.from, s.to)) project.risks.push(risk);
    else if (t.kind === 'evm') project.evmPeriods = [...(project.evmPeriods ?? []), ...readEvmTable(ctx, t.cols, s.from, s.to)].sort((a, b) => a.date - b.date);
  });

  if (tasks.length > 0 && taskHeader.cols.baselineStart === undefined && taskHeader.cols.baselineFinish === undefined) {
    ctx.add('info', 'BASELINE_MISSING', taskHeader.row, taskHeader.cols.name ?? 0,
      'This sheet has no baseline columns, so schedule variance is unavailable. Add Baseline Start and Baseline Finish columns.');
  }
  return { project, pending, idCell: meta.idCell };
}
