/**
 * The state of a workbook in the test host (tests/excel/host/excel-host.ts): what tests build before a run and
 * inspect after it, as plain data. Microsoft's client talks to the host; the host reads and changes this.
 */
export type FakeCellValue = string | number | boolean | null;

export interface FakeCell {
  /** What Excel would store: a number, boolean or text. */
  value: FakeCellValue;
  /** Set when the written string was evaluated as a formula ("=", "+", "-" or "@" without an apostrophe). */
  formula?: string;
  /** True when the text was written with a leading apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
  /** Excel turned the written text into an error value (e.g. "#N/A"). */
  error?: boolean;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  indent?: number;
  borders?: string[];
  hyperlink?: { documentReference?: string; address?: string; screenTip?: string; textToDisplay?: string };
}

export interface FakeTable {
  name: string;
  address: string;
  hasHeaders: boolean;
  style?: string;
  showBandedRows?: boolean;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  priority?: number;
  stopIfTrue?: boolean;
  rule?: Record<string, unknown>;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface FakeSeries {
  name?: string;
  /** Sheet-qualified source addresses, as Excel reports them. */
  values?: string;
  xValues?: string;
  chartType?: string;
  fill?: string | 'cleared';
  lineColor?: string;
  lineStyle?: string;
  markerStyle?: string;
  markerColor?: string;
  hasDataLabels?: boolean;
}

export interface FakeAxis {
  title?: string;
  minimum?: number;
  maximum?: number;
  reversePlotOrder?: boolean;
  numberFormat?: string;
}

export interface FakeChart {
  type: string;
  title?: string;
  legendVisible?: boolean;
  legendPosition?: string;
  from?: string;
  to?: string;
  series: FakeSeries[];
  categoryAxis: FakeAxis;
  valueAxis: FakeAxis;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  tables: FakeTable[];
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  merges: string[];
  /** Column widths in points by zero-based column. */
  columnWidths: Map<number, number>;
  freeze: { rows: number; columns: number } | null;
  tabColor?: string;
  showGridlines: boolean;
  pageLayout: { orientation?: string; fitWide?: number; fitTall?: number; printTitleRows?: string; printArea?: string };
  /** Row heights in points by zero-based row. */
  rowHeights: Map<number, number>;
}

export interface FakeName {
  name: string;
  /** The sheet the name points at (by id, so a rename follows); null when the sheet was deleted (#REF!). */
  sheetId: string | null;
  address: string;
}

export interface FakeWorkbookModel {
  sheets: FakeSheet[];
  names: FakeName[];
  settings: Map<string, unknown>;
  activeSheetId: string | null;
  /** File name as Excel reports it (Workbook.name); default "Book1.xlsx". */
  name?: string;
  /** The workbook uses the 1904 date system (Excel for Mac's old default). */
  date1904?: boolean;
}

let idCounter = 0;

export function newSheet(name: string, visibility: FakeSheet['visibility'] = 'Visible'): FakeSheet {
  idCounter += 1;
  return {
    id: `{SHEET-${idCounter}}`,
    name,
    visibility,
    cells: new Map(),
    tables: [],
    conditionalFormats: [],
    charts: [],
    merges: [],
    columnWidths: new Map(),
    freeze: null,
    showGridlines: true,
    pageLayout: {},
    rowHeights: new Map(),
  };
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** Puts a grid of raw values on a sheet, starting at a zero-based origin, as a user would have typed them. */
export function fillSheet(sheet: FakeSheet, values: FakeCellValue[][], origin = { row: 0, col: 0 }): FakeSheet {
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== '') sheet.cells.set(cellKey(origin.row + r, origin.col + c), { value });
    }),
  );
  return sheet;
}

/** A snapshot of the whole workbook that ignores sheet ids, for "running twice gives the same workbook". */
export function workbookSnapshot(model: FakeWorkbookModel): unknown {
  const idToName = new Map(model.sheets.map((s) => [s.id, s.name]));
  return {
    sheets: model.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()].sort(([a], [b]) => a.localeCompare(b)),
      tables: s.tables,
      conditionalFormats: s.conditionalFormats,
      charts: s.charts,
      merges: [...s.merges].sort(),
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      freeze: s.freeze,
      tabColor: s.tabColor,
      showGridlines: s.showGridlines,
      pageLayout: s.pageLayout,
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
    })),
    names: model.names
      .map((n) => ({ name: n.name, sheet: n.sheetId === null ? null : idToName.get(n.sheetId), address: n.address }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    active: model.activeSheetId === null ? null : idToName.get(model.activeSheetId),
  };
}
