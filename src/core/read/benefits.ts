/**
 * The program's Benefits register: a sheet (or a table on any sheet that is not a project) headed by a
 * Benefit column, an Enabling Milestones column and a Realisation Start column. Each row names the KPI,
 * its baseline, target and current values, when realisation starts and ends, what it is worth, and the
 * milestones (PROJ:ID, several) that must land first. Enablers are resolved against the projects later,
 * in the analysis, where the propagated forecasts are.
 */
import type { Benefit, EnablerRef } from '../model';
import type { SheetContext } from './context';
import type { ColumnMap } from './headers';
import type { CellValue } from '../grid';
import { buildLookup, matchRow } from './headers';
import { isBlank } from './cells';
// From task-header, not tables: tables.ts imports this module to find benefits tables on project sheets.
import { TASK_HEADER_SCAN_ROWS } from './task-header';

export type BenefitField =
  | 'id' | 'name' | 'owner' | 'measure' | 'unit' | 'baseline' | 'target' | 'current'
  | 'realisationStart' | 'realisationTarget' | 'value' | 'enablers';

export const BENEFIT_HEADERS: Record<BenefitField, string[]> = {
  id: ['ID', 'Benefit ID', 'Ref', 'Benefit Ref', 'No'],
  name: ['Benefit', 'Benefit Name', 'Benefit Description', 'Description'],
  owner: ['Owner', 'Benefit Owner', 'Accountable'],
  measure: ['Measure', 'KPI', 'Metric', 'Measure (KPI)', 'KPI / Measure'],
  unit: ['Unit', 'UoM', 'Unit of Measure'],
  baseline: ['Baseline', 'Baseline Value', 'Baseline KPI'],
  target: ['Target', 'Target Value', 'Target KPI'],
  current: ['Current', 'Current Value', 'Actual', 'Actual Value', 'Current KPI'],
  realisationStart: ['Realisation Start', 'Realization Start', 'Realisation Start Date', 'Realization Start Date', 'Benefit Start', 'Realisation From'],
  realisationTarget: ['Realisation Target', 'Realization Target', 'Realisation Target Date', 'Realization Target Date', 'Target Date', 'Full Realisation', 'Full Realization', 'Realisation End', 'Realization End'],
  value: ['Value', 'Value ($)', 'Financial Value', 'Benefit Value', 'Monetary Value', 'Value (money)', 'Annual Value'],
  enablers: ['Enabling Milestones', 'Enabling Milestone', 'Enablers', 'Enabler', 'Enabled By', 'Depends On', 'Dependent Milestones'],
};

const BENEFIT_LOOKUP = buildLookup(BENEFIT_HEADERS);

export interface BenefitHeader {
  row: number;
  cols: ColumnMap<BenefitField>;
}

/** A benefits header row: a Benefit column, an Enabling Milestones column and a Realisation Start column. */
export function benefitColsOf(row: readonly CellValue[]): ColumnMap<BenefitField> | null {
  const { cols } = matchRow(row, BENEFIT_LOOKUP);
  return cols.name !== undefined && cols.enablers !== undefined && cols.realisationStart !== undefined ? cols : null;
}

/** The register's header in the first rows of a sheet. */
export function findBenefitHeader(ctx: SheetContext): BenefitHeader | null {
  const n = Math.min(ctx.rows.length, TASK_HEADER_SCAN_ROWS);
  for (let r = 0; r < n; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    const cols = benefitColsOf(row);
    if (cols !== null) return { row: r, cols };
  }
  return null;
}

function rowIsBlank(row: readonly CellValue[] | undefined, cols: readonly number[]): boolean {
  if (!Array.isArray(row)) return true;
  for (const c of cols) if (!isBlank(row[c])) return false;
  return true;
}

/**
 * "PLAT:12, CORE:7; DATA:3" -> references; text that is not PROJ:ID is returned apart, for its issue. On a
 * project's own sheet (ownProject given) an ID written alone ("12") is that project's task.
 */
export function parseEnablers(text: string, ownProject: string | null = null): { refs: EnablerRef[]; bad: string[] } {
  const refs: EnablerRef[] = [];
  const bad: string[] = [];
  for (const part of text.split(/[,;\n\r]+/)) {
    // Whitespace runs collapsed first, so the pattern below stays linear on a hostile cell.
    const t = part.replace(/\s+/g, ' ').trim();
    if (t === '') continue;
    const m = /^([^:\s][^:]*?)\s*:\s*(\S(?:.*\S)?)$/.exec(t);
    if (m !== null) refs.push({ project: m[1].trim(), task: m[2].trim(), text: t });
    else if (ownProject !== null && !t.includes(':')) refs.push({ project: ownProject, task: t, text: `${ownProject}:${t}` });
    else bad.push(t);
  }
  return { refs, bad };
}

/**
 * The benefits below a header, up to row `to` (the next table on a project sheet). On a project's sheet,
 * ownProject is its ID: an enabler written as a task ID alone is that project's task.
 */
export function readBenefits(ctx: SheetContext, header: BenefitHeader, to = ctx.rows.length, ownProject: string | null = null): Benefit[] {
  const { cols } = header;
  const used = Object.values(cols) as number[];
  const out: Benefit[] = [];
  const seen = new Set<string>();
  for (let r = header.row + 1; r < to; r++) {
    if (rowIsBlank(ctx.rows[r], used)) continue;
    const name = ctx.text(r, cols.name, 'Benefit');
    const idCol = cols.id ?? (cols.name as number);
    // A benefit with no ID is still rolled up (never lose a row): it is named by its row.
    let id = ctx.text(r, cols.id, 'Benefit ID') ?? `Row ${ctx.sheetRow(r)}`;
    if (name === null) {
      ctx.add('warning', 'BENEFIT_INCOMPLETE', r, cols.name as number,
        `Benefit on row ${ctx.sheetRow(r)} has no name; it is rolled up as "${id}". Give it a name in the Benefit column.`);
    }
    if (seen.has(id.toLowerCase())) {
      const renamed = `${id} (row ${ctx.sheetRow(r)})`;
      ctx.add('warning', 'BENEFIT_ID_DUPLICATE', r, idCol, `Benefit ID "${id}" is used twice; this row is shown as "${renamed}". Give each benefit its own ID.`);
      id = renamed;
    }
    seen.add(id.toLowerCase());
    const enablerText = ctx.text(r, cols.enablers, 'Enabling milestones');
    const enablers: EnablerRef[] = [];
    if (enablerText !== null) {
      const { refs, bad } = parseEnablers(enablerText, ownProject);
      for (const e of refs) enablers.push(e);
      if (bad.length > 0) {
        ctx.add('warning', 'BENEFIT_ENABLER_UNREADABLE', r, cols.enablers as number,
          `Enabling milestone "${bad.join('", "')}" of benefit ${id} is not written as PROJECT:TASK${ownProject !== null ? ' or a task ID of this project' : ''}; it is ignored. Write it like PLAT:12, several separated by commas.`);
      }
    }
    out.push({
      id,
      name: name ?? id,
      owner: ctx.text(r, cols.owner, 'Owner'),
      measure: ctx.text(r, cols.measure, 'Measure'),
      unit: ctx.text(r, cols.unit, 'Unit'),
      baseline: ctx.number(r, cols.baseline, 'Baseline value'),
      target: ctx.number(r, cols.target, 'Target value'),
      current: ctx.number(r, cols.current, 'Current value'),
      realisationStart: ctx.date(r, cols.realisationStart, 'Realisation start'),
      realisationTarget: ctx.date(r, cols.realisationTarget, 'Realisation target'),
      value: ctx.money(r, cols.value, 'Value'),
      enablers,
      source: { sheet: ctx.sheet, cell: ctx.addr(r, idCol) },
      enablerSource: cols.enablers === undefined ? null : { sheet: ctx.sheet, cell: ctx.addr(r, cols.enablers) },
    });
  }
  return out;
}
