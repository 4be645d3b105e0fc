/**
 * `program-rollup --explain`: how each sheet was read, in plain text, before a user trusts its numbers:
 * the header row, which column became which field, columns set aside, the ID scheme, each date column's
 * convention, rows skipped and why, and the sheets left out with what came closest.
 */
import type { SheetReading } from '../core/model';

const ID_SCHEMES: Record<SheetReading['idScheme'], string> = {
  column: 'from the ID column',
  wbs: 'the WBS / outline codes',
  'row-order': 'numbered 1, 2, 3 … in row order, summary rows included (as MS Project numbers them)',
  'sheet-row': 'the worksheet row numbers (as Smartsheet numbers rows)',
  none: 'none',
};

function sheetName(r: SheetReading): string {
  return r.workbook !== undefined ? `${r.workbook} › ${r.sheet}` : r.sheet;
}

function describeOne(r: SheetReading): string[] {
  const out: string[] = [];
  if (r.kind === 'skipped' || r.kind === 'program') {
    out.push(`Sheet "${sheetName(r)}": ${r.kind === 'program' ? 'program sheet' : 'skipped'}: ${r.reason ?? ''}`);
    return out;
  }
  if (r.kind === 'risk-log') {
    out.push(`Sheet "${sheetName(r)}": ${r.reason ?? 'risk log'}${r.headerRow !== null ? `, header in row ${r.headerRow}` : ''}`);
    for (const n of r.notes) out.push(`  note: ${n}`);
    return out;
  }
  const what = r.projects.length === 1 ? `project ${r.projects[0]}` : `${r.projects.length} projects (${r.projects.join(', ')})`;
  const rows = r.headerTopRow !== undefined ? `rows ${r.headerTopRow}-${r.headerRow ?? ''}` : `row ${r.headerRow ?? ''}`;
  out.push(`Sheet "${sheetName(r)}": ${what}; header in ${rows}; mapping ${r.mappingSource === 'settings' ? 'from settings' : 'inferred'}`);
  out.push(`  columns: ${r.columns.map((c) => `${c.column} ${c.field} "${c.heading}"`).join(', ')}`);
  for (const c of r.ignoredColumns) out.push(`  not read: ${c.column} "${c.heading}" (${c.reason})`);
  out.push(`  task IDs: ${ID_SCHEMES[r.idScheme]}`);
  for (const d of r.dateConventions) out.push(`  dates in ${d.column} "${d.heading}": ${d.convention}${d.note !== undefined ? ` (${d.note})` : ''}`);
  out.push(`  tasks ${r.taskCount}, summary rows ${r.summaryCount}, milestones ${r.milestoneCount}, links ${r.linkCount}`);
  for (const s of r.skippedRows) out.push(`  rows ${s.rows} skipped: ${s.reason}`);
  for (const n of r.notes) out.push(`  note: ${n}`);
  return out;
}

/** Plain text; the command line passes everything it prints through terminalSafe (terminal.ts). */
export function formatReadings(readings: readonly SheetReading[]): string {
  return readings.flatMap(describeOne).join('\n');
}
