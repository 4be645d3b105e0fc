/**
 * Program Resources: a people × weeks heat map of forecast load against what each person has available
 * (conditional formatting colours it, so the numbers stay numbers), then every over-allocation with its
 * overlapping tasks, each linked to its row on the PM's sheet, and whether a slip in another project made it.
 */
import type { ResourceConflict, ResourcesResult } from '../result';
import type { ConditionalFormatPlan, PlanValue, SheetPlan } from './plan';
import { cellA1, rangeA1 } from './a1-local';
import { isoToSerial } from './dates';
import { linkTo } from './links';
import { addBlock, emptySheet } from './sheet-builder';
import { COLORS, FORMATS, HEADER_STYLE, RAG, SECTION_STYLE, TITLE_STYLE } from './styles';

/**
 * The sheet lists at most this many conflicts and tasks per conflict (the JSON result has them all): a
 * reader acts on the first few, and each listed task costs a hyperlink in the file.
 */
export const MAX_SHEET_CONFLICTS = 50;
export const MAX_SHEET_CONFLICT_TASKS = 10;

const HEAT_LEAD = ['Person', 'Capacity', 'Projects', 'Peak'] as const;
/** Task rows under each conflict: columns A..J (the heat map's columns, so one set of widths serves both). */
export const CONFLICT_TASK_COLUMNS = [
  'Task', 'Units', 'Task name', 'Load (days)', 'Forecast start', 'Forecast finish', "PM's start", "PM's finish", 'Source', 'Pushed by',
] as const;
const WEEK_WIDTH = 11;
const REASON_SPAN = 15;

/** Red above 100 %, amber from 80 %, green for any load: blanks (no availability) stay white. */
export function heatRules(range: string, first: number): ConditionalFormatPlan[] {
  return [
    { range, rule: { kind: 'cellValue', operator: 'greaterThan', formula1: '1' }, style: { fill: RAG.red.fill, fontColor: RAG.red.fontColor, bold: true }, priority: first },
    { range, rule: { kind: 'cellValue', operator: 'greaterThanOrEqual', formula1: '0.8' }, style: { fill: RAG.amber.fill, fontColor: RAG.amber.fontColor }, priority: first + 1 },
    { range, rule: { kind: 'cellValue', operator: 'greaterThan', formula1: '0' }, style: { fill: RAG.green.fill, fontColor: RAG.green.fontColor }, priority: first + 2 },
  ];
}

export function causeLabel(c: ResourceConflict): string {
  if (c.causedBySlip) return `Created by a slip (${c.slipSources.join(', ')})`;
  return c.crossProject ? 'Planned overlap across projects' : 'Planned overlap in one project';
}

export function buildResourcesSheet(r: ResourcesResult, name: string): SheetPlan {
  const sheet = emptySheet('resources', name, COLORS.tabResources);
  const W = r.weeks.length;
  sheet.columnWidths = [
    { col: 0, width: 20 }, { col: 1, width: 9 }, { col: 2, width: 26 }, { col: 3, width: 9 },
    ...Array.from({ length: Math.max(W, REASON_SPAN) }, (_, i) => ({ col: 4 + i, width: WEEK_WIDTH })),
  ];
  addBlock(sheet, 1, 0, [['Program resources']]);
  sheet.formats.push({ range: 'A1', style: TITLE_STYLE });
  addBlock(sheet, 2, 0, [[`${r.line} Load is forecast person-days ÷ available person-days per week (capacity × working days, less leave), after slips propagate through the cross-project links. No levelling is done.`]]);
  sheet.formats.push({ range: 'A2', style: { italic: true, fontColor: '#404040' } });

  const header = 4;
  addBlock(sheet, header, 0, [[...HEAT_LEAD, ...r.weeks.map((w) => isoToSerial(w))]]);
  sheet.formats.push({ range: rangeA1(header, 0, header, HEAT_LEAD.length + W - 1), style: HEADER_STYLE });
  if (W > 0) sheet.formats.push({ range: rangeA1(header, HEAT_LEAD.length, header, HEAT_LEAD.length + W - 1), numberFormat: 'd mmm', style: { ...HEADER_STYLE, hAlign: 'center' } });
  const first = header + 1;
  if (r.people.length === 0) {
    addBlock(sheet, first, 0, [['No task names people: fill the Owner or Resource Names column (see docs/sheet-format.md).']]);
    return sheet;
  }
  const rows: PlanValue[][] = r.people.map((p) => [
    p.name, p.capacity, p.projects.join(', '), p.peakUtilisation,
    ...p.load.map((l, w) => (p.available[w] > 0 ? l / p.available[w] : null)),
  ]);
  const last = addBlock(sheet, first, 0, rows) - 1;
  const grid = rangeA1(first, HEAT_LEAD.length, last, HEAT_LEAD.length + W - 1);
  sheet.formats.push(
    // Centred: right-aligned, a capacity ran into the project list beside it ("100%PLAT").
    { range: rangeA1(first, 1, last, 1), numberFormat: FORMATS.percent, style: { hAlign: 'center' } },
    { range: rangeA1(first, 3, last, 3), numberFormat: FORMATS.percent },
    // Number format only: a border or alignment on every heat-map cell costs a style per cell in the file.
    { range: grid, numberFormat: '0%;-0%;""' },
  );
  sheet.conditionalFormats.push(...heatRules(grid, 1), ...heatRules(rangeA1(first, 3, last, 3), 4));
  sheet.freeze = { rows: header, columns: 1 };

  // Over-allocations: per conflict a heading row (who, when, how much, the cause), its reason, then one row
  // per overlapping task linked to its row on the PM's sheet.
  let row = last + 2;
  addBlock(sheet, row, 0, [['Over-allocations (load above what is available)']]);
  sheet.formats.push({ range: rangeA1(row, 0, row, REASON_SPAN), style: SECTION_STYLE });
  row += 1;
  const shown = r.conflicts.slice(0, MAX_SHEET_CONFLICTS);
  if (r.conflicts.length > shown.length) {
    addBlock(sheet, row, 0, [[`The ${shown.length} largest of ${r.conflicts.length} over-allocations are listed; the JSON result (--json) has them all.`]]);
    row += 1;
  }
  if (shown.length === 0) {
    addBlock(sheet, row, 0, [['Nobody is loaded above capacity in these weeks.']]);
    return sheet;
  }
  const heights: { row: number; height: number }[] = [{ row: header, height: 30 }];
  shown.forEach((c, i) => {
    row += 1;
    addBlock(sheet, row, 0, [[`${i + 1}. ${c.person}`, c.peakUtilisation, causeLabel(c), null, isoToSerial(c.fromWeek), isoToSerial(c.toWeek), `${c.weeks} wk`, c.excessDays, 'days over']]);
    sheet.formats.push(
      { range: rangeA1(row, 0, row, REASON_SPAN), style: { bold: true, fill: c.causedBySlip ? RAG.red.fill : RAG.amber.fill, border: 'bottom' } },
      { range: cellA1(row, 1), numberFormat: FORMATS.percent },
      { range: rangeA1(row, 4, row, 5), numberFormat: FORMATS.date },
      { range: cellA1(row, 7), numberFormat: '0.0' },
    );
    row += 1;
    addBlock(sheet, row, 0, [[c.reason]]);
    sheet.merges.push(rangeA1(row, 0, row, REASON_SPAN));
    sheet.formats.push({ range: rangeA1(row, 0, row, REASON_SPAN), style: { wrap: true, vAlign: 'top', italic: true, fontColor: '#404040' } });
    heights.push({ row, height: 30 });
    row += 1;
    addBlock(sheet, row, 0, [[...CONFLICT_TASK_COLUMNS]]);
    sheet.formats.push({ range: rangeA1(row, 0, row, CONFLICT_TASK_COLUMNS.length - 1), style: { ...HEADER_STYLE, fontColor: '#595959' } });
    // Two lines for "Load (days)", "Forecast start" and the like, which would otherwise overprint the rows.
    heights.push({ row, height: 30 });
    const listed = c.tasks.slice(0, MAX_SHEET_CONFLICT_TASKS);
    const values: PlanValue[][] = listed.map((t, k) => {
      const link = linkTo(cellA1(row + 1 + k, 8), t.sheet, t.cell);
      sheet.hyperlinks.push(link);
      return [t.key, t.units, t.name, t.loadDays, isoToSerial(t.forecastStart), isoToSerial(t.forecastFinish), isoToSerial(t.ownStart), isoToSerial(t.ownFinish),
        link.text, t.chain.length > 1 ? t.chain.slice(0, -1).join(' → ') : null];
    });
    const end = addBlock(sheet, row + 1, 0, values) - 1;
    if (c.taskCount > listed.length) {
      addBlock(sheet, end + 1, 0, [[`… and ${c.taskCount - listed.length} more tasks`]]);
    }
    sheet.formats.push(
      { range: rangeA1(row + 1, 1, end, 1), numberFormat: FORMATS.percent, style: { hAlign: 'center' } },
      { range: rangeA1(row + 1, 3, end, 3), numberFormat: '0.0' },
      { range: rangeA1(row + 1, 4, end, 7), numberFormat: FORMATS.date },
      { range: rangeA1(row + 1, 8, end, 8), style: { fontColor: '#0563C1' } },
    );
    row = end + (c.taskCount > listed.length ? 2 : 1);
  });
  sheet.rowHeights = heights;
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitleRows: `$${header}:$${header}` };
  return sheet;
}
