/**
 * Milestone Trend: the classic milestone trend analysis (MTA) chart, report date across, forecast date up,
 * one line per milestone (the N that slipped most) and the diagonal where a milestone is reached; a table
 * of each milestone's drift per reporting period in working days; and the program's finish variance and
 * late hand-offs by roll-up. Everything is drawn from the chart-data block under the table.
 */
import type { MilestoneTrendResult } from '../changes-result';
import type { ChartPlan, PlanValue, SeriesPlan, SheetPlan } from './plan';
import { cellA1, rangeA1, sheetRange } from './a1-local';
import { isoToSerial } from './dates';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { COLORS, FORMATS, HEADER_STYLE, RAG, SECTION_STYLE, TABLE_STYLE, TITLE_STYLE } from './styles';

export const MTA_SHEET_NAME = 'Milestone Trend';
const TAB_COLOR = '#00B0F0';
const PALETTE = ['#2F5597', '#C55A11', '#548235', '#7030A0', '#BF8F00', '#C00000', '#00B0F0', '#7F6000', '#FF66CC', '#404040'];
/** Columns of the drift table before the per-period drifts. */
const FIXED = ['Milestone', 'Key', 'Project', 'Slip (wd)', 'Forecast now'] as const;
const CHART_ROWS = 22;

/** Where things landed, for tests. */
export interface MtaLayout {
  tableHeader: number | null;
  dataHeader: number | null;
  /** Chart-data columns: report date, diagonal, then one per charted milestone, then the two program series. */
  dataFirst: number | null;
  dataLast: number | null;
}

function seriesName(key: string, name: string): string {
  const text = name === key || name === '' ? key : `${key} ${name}`;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function buildMtaSheet(trend: MilestoneTrendResult, name: string = MTA_SHEET_NAME): { sheet: SheetPlan; layout: MtaLayout } {
  const sheet = emptySheet('trend', name, TAB_COLOR);
  const n = trend.dates.length;
  widths(sheet, [36, 12, 9, 9, 12, ...Array<number>(Math.max(12, n)).fill(12)]);
  const layout: MtaLayout = { tableHeader: null, dataHeader: null, dataFirst: null, dataLast: null };
  addBlock(sheet, 1, 0, [['Milestone trend']]);
  sheet.formats.push({ range: 'A1', style: TITLE_STYLE });
  if (n < 2) {
    addBlock(sheet, 3, 0, [['The milestone trend needs roll-ups of two status dates; it appears from the next roll-up with a later status date on.']]);
    sheet.formats.push({ range: 'A3', style: { italic: true, fontColor: '#404040' } });
    return { sheet, layout };
  }
  addBlock(sheet, 2, 0, [[`Forecast date of each milestone at each roll-up, ${trend.dates[0]} to ${trend.dates[n - 1]}. A line that climbs is slipping; a flat line holds its date; a milestone is reached where its line meets the diagonal. The chart draws the ${trend.charted} that slipped most.`]]);
  sheet.formats.push({ range: 'A2', style: { italic: true, fontColor: '#404040' } });

  // Drift table: one row per milestone, the drift since the previous roll-up per period.
  const chartTop = 4;
  const tableTitle = chartTop + CHART_ROWS + 1;
  addBlock(sheet, tableTitle, 0, [['Drift per reporting period (working days; positive = later)']]);
  const header = tableTitle + 1;
  const periodHeads = trend.dates.slice(1).map((d) => `To ${d}`);
  const cols = [...FIXED, ...periodHeads];
  sheet.formats.push({ range: rangeA1(tableTitle, 0, tableTitle, cols.length - 1), style: SECTION_STYLE });
  addBlock(sheet, header, 0, [cols]);
  sheet.formats.push({ range: rangeA1(header, 0, header, cols.length - 1), style: HEADER_STYLE });
  layout.tableHeader = header;
  const rows: PlanValue[][] = trend.milestones.map((m) => [m.name, m.key, m.project, m.slipDays, isoToSerial(m.forecasts[n - 1]), ...m.driftDays.slice(1)]);
  let after = header + 2;
  if (rows.length === 0) {
    addBlock(sheet, header + 1, 0, [['No milestones in these roll-ups.']]);
  } else {
    const first = header + 1;
    const last = addBlock(sheet, first, 0, rows) - 1;
    sheet.tables.push({ name: 'MilestoneTrend', range: rangeA1(header, 0, last, cols.length - 1), style: TABLE_STYLE, showBandedRows: true });
    sheet.formats.push({ range: rangeA1(first, 3, last, 3), numberFormat: '+0;-0;0' }, { range: rangeA1(first, 4, last, 4), numberFormat: FORMATS.date }, { range: rangeA1(first, 5, last, cols.length - 1), numberFormat: '+0;-0;0' });
    // The slip column and the period columns, not the Forecast now column between them: a date is a large
    // positive number and would always read as a slip (the rendered sheet showed it all red).
    let priority = 1;
    for (const [from, to] of [[3, 3], [5, cols.length - 1]] as const) {
      if (to < from) continue;
      const drift = rangeA1(first, from, last, to);
      const tl = cellA1(first, from);
      sheet.conditionalFormats.push(
        { range: drift, rule: { kind: 'expression', formula: `=AND(ISNUMBER(${tl}),${tl}>0)` }, style: { fill: RAG.red.fill, fontColor: RAG.red.fontColor }, priority: priority++ },
        { range: drift, rule: { kind: 'expression', formula: `=AND(ISNUMBER(${tl}),${tl}<0)` }, style: { fill: RAG.green.fill, fontColor: RAG.green.fontColor }, priority: priority++ },
      );
    }
    after = last + 2;
  }

  // Chart data: report date, the diagonal (forecast = report date), the charted milestones, program series.
  const charted = trend.milestones.slice(0, trend.charted);
  const dataTitle = after + 1;
  addBlock(sheet, dataTitle, 0, [['Chart data (drawn by the charts above)']]);
  sheet.formats.push({ range: rangeA1(dataTitle, 0, dataTitle, 4), style: SECTION_STYLE });
  const dataHeader = dataTitle + 1;
  const head: PlanValue[] = ['Report date', 'Reached (diagonal)', ...charted.map((m) => seriesName(m.key, m.name)), 'Program finish variance (wd)', 'Late hand-offs'];
  const data: PlanValue[][] = trend.dates.map((d, i) => {
    const serial = isoToSerial(d);
    return [serial, serial, ...charted.map((m) => isoToSerial(m.forecasts[i])), trend.programFinishVarianceDays[i], trend.lateHandoffs[i]];
  });
  addBlock(sheet, dataHeader, 0, [head, ...data]);
  const d1 = dataHeader + 1;
  const d2 = dataHeader + n;
  const lastCol = head.length - 1;
  sheet.formats.push(
    { range: rangeA1(dataHeader, 0, dataHeader, lastCol), style: HEADER_STYLE },
    { range: rangeA1(d1, 0, d2, 1 + charted.length), numberFormat: FORMATS.date },
    { range: rangeA1(d1, lastCol - 1, d2, lastCol), numberFormat: FORMATS.count },
  );
  layout.dataHeader = dataHeader;
  layout.dataFirst = d1;
  layout.dataLast = d2;

  const cats = sheetRange(name, d1, 0, d2, 0);
  const col = (c: number): string => sheetRange(name, d1, c, d2, c);
  const plotted = data.flatMap((r) => r.slice(0, 2 + charted.length)).filter((v): v is number => typeof v === 'number');
  // A fixed date range a week either side of the data: an automatic axis would start at 1900.
  const min = Math.min(...plotted) - 7;
  const max = Math.max(...plotted) + 7;
  const series: SeriesPlan[] = [
    { name: 'Reached (diagonal)', categories: cats, values: col(1), color: COLORS.reference, lineOnly: true },
    ...charted.map((m, i): SeriesPlan => ({ name: seriesName(m.key, m.name), categories: cats, values: col(2 + i), color: PALETTE[i % PALETTE.length] })),
  ];
  const mta: ChartPlan = {
    id: 'milestoneTrend', kind: 'lineMarkers', title: 'Milestone trend: forecast date at each roll-up', series,
    categoryAxis: { title: 'Report date', numberFormat: FORMATS.date },
    valueAxis: { title: 'Forecast date', numberFormat: FORMATS.date, min, max },
    legend: 'right', from: cellA1(chartTop, 0), to: cellA1(chartTop + CHART_ROWS - 1, 7),
  };
  const variance: ChartPlan = {
    id: 'finishVarianceTrend', kind: 'lineMarkers', title: 'Program finish variance by roll-up (working days late)',
    series: [{ name: 'Program finish variance (wd)', categories: cats, values: col(lastCol - 1), color: COLORS.variance }],
    categoryAxis: { title: 'Status date', numberFormat: FORMATS.date }, valueAxis: { title: 'Working days', numberFormat: FORMATS.count },
    legend: 'none', from: cellA1(chartTop, 8), to: cellA1(chartTop + CHART_ROWS / 2 - 1, 14),
  };
  const late: ChartPlan = {
    id: 'lateHandoffsTrend', kind: 'lineMarkers', title: 'Late hand-offs by roll-up',
    series: [{ name: 'Late hand-offs', categories: cats, values: col(lastCol), color: COLORS.exposure }],
    categoryAxis: { title: 'Status date', numberFormat: FORMATS.date }, valueAxis: { title: 'Hand-offs', numberFormat: FORMATS.count, min: 0 },
    legend: 'none', from: cellA1(chartTop + CHART_ROWS / 2, 8), to: cellA1(chartTop + CHART_ROWS - 1, 14),
  };
  sheet.charts.push(mta, variance, late);
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printArea: rangeA1(1, 0, Math.max(after - 1, chartTop + CHART_ROWS), 14) };
  return { sheet, layout };
}
