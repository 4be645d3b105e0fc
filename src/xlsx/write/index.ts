/**
 * The file renderer: a WorkbookPlan -> a new .xlsx. ExcelJS writes cells, styles, tables, conditional
 * formats and links; the native charts it cannot create are added afterwards as DrawingML parts.
 */
import ExcelJS from 'exceljs';
import type { WorkbookPlan } from '../../core/report/plan';
import { writeSheet } from './sheet-writer';
import { injectCharts } from './inject';

export async function renderPlanToXlsx(plan: WorkbookPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Program Rollup';
  // A fixed timestamp keeps the output byte-stable between runs of the same plan.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  plan.sheets.forEach((s) => writeSheet(wb, s));
  const active = plan.sheets.findIndex((s) => s.role === plan.activeSheet);
  wb.views = [{ x: 0, y: 0, width: 28000, height: 16000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return injectCharts(raw, plan);
}
