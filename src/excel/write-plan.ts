/**
 * The Office.js renderer: applies a WorkbookPlan verbatim. Everything is queued first as "steps" with an
 * estimated request size, then sent in as few context.sync calls as the 5 MB request limit of Excel on the
 * web allows: normally one write sync (plus one to list sheets when the caller has not already read them).
 *
 * Safety: only sheets marked as ours (PR_OWNED_<role> names) are replaced; a user's sheet that holds a
 * wanted name is left alone and our sheet takes a suffixed name, reported in the notes. Project sheets are
 * never touched. Every string is written so Excel keeps it as literal text.
 *
 * No half-written output: Office.js does not roll back a failed batch (operations before the failing one
 * stay applied), so the new sheets are built under staging names ("~PR_new_0", tables "PRstaged_0") while
 * the previous summary stays intact, and only a short swap at the very end renames them into place,
 * re-points the ownership markers and deletes the old sheets. When a write sync fails before any new sheet
 * has taken its final name, a cleanup pass deletes the staging sheets and gives moved-aside sheets their
 * names back, so the workbook is as it was; the error says which (see undoStaging).
 *
 * Requirement sets: ExcelApi 1.7 is the floor (charts from ranges, series.setValues, freeze panes,
 * hyperlinks, tab colours); newer features are gated with isSetSupported and degrade with a note.
 */
import type { OwnedSheetRole } from '../core/grid';
import type {
  CellStyle,
  ChartKind,
  ChartPlan,
  ConditionalFormatPlan,
  PlanValue,
  RenderReport,
  SeriesPlan,
  SheetPlan,
  WorkbookPlan,
} from '../core/report/plan';
import type { SheetRef } from './read-workbook';
import { isStagingSheet, ownedMarkerName, OWNED_ROLES, quoteSheetName, splitReference, type OwnedSheetInfo } from './ownership';
import { colIndex, colLetters } from '../core/a1';

/** Stay under Excel on the web's 5 MB request limit: the estimate is held above the real bytes by a test. */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;
/**
 * Excel on Windows and Mac sets no request size limit; one write request keeps a roll-up at 4 syncs (30,000
 * issue rows make ~22 MB). Still bounded, so a pathological plan is sent in parts.
 */
export const DESKTOP_REQUEST_BUDGET = 64 * 1024 * 1024;
/**
 * Request bytes per Office.js operation besides its arguments. Measured through Microsoft's client
 * (tests/excel/request-size.test.ts): every proxy adds an object path and an Instantiate action, a range
 * also a _KeepReference, every property set or method call an action, ~90-150 bytes each.
 */
export const OP_BYTES = 160;
const MAX_SHEET_NAME = 31;

export interface ApplyOptions {
  /** All sheets now in the workbook (name, id), from readWorkbookGrids; when absent one extra sync lists them. */
  existingSheets?: SheetRef[];
  /** Tables now in the workbook with their sheets, from readWorkbookGrids (to avoid table-name clashes). */
  existingTables?: { sheet: string; name: string }[];
  /** Defined names now in the workbook: tables share their namespace, so a table may not take one. */
  existingNames?: string[];
  /** isSetSupported('ExcelApi', version); defaults to Office.context.requirements. */
  supports?: (version: string) => boolean;
  /** Request size budget in bytes (tests lower it to exercise splitting). */
  requestBudget?: number;
  /**
   * Stops the write between requests when aborted (the ribbon command's time limit): the staging sheets are
   * removed and the abort reason is thrown, so Office never ends the run with a half-written summary.
   */
  signal?: AbortSignal;
}

export interface ApplyReport extends RenderReport {
  /** context.sync calls made by applyPlan. */
  syncs: number;
  /** Estimated request bytes per write sync that Excel accepted (the last one activates the summary). */
  batchBytes: number[];
  /** Write requests Excel refused as too large and that were sent again in halves (each counted in syncs). */
  refusedRequests: number;
}

function officeSupports(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    // Office.context is absent outside a host (tests, previews): assume only the manifest's floor.
    return false;
  }
}

// ---------- values ----------

/**
 * A plan value as Excel must receive it. Strings that Excel would evaluate or convert (formulas, numbers,
 * dates, booleans, or a leading apostrophe) get Excel's quote prefix, which keeps them as literal text and
 * is not part of the cell's value.
 */
export function toExcelValue(v: PlanValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'object') return v.formula.startsWith('=') ? v.formula : `=${v.formula}`;
  if (typeof v === 'string') return needsQuotePrefix(v) ? `'${v}` : v;
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}

/** A month name followed by a number: Excel reads "May 2026", "Mar 5", "Sept-26" as dates. */
const MONTH_DATE = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]+\d/i;

export function needsQuotePrefix(s: string): boolean {
  return (
    /^[=+\-@']/.test(s) ||
    /^\s*[(]?[$€£]?\s*\d/.test(s) || // numbers, "00123", "1E5", "1/2", "12:30", "5%", "$5"
    /^\s*(true|false)\s*$/i.test(s) ||
    /^\s*[.,]\d/.test(s) ||
    /^\s*#/.test(s) || // error literals such as "#N/A" become error values
    MONTH_DATE.test(s)
  );
}

// ---------- addresses ----------

interface Box {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** Column index of letters already matched by an A1 pattern (so never null). */
const colIndexOf = (letters: string): number => colIndex(letters) as number;

export function boxOf(address: string): Box {
  const [a, b = a] = address.replace(/\$/g, '').split(':');
  const pa = /^([A-Za-z]+)(\d+)$/.exec(a);
  const pb = /^([A-Za-z]+)(\d+)$/.exec(b);
  if (!pa || !pb) throw new Error(`Plan address "${address}" is not an A1 cell or range`);
  const r0 = Number(pa[2]) - 1;
  const r1 = Number(pb[2]) - 1;
  const c0 = colIndexOf(pa[1]);
  const c1 = colIndexOf(pb[1]);
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

function boxAddress(b: Box): string {
  const start = `${colLetters(b.c0)}${b.r0 + 1}`;
  const end = `${colLetters(b.c0 + b.cols - 1)}${b.r0 + b.rows}`;
  return start === end ? start : `${start}:${end}`;
}

// ---------- sheet names ----------

function withSuffix(base: string, n: number): string {
  const suffix = ` (${n})`;
  return base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

interface NameResolution {
  /** Final sheet name per plan sheet, same order as plan.sheets. */
  finalNames: string[];
  notes: string[];
}

/**
 * Picks each output sheet's name. A name held by one of our own (to-be-replaced) sheets is free; a name held
 * by any other sheet is the user's, so ours takes the first free "Name (n)".
 */
export function resolveSheetNames(plan: WorkbookPlan, existing: string[], owned: OwnedSheetInfo[]): NameResolution {
  const replaced = new Set(
    owned.filter((o) => o.sheetName !== '' && plan.sheets.some((s) => s.role === o.role)).map((o) => o.sheetName.toLowerCase()),
  );
  const taken = new Set(existing.map((n) => n.toLowerCase()).filter((n) => !replaced.has(n)));
  const notes: string[] = [];
  const finalNames = plan.sheets.map((sheet) => {
    let name = sheet.name.slice(0, MAX_SHEET_NAME);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = withSuffix(sheet.name, n);
    if (name !== sheet.name) {
      notes.push(`A sheet named "${sheet.name}" is yours, so the ${sheet.role} went to "${name}".`);
    }
    taken.add(name.toLowerCase());
    return name;
  });
  return { finalNames, notes };
}

// ---------- steps ----------

/**
 * A range used only in the request that creates it. Inside Excel.run, Office.js keeps every range by
 * reference (a _KeepReference action per range, and one _RemoveReference each in a clean-up request after the
 * run, which for 30,000 linked issue rows passes Excel on the web's 5 MB limit and then fails unseen).
 * Untracked, the range costs fewer request bytes and nothing to clean up.
 */
function oneShot(range: Excel.Range): Excel.Range {
  return range.untrack();
}

interface Step {
  bytes: number;
  run: () => void;
}

/** UTF-8 bytes of a string (the request is sent as UTF-8 JSON; non-ASCII names count more than one byte). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/**
 * Estimated request bytes of a step: its arguments as JSON plus `ops` Office.js operations, counting a
 * navigation that creates a proxy, a property set and a method call as one each, and a range as two.
 */
export function bytesOf(value: unknown, ops: number): number {
  return utf8Length(JSON.stringify(value) ?? '') + ops * OP_BYTES;
}

/** The last cell of a sheet: never written by a plan, so a chart made from it starts with no series. */
export const EMPTY_CHART_SOURCE = 'XFD1048576';

const CHART_TYPES = {
  barClustered: 'BarClustered',
  columnClustered: 'ColumnClustered',
  barStacked: 'BarStacked',
  line: 'Line',
  lineMarkers: 'LineMarkers',
  scatter: 'XYScatter',
  scatterLines: 'XYScatterLines',
} as const satisfies Record<ChartKind, string>;

const CF_OPERATORS = {
  lessThan: 'LessThan',
  lessThanOrEqual: 'LessThanOrEqual',
  greaterThan: 'GreaterThan',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  between: 'Between',
  equal: 'EqualTo',
} as const;

/** Column width in characters (Calibri 11 digits) to points, as Excel converts it. */
export function charsToPoints(chars: number): number {
  const pixels = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(pixels * 0.75 * 100) / 100;
}

/** `base`, or the first `base_0`, `base_1`, … not in `taken` (lower case, names compare case-blind); claimed. */
function claimFreeName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 0; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

class PlanWriter {
  readonly steps: Step[] = [];
  readonly notes = new Set<string>();
  /** Tables added under a staging name, renamed to their final name in the swap. */
  readonly stagedTables: { finalName: string; get: () => Excel.Table }[] = [];
  private readonly sheetsByPlanName = new Map<string, () => Excel.Worksheet>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly supports: (version: string) => boolean,
    private readonly budget: number,
    /** Table names in the workbook now (lower case): staging names must not collide with them. */
    private readonly tablesTaken: Set<string>,
  ) {}

  private stagedTableName(): string {
    return claimFreeName(`PRstaged_${this.stagedTables.length}`, this.tablesTaken);
  }

  step(bytes: number, run: () => void): void {
    this.steps.push({ bytes, run });
  }

  /** A range given as "'Sheet'!$A$1:$B$2" where the sheet may be one of ours (renamed) or the user's. */
  private refRange(ref: string, fallback: () => Excel.Worksheet): Excel.Range {
    const split = splitReference(ref);
    if (!split) return oneShot(fallback().getRange(ref.replace(/\$/g, '')));
    const ours = this.sheetsByPlanName.get(split.sheet);
    const ws = ours ? ours() : this.context.workbook.worksheets.getItem(split.sheet);
    return oneShot(ws.getRange(split.address.replace(/\$/g, '')));
  }

  register(planName: string, ws: () => Excel.Worksheet): void {
    this.sheetsByPlanName.set(planName, ws);
  }

  sheetContent(sheet: SheetPlan, ws: () => Excel.Worksheet, finalNameOf: (n: string) => string): void {
    if (sheet.tabColor) {
      const color = sheet.tabColor;
      this.step(bytesOf(color, 1), () => {
        ws().tabColor = color;
      });
    }
    if (this.supports('1.8')) {
      this.step(bytesOf(null, 1), () => {
        ws().showGridlines = sheet.showGridlines;
      });
    } else if (!sheet.showGridlines) {
      this.notes.add('This version of Excel cannot hide gridlines from an add-in (ExcelApi 1.8); they stay visible.');
    }
    for (const block of sheet.blocks) this.block(ws, block.address, block.values);
    for (const f of sheet.formats) this.format(ws, f.range, f.numberFormat, f.style);
    for (const { col, width } of sheet.columnWidths) {
      this.step(bytesOf(null, 4), () => {
        oneShot(ws().getRangeByIndexes(0, col, 1, 1)).format.columnWidth = charsToPoints(width);
      });
    }
    for (const { row, height } of sheet.rowHeights ?? []) {
      this.step(bytesOf(null, 4), () => {
        oneShot(ws().getRangeByIndexes(row - 1, 0, 1, 1)).format.rowHeight = height;
      });
    }
    for (const m of sheet.merges) {
      this.step(bytesOf(m, 3), () => {
        oneShot(ws().getRange(m)).merge(false);
      });
    }
    for (const t of sheet.tables) {
      // Staged name: the old summary's table may still hold the final name until the swap deletes it.
      const staged = this.stagedTableName();
      let table: Excel.Table | null = null;
      this.step(bytesOf(t, 6), () => {
        table = ws().tables.add(t.range, true);
        table.name = staged;
        table.style = t.style;
        if (t.showBandedRows !== undefined) table.showBandedRows = t.showBandedRows;
      });
      this.stagedTables.push({
        finalName: t.name,
        get: () => {
          if (!table) throw new Error(`Internal: table "${t.name}" renamed before it was added`);
          return table;
        },
      });
    }
    for (const cf of [...sheet.conditionalFormats].sort((a, b) => a.priority - b.priority)) this.conditional(ws, cf);
    for (const chart of sheet.charts) this.chart(ws, chart);
    for (const link of sheet.hyperlinks) {
      const documentReference = `${quoteSheetName(finalNameOf(link.sheet))}!${link.target}`;
      const hyperlink: Excel.RangeHyperlink = { documentReference };
      if (link.tooltip) hyperlink.screenTip = link.tooltip;
      // textToDisplay replaces the cell's content; the text is already in the block, written safely.
      this.step(bytesOf(hyperlink, 3), () => {
        oneShot(ws().getRange(link.cell)).hyperlink = hyperlink;
      });
    }
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
      const { rows, columns } = sheet.freeze;
      this.step(bytesOf(null, 5), () => {
        const panes = ws().freezePanes;
        if (rows > 0 && columns > 0) panes.freezeAt(oneShot(ws().getRangeByIndexes(0, 0, rows, columns)));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(columns);
      });
    }
    if (sheet.pageSetup) {
      const page = sheet.pageSetup;
      if (this.supports('1.9')) {
        this.step(bytesOf(page, 9), () => {
          const layout = ws().pageLayout;
          layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
          if (page.fitToWidth > 0 || page.fitToHeight > 0) {
            layout.zoom = {
              ...(page.fitToWidth > 0 ? { horizontalFitToPages: page.fitToWidth } : {}),
              ...(page.fitToHeight > 0 ? { verticalFitToPages: page.fitToHeight } : {}),
            };
          }
          if (page.printTitleRows) layout.setPrintTitleRows(page.printTitleRows);
          // What leadership prints: the file renderer sets the same area.
          if (page.printArea) layout.setPrintArea(page.printArea);
        });
      } else {
        this.notes.add('This version of Excel cannot set page layout from an add-in (ExcelApi 1.9); print settings were left as they are.');
      }
    }
  }

  /** One 2-D values assignment per block, split by rows only when the block alone would pass the budget. */
  private block(ws: () => Excel.Worksheet, address: string, values: PlanValue[][]): void {
    if (values.length === 0 || values[0].length === 0) return;
    this.rowChunks(address, values.map((row) => row.map(toExcelValue)), (range, rows) => {
      oneShot(ws().getRange(range)).values = rows;
    });
  }

  /** Queues a 2-D grid write as one step, or as row chunks when the grid alone would pass half the budget. */
  private rowChunks<T>(address: string, grid: T[][], write: (range: string, rows: T[][]) => void): void {
    const start = boxOf(address);
    const parts = Math.max(1, Math.ceil(bytesOf(grid, 3) / (this.budget / 2)));
    const rowsPer = Math.ceil(grid.length / parts);
    for (let first = 0; first < grid.length; first += rowsPer) {
      const rows = grid.slice(first, first + rowsPer);
      const range = boxAddress({ r0: start.r0 + first, c0: start.c0, rows: rows.length, cols: rows[0].length });
      this.step(bytesOf(rows, 3), () => write(range, rows));
    }
  }

  private format(ws: () => Excel.Worksheet, address: string, numberFormat: string | undefined, style: CellStyle | undefined): void {
    if (numberFormat !== undefined) {
      const box = boxOf(address);
      const grid: string[][] = Array.from({ length: box.rows }, () => Array.from({ length: box.cols }, () => numberFormat));
      this.rowChunks(address, grid, (range, rows) => {
        oneShot(ws().getRange(range)).numberFormat = rows;
      });
    }
    if (!style) return;
    if (style.indent !== undefined && !this.supports('1.9')) {
      this.notes.add('This version of Excel cannot set indents from an add-in (ExcelApi 1.9); text is not indented.');
    }
    // The range, its format, font and fill; one set per style key; a border edge is a getItem and a set.
    const edges = style.border === undefined ? 0 : style.border === 'bottom' ? 1 : 6;
    this.step(bytesOf(style, 5 + Object.keys(style).length + 2 * edges), () => {
      const format = oneShot(ws().getRange(address)).format;
      if (style.bold !== undefined) format.font.bold = style.bold;
      if (style.italic !== undefined) format.font.italic = style.italic;
      if (style.fontSize !== undefined) format.font.size = style.fontSize;
      if (style.fontColor !== undefined) format.font.color = style.fontColor;
      if (style.fill !== undefined) format.fill.color = style.fill;
      if (style.hAlign) format.horizontalAlignment = style.hAlign === 'left' ? 'Left' : style.hAlign === 'center' ? 'Center' : 'Right';
      if (style.vAlign) format.verticalAlignment = style.vAlign === 'top' ? 'Top' : style.vAlign === 'center' ? 'Center' : 'Bottom';
      if (style.wrap !== undefined) format.wrapText = style.wrap;
      if (style.indent !== undefined && this.supports('1.9')) format.indentLevel = style.indent;
      if (style.border) {
        const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] =
          style.border === 'bottom'
            ? ['EdgeBottom']
            : ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];
        for (const edge of edges) format.borders.getItem(edge).style = 'Continuous';
      }
    });
  }

  private conditional(ws: () => Excel.Worksheet, cf: ConditionalFormatPlan): void {
    this.step(bytesOf(cf, 16), () => {
      const range = oneShot(ws().getRange(cf.range));
      const rule = cf.rule;
      let format: Excel.ConditionalRangeFormat;
      let added: Excel.ConditionalFormat;
      if (rule.kind === 'cellValue') {
        added = range.conditionalFormats.add('CellValue');
        added.cellValue.rule = {
          formula1: rule.formula1,
          ...(rule.formula2 !== undefined ? { formula2: rule.formula2 } : {}),
          operator: CF_OPERATORS[rule.operator],
        };
        format = added.cellValue.format;
      } else if (rule.kind === 'textContains') {
        added = range.conditionalFormats.add('ContainsText');
        added.textComparison.rule = { operator: 'Contains', text: rule.text };
        format = added.textComparison.format;
      } else {
        added = range.conditionalFormats.add('Custom');
        added.custom.rule.formula = rule.formula;
        format = added.custom.format;
      }
      if (cf.style.fill) format.fill.color = cf.style.fill;
      if (cf.style.fontColor) format.font.color = cf.style.fontColor;
      if (cf.style.bold !== undefined) format.font.bold = cf.style.bold;
      added.priority = cf.priority;
      added.stopIfTrue = true;
    });
  }

  private chart(ws: () => Excel.Worksheet, plan: ChartPlan): void {
    if (plan.series.length === 0) {
      this.notes.add(`The chart "${plan.title}" has no data and was not drawn.`);
      return;
    }
    // The chart, title, legend and position; each series with its two source ranges and format; the axes.
    this.step(bytesOf(plan, 12 + 18 * plan.series.length + 14), () => {
      // Excel guesses series from a chart's source range, and from an empty one (no cost data, no baseline)
      // it makes none, so getItemAt(0) would fail the write. The chart is made from an isolated empty cell
      // instead and every series is added explicitly with its own values and categories.
      const chart = ws().charts.add(CHART_TYPES[plan.kind], oneShot(ws().getRange(EMPTY_CHART_SOURCE)), 'Columns');
      chart.title.text = plan.title;
      if (plan.legend === 'none') {
        chart.legend.visible = false;
      } else {
        chart.legend.visible = true;
        chart.legend.position = plan.legend === 'bottom' ? 'Bottom' : plan.legend === 'right' ? 'Right' : 'Top';
      }
      chart.setPosition(plan.from, plan.to);
      for (const s of plan.series) this.series(chart.series.add(s.name), s, plan, ws);
      for (const [axisPlan, axis] of [
        [plan.categoryAxis, chart.axes.categoryAxis],
        [plan.valueAxis, chart.axes.valueAxis],
      ] as const) {
        if (!axisPlan) continue;
        if (axisPlan.title) axis.title.text = axisPlan.title;
        if (axisPlan.min !== undefined) axis.minimum = axisPlan.min;
        if (axisPlan.max !== undefined) axis.maximum = axisPlan.max;
        if (axisPlan.reverse) axis.reversePlotOrder = true;
        if (axisPlan.numberFormat && this.supports('1.8')) axis.numberFormat = axisPlan.numberFormat;
      }
    });
  }

  private series(
    series: Excel.ChartSeries,
    plan: SeriesPlan,
    chart: ChartPlan,
    ws: () => Excel.Worksheet,
  ): void {
    series.name = plan.name;
    series.setValues(this.refRange(plan.values, ws));
    if (plan.categories) series.setXAxisValues(this.refRange(plan.categories, ws));
    const kind = plan.kind ?? chart.kind;
    if (plan.kind && plan.kind !== chart.kind) series.chartType = CHART_TYPES[plan.kind];
    // A markers-only scatter has no line: colouring its line would draw one, so only its markers are coloured.
    const lineLike = kind === 'line' || kind === 'lineMarkers' || kind === 'scatterLines';
    if (plan.invisible) {
      series.format.fill.clear();
      series.format.line.lineStyle = 'None';
    } else if (plan.color) {
      if (lineLike) series.format.line.color = plan.color;
      else if (kind !== 'scatter') series.format.fill.setSolidColor(plan.color);
      // Markers (scatter points, line markers) take their own colours (ExcelApi 1.7).
      if (kind === 'scatter' || kind === 'lineMarkers' || (kind === 'scatterLines' && !plan.lineOnly)) {
        series.markerBackgroundColor = plan.color;
        series.markerForegroundColor = plan.color;
      }
    }
    if (plan.lineOnly) series.markerStyle = 'None';
    if (plan.dataLabels) series.hasDataLabels = true;
  }
}

/**
 * Table names are workbook-wide. A table we are about to delete (on one of our replaced sheets) frees its
 * name; a user's table holding a name we want makes ours take "<name>_2" (and so on), with a note.
 */
export function renameClashingTables(
  plan: WorkbookPlan,
  existingSheets: string[],
  owned: OwnedSheetInfo[],
  tables: { sheet: string; name: string }[],
  notes: string[],
  definedNames: string[] = [],
): WorkbookPlan {
  const replacedRoles = new Set(plan.sheets.map((s) => s.role));
  const replacedSheets = new Set(
    owned.filter((o) => o.sheetName !== '' && replacedRoles.has(o.role) && existingSheets.includes(o.sheetName)).map((o) => o.sheetName),
  );
  const taken = new Set([
    ...tables.filter((t) => !replacedSheets.has(t.sheet)).map((t) => t.name.toLowerCase()),
    ...definedNames.map((n) => n.toLowerCase()),
  ]);
  if (taken.size === 0) return plan;
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      tables: sheet.tables.map((t) => {
        let name = t.name;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${t.name}_${n}`;
        if (name !== t.name) notes.push(`A table or defined name "${t.name}" already exists in the workbook, so the ${sheet.role} table is "${name}".`);
        taken.add(name.toLowerCase());
        return name === t.name ? t : { ...t, name };
      }),
    })),
  };
}

/** Groups steps into batches whose estimated size stays within the budget (a step never splits). */
export function batchSteps<T extends { bytes: number }>(steps: T[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const s of steps) {
    if (current.length > 0 && size + s.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Bytes every write request carries besides its steps (root, worksheets and sheet paths), measured ~700. */
export const REQUEST_BASE_BYTES = 1024;

function isRequestTooLarge(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'RequestPayloadSizeLimitExceeded';
}

/** What the writer created or moved, so a failed write can be undone. */
interface StagingRecord {
  /** Ids of the sheets the workbook had before the write. */
  idsBefore: Set<string>;
  stagingNames: string[];
  finalNames: string[];
  /** Old summary sheets moved aside by the swap: temporary name and the name to give back. */
  oldRenames: { temp: string; original: string }[];
}

/**
 * After a failed write sync, puts the workbook back as it was when it can (two syncs: list, then fix).
 * Office.js keeps the operations of a failed batch that ran before the failing one, so the state is read
 * back: the new summary has begun to show once a final name is held by a sheet that did not exist before
 * (told apart by worksheet id). Until then the old summary is
 * complete: staging sheets are deleted and moved-aside sheets get their names back. The original error is
 * returned, marked `workbookUnchanged`. A failing cleanup is logged, and the mark then says "changed".
 */
async function undoStaging(context: Excel.RequestContext, record: StagingRecord, error: unknown): Promise<unknown> {
  let workbookUnchanged = false;
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id');
    await context.sync();
    const present = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const shown = record.finalNames.some((name) => {
      const ws = present.get(name.toLowerCase());
      return ws !== undefined && !record.idsBefore.has(ws.id);
    });
    for (const n of record.stagingNames) present.get(n.toLowerCase())?.delete();
    if (!shown) {
      for (const { temp, original } of record.oldRenames) {
        const ws = present.get(temp.toLowerCase());
        if (ws) ws.name = original;
      }
    }
    await context.sync();
    workbookUnchanged = !shown;
  } catch (cleanupError) {
    console.error('[program-rollup] Removing the partly written summary failed', cleanupError);
  }
  const marked = typeof error === 'object' && error !== null ? error : new Error(String(error));
  return Object.assign(marked, { workbookUnchanged });
}

export async function applyPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  owned: OwnedSheetInfo[],
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const supports = options.supports ?? officeSupports;
  const budget = options.requestBudget ?? DEFAULT_REQUEST_BUDGET;
  let syncs = 0;

  let sheetsBefore = options.existingSheets;
  if (!sheetsBefore) {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id');
    await context.sync();
    syncs += 1;
    sheetsBefore = sheets.items.map((s) => ({ name: s.name, id: s.id }));
  }
  const existing = sheetsBefore.map((s) => s.name);

  const { finalNames, notes } = resolveSheetNames(plan, existing, owned);
  // Belt and braces: a user's or PM's sheet must never be a write target, whatever resolveSheetNames does.
  const ours = new Set(owned.filter((o) => o.sheetName !== '').map((o) => o.sheetName.toLowerCase()));
  const clash = finalNames.find((n) => existing.some((e) => e.toLowerCase() === n.toLowerCase()) && !ours.has(n.toLowerCase()));
  if (clash !== undefined) {
    throw Object.assign(new Error(`Refusing to write over the sheet "${clash}", which the add-in does not own.`), { code: 'InvalidOperation' });
  }
  const finalNameOf = (planName: string): string => {
    const i = plan.sheets.findIndex((s) => s.name === planName);
    return i >= 0 ? finalNames[i] : planName;
  };
  const writePlan = renameClashingTables(plan, existing, owned, options.existingTables ?? [], notes, options.existingNames ?? []);
  // Staging sheets an interrupted run left behind (Office ended it between write requests): removed first.
  const leftovers = sheetsBefore.filter((s) => isStagingSheet(s.name));
  const lowerExisting = new Set(existing.filter((n) => !isStagingSheet(n)).map((n) => n.toLowerCase()));
  const freeName = (base: string): string => claimFreeName(base, lowerExisting);
  const tablesTaken = new Set([...(options.existingTables ?? []).map((t) => t.name), ...(options.existingNames ?? [])].map((n) => n.toLowerCase()));
  const writer = new PlanWriter(context, supports, budget, tablesTaken);
  const worksheets = context.workbook.worksheets;

  for (const sheet of leftovers) {
    writer.step(bytesOf(sheet.id, 2), () => {
      worksheets.getItem(sheet.id).delete();
    });
  }
  if (leftovers.length > 0) {
    notes.push(`Removed ${leftovers.length} unfinished sheet(s) an interrupted roll-up had left behind.`);
  }

  // 1. Build the new sheets under staging names; the previous summary is not touched yet.
  const stagingNames = plan.sheets.map((_, i) => freeName(`~PR_new_${i}`));
  const newSheets = stagingNames.map((staging, i) => {
    let proxy: Excel.Worksheet | null = null;
    writer.step(bytesOf(staging, 2), () => {
      proxy = worksheets.add(staging);
    });
    const get = (): Excel.Worksheet => {
      if (!proxy) throw new Error(`Internal: sheet "${finalNames[i]}" used before it was added`);
      return proxy;
    };
    writer.register(plan.sheets[i].name, get);
    return get;
  });
  writePlan.sheets.forEach((sheet, i) => writer.sheetContent(sheet, newSheets[i], finalNameOf));

  // 2. The swap, last and short: old sheets step aside, new ones take the final names and the markers.
  const replacedRoles = new Set(plan.sheets.map((s) => s.role));
  const oldSheets = owned.filter((o) => o.sheetName !== '' && replacedRoles.has(o.role) && existing.includes(o.sheetName));
  const oldRenames: { temp: string; original: string }[] = [];
  const oldProxies = oldSheets.map((o, i) => {
    const temp = freeName(`~PR_old_${i}`);
    oldRenames.push({ temp, original: o.sheetName });
    let proxy: Excel.Worksheet | null = null;
    const get = (): Excel.Worksheet => (proxy ??= worksheets.getItem(o.sheetName));
    writer.step(bytesOf(temp, 2), () => {
      get().name = temp;
    });
    return get;
  });
  newSheets.forEach((get, i) => {
    const name = finalNames[i];
    writer.step(bytesOf(name, 1), () => {
      get().name = name;
    });
  });
  // Markers of replaced roles, and markers pointing nowhere (#REF!), give way to the new ones.
  for (const o of owned) {
    if (o.sheetName !== '' && !replacedRoles.has(o.role)) continue;
    const marker = o.marker;
    writer.step(bytesOf(marker, 3), () => {
      context.workbook.names.getItem(marker).delete();
    });
  }
  plan.sheets.forEach((sheet, i) => {
    const marker = ownedMarkerName(sheet.role);
    writer.step(bytesOf(marker, 5), () => {
      context.workbook.names.add(marker, oneShot(newSheets[i]().getRange('A1')));
    });
  });
  // Deleting the old sheets frees their table names for the staged tables.
  for (const get of oldProxies) {
    writer.step(bytesOf(null, 1), () => {
      get().delete();
    });
  }
  for (const staged of writer.stagedTables) {
    const name = staged.finalName;
    writer.step(bytesOf(name, 2), () => {
      staged.get().name = name;
    });
  }

  // Each request also re-sends the paths of the objects it starts from (workbook, sheets): a fixed part.
  const queue = batchSteps(writer.steps, budget - REQUEST_BASE_BYTES);
  const batchBytes: number[] = [];
  let parts = 0;
  let retries = 0;
  const record: StagingRecord = { idsBefore: new Set(sheetsBefore.map((s) => s.id)), stagingNames, finalNames, oldRenames };
  for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
    if (options.signal?.aborted) throw await undoStaging(context, record, options.signal.reason);
    if (supports('1.6')) context.application.suspendApiCalculationUntilNextSync();
    for (const s of batch) s.run();
    const bytes = REQUEST_BASE_BYTES + batch.reduce((n, s) => n + s.bytes, 0);
    try {
      // Deliberate: each batch is one request kept under the 5 MB limit; a normal plan is a single batch.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      syncs += 1;
      // Excel refused the request unread (so nothing of it was applied): send it again in two halves.
      if (isRequestTooLarge(e) && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        queue.unshift(batch.slice(0, half), batch.slice(half));
        retries += 1;
        continue;
      }
      throw await undoStaging(context, record, e);
    }
    syncs += 1;
    parts += 1;
    batchBytes.push(bytes);
  }
  // Activation gets a request of its own: Excel on the web has been seen to ignore activating a sheet added
  // in the same request.
  const active = plan.sheets.findIndex((s) => s.role === plan.activeSheet);
  if (active >= 0) {
    newSheets[active]().activate();
    try {
      await context.sync();
    } catch (e) {
      syncs += 1;
      throw await undoStaging(context, record, e);
    }
    syncs += 1;
    batchBytes.push(REQUEST_BASE_BYTES + bytesOf(null, 1));
  }
  if (parts > 1) {
    notes.push(`The summary was large, so it was written in ${parts} parts.`);
  }

  const sheetNames = {} as Record<OwnedSheetRole, string>;
  for (const role of OWNED_ROLES) {
    const i = plan.sheets.findIndex((s) => s.role === role);
    sheetNames[role] = i >= 0 ? finalNames[i] : (owned.find((o) => o.role === role && o.sheetName !== '')?.sheetName ?? '');
  }
  return { sheetNames, notes: [...notes, ...writer.notes], syncs, batchBytes, refusedRequests: retries };
}
