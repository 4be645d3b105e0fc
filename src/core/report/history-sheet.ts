/**
 * Rollup History: the rows found in the workbook are kept verbatim and in order; this roll-up's rows (one per
 * project plus one program row) are appended. Re-running with the same status date replaces only the rows
 * that roll-up wrote before (same status date and same project), so running twice gives the same sheet.
 */
import type { HistoryRow } from '../model';
import type { RollupResult } from '../result';
import type { PlanValue, SheetPlan } from './plan';
import { rangeA1 } from './a1-local';
import { isoToSerial } from './dates';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { COLORS, FORMATS, HEADER_STYLE, RAG, TITLE_STYLE } from './styles';

/** Project ID used for the program's own row in the history. */
export const PROGRAM_HISTORY_ID = '(program)';

export interface TrendPoint {
  statusDate: string;
  spi: number | null;
  cpi: number | null;
}

export const HISTORY_COLUMNS = ['Roll-up at', 'Status date', 'Project ID', 'Project', 'SPI', 'CPI', 'SV(t) days', 'Finish variance (d)', 'Risk exposure', 'Health'] as const;

export function currentHistoryRows(result: RollupResult): HistoryRow[] {
  const row = (projectId: string, projectName: string, m: RollupResult['program'] | RollupResult['projects'][number]): HistoryRow => ({
    rollupAt: result.generatedAt, statusDate: result.statusDate, projectId, projectName,
    spi: m.spi, cpi: m.cpi, svtDays: m.svtDays, finishVarianceDays: m.finishVarianceDays, riskExposure: m.riskExposure,
    health: RAG[m.health].label,
  });
  return [...result.projects.map((p) => row(p.id, p.name, p)), row(PROGRAM_HISTORY_ID, result.program.name, result.program)];
}

export function mergeHistory(result: RollupResult): HistoryRow[] {
  const current = currentHistoryRows(result);
  const replaced = new Set(current.map((r) => r.projectId));
  const kept = result.history.filter((r) => !(r.statusDate === result.statusDate && replaced.has(r.projectId)));
  return [...kept, ...current];
}

/** Program SPI/CPI per status date, oldest first (the last row per status date wins). */
export function programTrend(rows: HistoryRow[]): TrendPoint[] {
  const byDate = new Map<string, TrendPoint>();
  for (const r of rows) if (r.projectId === PROGRAM_HISTORY_ID) byDate.set(r.statusDate, { statusDate: r.statusDate, spi: r.spi, cpi: r.cpi });
  return [...byDate.values()].sort((a, b) => (a.statusDate < b.statusDate ? -1 : a.statusDate > b.statusDate ? 1 : 0));
}

export function buildHistorySheet(rows: HistoryRow[], name: string): SheetPlan {
  const sheet = emptySheet('history', name, COLORS.tabHistory);
  widths(sheet, [24, 12, 11, 26, 8, 8, 10, 11, 13, 9]);
  sheet.rowHeights = [{ row: 3, height: 30 }];
  addBlock(sheet, 1, 0, [['Roll-up history (appended on every roll-up; earlier rows are never rewritten)']]);
  sheet.formats.push({ range: 'A1', style: { ...TITLE_STYLE, fontSize: 14 } });
  const header = 3;
  const last = HISTORY_COLUMNS.length - 1;
  addBlock(sheet, header, 0, [[...HISTORY_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(header, 0, header, last), style: HEADER_STYLE });
  const values: PlanValue[][] = rows.map((r) => [r.rollupAt, isoToSerial(r.statusDate) ?? r.statusDate, r.projectId, r.projectName, r.spi, r.cpi, r.svtDays, r.finishVarianceDays, r.riskExposure, r.health]);
  const end = addBlock(sheet, header + 1, 0, values) - 1;
  if (values.length > 0) {
    sheet.tables.push({ name: 'RollupHistory', range: rangeA1(header, 0, end, last), style: 'TableStyleLight9', showBandedRows: true });
    sheet.formats.push(
      { range: rangeA1(header + 1, 1, end, 1), numberFormat: FORMATS.date },
      { range: rangeA1(header + 1, 4, end, 5), numberFormat: FORMATS.ratio },
      { range: rangeA1(header + 1, 6, end, 7), numberFormat: FORMATS.days },
      { range: rangeA1(header + 1, 8, end, 8), numberFormat: FORMATS.money },
    );
  }
  sheet.freeze = { rows: header, columns: 0 };
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitleRows: `$${header}:$${header}` };
  sheet.showGridlines = true;
  return sheet;
}
