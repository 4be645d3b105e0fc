/**
 * Queues a WorkbookPlan's sheets as Office.js steps, each with its estimated request bytes, so applyPlan can
 * send them in as few context.sync calls as the request limit allows. Nothing is sent here.
 */
import type {
  CellStyle,
  ChartKind,
  ChartPlan,
  ConditionalFormatPlan,
  PlanValue,
  SeriesPlan,
  SheetPlan,
} from '../core/report/plan';
import { quoteSheetName, splitReference } from './ownership';
import { boxAddress, boxOf, toExcelValue } from './cell-values';
import { bytesOf } from './request-size';

/**
 * A range used only in the request that creates it. Inside Excel.run, Office.js keeps every range by
 * reference (a _KeepReference action per range, and one _RemoveReference each in a clean-up request after the
 * run, which for 30,000 linked issue rows passes Excel on the web's 5 MB limit and then fails unseen).
 * Untracked, the range costs fewer request bytes and nothing to clean up.
 */
export function oneShot(range: Excel.Range): Excel.Range {
  return range.untrack();
}

export interface Step {
  bytes: number;
  run: () => void;
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
export function claimFreeName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 0; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export class PlanWriter {
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

