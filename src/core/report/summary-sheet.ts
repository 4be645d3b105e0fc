/**
 * Program Summary: header, KPI block, the project table with RAG formatting, native charts and the small
 * chart-data block they draw from. Rows are 1-based, columns 0-based (A = 0).
 */
import type { ProjectResult, RollupResult } from '../result';
import { openIssuesByProject } from '../analyze/raid';
import type { RollupSettings } from '../settings';
import type { PlanAnchor, PlanValue, SheetPlan } from './plan';
import { anchorMap } from './anchors';
import { cellA1, rangeA1 } from './a1-local';
import { formatTimestamp, isoToSerial } from './dates';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { maxOf, minOf, pushAll } from '../arrays';
import {
  COLORS, FORMATS, HEADER_STYLE, LABEL_STYLE, RAG, SECTION_STYLE, TABLE_STYLE, TITLE_STYLE,
  healthRules, indexRules, negativeRule, varianceRules,
} from './styles';
import { ganttChart, trendChart, projectBarChart, scatterChart } from './charts';
import type { GanttData, ReferenceData, TrendData } from './charts';
import type { TrendPoint } from './history-sheet';
import { evmBasisNote } from './evm-note';
import { CHANGES_SHEET_NAME } from './changes-sheet';
import { causeLabel } from './resources-sheet';

/** Project table columns, in order; the KPI block reuses the same columns so widths line up. */
export const PROJECT_COLUMNS = [
  'ID', 'Project', 'PM', 'Health', '% complete', 'Baseline finish', 'Forecast finish', 'Finish variance (d)',
  'SPI', 'CPI', 'SPI(t)', 'EAC', 'VAC', 'Risk exposure', 'Open risks', 'Late hand-offs',
] as const;
const COL = Object.fromEntries(PROJECT_COLUMNS.map((c, i) => [c, i])) as Record<(typeof PROJECT_COLUMNS)[number], number>;
const LAST_COL = PROJECT_COLUMNS.length - 1;
const WIDTHS = [9, 26, 16, 9, 10, 12, 12, 11, 7, 7, 7, 13, 13, 13, 8, 11];
/** Three chart slots of about the same printed width: columns A–D, E–J, K–P. */
const SLOTS: [number, number][] = [[0, 3], [4, 9], [10, 15]];

/** Where things landed, for tests and for the renderer-independent checks. */
export interface SummaryLayout {
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  kpiValueRow: number;
}

function healthLabel(p: { health: keyof typeof RAG }): string {
  return RAG[p.health].label;
}

function projectRow(p: ProjectResult): PlanValue[] {
  return [
    p.id, p.name, p.manager, healthLabel(p), p.percentComplete, isoToSerial(p.baselineFinish), isoToSerial(p.forecastFinish),
    p.finishVarianceDays, p.spi, p.cpi, p.spit, p.eac, p.vac, p.riskExposure, p.openRisks, p.lateHandoffs,
  ];
}

export function buildSummarySheet(
  result: RollupResult, settings: RollupSettings, name: string, trend: TrendPoint[],
): { sheet: SheetPlan; layout: SummaryLayout; anchors: Record<string, PlanAnchor> } {
  const sheet = emptySheet('summary', name, COLORS.tabSummary);
  widths(sheet, WIDTHS);
  const programName = settings.programName ?? (result.program.name || 'Program');
  const projectSheets = result.sources.filter((s) => s.kind === 'project' && !s.excluded).map((s) => s.sheet);

  // Header
  addBlock(sheet, 1, 0, [[`${programName} — program summary`]]);
  sheet.formats.push({ range: 'A1', style: TITLE_STYLE });
  sheet.merges.push(rangeA1(1, 0, 1, 7));
  addBlock(sheet, 2, 0, [['Status date', null, isoToSerial(result.statusDate) ?? result.statusDate], ['Generated', null, formatTimestamp(result.generatedAt)], ['Source sheets', null, projectSheets.join(', ') || '(none)']]);
  sheet.merges.push(rangeA1(2, 0, 2, 1), rangeA1(3, 0, 3, 1), rangeA1(4, 0, 4, 1), rangeA1(4, 2, 4, LAST_COL));
  sheet.formats.push({ range: 'A2:A4', style: LABEL_STYLE }, { range: 'C2', numberFormat: FORMATS.date, style: { hAlign: 'left' } }, { range: 'C4', style: { wrap: false } });
  // What changed since the last roll-up, in one line that links to the Program Changes sheet.
  if (result.changes) {
    addBlock(sheet, 5, 0, [[result.changes.headline]]);
    sheet.merges.push(rangeA1(5, 0, 5, LAST_COL));
    sheet.formats.push({ range: 'A5', style: { bold: true, fontColor: COLORS.accent } });
    sheet.hyperlinks.push({ cell: 'A5', text: result.changes.headline, sheet: CHANGES_SHEET_NAME, target: 'A1', tooltip: 'Open Program Changes' });
  }

  // KPI block: one "program" row laid over the table's own columns.
  const g = result.program;
  addBlock(sheet, 6, 0, [['Program KPIs']]);
  sheet.formats.push({ range: rangeA1(6, 0, 6, LAST_COL), style: SECTION_STYLE });
  const byDuration = g.evmBasis === 'duration' || g.evmBasis === 'duration-forecast-plan';
  const kpiHeader: PlanValue[] = ['Program', null, null, 'Health', '% complete', 'Baseline finish', 'Forecast finish', 'Finish variance (d)', byDuration ? 'SPI (duration-weighted)' : 'SPI', 'CPI', 'SV(t) days', 'EAC', 'BAC', 'Risk exposure', 'Open risks', 'Late hand-offs'];
  const kpiValues: PlanValue[] = [programName, null, null, healthLabel(g), g.percentComplete, isoToSerial(g.baselineFinish), isoToSerial(g.forecastFinish), g.finishVarianceDays, g.spi, g.cpi, g.svtDays, g.eac, g.bac, g.riskExposure, g.openRisks, g.lateHandoffs];
  const reason = g.healthReason.trim() || 'no reason given';
  // The analysis may already start its reason with the colour ("Amber: SPI 0.91 < 0.95"); do not repeat it.
  const reasonText = reason.toLowerCase().startsWith(healthLabel(g).toLowerCase()) ? reason : `${healthLabel(g)} — ${reason}`;
  const kpiReason: PlanValue[] = [`Health (${settings.health.name} rules): ${reasonText.replace(/\.$/, '')}. At-risk hand-offs: ${g.atRiskHandoffs}.`];
  addBlock(sheet, 7, 0, [kpiHeader, kpiValues]);
  addBlock(sheet, 9, 0, [kpiReason]);
  sheet.merges.push(rangeA1(7, 0, 7, 2), rangeA1(8, 0, 8, 2), rangeA1(9, 0, 9, LAST_COL));
  sheet.formats.push(
    { range: rangeA1(7, 0, 7, LAST_COL), style: { ...HEADER_STYLE, fill: '#D9E1F2', border: 'bottom' } },
    { range: rangeA1(8, 0, 8, LAST_COL), style: { bold: true, fontSize: 12 } },
    { range: rangeA1(9, 0, 9, LAST_COL), style: { italic: true, fontColor: '#404040' } },
  );
  columnFormats(sheet, 8, 8, true);
  sheet.conditionalFormats.push(...healthRules(cellA1(8, COL.Health), 1));
  // Between the KPIs and the table, from row 10: the program duties beyond the schedule (benefits, shared
  // people), one line each, only when the workbook has them, so a workbook without them keeps its familiar
  // layout; then which projects' SPI is duration-weighted and what the program sums, when any is.
  const duties = dutyLines(result);
  duties.forEach((line, i) => {
    addBlock(sheet, 10 + i, 0, [[line]]);
    sheet.merges.push(rangeA1(10 + i, 0, 10 + i, LAST_COL));
    sheet.formats.push({ range: rangeA1(10 + i, 0, 10 + i, LAST_COL), style: { bold: true, fontColor: '#404040' } });
  });
  let next = 10 + duties.length;
  const evmNote = evmBasisNote(result);
  const noteRow = next;
  if (evmNote !== null) {
    addBlock(sheet, noteRow, 0, [[evmNote]]);
    sheet.merges.push(rangeA1(noteRow, 0, noteRow, LAST_COL));
    sheet.formats.push({ range: rangeA1(noteRow, 0, noteRow, LAST_COL), style: { italic: true, fontColor: '#404040', wrap: true } });
    next++;
  }

  // Project table: row 11 when nothing sits above it, else one blank row below the duty lines.
  const headerRow = Math.max(11, next + (duties.length > 0 ? 1 : 0));
  addBlock(sheet, headerRow, 0, [[...PROJECT_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(headerRow, 0, headerRow, LAST_COL), style: HEADER_STYLE });
  const rows: PlanValue[][] = result.projects.length > 0 ? result.projects.map(projectRow) : [['(no projects)', ...Array<PlanValue>(LAST_COL).fill(null)]];
  const first = headerRow + 1;
  const last = addBlock(sheet, first, 0, rows) - 1;
  // Each project's place is the ID cell of the row it was just written to (the first row for a repeated ID).
  const anchors = anchorMap();
  result.projects.forEach((p, i) => {
    if (anchors[p.id] === undefined) anchors[p.id] = { role: 'summary', cell: cellA1(first + i, COL.ID) };
  });
  sheet.tables.push({ name: 'ProgramProjects', range: rangeA1(headerRow, 0, last, LAST_COL), style: TABLE_STYLE, showBandedRows: true });
  columnFormats(sheet, first, last, false);
  const colRange = (c: number): string => rangeA1(first, c, last, c);
  const top = (c: number): string => cellA1(first, c);
  const h = settings.health;
  let p = 10;
  const add = (list: SheetPlan['conditionalFormats']): void => {
    pushAll(sheet.conditionalFormats, list);
    p += list.length;
  };
  add(healthRules(colRange(COL.Health), p));
  for (const c of [COL.SPI, COL.CPI, COL['SPI(t)']]) add(indexRules(colRange(c), top(c), h.indexGreen, h.indexAmber, p));
  add(varianceRules(colRange(COL['Finish variance (d)']), top(COL['Finish variance (d)']), null, p));
  add([negativeRule(colRange(COL.VAC), top(COL.VAC), p)]);
  add([{ range: colRange(COL['Late hand-offs']), rule: { kind: 'cellValue', operator: 'greaterThan', formula1: '0' }, style: { fill: RAG.red.fill, fontColor: RAG.red.fontColor }, priority: p }]);
  sheet.freeze = { rows: headerRow, columns: 2 };

  // Charts in two bands of three slots under the table; their data block goes under the charts, outside
  // the print area, so the printed page is header + KPIs + table + charts on one landscape sheet.
  const chartTop = last + 2;
  const band = 18;
  const n = Math.max(1, result.projects.length);
  const hasTrend = trend.length >= 2;
  const dataTop = chartTop + 2 * band + 2;
  const data = chartData(result, trend, dataTop);
  addBlock(sheet, dataTop, 0, [['Chart data (drawn by the charts above)']]);
  sheet.formats.push({ range: rangeA1(dataTop, 0, dataTop, LAST_COL), style: SECTION_STYLE });
  for (const b of data.blocks) addBlock(sheet, b.row, b.col, b.values);
  pushAll(sheet.formats, data.formats);

  const cats = { sheet: name, first, last: first + n - 1 };
  const at = (bandNo: number, fromSlot: number, toSlot: number): { from: string; to: string } => ({
    from: cellA1(chartTop + bandNo * band, SLOTS[fromSlot][0]),
    to: cellA1(chartTop + (bandNo + 1) * band - 1, SLOTS[toSlot][1]),
  });
  sheet.charts.push(
    projectBarChart('finishVariance', 'barClustered', 'Finish variance by project (working days late)', 'Working days', cats, COL.ID, COL['Finish variance (d)'], COLORS.variance, at(0, 0, 0)),
    scatterChart(result, cats, COL.SPI, COL.CPI, data.reference, at(0, 1, 1)),
    projectBarChart('riskExposure', 'columnClustered', 'Risk exposure by project', 'Exposure', cats, COL.ID, COL['Risk exposure'], COLORS.exposure, at(0, 2, 2)),
    ganttChart(name, data.gantt, at(1, 0, hasTrend ? 1 : 2)),
  );
  if (hasTrend) sheet.charts.push(trendChart(name, data.trend, at(1, 2, 2)));
  sheet.rowHeights = [{ row: 7, height: 30 }, { row: headerRow, height: 30 }, ...(evmNote === null ? [] : [{ row: noteRow, height: 30 }])];

  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 1, printArea: rangeA1(1, 0, chartTop + 2 * band - 1, LAST_COL) };
  return { sheet, layout: { headerRow, firstDataRow: first, lastDataRow: last, kpiValueRow: 8 }, anchors };
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** How many over-allocations the summary names. */
const TOP_CONFLICTS = 3;

/** "Benefits: 3 of 9 benefits at risk; ..." and the shared-people lines, in that order. */
export function dutyLines(result: RollupResult): string[] {
  const lines: string[] = [];
  const b = result.benefitsSummary;
  if (b !== undefined && b.count > 0) lines.push(`Benefits: ${b.line}`);
  const r = result.resources;
  if (r !== undefined && r.people.length > 0) {
    lines.push(`People: ${r.line}`);
    // The top conflicts, cross-project ones first (the order the analysis ranks them in).
    r.conflicts.slice(0, TOP_CONFLICTS).forEach((c, i) => {
      const peak = c.peakUtilisation === null ? '' : ` at ${Math.round(c.peakUtilisation * 100)} %`;
      const when = c.weeks === 1 ? `week of ${c.fromWeek}` : `${c.weeks} weeks from ${c.fromWeek}`;
      const tasks = c.tasks.slice(0, 4).map((t) => t.key).join(' + ');
      lines.push(`  ${i + 1}. ${c.person}${peak}, ${when}: ${tasks}${c.taskCount > 4 ? ` and ${c.taskCount - 4} more` : ''} — ${lowerFirst(causeLabel(c))}.`);
    });
  }
  const raid = raidLine(result);
  if (raid !== null) lines.push(raid);
  return lines;
}

/** "Open issues: 5 (2 overdue): PLT 3, MOB 2. Open actions: 4 (1 overdue). Open decisions: 1." when projects keep logs. */
export function raidLine(result: RollupResult): string | null {
  const items = result.raid ?? [];
  if (items.length === 0) return null;
  const part = (kind: 'issue' | 'action' | 'decision'): string => {
    const open = items.filter((r) => r.kind === kind && r.isOpen);
    const overdue = open.filter((r) => r.overdue).length;
    return `Open ${kind}s: ${open.length}${overdue > 0 ? ` (${overdue} overdue)` : ''}`;
  };
  const perProject = [...openIssuesByProject(items)].map(([id, n]) => `${id} ${n}`).join(', ');
  return `${part('issue')}${perProject !== '' ? `: ${perProject}` : ''}. ${part('action')}. ${part('decision')}.`;
}

function columnFormats(sheet: SheetPlan, r1: number, r2: number, kpi: boolean): void {
  const f = (c: number, numberFormat: string): void => {
    sheet.formats.push({ range: rangeA1(r1, c, r2, c), numberFormat });
  };
  f(COL['% complete'], FORMATS.percent);
  f(COL['Baseline finish'], FORMATS.date);
  f(COL['Forecast finish'], FORMATS.date);
  f(COL['Finish variance (d)'], FORMATS.days);
  f(COL.SPI, FORMATS.ratio);
  f(COL.CPI, FORMATS.ratio);
  f(COL['SPI(t)'], kpi ? FORMATS.days : FORMATS.ratio);
  f(COL.EAC, FORMATS.money);
  f(COL.VAC, FORMATS.money);
  f(COL['Risk exposure'], FORMATS.money);
  f(COL['Open risks'], FORMATS.count);
  f(COL['Late hand-offs'], FORMATS.count);
  sheet.formats.push({ range: rangeA1(r1, COL.Health, r2, COL.Health), style: { hAlign: 'center' } });
}

/** Where the helper series sit, so the chart builders can point at them. */
export interface ChartData {
  blocks: { row: number; col: number; values: PlanValue[][] }[];
  formats: SheetPlan['formats'];
  gantt: GanttData;
  reference: ReferenceData;
  trend: TrendData;
}

/** Gantt block: label, start, baseline days, forecast days in columns B–E (B is wide enough for labels). */
const GANTT_COL = 1;
/** Reference-line block: label, X, Y in columns G–I. */
const REF_COL = 6;
/** Trend block: status date, SPI, CPI in columns L–N. */
const TREND_COL = 11;

function chartData(result: RollupResult, trend: TrendPoint[], top: number): ChartData {
  const blocks: ChartData['blocks'] = [];
  const formats: SheetPlan['formats'] = [];
  // Gantt: two rows per project (baseline, forecast), an invisible start offset and a visible duration.
  const gRows: PlanValue[][] = [['Timeline bar', 'Start', 'Baseline (days)', 'Forecast (days)']];
  let min: number | null = null;
  let max: number | null = null;
  for (const p of result.projects) {
    const bs = isoToSerial(p.baselineStart);
    const bf = isoToSerial(p.baselineFinish);
    const ff = isoToSerial(p.forecastFinish);
    gRows.push([`${p.id} baseline`, bs, bs !== null && bf !== null ? bf - bs : null, null]);
    gRows.push([`${p.id} forecast`, bs, null, bs !== null && ff !== null ? ff - bs : null]);
    for (const v of [bs, bf, ff]) {
      if (v === null) continue;
      min = min === null ? v : Math.min(min, v);
      max = max === null ? v : Math.max(max, v);
    }
  }
  const gFirst = top + 2;
  blocks.push({ row: top + 1, col: GANTT_COL, values: gRows });
  formats.push({ range: rangeA1(top + 1, GANTT_COL, top + 1, GANTT_COL + 3), style: HEADER_STYLE }, { range: rangeA1(gFirst, GANTT_COL + 1, gFirst + Math.max(1, gRows.length - 1) - 1, GANTT_COL + 1), numberFormat: FORMATS.date });

  // Reference lines for the SPI/CPI scatter: x = 1 (vertical) and y = 1 (horizontal) across the axis range.
  const idx = result.projects.flatMap((p) => [p.spi, p.cpi]).filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(0.5, Math.floor((minOf(idx, 1) - 0.1) * 10) / 10);
  const hi = Math.max(1.5, Math.ceil((maxOf(idx, 1) + 0.1) * 10) / 10);
  blocks.push({ row: top + 1, col: REF_COL, values: [['Reference', 'X', 'Y'], ['SPI = 1', 1, lo], ['SPI = 1', 1, hi], ['CPI = 1', lo, 1], ['CPI = 1', hi, 1]] });
  formats.push({ range: rangeA1(top + 1, REF_COL, top + 1, REF_COL + 2), style: HEADER_STYLE });

  // Program SPI/CPI per roll-up.
  const tRows: PlanValue[][] = [['Status date', 'Program SPI', 'Program CPI'], ...trend.map((t) => [isoToSerial(t.statusDate) ?? t.statusDate, t.spi, t.cpi])];
  blocks.push({ row: top + 1, col: TREND_COL, values: tRows });
  formats.push({ range: rangeA1(top + 1, TREND_COL, top + 1, TREND_COL + 2), style: HEADER_STYLE });
  if (trend.length > 0) formats.push({ range: rangeA1(top + 2, TREND_COL, top + 1 + trend.length, TREND_COL), numberFormat: FORMATS.date }, { range: rangeA1(top + 2, TREND_COL + 1, top + 1 + trend.length, TREND_COL + 2), numberFormat: FORMATS.ratio });
  return {
    blocks, formats,
    gantt: { col: GANTT_COL, first: gFirst, last: gFirst + Math.max(1, gRows.length - 1) - 1, min, max },
    reference: { col: REF_COL, row: top + 2, lo, hi },
    trend: { col: TREND_COL, first: top + 2, last: top + 1 + Math.max(1, trend.length) },
  };
}
