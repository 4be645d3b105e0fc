/**
 * The workbook plan: every output sheet, cell block, format, table, conditional format, chart and link,
 * described as plain data. Both renderers (src/excel for Office.js, src/xlsx for files) apply it verbatim;
 * no layout decision lives in a renderer.
 *
 * Conventions
 * - Addresses are A1 strings local to the sheet ("B4", "B4:H20"); source ranges of charts and hyperlink
 *   targets name their sheet explicitly.
 * - A string value is ALWAYS literal text, even when it starts with "=", "+", "-" or "@": renderers must
 *   write it so that Excel never evaluates it. Formulas, where wanted, are `{ formula: "=…" }`.
 * - Dates are whole-day Excel serials with a date number format: 1900 system, or 1904 when `date1904` says so.
 * - Colours are "#RRGGBB".
 */
import type { OwnedSheetRole } from '../grid';

export type PlanValue = string | number | boolean | null | { formula: string };

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  /** Thin border: at the bottom of the range, or around every cell. */
  border?: 'bottom' | 'all';
  /** Indent level for text. */
  indent?: number;
}

export interface CellBlock {
  /** Top-left cell of the block. */
  address: string;
  /** Rectangular: every row has the same length. */
  values: PlanValue[][];
}

export interface RangeFormat {
  range: string;
  numberFormat?: string;
  style?: CellStyle;
}

export interface TablePlan {
  /** Workbook-unique table name (letters, digits, underscore). */
  name: string;
  /** Range including the header row; the block must already hold the header and data. */
  range: string;
  style: string;
  showBandedRows?: boolean;
}

export type ConditionalRule =
  | { kind: 'cellValue'; operator: 'lessThan' | 'lessThanOrEqual' | 'greaterThan' | 'greaterThanOrEqual' | 'between' | 'equal'; formula1: string; formula2?: string }
  | { kind: 'textContains'; text: string }
  | { kind: 'expression'; formula: string };

export interface ConditionalFormatPlan {
  range: string;
  rule: ConditionalRule;
  style: Pick<CellStyle, 'fill' | 'fontColor' | 'bold'>;
  /** Lower numbers are evaluated first; stopIfTrue is implied. */
  priority: number;
}

export type ChartKind =
  | 'barClustered'
  | 'columnClustered'
  | 'barStacked'
  | 'line'
  | 'lineMarkers'
  | 'scatter'
  | 'scatterLines';

export interface SeriesPlan {
  name: string;
  /** Sheet-qualified range, e.g. "'Program Summary'!$B$20:$B$24". */
  values: string;
  /** Categories (bar/column/line) or X values (scatter), sheet-qualified. */
  categories?: string;
  color?: string;
  /** Series drawn with no fill and no line (the invisible base of a Gantt-style stacked bar). */
  invisible?: boolean;
  /** Per-series type for combination charts (e.g. the 1.0 reference lines on a scatter). */
  kind?: ChartKind;
  /** Show data labels with the values. */
  dataLabels?: boolean;
  /** Marker-less line (reference lines). */
  lineOnly?: boolean;
}

export interface AxisPlan {
  title?: string;
  min?: number;
  max?: number;
  numberFormat?: string;
  /** Reverse category order (bar charts list the first project at the top). */
  reverse?: boolean;
}

export interface ChartPlan {
  /** Stable id within the sheet, e.g. "finishVariance". */
  id: string;
  kind: ChartKind;
  title: string;
  series: SeriesPlan[];
  categoryAxis?: AxisPlan;
  valueAxis?: AxisPlan;
  legend: 'bottom' | 'right' | 'top' | 'none';
  /** Anchor: top-left and bottom-right cells of the chart area. */
  from: string;
  to: string;
}

export interface HyperlinkPlan {
  cell: string;
  /** Text shown in the cell (also present in the block values). */
  text: string;
  /** Internal target: sheet and cell. */
  sheet: string;
  target: string;
  tooltip?: string;
}

export interface PageSetupPlan {
  orientation: 'landscape' | 'portrait';
  /** Fit to this many pages wide (0 = automatic). */
  fitToWidth: number;
  /** Fit to this many pages tall (0 = automatic). */
  fitToHeight: number;
  /** Rows repeated at the top of each printed page, e.g. "$1:$3". */
  printTitleRows?: string;
  /** Range printed, e.g. "A1:P60" (the summary leaves its chart-data block out); absent = the used range. */
  printArea?: string;
}

export interface SheetPlan {
  role: OwnedSheetRole;
  /** Desired name; the renderer resolves a clash with a user's sheet by suffixing (see RenderReport). */
  name: string;
  tabColor?: string;
  blocks: CellBlock[];
  formats: RangeFormat[];
  /** Column widths in characters, by zero-based column index. */
  columnWidths: { col: number; width: number }[];
  merges: string[];
  tables: TablePlan[];
  conditionalFormats: ConditionalFormatPlan[];
  charts: ChartPlan[];
  hyperlinks: HyperlinkPlan[];
  freeze?: { rows: number; columns: number };
  pageSetup?: PageSetupPlan;
  /** Show gridlines (summary sheets look cleaner without). */
  showGridlines: boolean;
  /** Row heights in points, by 1-based row (wrapped headers); absent rows keep the default height. */
  rowHeights?: { row: number; height: number }[];
}

/** Where one item of the result was written: its sheet (by role) and the ID cell of its row. */
export interface PlanAnchor {
  /** The sheet's role; a renderer's RenderReport.sheetNames gives the name the sheet finally got. */
  role: OwnedSheetRole;
  /** A1 cell local to that sheet. */
  cell: string;
}

/**
 * Where the builders put each project and each cross-project link, so a host (the task pane) can take the
 * user to a row without knowing the layout. Keys are own properties only: look them up with `anchorFor`.
 */
export interface PlanAnchors {
  /** By project ID: the project's row in the summary table (its ID cell). */
  projects: Record<string, PlanAnchor>;
  /** By `dependencyKeys(result.dependencies)`: the link's row on the dependencies sheet (its From cell). */
  dependencies: Record<string, PlanAnchor>;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Sheet to activate after writing. */
  activeSheet: OwnedSheetRole;
  /**
   * Dates are 1904-system serials (the target workbook uses that system; see date-system.ts). Absent: 1900.
   * The file renderer marks the workbook so; Office.js writes into the workbook that has the system.
   */
  date1904?: boolean;
  /** Where each project and link landed; renderers ignore it. */
  anchors: PlanAnchors;
}

/** What a renderer reports back after applying a plan. */
export interface RenderReport {
  /** Final sheet name per role (differs from the plan when a user's sheet already held the name). */
  sheetNames: Record<OwnedSheetRole, string>;
  /** Plain messages, e.g. 'A sheet named "Program Summary" is yours, so the summary went to "Program Summary (2)".' */
  notes: string[];
}
