/**
 * A small typed fake of the Excel JavaScript object model, faithful where our adapter depends on it:
 * - writes and loads are queued and only happen at `context.sync()`; a failing sync applies nothing;
 * - reading a property before `load()` + `sync()` throws PropertyNotLoaded, as Office.js does;
 * - collections load with "items/name" paths, `getItemOrNullObject` resolves `isNullObject` at sync;
 * - `getItem` of a missing sheet fails at sync with ItemNotFound;
 * - it counts syncs, request bytes (JSON size of queued writes) and response bytes, and enforces the
 *   5 MB request/response limits of Excel on the web (configurable, to test splitting).
 * Only the surface src/excel uses is implemented; anything else is undefined and fails loudly.
 */
import { a1, a1Range, colIndex } from '../../../src/core/a1';
import {
  cellKey,
  newSheet,
  type FakeCell,
  type FakeCellValue,
  type FakeChart,
  type FakeSeries,
  type FakeSheet,
  type FakeWorkbookModel,
} from './model';

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

interface Box {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** Parses "A1", "B2:D5", "$A$1", "A:A" (whole column) into a zero-based box. */
export function parseBox(address: string): Box {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = local.replace(/\$/g, '').split(':');
  const colOnly = /^[A-Z]+$/i;
  if (colOnly.test(a) && colOnly.test(b)) {
    const c0 = colIndex(a) ?? 0;
    const c1 = colIndex(b) ?? 0;
    return { r0: 0, c0, rows: 1048576, cols: c1 - c0 + 1 };
  }
  const pa = /^([A-Z]+)(\d+)$/i.exec(a);
  const pb = /^([A-Z]+)(\d+)$/i.exec(b);
  if (!pa || !pb) throw new FakeOfficeError('InvalidArgument', `Bad address ${address}`);
  const r0 = Number(pa[2]) - 1;
  const c0 = colIndex(pa[1]) ?? 0;
  const r1 = Number(pb[2]) - 1;
  const c1 = colIndex(pb[1]) ?? 0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

function boxAddress(b: Box): string {
  return a1Range(b.r0, b.c0, b.r0 + b.rows - 1, b.c0 + b.cols - 1);
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

type Op = () => void;

export class FakeContext {
  syncCount = 0;
  /** Bytes of each sync's request (queued writes), in order. */
  readonly requestBytesPerSync: number[] = [];
  readonly responseBytesPerSync: number[] = [];
  maxRequestBytes = 5 * 1024 * 1024;
  maxResponseBytes = 5 * 1024 * 1024;
  /** Excel is in cell-edit mode: every sync fails as Office.js does. */
  cellEditMode = false;
  calculationSuspendedSyncs = 0;
  /** Fault injection: an operation for which this returns true fails when its sync applies it. */
  failOn: ((method: string, args: unknown[]) => boolean) | null = null;
  private ops: Op[] = [];
  private loads: (() => number)[] = [];
  private pendingBytes = 0;
  readonly workbook: FakeWorkbook;
  readonly application = {
    suspendApiCalculationUntilNextSync: (): void => {
      this.queue('suspendCalc', [], () => {
        this.calculationSuspendedSyncs += 1;
      });
    },
  };

  constructor(readonly model: FakeWorkbookModel) {
    this.workbook = new FakeWorkbook(this);
  }

  queue(method: string, args: unknown[], op: Op): void {
    this.pendingBytes += JSON.stringify({ m: method, a: args }).length;
    this.ops.push(() => {
      if (this.failOn?.(method, args)) throw new FakeOfficeError('GeneralException', `Injected failure in ${method}.`);
      op();
    });
  }

  queueLoad(load: () => number): void {
    this.pendingBytes += 40;
    this.loads.push(load);
  }

  sync(): Promise<void> {
    this.syncCount += 1;
    const ops = this.ops;
    const loads = this.loads;
    const bytes = this.pendingBytes;
    this.ops = [];
    this.loads = [];
    this.pendingBytes = 0;
    this.requestBytesPerSync.push(bytes);
    if (this.cellEditMode) {
      return Promise.reject(new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'));
    }
    if (bytes > this.maxRequestBytes) {
      return Promise.reject(
        new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.', { bytes }),
      );
    }
    // Apply on a copy so that a failing batch leaves the workbook as it was (Office rolls back a failed batch
    // only partly; our adapter never relies on either behaviour).
    try {
      for (const op of ops) op();
      let response = 0;
      for (const load of loads) response += load();
      this.responseBytesPerSync.push(response);
      if (response > this.maxResponseBytes) {
        throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.', { response });
      }
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return Promise.resolve();
  }

  trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

/** Base of loadable proxies: properties read before load+sync throw PropertyNotLoaded. */
abstract class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected abstract snapshot(prop: string): unknown;

  load(props?: string | string[] | { select?: string }): this {
    const list = (typeof props === 'string' ? props : Array.isArray(props) ? props.join(',') : (props?.select ?? ''))
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (list.length === 0) throw new Error('Fake Excel: load() with no properties loads everything; name the properties');
    this.ctx.queueLoad(() => {
      let bytes = 0;
      for (const p of list) {
        const v = this.snapshot(p);
        this.loaded.set(p, v);
        bytes += JSON.stringify(v ?? null).length;
      }
      return bytes;
    });
    return this;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError('PropertyNotLoaded', `The property '${prop}' is not available. Call load() and sync() first.`);
    }
    return this.loaded.get(prop) as T;
  }
}

/** Excel's worksheet-function API, for the one function the adapter asks: DATE, in the workbook's date system. */
class FakeFunctionResult extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly compute: () => number,
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): unknown {
    if (prop === 'value') return this.compute();
    if (prop === 'error') return null;
    throw new Error(`Fake Excel: cannot load ${prop} on a function result`);
  }
  get value(): number {
    return this.get<number>('value');
  }
}

class FakeFunctions {
  constructor(private readonly ctx: FakeContext) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.ctx, () => {
      const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
      return this.ctx.model.date1904 === true ? days - 1462 : days;
    });
  }
}

class FakeWorkbook extends Loadable {
  readonly worksheets: FakeWorksheetCollection;
  readonly functions: FakeFunctions;
  readonly names: FakeNameCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeContext['application'];
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.functions = new FakeFunctions(ctx);
    this.names = new FakeNameCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.application = ctx.application;
  }
  protected snapshot(prop: string): unknown {
    if (prop === 'name') return this.ctx.model.name ?? 'Book1.xlsx';
    throw new Error(`Fake Excel: cannot load ${prop} on the workbook`);
  }
  get name(): string {
    return this.get<string>('name');
  }
}

class FakeWorksheetCollection extends Loadable {
  private itemsCache: FakeWorksheet[] = [];
  protected snapshot(prop: string): unknown {
    if (prop.startsWith('items/') || !prop.includes('/')) {
      const sub = prop.startsWith('items/') ? prop.slice(6) : prop;
      this.itemsCache = this.ctx.model.sheets.map((s) => {
        const existing = this.itemsCache.find((w) => w.sheetId === s.id);
        return existing ?? new FakeWorksheet(this.ctx, () => s, s.id);
      });
      for (const w of this.itemsCache) w.setLoaded(sub);
      this.loaded.set('items', this.itemsCache);
      return this.ctx.model.sheets.map((s) => (s as unknown as Record<string, unknown>)[sub]);
    }
    throw new Error(`Fake Excel: cannot load ${prop} on worksheets`);
  }
  get items(): FakeWorksheet[] {
    return this.get<FakeWorksheet[]>('items');
  }
  getItem(name: string): FakeWorksheet {
    const find = (): FakeSheet => {
      const s = this.ctx.model.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource '${name}' doesn't exist.`);
      return s;
    };
    let bound: FakeSheet | null = null;
    return new FakeWorksheet(this.ctx, () => (bound ??= find()), null);
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.ctx.queue('addSheet', [name], () => {
      if (this.ctx.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      }
      created = newSheet(name);
      this.ctx.model.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new Error('Fake Excel: sheet used before its add() was applied');
      return created;
    }, null);
  }
}

export class FakeWorksheet extends Loadable {
  readonly tables: FakeTableCollection;
  readonly charts: { add: (type: string, source: FakeRange, seriesBy?: string) => FakeChartProxy };
  readonly freezePanes: { freezeRows: (n: number) => void; freezeColumns: (n: number) => void; freezeAt: (r: FakeRange | string) => void };
  readonly pageLayout: {
    orientation: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number };
    setPrintTitleRows: (rows: string) => void;
  };

  constructor(
    ctx: FakeContext,
    readonly sheet: () => FakeSheet,
    readonly sheetId: string | null,
  ) {
    super(ctx);
    this.tables = new FakeTableCollection(ctx, () => this.sheet());
    this.charts = {
      add: (type: string, source: FakeRange): FakeChartProxy => {
        const chart: FakeChart = { type, series: [], categoryAxis: {}, valueAxis: {} };
        ctx.queue('charts.add', [type, source.describe()], () => {
          chart.series.push({ values: source.qualifiedAddress() });
          this.sheet().charts.push(chart);
        });
        return new FakeChartProxy(ctx, () => chart);
      },
    };
    const setFreeze = (rows: number | null, columns: number | null): void =>
      ctx.queue('freeze', [rows, columns], () => {
        const s = this.sheet();
        s.freeze = { rows: rows ?? s.freeze?.rows ?? 0, columns: columns ?? s.freeze?.columns ?? 0 };
      });
    this.freezePanes = {
      freezeRows: (n) => setFreeze(n, null),
      freezeColumns: (n) => setFreeze(null, n),
      freezeAt: (r) => {
        const b = typeof r === 'string' ? parseBox(r) : r.box;
        setFreeze(b.r0 + b.rows, b.c0 + b.cols);
      },
    };
    const layoutSetter = (key: 'orientation' | 'fitWide' | 'fitTall' | 'printTitleRows', v: unknown): void =>
      ctx.queue(`pageLayout.${key}`, [v], () => {
        (this.sheet().pageLayout as Record<string, unknown>)[key] = v;
      });
    this.pageLayout = {
      set orientation(v: string) {
        layoutSetter('orientation', v);
      },
      get orientation(): string {
        throw new Error('Fake Excel: orientation is write-only here');
      },
      set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
        layoutSetter('fitWide', v.horizontalFitToPages);
        layoutSetter('fitTall', v.verticalFitToPages);
      },
      get zoom(): { horizontalFitToPages?: number } {
        throw new Error('Fake Excel: zoom is write-only here');
      },
      setPrintTitleRows: (rows: string) => layoutSetter('printTitleRows', rows),
    };
  }

  /** Marks a property as loaded with its current value (used when the parent collection loads items/x). */
  setLoaded(prop: string): void {
    this.loaded.set(prop, this.snapshot(prop));
  }

  protected snapshot(prop: string): unknown {
    const s = this.sheet();
    if (prop === 'name' || prop === 'visibility' || prop === 'id') return s[prop];
    throw new Error(`Fake Excel: cannot load ${prop} on a worksheet`);
  }

  get name(): string {
    return this.get<string>('name');
  }
  set name(v: string) {
    this.ctx.queue('rename', [v], () => {
      const s = this.sheet();
      if (this.ctx.model.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) {
        throw new FakeOfficeError('InvalidArgument', `A sheet named ${v} already exists.`);
      }
      // As in Excel, chart series that use this sheet's ranges follow the rename.
      const from = `${quoteSheet(s.name)}!`;
      const to = `${quoteSheet(v)}!`;
      const follow = (ref: string | undefined): string | undefined => (ref?.startsWith(from) ? to + ref.slice(from.length) : ref);
      for (const chart of this.ctx.model.sheets.flatMap((x) => x.charts)) {
        for (const series of chart.series) {
          series.values = follow(series.values);
          series.xValues = follow(series.xValues);
        }
      }
      s.name = v;
    });
  }
  get visibility(): string {
    return this.get<string>('visibility');
  }
  get id(): string {
    return this.get<string>('id');
  }
  set tabColor(v: string) {
    this.ctx.queue('tabColor', [v], () => {
      this.sheet().tabColor = v;
    });
  }
  set showGridlines(v: boolean) {
    this.ctx.queue('showGridlines', [v], () => {
      this.sheet().showGridlines = v;
    });
  }

  delete(): void {
    this.ctx.queue('deleteSheet', [], () => {
      const s = this.sheet();
      const visible = this.ctx.model.sheets.filter((x) => x.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === s) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      this.ctx.model.sheets = this.ctx.model.sheets.filter((x) => x !== s);
      for (const n of this.ctx.model.names) if (n.sheetId === s.id) n.sheetId = null;
    });
  }

  activate(): void {
    this.ctx.queue('activate', [], () => {
      this.ctx.model.activeSheetId = this.sheet().id;
    });
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this.sheet, parseBox(address));
  }
  getRangeByIndexes(r0: number, c0: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this.sheet, { r0, c0, rows, cols });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.sheet, null, valuesOnly === true);
  }
}

function isBlank(cell: FakeCell | undefined): boolean {
  return cell === undefined || cell.value === null || cell.value === '';
}

/** What Excel stores when a string is written through Range.values (as if typed). */
function interpretWrite(v: unknown): Pick<FakeCell, 'value' | 'formula' | 'quotePrefix'> {
  if (typeof v !== 'string') return { value: (v ?? null) as FakeCellValue };
  if (v.startsWith("'")) return { value: v.slice(1), quotePrefix: true };
  if (/^[-+]?\d+(\.\d+)?$/.test(v.trim())) return { value: Number(v) };
  if (/^(TRUE|FALSE)$/i.test(v.trim())) return { value: v.trim().toUpperCase() === 'TRUE' };
  if (/^[=+\-@]/.test(v)) return { value: 0, formula: v.startsWith('=') ? v : `=${v}` };
  return { value: v };
}

export class FakeRange extends Loadable {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: { add: (type: string) => FakeConditionalFormatProxy };

  constructor(
    ctx: FakeContext,
    private readonly sheetRef: () => FakeSheet,
    private fixedBox: Box | null,
    private readonly valuesOnly = false,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
    this.conditionalFormats = {
      add: (type: string): FakeConditionalFormatProxy => {
        const cf = { address: '', type };
        ctx.queue('conditionalFormats.add', [type], () => {
          cf.address = boxAddress(this.box);
          this.sheetRef().conditionalFormats.push(cf);
        });
        return new FakeConditionalFormatProxy(ctx, cf);
      },
    };
  }

  get sheetModel(): FakeSheet {
    return this.sheetRef();
  }

  /** Resolves the used range lazily (it depends on the sheet at sync time). */
  private cached: { at: string; box: Box } | null = null;

  get box(): Box {
    if (this.fixedBox) return this.fixedBox;
    // The used range only changes when a batch is applied; cache it per sync and sheet size.
    const s = this.sheetRef();
    const at = `${this.ctx.syncCount}:${s.cells.size}`;
    if (this.cached?.at !== at) this.cached = { at, box: this.computeUsedBox(s) };
    return this.cached.box;
  }

  private computeUsedBox(s: FakeSheet): Box {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [key, cell] of s.cells) {
      if (this.valuesOnly && isBlank(cell)) continue;
      const comma = key.indexOf(',');
      const r = Number(key.slice(0, comma));
      const c = Number(key.slice(comma + 1));
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    if (r1 < 0) return { r0: 0, c0: 0, rows: 0, cols: 0 };
    return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  describe(): string {
    return this.fixedBox ? boxAddress(this.fixedBox) : 'usedRange';
  }

  qualifiedAddress(): string {
    const b = this.box;
    const abs = a1Range(b.r0, b.c0, b.r0 + b.rows - 1, b.c0 + b.cols - 1).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    return `${quoteSheet(this.sheetRef().name)}!${abs}`;
  }

  protected snapshot(prop: string): unknown {
    const b = this.box;
    const s = this.sheetRef();
    switch (prop) {
      case 'isNullObject':
        return b.rows === 0;
      case 'address':
        return b.rows === 0 ? null : `${quoteSheet(s.name)}!${boxAddress(b)}`;
      case 'rowCount':
        return b.rows;
      case 'columnCount':
        return b.cols;
      case 'values': {
        const out: FakeCellValue[][] = [];
        for (let r = 0; r < b.rows; r++) {
          const row: FakeCellValue[] = [];
          for (let c = 0; c < b.cols; c++) row.push(s.cells.get(cellKey(b.r0 + r, b.c0 + c))?.value ?? '');
          out.push(row);
        }
        return out;
      }
      default:
        throw new Error(`Fake Excel: cannot load ${prop} on a range`);
    }
  }

  load(props?: string | string[] | { select?: string }): this {
    super.load(props);
    // Office.js resolves isNullObject at every sync of an *OrNullObject proxy.
    if (!this.fixedBox) super.load('isNullObject');
    return this;
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  get address(): string {
    return this.get<string>('address');
  }
  get rowCount(): number {
    return this.get<number>('rowCount');
  }
  get columnCount(): number {
    return this.get<number>('columnCount');
  }
  get values(): FakeCellValue[][] {
    return this.get<FakeCellValue[][]>('values');
  }
  set values(v: unknown[][]) {
    this.forEachCellWrite('values', v, (cell, x) => Object.assign(cell, { formula: undefined, quotePrefix: undefined }, interpretWrite(x)));
  }
  set numberFormat(v: unknown[][]) {
    this.forEachCellWrite('numberFormat', v, (cell, x) => {
      cell.numberFormat = String(x);
    });
  }
  set hyperlink(v: FakeCell['hyperlink']) {
    this.ctx.queue('hyperlink', [v], () => {
      const b = this.box;
      this.cell(b.r0, b.c0).hyperlink = { ...v };
    });
  }

  private forEachCellWrite(method: string, v: unknown[][], apply: (cell: FakeCell, x: unknown) => void): void {
    this.ctx.queue(method, [this.describe(), v], () => {
      const b = this.box;
      if (v.length !== b.rows || v.some((row) => row.length !== b.cols)) {
        throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size of the range ${boxAddress(b)}.`);
      }
      v.forEach((row, r) => row.forEach((x, c) => apply(this.cell(b.r0 + r, b.c0 + c), x)));
    });
  }

  cell(r: number, c: number): FakeCell {
    const s = this.sheetRef();
    const key = cellKey(r, c);
    let cell = s.cells.get(key);
    if (!cell) {
      cell = { value: null };
      s.cells.set(key, cell);
    }
    return cell;
  }

  forEachCell(apply: (cell: FakeCell) => void): void {
    const b = this.box;
    for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) apply(this.cell(b.r0 + r, b.c0 + c));
  }

  merge(): void {
    this.ctx.queue('merge', [this.describe()], () => {
      this.sheetRef().merges.push(boxAddress(this.box));
    });
  }

  getCell(r: number, c: number): FakeRange {
    const b = this.box;
    return new FakeRange(this.ctx, this.sheetRef, { r0: b.r0 + r, c0: b.c0 + c, rows: 1, cols: 1 });
  }

  getResizedRange(dr: number, dc: number): FakeRange {
    const b = this.box;
    return new FakeRange(this.ctx, this.sheetRef, { ...b, rows: b.rows + dr, cols: b.cols + dc });
  }
}

class FakeRangeFormat {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => { style: string } };

  constructor(ctx: FakeContext, range: FakeRange) {
    const cellSetter = (label: string, key: keyof FakeCell) => (v: unknown) =>
      ctx.queue(`format.${label}`, [range.describe(), v], () =>
        range.forEachCell((cell) => {
          (cell as unknown as Record<string, unknown>)[key] = v;
        }),
      );
    const fontSetters: Record<string, (v: unknown) => void> = {
      bold: cellSetter('font.bold', 'bold'),
      italic: cellSetter('font.italic', 'italic'),
      size: cellSetter('font.size', 'fontSize'),
      color: cellSetter('font.color', 'fontColor'),
    };
    this.font = writeOnly(fontSetters);
    this.fill = writeOnly({ color: cellSetter('fill.color', 'fill') });
    this.borders = {
      getItem: (edge: string) =>
        writeOnly({
          style: (v: unknown) =>
            ctx.queue('border', [range.describe(), edge, v], () =>
              range.forEachCell((cell) => {
                cell.borders = [...new Set([...(cell.borders ?? []), edge])].sort();
              }),
            ),
        }) as { style: string },
    };
    const own: Record<string, (v: unknown) => void> = {
      horizontalAlignment: cellSetter('hAlign', 'hAlign'),
      verticalAlignment: cellSetter('vAlign', 'vAlign'),
      wrapText: cellSetter('wrap', 'wrap'),
      indentLevel: cellSetter('indent', 'indent'),
      columnWidth: (v: unknown) =>
        ctx.queue('columnWidth', [range.describe(), v], () => {
          const b = range.box;
          for (let c = b.c0; c < b.c0 + b.cols; c++) range.sheetModel.columnWidths.set(c, Number(v));
        }),
    };
    for (const [k, set] of Object.entries(own)) {
      Object.defineProperty(this, k, { set, get: () => { throw new Error(`Fake Excel: format.${k} is write-only here`); } });
    }
  }
}

function writeOnly(setters: Record<string, (v: unknown) => void>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, set] of Object.entries(setters)) {
    Object.defineProperty(o, k, { set, get: () => { throw new Error(`Fake Excel: ${k} is write-only here`); }, enumerable: true });
  }
  return o;
}

/** A sheet's tables: add() and loading items/name. */
class FakeTableCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): unknown {
    const sub = prop.startsWith('items/') ? prop.slice(6) : prop;
    if (sub !== 'name') throw new Error(`Fake Excel: cannot load ${prop} on tables`);
    const names = this.sheet().tables.map((t) => t.name);
    this.loaded.set('items', names.map((name) => ({ name })));
    return names;
  }
  get items(): { name: string }[] {
    return this.get<{ name: string }[]>('items');
  }
  add(address: string, hasHeaders: boolean): FakeTableProxy {
    const t = { name: '', address: boxAddress(parseBox(address)), hasHeaders };
    this.ctx.queue('tables.add', [address, hasHeaders], () => {
      t.name = `Table${this.ctx.model.sheets.reduce((n, x) => n + x.tables.length, 1)}`;
      this.sheet().tables.push(t);
    });
    return new FakeTableProxy(this.ctx, () => t);
  }
}

class FakeTableProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly t: () => { name: string; style?: string; showBandedRows?: boolean },
  ) {}
  set name(v: string) {
    this.ctx.queue('table.name', [v], () => {
      if (this.ctx.model.sheets.some((s) => s.tables.some((x) => x !== this.t() && x.name.toLowerCase() === v.toLowerCase()))) {
        throw new FakeOfficeError('InvalidArgument', `A table named ${v} already exists.`);
      }
      this.t().name = v;
    });
  }
  set style(v: string) {
    this.ctx.queue('table.style', [v], () => {
      this.t().style = v;
    });
  }
  set showBandedRows(v: boolean) {
    this.ctx.queue('table.showBandedRows', [v], () => {
      this.t().showBandedRows = v;
    });
  }
}

class FakeConditionalFormatProxy {
  readonly cellValue: unknown;
  readonly textComparison: unknown;
  readonly custom: unknown;
  constructor(
    private readonly ctx: FakeContext,
    private readonly cf: { address: string; type: string } & Record<string, unknown>,
  ) {
    const set = (key: string) => (v: unknown) =>
      ctx.queue(`cf.${key}`, [v], () => {
        this.cf[key] = v;
      });
    const format = {
      font: writeOnly({ color: set('fontColor'), bold: set('bold') }),
      fill: writeOnly({ color: set('fill') }),
    };
    const ruleHolder = (): Record<string, unknown> => Object.assign(writeOnly({ rule: set('rule') }), { format });
    this.cellValue = ruleHolder();
    this.textComparison = ruleHolder();
    const customRule = writeOnly({ formula: (v: unknown) => set('rule')({ formula: v }) });
    this.custom = { rule: customRule, format };
  }
  set priority(v: number) {
    this.ctx.queue('cf.priority', [v], () => {
      this.cf.priority = v;
    });
  }
  set stopIfTrue(v: boolean) {
    this.ctx.queue('cf.stopIfTrue', [v], () => {
      this.cf.stopIfTrue = v;
    });
  }
}

class FakeSeriesProxy {
  readonly format: { fill: { setSolidColor: (c: string) => void; clear: () => void }; line: Record<string, unknown> };
  constructor(
    private readonly ctx: FakeContext,
    private readonly s: () => FakeSeries,
  ) {
    const set = (key: keyof FakeSeries) => (v: unknown) =>
      ctx.queue(`series.${key}`, [v], () => {
        (this.s() as Record<string, unknown>)[key] = v;
      });
    this.format = {
      fill: {
        setSolidColor: (c: string) => set('fill')(c),
        clear: () => set('fill')('cleared'),
      },
      line: writeOnly({ color: set('lineColor'), lineStyle: set('lineStyle') }),
    };
    Object.defineProperties(this, {
      name: { set: set('name') },
      chartType: { set: set('chartType') },
      markerStyle: { set: set('markerStyle') },
      markerBackgroundColor: { set: set('markerColor') },
      markerForegroundColor: { set: set('markerColor') },
      hasDataLabels: { set: set('hasDataLabels') },
    });
  }
  setValues(r: FakeRange): void {
    this.ctx.queue('series.setValues', [r.describe()], () => {
      this.s().values = r.qualifiedAddress();
    });
  }
  setXAxisValues(r: FakeRange): void {
    this.ctx.queue('series.setXAxisValues', [r.describe()], () => {
      this.s().xValues = r.qualifiedAddress();
    });
  }
}

class FakeChartProxy {
  readonly title: Record<string, unknown>;
  readonly legend: Record<string, unknown>;
  readonly axes: { categoryAxis: unknown; valueAxis: unknown };
  readonly series: { getItemAt: (i: number) => FakeSeriesProxy; add: (name?: string) => FakeSeriesProxy };

  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: () => FakeChart,
  ) {
    const set = (apply: (c: FakeChart, v: unknown) => void, label: string) => (v: unknown) =>
      ctx.queue(`chart.${label}`, [v], () => apply(this.chart(), v));
    this.title = writeOnly({ text: set((c, v) => (c.title = String(v)), 'title') });
    this.legend = writeOnly({
      visible: set((c, v) => (c.legendVisible = Boolean(v)), 'legend.visible'),
      position: set((c, v) => (c.legendPosition = String(v)), 'legend.position'),
    });
    const axis = (which: 'categoryAxis' | 'valueAxis'): unknown =>
      Object.assign(
        writeOnly({
          minimum: set((c, v) => (c[which].minimum = Number(v)), `${which}.minimum`),
          maximum: set((c, v) => (c[which].maximum = Number(v)), `${which}.maximum`),
          reversePlotOrder: set((c, v) => (c[which].reversePlotOrder = Boolean(v)), `${which}.reverse`),
          numberFormat: set((c, v) => (c[which].numberFormat = String(v)), `${which}.numberFormat`),
        }),
        { title: writeOnly({ text: set((c, v) => (c[which].title = String(v)), `${which}.title`) }) },
      );
    this.axes = { categoryAxis: axis('categoryAxis'), valueAxis: axis('valueAxis') };
    this.series = {
      getItemAt: (i: number) => new FakeSeriesProxy(ctx, () => this.chart().series[i]),
      add: (name?: string) => {
        const s: FakeSeries = {};
        ctx.queue('series.add', [name], () => {
          if (name !== undefined) s.name = name;
          this.chart().series.push(s);
        });
        return new FakeSeriesProxy(ctx, () => s);
      },
    };
  }
  setPosition(from: string, to?: string): void {
    this.ctx.queue('chart.setPosition', [from, to], () => {
      this.chart().from = from;
      this.chart().to = to;
    });
  }
}

class FakeNameItem extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly nameRef: () => { name: string; sheetId: string | null; address: string } | undefined,
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): unknown {
    const n = this.nameRef();
    if (prop === 'isNullObject') return n === undefined;
    if (!n) return null;
    if (prop === 'name') return n.name;
    if (prop === 'type') return n.sheetId === null ? 'Error' : 'Range';
    if (prop === 'formula' || prop === 'value') {
      const sheet = this.ctx.model.sheets.find((s) => s.id === n.sheetId);
      return sheet ? `=${quoteSheet(sheet.name)}!${n.address}` : '=#REF!';
    }
    throw new Error(`Fake Excel: cannot load ${prop} on a name`);
  }
  setLoaded(prop: string): void {
    this.loaded.set(prop, this.snapshot(prop));
  }
  get name(): string {
    return this.get<string>('name');
  }
  get type(): string {
    return this.get<string>('type');
  }
  get formula(): string {
    return this.get<string>('formula');
  }
  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  delete(): void {
    this.ctx.queue('name.delete', [], () => {
      const n = this.nameRef();
      if (!n) throw new FakeOfficeError('ItemNotFound', 'The name does not exist.');
      this.ctx.model.names = this.ctx.model.names.filter((x) => x !== n);
    });
  }
}

class FakeNameCollection extends Loadable {
  protected snapshot(prop: string): unknown {
    const sub = prop.startsWith('items/') ? prop.slice(6) : prop;
    const items = this.ctx.model.names.map((n) => {
      const item = new FakeNameItem(this.ctx, () => n);
      item.setLoaded(sub);
      return item;
    });
    const prev = this.loaded.get('items') as FakeNameItem[] | undefined;
    // Keep earlier loaded sub-properties when several "items/x" paths are loaded together.
    if (prev && prev.length === items.length) {
      prev.forEach((p) => p.setLoaded(sub));
      return prev.map((p) => (p as unknown as Record<string, unknown>)[sub]);
    }
    this.loaded.set('items', items);
    return items.map((i) => (i as unknown as Record<string, unknown>)[sub]);
  }
  get items(): FakeNameItem[] {
    return this.get<FakeNameItem[]>('items');
  }
  getItem(name: string): FakeNameItem {
    return new FakeNameItem(this.ctx, () => this.ctx.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase()));
  }
  getItemOrNullObject(name: string): FakeNameItem {
    return this.getItem(name);
  }
  add(name: string, reference: FakeRange | string): void {
    this.ctx.queue('names.add', [name, typeof reference === 'string' ? reference : reference.describe()], () => {
      if (this.ctx.model.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `The name ${name} already exists.`);
      }
      if (typeof reference === 'string') throw new Error('Fake Excel: names.add with a string reference is not modelled');
      const b = reference.box;
      this.ctx.model.names.push({ name, sheetId: reference.sheetModel.id, address: `$${a1(b.r0, b.c0).replace(/(\d+)/, '$$$1')}` });
    });
  }
}

class FakeSettingItem extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): unknown {
    if (prop === 'isNullObject') return !this.ctx.model.settings.has(this.key);
    if (prop === 'value') return this.ctx.model.settings.get(this.key) ?? null;
    throw new Error(`Fake Excel: cannot load ${prop} on a setting`);
  }
  load(props?: string | string[] | { select?: string }): this {
    super.load(props);
    super.load('isNullObject');
    return this;
  }
  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  get value(): unknown {
    return this.get<unknown>('value');
  }
}

class FakeSettingCollection {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(key: string): FakeSettingItem {
    return new FakeSettingItem(this.ctx, key);
  }
  add(key: string, value: unknown): void {
    this.ctx.queue('settings.add', [key, value], () => {
      this.ctx.model.settings.set(key, value);
    });
  }
}

/** A fake workbook plus an `Excel.run` look-alike. */
export class FakeExcel {
  readonly model: FakeWorkbookModel;
  /** Every context created by run(), in order. */
  readonly contexts: FakeContext[] = [];
  runOptions: unknown[] = [];
  maxRequestBytes = 5 * 1024 * 1024;
  maxResponseBytes = 5 * 1024 * 1024;
  cellEditMode = false;
  /** Passed to every new context (see FakeContext.failOn). */
  failOn: FakeContext['failOn'] = null;

  constructor(sheets: FakeSheet[] = []) {
    this.model = { sheets, names: [], settings: new Map(), activeSheetId: sheets[0]?.id ?? null };
  }

  newContext(): FakeContext {
    const ctx = new FakeContext(this.model);
    ctx.maxRequestBytes = this.maxRequestBytes;
    ctx.maxResponseBytes = this.maxResponseBytes;
    ctx.cellEditMode = this.cellEditMode;
    ctx.failOn = this.failOn;
    this.contexts.push(ctx);
    return ctx;
  }

  /** The same shape as Excel.run(options, batch). */
  run = async <T>(options: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runOptions.push(options);
    return batch(this.newContext() as unknown as Excel.RequestContext);
  };

  sheet(name: string): FakeSheet {
    const s = this.model.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`test: no sheet ${name} (have ${this.model.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  /** The cell at an A1 address on a sheet, or undefined. */
  cell(sheet: string, address: string): FakeCell | undefined {
    const b = parseBox(address);
    return this.sheet(sheet).cells.get(cellKey(b.r0, b.c0));
  }
}
