/**
 * Program Benefits: the register with each benefit's progress, planned and forecast realisation, slip,
 * value at risk and the reason (which milestone, and what pushed it), then a native chart of planned
 * against forecast realisation per benefit, drawn from a data block under the table.
 */
import type { BenefitResult, BenefitsSummary } from '../result';
import type { ChartPlan, PlanValue, SheetPlan } from './plan';
import { cellA1, rangeA1, sheetRange } from './a1-local';
import { isoToSerial } from './dates';
import { linkTo } from './links';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { COLORS, FORMATS, HEADER_STYLE, RAG, SECTION_STYLE, TABLE_STYLE, TITLE_STYLE, varianceRules } from './styles';

export const BENEFIT_COLUMNS = [
  'ID', 'Benefit', 'Owner', 'Measure', 'Unit', 'Baseline', 'Target', 'Current', 'Progress', 'Status',
  'Realisation start', 'Forecast start', 'Slip (working days)', 'Realisation target', 'Forecast target',
  'Value', 'Value at risk', 'Why', 'Enabling milestones', 'Driving milestone', 'Source',
] as const;
const COL = Object.fromEntries(BENEFIT_COLUMNS.map((c, i) => [c, i])) as Record<(typeof BENEFIT_COLUMNS)[number], number>;
const LAST = BENEFIT_COLUMNS.length - 1;
const STATUS_LABEL: Record<BenefitResult['status'], string> = { 'on-track': 'On track', 'at-risk': 'At risk', unknown: 'Unknown' };
const NAME_WIDTH = 32;
const WHY_WIDTH = 70;
/** Points per line of wrapped 11-pt text. */
const LINE_HEIGHT = 15;

/**
 * Renderers keep a row's default height, so a wrapped reason would be drawn over the rows below it: each
 * row is given the height of its longer wrapped cell, estimated at one character per width unit.
 */
function wrappedHeight(b: BenefitResult): number {
  const lines = (text: string, width: number): number => Math.ceil(text.length / (width - 2));
  return LINE_HEIGHT * Math.max(1, lines(b.reason, WHY_WIDTH), lines(b.name, NAME_WIDTH));
}

/** Chart data block: label, start, planned days, forecast days (columns B–E). */
const DATA_COL = 1;

function row(b: BenefitResult): PlanValue[] {
  return [
    b.id, b.name, b.owner, b.measure, b.unit, b.baseline, b.target, b.current, b.progress, STATUS_LABEL[b.status],
    isoToSerial(b.realisationStart), isoToSerial(b.forecastRealisationStart), b.slipDays, isoToSerial(b.realisationTarget),
    isoToSerial(b.forecastRealisationTarget), b.value, b.valueAtRisk, b.reason, b.enablers.map((e) => e.key).join(', '),
    b.drivingEnabler, null,
  ];
}

export function buildBenefitsSheet(benefits: readonly BenefitResult[], summary: BenefitsSummary, name: string): SheetPlan {
  const sheet = emptySheet('benefits', name, COLORS.tabBenefits);
  // Widths seen in LibreOffice's rendering of the sample (docs/images/benefits.png): names and KPIs whole,
  // "Slip (working days)" on two lines like its neighbours, the reason in a few wrapped lines.
  widths(sheet, [7, NAME_WIDTH, 14, 26, 7, 9, 9, 9, 9, 9, 11, 11, 13, 11, 11, 12, 12, WHY_WIDTH, 18, 14, 16]);
  addBlock(sheet, 1, 0, [['Program benefits']]);
  sheet.formats.push({ range: 'A1', style: TITLE_STYLE });
  addBlock(sheet, 2, 0, [[`${summary.line} Forecasts are the enabling milestones' dates after slips propagate through the cross-project links.`]]);
  sheet.formats.push({ range: 'A2', style: { italic: true, fontColor: '#404040' } });

  const header = 4;
  addBlock(sheet, header, 0, [[...BENEFIT_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(header, 0, header, LAST), style: HEADER_STYLE });
  sheet.rowHeights = [{ row: header, height: 30 }];
  const first = header + 1;
  if (benefits.length === 0) {
    addBlock(sheet, first, 0, [['No benefits register found: add a Benefits sheet (see docs/sheet-format.md).']]);
    return sheet;
  }
  const values = benefits.map((b, i) => {
    const r = row(b);
    const link = linkTo(cellA1(first + i, COL.Source), b.sheet, b.cell);
    sheet.hyperlinks.push(link);
    r[COL.Source] = link.text;
    const driving = b.enablers.find((e) => e.key === b.drivingEnabler && e.sheet !== null);
    if (driving && driving.sheet !== null) {
      // The driving milestone's key links to its row on the PM's sheet (the text stays the key).
      sheet.hyperlinks.push({ ...linkTo(cellA1(first + i, COL['Driving milestone']), driving.sheet, driving.cell), text: driving.key });
    }
    return r;
  });
  const last = addBlock(sheet, first, 0, values) - 1;
  benefits.forEach((b, i) => {
    const height = wrappedHeight(b);
    if (height > LINE_HEIGHT) sheet.rowHeights?.push({ row: first + i, height });
  });
  sheet.tables.push({ name: 'ProgramBenefits', range: rangeA1(header, 0, last, LAST), style: TABLE_STYLE, showBandedRows: true });
  const col = (c: number): string => rangeA1(first, c, last, c);
  for (const c of [COL['Realisation start'], COL['Forecast start'], COL['Realisation target'], COL['Forecast target']]) sheet.formats.push({ range: col(c), numberFormat: FORMATS.date });
  sheet.formats.push(
    // Top-aligned, so a row's figures sit beside the first line of its wrapped reason.
    { range: rangeA1(first, 0, last, LAST), style: { vAlign: 'top' } },
    { range: col(COL.Progress), numberFormat: FORMATS.percent },
    { range: col(COL['Slip (working days)']), numberFormat: FORMATS.days },
    { range: col(COL.Value), numberFormat: FORMATS.money },
    { range: col(COL['Value at risk']), numberFormat: FORMATS.money },
    { range: col(COL.Why), style: { wrap: true, vAlign: 'top' } },
    { range: col(COL.Benefit), style: { wrap: true, vAlign: 'top' } },
    { range: col(COL.Source), style: { fontColor: '#0563C1' } },
    { range: col(COL['Driving milestone']), style: { fontColor: '#0563C1' } },
  );
  const status = col(COL.Status);
  sheet.conditionalFormats.push(
    { range: status, rule: { kind: 'textContains', text: 'At risk' }, style: { fill: RAG.red.fill, fontColor: RAG.red.fontColor }, priority: 1 },
    { range: status, rule: { kind: 'textContains', text: 'On track' }, style: { fill: RAG.green.fill, fontColor: RAG.green.fontColor }, priority: 2 },
    { range: status, rule: { kind: 'textContains', text: 'Unknown' }, style: { fill: RAG.gray.fill, fontColor: RAG.gray.fontColor }, priority: 3 },
    ...varianceRules(col(COL['Slip (working days)']), cellA1(first, COL['Slip (working days)']), null, 4),
  );
  sheet.freeze = { rows: header, columns: 2 };

  // Chart under the table, its data block under the chart.
  const chartTop = last + 2;
  const chartRows = Math.min(40, Math.max(14, benefits.length * 2 + 6));
  const dataTop = chartTop + chartRows + 1;
  addBlock(sheet, dataTop, 0, [['Chart data (drawn by the chart above)']]);
  sheet.formats.push({ range: rangeA1(dataTop, 0, dataTop, 6), style: SECTION_STYLE });
  const data: PlanValue[][] = [['Realisation bar', 'Start', 'Planned (days)', 'Forecast (days)']];
  let min: number | null = null;
  let max: number | null = null;
  for (const b of benefits) {
    const ps = isoToSerial(b.realisationStart);
    const pt = isoToSerial(b.realisationTarget);
    const fs = isoToSerial(b.forecastRealisationStart);
    const ft = isoToSerial(b.forecastRealisationTarget);
    // A benefit with no target date still shows a short bar at its start, so the slip stays visible.
    data.push([`${b.id} planned`, ps, ps === null ? null : Math.max(1, pt === null ? 7 : pt - ps), null]);
    data.push([`${b.id} forecast`, fs, null, fs === null ? null : Math.max(1, ft === null ? 7 : ft - fs)]);
    for (const v of [ps, pt, fs, ft]) {
      if (v === null) continue;
      min = min === null ? v : Math.min(min, v);
      max = max === null ? v : Math.max(max, v);
    }
  }
  const dFirst = dataTop + 2;
  const dLast = dataTop + data.length;
  addBlock(sheet, dataTop + 1, DATA_COL, data);
  sheet.formats.push({ range: rangeA1(dataTop + 1, DATA_COL, dataTop + 1, DATA_COL + 3), style: HEADER_STYLE }, { range: rangeA1(dFirst, DATA_COL + 1, dLast, DATA_COL + 1), numberFormat: FORMATS.date });
  sheet.charts.push(realisationChart(name, dFirst, dLast, min, max, { from: cellA1(chartTop, 0), to: cellA1(chartTop + chartRows - 1, 11) }));
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printArea: rangeA1(1, 0, chartTop + chartRows - 1, LAST) };
  return sheet;
}

function realisationChart(sheet: string, first: number, last: number, min: number | null, max: number | null, at: { from: string; to: string }): ChartPlan {
  const cats = sheetRange(sheet, first, DATA_COL, last, DATA_COL);
  return {
    id: 'benefitRealisation', kind: 'barStacked', title: 'Benefit realisation: planned vs forecast',
    series: [
      { name: 'Start', categories: cats, values: sheetRange(sheet, first, DATA_COL + 1, last, DATA_COL + 1), invisible: true },
      { name: 'Planned', categories: cats, values: sheetRange(sheet, first, DATA_COL + 2, last, DATA_COL + 2), color: COLORS.baseline },
      { name: 'Forecast', categories: cats, values: sheetRange(sheet, first, DATA_COL + 3, last, DATA_COL + 3), color: COLORS.forecast },
    ],
    categoryAxis: { reverse: true },
    // The axis starts a fortnight before the earliest date so bars do not begin at 1900.
    valueAxis: { numberFormat: FORMATS.axisDate, ...(min !== null ? { min: min - 14 } : {}), ...(max !== null ? { max: max + 14 } : {}) },
    legend: 'none', ...at,
  };
}
