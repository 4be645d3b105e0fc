/**
 * Program-level sheets: the Dependencies register the program manager keeps, the Holidays list, and the
 * add-in's own Rollup History (read back so earlier rows are kept verbatim).
 */
import type { HistoryRow, LinkType, RegisterDependency } from '../model';
import type { SheetContext } from './context';
import type { ColumnMap, DependencyField, HistoryField } from './headers';
import { DEPENDENCY_LOOKUP, HISTORY_LOOKUP, matchRow } from './headers';
import { isoFromSerial, parseDate } from './cells';
import { parseLag } from './predecessors';
import { TASK_HEADER_SCAN_ROWS, rowIsBlank } from './tables';

export function findDependencyHeader(ctx: SheetContext): { row: number; cols: ColumnMap<DependencyField> } | null {
  const n = Math.min(ctx.rows.length, TASK_HEADER_SCAN_ROWS);
  for (let r = 0; r < n; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    const { cols } = matchRow(row, DEPENDENCY_LOOKUP);
    if (cols.fromProject !== undefined && cols.fromTask !== undefined && cols.toProject !== undefined && cols.toTask !== undefined) return { row: r, cols };
  }
  return null;
}

/** Register rows with project names as written; the reader resolves them against the projects it found. */
export function readDependencyRegister(ctx: SheetContext, header: { row: number; cols: ColumnMap<DependencyField> }): RegisterDependency[] {
  const { cols } = header;
  const used = Object.values(cols) as number[];
  const out: RegisterDependency[] = [];
  for (let r = header.row + 1; r < ctx.rows.length; r++) {
    if (rowIsBlank(ctx.rows[r], used)) continue;
    const fromProject = ctx.text(r, cols.fromProject, 'From project');
    const fromTask = ctx.text(r, cols.fromTask, 'From task');
    const toProject = ctx.text(r, cols.toProject, 'To project');
    const toTask = ctx.text(r, cols.toTask, 'To task');
    if (fromProject === null || fromTask === null || toProject === null || toTask === null) {
      const missing = [fromProject === null ? cols.fromProject : null, fromTask === null ? cols.fromTask : null, toProject === null ? cols.toProject : null, toTask === null ? cols.toTask : null].find((c) => c !== null && c !== undefined) ?? 0;
      ctx.add('warning', 'DEPENDENCY_INCOMPLETE', r, missing, `Dependency on row ${ctx.sheetRow(r)} needs From Project, From Task, To Project and To Task; it is left out.`);
      continue;
    }
    let type: LinkType = 'FS';
    const typeText = ctx.text(r, cols.type, 'Type');
    if (typeText !== null) {
      const t = typeText.toUpperCase().replace(/[^A-Z]/g, '');
      const named: Record<string, LinkType> = { FS: 'FS', SS: 'SS', FF: 'FF', SF: 'SF', FINISHTOSTART: 'FS', STARTTOSTART: 'SS', FINISHTOFINISH: 'FF', STARTTOFINISH: 'SF' };
      if (named[t]) type = named[t];
      else ctx.add('warning', 'DEPENDENCY_TYPE_UNREADABLE', r, cols.type ?? 0, `Link type "${typeText}" is not FS, SS, FF or SF; FS is used.`);
    }
    let lag = 0;
    let lagUnit: RegisterDependency['lagUnit'] = 'working';
    const lagText = ctx.text(r, cols.lag, 'Lag');
    if (lagText !== null) {
      const l = parseLag(lagText);
      if (l) ({ lag, lagUnit } = l);
      else ctx.add('warning', 'LAG_UNREADABLE', r, cols.lag ?? 0, `Lag "${lagText}" cannot be read; 0 is used. Write it like 2d, -1d, 1w or 3ed.`);
    }
    out.push({
      fromProject, fromTask, toProject, toTask, type, lag, lagUnit,
      needBy: ctx.date(r, cols.needBy, 'Need by'),
      owner: ctx.text(r, cols.owner, 'Owner'),
      notes: ctx.text(r, cols.notes, 'Notes'),
      source: { sheet: ctx.sheet, cell: ctx.addr(r, cols.fromProject ?? 0) },
    });
  }
  return out;
}

/**
 * Holidays: every date in the sheet, whatever the layout (a single column, or Date + Name). Text that is not
 * a date (titles, holiday names) is ignored; numbers that are not dates are reported.
 */
export function readHolidays(ctx: SheetContext): number[] {
  const out = new Set<number>();
  for (let r = 0; r < ctx.rows.length; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'number') {
        const d = ctx.date(r, c, 'Holiday');
        if (d !== null) out.add(d);
      } else if (typeof v === 'string' && v.trim() !== '') {
        const p = parseDate(v, ctx.options.dateOrder, ctx.options.date1904);
        if (p.kind === 'value') out.add(ctx.date(r, c, 'Holiday') ?? p.value);
        else if (p.kind === 'error') ctx.add('warning', 'EXCEL_ERROR', r, c, `Holiday list shows the Excel error ${p.text}; that cell is ignored.`);
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Rollup History rows as the add-in wrote them; rows it cannot place are ignored (it is the add-in's own sheet). */
export function readHistory(ctx: SheetContext): HistoryRow[] {
  const n = Math.min(ctx.rows.length, TASK_HEADER_SCAN_ROWS);
  let header: { row: number; cols: ColumnMap<HistoryField> } | null = null;
  for (let r = 0; r < n && !header; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    const { cols } = matchRow(row, HISTORY_LOOKUP);
    if (cols.projectId !== undefined && cols.statusDate !== undefined) header = { row: r, cols };
  }
  if (!header) return [];
  const { cols } = header;
  const out: HistoryRow[] = [];
  for (let r = header.row + 1; r < ctx.rows.length; r++) {
    const row = ctx.rows[r];
    if (rowIsBlank(row, Object.values(cols) as number[])) continue;
    const projectId = ctx.value(r, cols.projectId);
    if (projectId === null || projectId === undefined || projectId === '') continue;
    const sd = ctx.value(r, cols.statusDate);
    const sdParsed = parseDate(sd, 'MDY', ctx.options.date1904);
    const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
    out.push({
      rollupAt: text(ctx.value(r, cols.rollupAt)),
      statusDate: sdParsed.kind === 'value' && typeof sd === 'number' ? isoFromSerial(sdParsed.value) : text(sd),
      projectId: String(projectId),
      projectName: text(ctx.value(r, cols.projectName)),
      spi: num(ctx.value(r, cols.spi)),
      cpi: num(ctx.value(r, cols.cpi)),
      svtDays: num(ctx.value(r, cols.svtDays)),
      finishVarianceDays: num(ctx.value(r, cols.finishVarianceDays)),
      riskExposure: num(ctx.value(r, cols.riskExposure)),
      health: text(ctx.value(r, cols.health)),
    });
  }
  return out;
}
