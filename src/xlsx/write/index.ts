/**
 * The file renderer: a WorkbookPlan -> a new .xlsx. ExcelJS writes cells, styles, tables, conditional
 * formats and links; the native charts it cannot create are added afterwards as DrawingML parts; then all the
 * parts are zipped once, with Node's zlib.
 */
import ExcelJS from 'exceljs';
import type { WorkbookPlan } from '../../core/report/plan';
import { legalPlan } from '../../core/report/legal-text';
import { writeSheet } from './sheet-writer';
import { injectCharts } from './inject';
import { excelParts } from './excel-parts';
import { zipParts } from './zip-writer';
import { quoteSheet } from '../../core/report/a1-local';

export interface XlsxRenderOptions {
  /**
   * Sheets that will sit next to the plan's sheets in the final workbook (for example project sheets the
   * caller merges in). Links to them are kept; links to any sheet neither here nor in the plan are written
   * as plain text, because in a values-only pack they would point nowhere. Default: keep every link.
   */
  linkableSheets?: readonly string[] | 'all';
}

export async function renderPlanToXlsx(unchecked: WorkbookPlan, options: XlsxRenderOptions = {}): Promise<Buffer> {
  // Whatever built the plan, no text reaches a part that XML cannot hold or a cell Excel cannot hold.
  const plan = legalPlan(unchecked);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Program Rollup';
  // A fixed timestamp keeps the output byte-stable between runs of the same plan.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  // The plan's serials are in its date system (1904 when the input workbook used it); the file says which.
  wb.properties.date1904 = plan.date1904 === true;
  const linkable = options.linkableSheets ?? 'all';
  const present: ReadonlySet<string> = linkable === 'all'
    ? new Set(plan.sheets.flatMap((s) => [s.name, ...s.hyperlinks.map((h) => h.sheet)]))
    : new Set([...plan.sheets.map((s) => s.name), ...linkable]);
  plan.sheets.forEach((s) => writeSheet(wb, s, present));
  // The add-in's ownership markers (src/excel/ownership.ts), so a later run, in Excel or on the command line,
  // recognises these sheets as its own: it keeps their history and snapshot and never reads them as projects.
  for (const s of plan.sheets) wb.definedNames.add(`${quoteSheet(s.name)}!$A$1`, `PR_OWNED_${s.role}`);
  const active = plan.sheets.findIndex((s) => s.role === plan.activeSheet);
  wb.views = [{ x: 0, y: 0, width: 28000, height: 16000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
  return zipParts(injectCharts(await excelParts(wb), plan));
}
