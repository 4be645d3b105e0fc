/** Chart plans for the summary: type, titles, axes, series source ranges and anchors, all decided here. */
import type { RollupResult } from '../result';
import type { ChartPlan, SeriesPlan } from './plan';
import { sheetRange } from './a1-local';
import { COLORS, FORMATS } from './styles';

export interface TableRows {
  sheet: string;
  first: number;
  last: number;
}
type Anchor = { from: string; to: string };
/** Helper blocks on the summary: first column of each block and its data rows. */
export interface GanttData { col: number; first: number; last: number; min: number | null; max: number | null }
export interface ReferenceData { col: number; row: number; lo: number; hi: number }
export interface TrendData { col: number; first: number; last: number }

/** Distinct colours for up to ten per-project scatter series. */
const PALETTE = ['#2F5597', '#C55A11', '#548235', '#7030A0', '#BF8F00', '#C00000', '#00B0F0', '#7F6000', '#FF66CC', '#404040'];
/** Above this many projects the scatter uses one series (a legend of 200 names helps nobody). */
const MAX_SCATTER_SERIES = PALETTE.length;

export function projectBarChart(
  id: string, kind: 'barClustered' | 'columnClustered', title: string, valueTitle: string, rows: TableRows,
  catCol: number, valueCol: number, color: string, at: Anchor,
): ChartPlan {
  return {
    id, kind, title,
    series: [{
      name: valueTitle,
      categories: sheetRange(rows.sheet, rows.first, catCol, rows.last, catCol),
      values: sheetRange(rows.sheet, rows.first, valueCol, rows.last, valueCol),
      color, dataLabels: true,
    }],
    categoryAxis: { title: 'Project', reverse: kind === 'barClustered' },
    valueAxis: { title: valueTitle, numberFormat: kind === 'columnClustered' ? FORMATS.money : FORMATS.count },
    legend: 'none',
    ...at,
  };
}

export function scatterChart(result: RollupResult, rows: TableRows, spiCol: number, cpiCol: number, ref: ReferenceData, at: Anchor): ChartPlan {
  const series: SeriesPlan[] = [];
  const n = Math.max(1, result.projects.length);
  if (result.projects.length <= MAX_SCATTER_SERIES && result.projects.length > 0) {
    result.projects.forEach((p, i) => {
      const r = rows.first + i;
      series.push({ name: p.id, categories: sheetRange(rows.sheet, r, spiCol, r, spiCol), values: sheetRange(rows.sheet, r, cpiCol, r, cpiCol), color: PALETTE[i % PALETTE.length], kind: 'scatter' });
    });
  } else {
    series.push({ name: 'Projects', categories: sheetRange(rows.sheet, rows.first, spiCol, rows.first + n - 1, spiCol), values: sheetRange(rows.sheet, rows.first, cpiCol, rows.first + n - 1, cpiCol), color: COLORS.spi, kind: 'scatter' });
  }
  // Reference block: label, X, Y; rows ref.row..ref.row+1 draw SPI = 1, the next two CPI = 1.
  const x = ref.col + 1;
  const y = ref.col + 2;
  series.push(
    { name: 'SPI = 1', categories: sheetRange(rows.sheet, ref.row, x, ref.row + 1, x), values: sheetRange(rows.sheet, ref.row, y, ref.row + 1, y), color: COLORS.reference, kind: 'scatterLines', lineOnly: true },
    { name: 'CPI = 1', categories: sheetRange(rows.sheet, ref.row + 2, x, ref.row + 3, x), values: sheetRange(rows.sheet, ref.row + 2, y, ref.row + 3, y), color: COLORS.reference, kind: 'scatterLines', lineOnly: true },
  );
  return {
    id: 'spiCpi', kind: 'scatter', title: 'SPI vs CPI (lower left = late and over budget)', series,
    categoryAxis: { title: 'SPI', min: ref.lo, max: ref.hi, numberFormat: FORMATS.ratio },
    valueAxis: { title: 'CPI', min: ref.lo, max: ref.hi, numberFormat: FORMATS.ratio },
    legend: 'right', ...at,
  };
}

export function ganttChart(sheet: string, g: GanttData, at: Anchor): ChartPlan {
  const cats = sheetRange(sheet, g.first, g.col, g.last, g.col);
  return {
    id: 'timeline', kind: 'barStacked', title: 'Baseline vs forecast timeline',
    series: [
      { name: 'Start', categories: cats, values: sheetRange(sheet, g.first, g.col + 1, g.last, g.col + 1), invisible: true },
      { name: 'Baseline', categories: cats, values: sheetRange(sheet, g.first, g.col + 2, g.last, g.col + 2), color: COLORS.baseline },
      { name: 'Forecast', categories: cats, values: sheetRange(sheet, g.first, g.col + 3, g.last, g.col + 3), color: COLORS.forecast },
    ],
    categoryAxis: { reverse: true },
    // Start the axis on the first of the month before the earliest date so bars do not begin at 1900.
    valueAxis: { numberFormat: FORMATS.axisDate, ...(g.min !== null ? { min: monthStart(g.min) } : {}), ...(g.max !== null ? { max: g.max + 15 } : {}) },
    // No legend: the category labels already say baseline or forecast, and a legend would list the
    // invisible start series in LibreOffice, which ignores deleted legend entries.
    legend: 'none', ...at,
  };
}

export function trendChart(sheet: string, t: TrendData, at: Anchor): ChartPlan {
  const cats = sheetRange(sheet, t.first, t.col, t.last, t.col);
  return {
    id: 'trend', kind: 'lineMarkers', title: 'Program SPI and CPI by roll-up',
    series: [
      { name: 'Program SPI', categories: cats, values: sheetRange(sheet, t.first, t.col + 1, t.last, t.col + 1), color: COLORS.spi },
      { name: 'Program CPI', categories: cats, values: sheetRange(sheet, t.first, t.col + 2, t.last, t.col + 2), color: COLORS.cpi },
    ],
    categoryAxis: { title: 'Status date', numberFormat: FORMATS.date },
    valueAxis: { title: 'Index', numberFormat: FORMATS.ratio },
    legend: 'bottom', ...at,
  };
}

/** Serial of the first day of the month holding `serial` (1900 system, valid after 1900-03-01). */
function monthStart(serial: number): number {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return serial - (d.getUTCDate() - 1);
}
