/**
 * A stand-in Excel host behind Microsoft's real Office.js client (client.ts): it receives the request body the
 * client serialised (ObjectPaths and Actions), applies it to a FakeWorkbookModel, and answers with Results or
 * an Error in the shape the client parses. Only this file is ours; proxies, load/sync, PropertyNotLoaded,
 * collections and null objects are Microsoft's code.
 *
 * Enforced as Excel does, with Excel's error codes:
 * - "web" setting: request and response payloads of at most 5 MB (RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded); "desktop" has no payload limit;
 * - a read of more than 5 M cells answers `values: null` (what Excel returns for an oversized used range);
 * - cell-edit mode: a request fails with InvalidOperationInCellEditMode unless Excel.run set delayForCellEdit
 *   (request flag 64), in which case Excel waits for the user to leave the cell and then runs it;
 * - sheet names: 1-31 characters, none of : \ / ? * [ ], no leading or trailing apostrophe, not "History",
 *   unique ignoring case; table names: no spaces, not like a cell address, unique across tables and defined
 *   names (one namespace);
 * - charts.add draws one series per non-empty column (seriesBy Columns) or row of its source, none for an
 *   empty source; series.getItemAt past the end fails with ItemNotFound;
 * - on the web, activating a sheet added in the same request is ignored (reported behaviour);
 * - a failing action stops the request; the actions before it stay applied (Office.js does not roll back).
 * Anything the host does not model fails with HostNotModelled, so a test never passes on a silent no-op.
 *
 * The same host also runs in Chromium behind the same client (tests/e2e/office-host bundles it with
 * browser-client.ts in place of client.ts), so this file uses nothing Node-only at run time.
 */
import { a1, a1Range, colIndex } from '../../../src/core/a1';
import { cellKey, newSheet, type FakeCell, type FakeChart, type FakeName, type FakeSeries, type FakeSheet, type FakeTable, type FakeWorkbookModel } from '../fake/model';
import { contextWithSession, runWithSession, officeClient, type ActionInfo, type ExecutorResponse, type OverrideSession, type RequestBody } from './client';
import { interpretEntry } from './entry';

export type HostSetting = 'web' | 'desktop';
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const MAX_CELLS_PER_READ = 5_000_000;
/** Excel's request flag for Excel.run({ delayForCellEdit: true }). */
export const DELAY_FOR_CELL_EDIT_FLAG = 64;

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatusCode = 400,
  ) {
    super(message);
  }
}

/** One context's round trips, as the host saw them. */
export class HostContext {
  /** Requests the adapter's context.sync calls sent. */
  syncCount = 0;
  /** Requests Excel.run sent after the batch to release kept ranges (not counted in syncCount). */
  cleanupRequests = 0;
  /** Bytes of those clean-up requests (one _RemoveReference per range the client kept). */
  cleanupBytes = 0;
  readonly requestBytesPerSync: number[] = [];
  readonly responseBytesPerSync: number[] = [];
  readonly flagsPerSync: number[] = [];
  /** Error code per sync, null when it succeeded. */
  readonly errorPerSync: (string | null)[] = [];
  calculationSuspendedSyncs = 0;
  /** Host objects by object path id: a proxy keeps naming the same Excel object across this context's syncs. */
  readonly objects = new Map<number, HostObject | null>();
}

interface Box {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** "A1", "B2:D5", "$A$1", "A:C", "3:5" into a zero-based box. */
export function parseBox(address: string): Box {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = local.replace(/\$/g, '').split(':');
  if (/^[A-Z]+$/i.test(a) && /^[A-Z]+$/i.test(b)) {
    const c0 = colIndex(a) ?? 0;
    const c1 = colIndex(b) ?? 0;
    return { r0: 0, c0: Math.min(c0, c1), rows: MAX_ROWS, cols: Math.abs(c1 - c0) + 1 };
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const r0 = Number(a) - 1;
    const r1 = Number(b) - 1;
    return { r0: Math.min(r0, r1), c0: 0, rows: Math.abs(r1 - r0) + 1, cols: MAX_COLS };
  }
  const pa = /^([A-Z]+)(\d+)$/i.exec(a);
  const pb = /^([A-Z]+)(\d+)$/i.exec(b);
  if (!pa || !pb) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: "${address}".`);
  const r0 = Number(pa[2]) - 1;
  const c0 = colIndex(pa[1]) ?? 0;
  const r1 = Number(pb[2]) - 1;
  const c1 = colIndex(pb[1]) ?? 0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

function boxAddress(b: Box): string {
  return a1Range(b.r0, b.c0, b.r0 + b.rows - 1, b.c0 + b.cols - 1);
}

/** True when `s` reads as a cell reference in A1 (within Excel's grid) or R1C1 notation. */
export function looksLikeCellReference(s: string): boolean {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(s);
  if (m) {
    const col = colIndex(m[1].toUpperCase()) ?? MAX_COLS;
    const row = Number(m[2]);
    return col < MAX_COLS && row >= 1 && row <= MAX_ROWS;
  }
  return /^[Rr](\d*)[Cc](\d*)$/.test(s) || /^[RrCc]$/.test(s);
}

/** A sheet name as Excel writes it in a reference: quoted unless a plain identifier that is not a cell address. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeCellReference(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new HostError('InvalidArgument', `The sheet name "${name}" is not valid.`);
  }
  if (name.toLowerCase() === 'history') throw new HostError('InvalidArgument', 'The sheet name "History" is reserved by Excel.');
}

export function checkTableName(name: string): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255 || looksLikeCellReference(name)) {
    throw new HostError('InvalidArgument', `The table name "${name}" is not valid.`);
  }
}

// ---------- host objects ----------

interface RangeObj {
  kind: 'range';
  sheet: FakeSheet;
  box: Box;
}
interface CfObj {
  kind: 'cf';
  cf: FakeWorkbookModel['sheets'][number]['conditionalFormats'][number] & Record<string, unknown>;
}
type HostObject =
  | { kind: 'workbook' }
  | { kind: 'application' }
  | { kind: 'worksheets' }
  | { kind: 'sheet'; sheet: FakeSheet }
  | RangeObj
  | { kind: 'format' | 'font' | 'fill' | 'borders' | 'conditionalFormats'; range: RangeObj }
  | { kind: 'border'; range: RangeObj; edge: string }
  | { kind: 'tables'; sheet: FakeSheet }
  | { kind: 'table'; table: FakeTable }
  | { kind: 'names' }
  | { kind: 'workbookTables' }
  | { kind: 'name'; name: FakeName }
  | { kind: 'settings' }
  | { kind: 'setting'; key: string }
  | { kind: 'functions' }
  | { kind: 'functionResult'; value: number }
  | { kind: 'charts'; sheet: FakeSheet }
  | { kind: 'chart' | 'legend' | 'axes' | 'seriesCollection'; chart: FakeChart }
  | { kind: 'title'; set: (text: string) => void }
  | { kind: 'axis'; chart: FakeChart; which: 'categoryAxis' | 'valueAxis' }
  | { kind: 'series' | 'seriesFormat' | 'seriesFill' | 'seriesLine'; series: FakeSeries }
  | { kind: 'freezePanes' | 'pageLayout'; sheet: FakeSheet }
  | CfObj
  | { kind: 'cfRule' | 'cfCustomRule' | 'cfFormat' | 'cfFont' | 'cfFill'; cf: CfObj['cf'] };

type Value = unknown;

/** Wire names that are not the JavaScript name with its first letter upper-cased. */
const WIRE_ALIASES: Record<string, string> = { gridlines: 'showGridlines' };
const js = (wire: string): string => {
  const name = wire.charAt(0).toLowerCase() + wire.slice(1);
  return WIRE_ALIASES[name] ?? name;
};
const wire = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

const encoder = typeof Buffer === 'undefined' ? new TextEncoder() : null;

/** UTF-8 bytes of a payload: Buffer in Node, TextEncoder in the browser (tests/e2e runs this host in Chromium). */
export function utf8Bytes(text: string): number {
  return encoder ? encoder.encode(text).length : Buffer.byteLength(text);
}

function notModelled(what: string): never {
  throw new HostError('HostNotModelled', `The test host does not model ${what}.`);
}

export interface ExcelHostOptions {
  setting?: HostSetting;
}

/** The workbook plus the host answering Microsoft's client; `run` has the shape of Excel.run. */
export class ExcelHost {
  readonly model: FakeWorkbookModel;
  setting: HostSetting;
  /** Payload limits (bytes) enforced under the web setting; tests may lower them. */
  maxRequestBytes = WEB_PAYLOAD_LIMIT;
  maxResponseBytes = WEB_PAYLOAD_LIMIT;
  /** Cells Excel returns values for in one read (more: values: null); tests may lower it to stay small. */
  maxCellsPerRead = MAX_CELLS_PER_READ;
  /** The user is editing a cell. */
  cellEditMode = false;
  /** Requests Excel held until the user left the cell (delayForCellEdit). */
  delayedForCellEdit = 0;
  /** Fault injection: an action for which this returns true fails with GeneralException. Label: "kind.name". */
  failOn: ((label: string, args: unknown[]) => boolean) | null = null;
  readonly contexts: HostContext[] = [];
  /** Every range whose values were answered, in order (what a test asserts a reader did or did not read). */
  readonly valueReads: { sheet: string; address: string; rows: number; cols: number }[] = [];
  readonly runOptions: Excel.RunOptions[] = [];
  private tableCounter = 0;
  /** Objects kept by reference (_ReferenceId), for the whole session as Excel keeps them. */
  private readonly references = new Map<string, HostObject>();
  /** Sheets added by the request being answered (on the web, activating one of them is ignored). */
  private addedThisRequest = new Set<FakeSheet>();
  /** Object paths the request asked to keep by reference (_KeepReference). */
  private keptThisRequest = new Set<number>();

  constructor(sheets: FakeSheet[] = [], options: ExcelHostOptions = {}) {
    this.model = { sheets, names: [], settings: new Map(), activeSheetId: sheets[0]?.id ?? null };
    this.setting = options.setting ?? 'web';
  }

  /** The seam object: each new RequestContext asks it for an executor, which gets its own HostContext. */
  readonly session: OverrideSession = {
    _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: 'https://excel.test/', headers: {} }),
    _createRequestExecutorOrNull: () => {
      const ctx = new HostContext();
      this.contexts.push(ctx);
      return {
        executeAsync: (_customData, flags, message) => Promise.resolve(this.execute(ctx, flags, message.Body)),
      };
    },
  };

  /** Microsoft's Excel.run, answered by this host. */
  run = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runOptions.push(options);
    return runWithSession(this.session, options, batch);
  };

  /** A real RequestContext answered by this host, outside Excel.run. */
  newContext(): Excel.RequestContext {
    return contextWithSession(this.session);
  }

  /** Makes the global Excel (used by src/taskpane and src/commands) Microsoft's client answered by this host. */
  installGlobals(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    const before = { Excel: g.Excel, OfficeExtension: g.OfficeExtension };
    const client = officeClient();
    const run = this.run;
    g.Excel = Object.assign(Object.create(client.Excel) as object, {
      run: (...args: unknown[]) => {
        const [options, batch] = typeof args[0] === 'function' ? [{}, args[0]] : args;
        return run(options as Excel.RunOptions, batch as (c: Excel.RequestContext) => Promise<unknown>);
      },
    });
    g.OfficeExtension = client.OfficeExtension;
    return () => {
      g.Excel = before.Excel;
      g.OfficeExtension = before.OfficeExtension;
    };
  }

  sheet(name: string): FakeSheet {
    const s = this.model.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`test: no sheet ${name} (have ${this.model.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const b = parseBox(address);
    return this.sheet(sheet).cells.get(cellKey(b.r0, b.c0));
  }

  /** Where a cell's hyperlink goes, as Excel resolves its documentReference; null when it goes nowhere. */
  linkTarget(sheet: string, address: string): { sheet: string; address: string } | null {
    const ref = this.cell(sheet, address)?.hyperlink?.documentReference;
    if (!ref) return null;
    const bang = ref.lastIndexOf('!');
    if (bang < 0) return null;
    const part = ref.slice(0, bang);
    const quoted = /^'((?:[^']|'')+)'$/.exec(part);
    // Unquoted, a name like CRM1 is read as a cell address, and the link points nowhere.
    const name = quoted ? quoted[1].replace(/''/g, "'") : /^[A-Za-z_][A-Za-z0-9_.]*$/.test(part) && !looksLikeCellReference(part) ? part : null;
    if (name === null) return null;
    const target = this.model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    return target ? { sheet: target.name, address: ref.slice(bang + 1) } : null;
  }

  // ---------- the request ----------

  private execute(ctx: HostContext, flags: number, body: RequestBody): ExecutorResponse {
    const isRemove = (a: ActionInfo): boolean => a.ActionType === 3 && a.Name === '_RemoveReference';
    if (body.Actions.some(isRemove) && body.Actions.every((a) => isRemove(a) || (a.ActionType === 1 && body.ObjectPaths[String(a.ObjectPathId)]?.ObjectPathType === 1))) {
      // Excel.run's own clean-up request, after the batch: it releases the ranges the client kept.
      ctx.cleanupRequests += 1;
      ctx.cleanupBytes += utf8Bytes(JSON.stringify(body));
      for (const a of body.Actions) this.references.delete(String(a.ArgumentInfo?.Arguments?.[0]));
      return { HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: { Results: [] } };
    }
    ctx.syncCount += 1;
    ctx.flagsPerSync.push(flags);
    const requestBytes = utf8Bytes(JSON.stringify(body));
    ctx.requestBytesPerSync.push(requestBytes);
    const fail = (code: string, message: string, http: number): ExecutorResponse => {
      ctx.responseBytesPerSync.push(0);
      ctx.errorPerSync.push(code);
      return { HttpStatusCode: http, ErrorCode: code, ErrorMessage: message, Headers: {}, Body: null };
    };
    if (this.cellEditMode) {
      if ((flags & DELAY_FOR_CELL_EDIT_FLAG) === 0) {
        return fail('InvalidOperationInCellEditMode', 'The operation cannot be performed while Excel is in cell-editing mode.', 400);
      }
      this.delayedForCellEdit += 1;
    }
    if (this.setting === 'web' && requestBytes > this.maxRequestBytes) {
      return fail('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.', 413);
    }
    const results: { ActionId: number; Value: Value }[] = [];
    let error: { Code: string; Message: string; HttpStatusCode: number; ActionIndex: number; Location: string } | null = null;
    this.addedThisRequest = new Set<FakeSheet>();
    this.keptThisRequest = new Set<number>();
    body.Actions.forEach((action, index) => {
      if (error) return;
      try {
        const value = this.action(ctx, body, action);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        if (!(e instanceof HostError)) throw e;
        error = { Code: e.code, Message: e.message, HttpStatusCode: e.httpStatusCode, ActionIndex: index, Location: action.Name };
      }
    });
    const responseBody = error ? { Error: error } : { Results: results };
    const responseBytes = utf8Bytes(JSON.stringify(responseBody));
    if (!error && this.setting === 'web' && responseBytes > this.maxResponseBytes) {
      return fail('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.', 413);
    }
    ctx.responseBytesPerSync.push(responseBytes);
    ctx.errorPerSync.push(error ? (error as { Code: string }).Code : null);
    return { HttpStatusCode: error ? 400 : 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: responseBody };
  }

  private args(ctx: HostContext, body: RequestBody, info: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] } | undefined): unknown[] {
    const list = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return list.map((a, i) => (refs[i] ? this.resolve(ctx, body, refs[i]) : a));
  }

  private resolve(ctx: HostContext, body: RequestBody, id: number): HostObject | null {
    if (ctx.objects.has(id)) {
      const known = ctx.objects.get(id) ?? null;
      if (known && 'sheet' in known && !this.model.sheets.includes(known.sheet)) {
        throw new HostError('ItemNotFound', 'The requested resource doesn\'t exist (the sheet was deleted).', 404);
      }
      return known;
    }
    const path = body.ObjectPaths[String(id)];
    if (!path) throw new HostError('InvalidObjectPath', `Object path ${id} is not in the request.`);
    let obj: HostObject | null;
    if (path.ObjectPathType === 1) obj = { kind: 'workbook' };
    else if (path.ObjectPathType === 7) obj = null;
    else if (path.ObjectPathType === 6) {
      const known = this.references.get(path.Name);
      if (!known) throw new HostError('InvalidObjectPath', `No object is kept under the reference ${path.Name}.`);
      obj = known;
    }
    else {
      const parent = this.resolve(ctx, body, path.ParentObjectPathId ?? -1);
      if (!parent) throw new HostError('InvalidOperation', 'The object is a null object.');
      const args = this.args(ctx, body, path.ArgumentInfo);
      if (path.ObjectPathType === 4) obj = this.navigate(parent, js(path.Name));
      else if (path.ObjectPathType === 5) obj = this.indexer(parent, args[0]);
      else if (path.ObjectPathType === 3) {
        this.checkFault(`${parent.kind}.${js(path.Name)}`, args);
        obj = this.invoke(parent, js(path.Name), args) as HostObject | null;
      }
      else notModelled(`object path type ${path.ObjectPathType}`);
    }
    ctx.objects.set(id, obj);
    return obj;
  }

  private action(ctx: HostContext, body: RequestBody, action: ActionInfo): Value {
    switch (action.ActionType) {
      case 1: {
        // Instantiate: the object's identity, so the client can re-address it in later requests.
        const obj = this.resolve(ctx, body, action.ObjectPathId);
        if (!obj) return null;
        if (obj.kind === 'range' && this.keptThisRequest.has(action.ObjectPathId)) {
          // A range the client asked to keep (_KeepReference): later requests name it by this id.
          const ref = `{RANGE-${this.references.size + 1}}`;
          this.references.set(ref, obj);
          return { _ReferenceId: ref };
        }
        const id = obj.kind === 'sheet' ? obj.sheet.id : obj.kind === 'table' ? `{TABLE-${obj.table.name}}` : undefined;
        return id === undefined ? {} : { _Id: id };
      }
      case 2: {
        const obj = this.resolve(ctx, body, action.ObjectPathId);
        if (!obj) return null;
        return this.query(obj, action.QueryInfo?.Select ?? []);
      }
      case 3: {
        if (action.Name === '_KeepReference') {
          this.keptThisRequest.add(action.ObjectPathId);
          return undefined;
        }
        if (action.Name === '_RemoveReference') {
          this.references.delete(String(action.ArgumentInfo?.Arguments?.[0]));
          return undefined;
        }
        const obj = this.resolve(ctx, body, action.ObjectPathId);
        if (!obj) throw new HostError('InvalidOperation', 'The object is a null object.');
        const args = this.args(ctx, body, action.ArgumentInfo);
        const name = js(action.Name);
        this.checkFault(`${obj.kind}.${name}`, args);
        if (obj.kind === 'application') {
          if (name === 'suspendApiCalculationUntilNextSync') ctx.calculationSuspendedSyncs += 1;
          else if (name !== 'suspendScreenUpdatingUntilNextSync') notModelled(`application.${name}`);
          return undefined;
        }
        if (obj.kind === 'sheet' && name === 'activate' && this.setting === 'web' && this.addedThisRequest.has(obj.sheet)) {
          // Reported on Excel on the web: a sheet added and activated in one request is not activated.
          return undefined;
        }
        const result = this.invoke(obj, name, args);
        return result === undefined || (typeof result === 'object' && result !== null && 'kind' in result) ? undefined : result;
      }
      case 4: {
        const obj = this.resolve(ctx, body, action.ObjectPathId);
        if (!obj) throw new HostError('InvalidOperation', 'The object is a null object.');
        const [value] = this.args(ctx, body, action.ArgumentInfo);
        this.checkFault(`${obj.kind}.${js(action.Name)}`, [value]);
        this.assign(obj, js(action.Name), value);
        return undefined;
      }
      case 5:
        return undefined;
      default:
        return notModelled(`action type ${action.ActionType}`);
    }
  }

  private checkFault(label: string, args: unknown[]): void {
    if (this.failOn?.(label, args)) throw new HostError('GeneralException', `Injected failure in ${label}.`, 500);
  }

  private liveSheet(sheet: FakeSheet): FakeSheet {
    if (!this.model.sheets.includes(sheet)) throw new HostError('ItemNotFound', 'The requested resource doesn\'t exist.', 404);
    return sheet;
  }

  private findSheet(key: unknown): FakeSheet | undefined {
    const k = String(key).toLowerCase();
    return this.model.sheets.find((s) => s.name.toLowerCase() === k || s.id.toLowerCase() === k);
  }

  private allTableNames(): string[] {
    return this.model.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
  }

  // ---------- navigation ----------

  private navigate(obj: HostObject, name: string): HostObject {
    switch (obj.kind) {
      case 'workbook':
        if (name === 'worksheets' || name === 'names' || name === 'settings' || name === 'functions' || name === 'application') return { kind: name };
        if (name === 'tables') return { kind: 'workbookTables' };
        break;
      case 'sheet':
        if (name === 'tables' || name === 'charts' || name === 'freezePanes' || name === 'pageLayout') return { kind: name, sheet: obj.sheet };
        break;
      case 'range':
        if (name === 'format' || name === 'conditionalFormats') return { kind: name, range: obj };
        break;
      case 'format':
        if (name === 'font' || name === 'fill' || name === 'borders') return { kind: name, range: obj.range };
        break;
      case 'chart':
        if (name === 'title') return { kind: 'title', set: (t) => (obj.chart.title = t) };
        if (name === 'legend' || name === 'axes') return { kind: name, chart: obj.chart };
        if (name === 'series') return { kind: 'seriesCollection', chart: obj.chart };
        break;
      case 'axes':
        if (name === 'categoryAxis' || name === 'valueAxis') return { kind: 'axis', chart: obj.chart, which: name };
        break;
      case 'axis': {
        const axis = obj.chart[obj.which];
        if (name === 'title') return { kind: 'title', set: (t) => (axis.title = t) };
        break;
      }
      case 'series':
        if (name === 'format') return { kind: 'seriesFormat', series: obj.series };
        break;
      case 'seriesFormat':
        if (name === 'fill') return { kind: 'seriesFill', series: obj.series };
        if (name === 'line') return { kind: 'seriesLine', series: obj.series };
        break;
      case 'cf':
        if (name === 'cellValue' || name === 'textComparison' || name === 'custom') return { kind: 'cfRule', cf: obj.cf };
        break;
      case 'cfRule':
        if (name === 'format') return { kind: 'cfFormat', cf: obj.cf };
        if (name === 'rule') return { kind: 'cfCustomRule', cf: obj.cf };
        break;
      case 'cfFormat':
        if (name === 'font') return { kind: 'cfFont', cf: obj.cf };
        if (name === 'fill') return { kind: 'cfFill', cf: obj.cf };
        break;
      default:
        break;
    }
    return notModelled(`${obj.kind}.${name}`);
  }

  private indexer(obj: HostObject, key: unknown): HostObject {
    switch (obj.kind) {
      case 'worksheets': {
        const s = this.findSheet(key);
        if (!s) throw new HostError('ItemNotFound', `The requested resource '${String(key)}' doesn't exist.`, 404);
        return { kind: 'sheet', sheet: s };
      }
      case 'names': {
        const n = this.model.names.find((x) => x.name.toLowerCase() === String(key).toLowerCase());
        if (!n) throw new HostError('ItemNotFound', `The name '${String(key)}' doesn't exist.`, 404);
        return { kind: 'name', name: n };
      }
      case 'tables':
      case 'workbookTables': {
        const t = this.model.sheets.flatMap((s) => s.tables).find((x) => x.name.toLowerCase() === String(key).toLowerCase() || `{TABLE-${x.name}}` === key);
        if (!t) throw new HostError('ItemNotFound', `The table '${String(key)}' doesn't exist.`, 404);
        return { kind: 'table', table: t };
      }
      case 'borders':
        return { kind: 'border', range: obj.range, edge: String(key) };
      default:
        return notModelled(`getItem on ${obj.kind}`);
    }
  }

  // ---------- methods ----------

  private invoke(obj: HostObject, name: string, args: unknown[]): HostObject | null | Value {
    const label = `${obj.kind}.${name}`;
    switch (label) {
      case 'worksheets.getItem':
        return this.indexer(obj, args[0]);
      case 'worksheets.getItemOrNullObject': {
        const s = this.findSheet(args[0]);
        return s ? { kind: 'sheet', sheet: s } : null;
      }
      case 'worksheets.add': {
        const name = String(args[0]);
        checkSheetName(name);
        if (this.findSheet(name)) throw new HostError('ItemAlreadyExists', `A sheet named "${name}" already exists.`, 409);
        const s = newSheet(name);
        this.model.sheets.push(s);
        this.addedThisRequest.add(s);
        return { kind: 'sheet', sheet: s };
      }
      case 'worksheets.getCount':
        return this.model.sheets.length;
      case 'names.getItem':
        return this.indexer(obj, args[0]);
      case 'names.getItemOrNullObject': {
        const n = this.model.names.find((x) => x.name.toLowerCase() === String(args[0]).toLowerCase());
        return n ? { kind: 'name', name: n } : null;
      }
      case 'names.add': {
        const [nm, ref] = args as [string, HostObject | string];
        const lower = nm.toLowerCase();
        if (this.model.names.some((n) => n.name.toLowerCase() === lower) || this.allTableNames().includes(lower)) {
          throw new HostError('ItemAlreadyExists', `The name "${nm}" is already used by a name or a table.`, 409);
        }
        if (typeof ref === 'string' || ref.kind !== 'range') return notModelled('names.add with a formula');
        const item: FakeName = { name: nm, sheetId: ref.sheet.id, address: `$${a1(ref.box.r0, ref.box.c0).replace(/(\d+)/, '$$$1')}` };
        this.model.names.push(item);
        return { kind: 'name', name: item };
      }
      case 'name.delete':
        this.model.names = this.model.names.filter((n) => n !== (obj as { name: FakeName }).name);
        return undefined;
      case 'settings.getItemOrNullObject':
        return this.model.settings.has(String(args[0])) ? { kind: 'setting', key: String(args[0]) } : null;
      case 'settings.getItem':
        if (!this.model.settings.has(String(args[0]))) throw new HostError('ItemNotFound', 'The setting does not exist.', 404);
        return { kind: 'setting', key: String(args[0]) };
      case 'settings.add':
        this.model.settings.set(String(args[0]), args[1]);
        return { kind: 'setting', key: String(args[0]) };
      case 'functions.date': {
        const [y, m, d] = args.map(Number);
        const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
        return { kind: 'functionResult', value: this.model.date1904 === true ? days - 1462 : days };
      }
      default:
        break;
    }
    if (obj.kind === 'sheet') return this.sheetMethod(this.liveSheet(obj.sheet), name, args);
    if (obj.kind === 'range') return this.rangeMethod(obj, name, args);
    if (obj.kind === 'tables' && name === 'add') return this.addTable(this.liveSheet(obj.sheet), args[0], Boolean(args[1]));
    if (obj.kind === 'charts' && name === 'add') return this.addChart(this.liveSheet(obj.sheet), String(args[0]), args[1], String(args[2] ?? 'Auto'));
    if (obj.kind === 'seriesCollection') {
      if (name === 'getItemAt') {
        const s = obj.chart.series[Number(args[0])];
        if (!s) throw new HostError('ItemNotFound', `The chart has no series at index ${String(args[0])}.`, 404);
        return { kind: 'series', series: s };
      }
      if (name === 'add') {
        const s: FakeSeries = args[0] === undefined || args[0] === null ? {} : { name: String(args[0]) };
        obj.chart.series.push(s);
        return { kind: 'series', series: s };
      }
      if (name === 'getCount') return obj.chart.series.length;
    }
    if (obj.kind === 'chart' && name === 'setPosition') {
      obj.chart.from = typeof args[0] === 'string' ? args[0] : boxAddress((args[0] as RangeObj).box);
      obj.chart.to = args[1] === undefined || args[1] === null ? undefined : typeof args[1] === 'string' ? args[1] : boxAddress((args[1] as RangeObj).box);
      return undefined;
    }
    if (obj.kind === 'series' && (name === 'setValues' || name === 'setXAxisValues')) {
      const r = args[0] as RangeObj;
      const ref = `${quoteSheet(r.sheet.name)}!${boxAddress(r.box).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      if (name === 'setValues') obj.series.values = ref;
      else obj.series.xValues = ref;
      return undefined;
    }
    if (obj.kind === 'seriesFill') {
      if (name === 'setSolidColor') obj.series.fill = String(args[0]);
      else if (name === 'clear') obj.series.fill = 'cleared';
      else notModelled(label);
      return undefined;
    }
    if (obj.kind === 'freezePanes') {
      const s = this.liveSheet(obj.sheet);
      if (name === 'freezeRows') s.freeze = { rows: Number(args[0]), columns: s.freeze?.columns ?? 0 };
      else if (name === 'freezeColumns') s.freeze = { rows: s.freeze?.rows ?? 0, columns: Number(args[0]) };
      else if (name === 'freezeAt') {
        const b = typeof args[0] === 'string' ? parseBox(args[0]) : (args[0] as RangeObj).box;
        s.freeze = { rows: b.r0 + b.rows, columns: b.c0 + b.cols };
      } else if (name === 'unfreeze') s.freeze = null;
      else notModelled(label);
      return undefined;
    }
    if (obj.kind === 'pageLayout') {
      const s = this.liveSheet(obj.sheet);
      if (name === 'setPrintTitleRows') s.pageLayout.printTitleRows = typeof args[0] === 'string' ? args[0] : boxAddress((args[0] as RangeObj).box);
      else if (name === 'setPrintArea') s.pageLayout.printArea = typeof args[0] === 'string' ? boxAddress(parseBox(args[0])) : boxAddress((args[0] as RangeObj).box);
      else notModelled(label);
      return undefined;
    }
    if (obj.kind === 'conditionalFormats' && name === 'add') {
      const cf = { address: boxAddress(obj.range.box), type: String(args[0]) } as CfObj['cf'];
      this.liveSheet(obj.range.sheet).conditionalFormats.push(cf);
      return { kind: 'cf', cf };
    }
    return notModelled(label);
  }

  private sheetMethod(sheet: FakeSheet, name: string, args: unknown[]): HostObject | null | undefined {
    switch (name) {
      case 'getRange':
        return { kind: 'range', sheet, box: parseBox(String(args[0] ?? 'A1')) };
      case 'getRangeByIndexes': {
        const [r0, c0, rows, cols] = args.map(Number);
        return { kind: 'range', sheet, box: { r0, c0, rows, cols } };
      }
      case 'getUsedRangeOrNullObject':
      case 'getUsedRange': {
        const box = usedBox(sheet, args[0] === true);
        if (box) return { kind: 'range', sheet, box };
        if (name === 'getUsedRange') return { kind: 'range', sheet, box: { r0: 0, c0: 0, rows: 1, cols: 1 } };
        return null;
      }
      case 'activate':
        this.model.activeSheetId = sheet.id;
        return undefined;
      case 'delete': {
        const visible = this.model.sheets.filter((x) => x.visibility === 'Visible');
        if (visible.length === 1 && visible[0] === sheet) {
          throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        }
        this.model.sheets = this.model.sheets.filter((x) => x !== sheet);
        for (const n of this.model.names) if (n.sheetId === sheet.id) n.sheetId = null;
        if (this.model.activeSheetId === sheet.id) this.model.activeSheetId = this.model.sheets[0]?.id ?? null;
        return undefined;
      }
      default:
        return notModelled(`sheet.${name}`);
    }
  }

  private rangeMethod(r: RangeObj, name: string, args: unknown[]): HostObject | undefined {
    const b = r.box;
    switch (name) {
      case 'getCell':
        return { kind: 'range', sheet: r.sheet, box: { r0: b.r0 + Number(args[0]), c0: b.c0 + Number(args[1]), rows: 1, cols: 1 } };
      case 'getResizedRange':
        return { kind: 'range', sheet: r.sheet, box: { ...b, rows: b.rows + Number(args[0]), cols: b.cols + Number(args[1]) } };
      case 'getRow':
        return { kind: 'range', sheet: r.sheet, box: { ...b, r0: b.r0 + Number(args[0]), rows: 1 } };
      case 'getColumn':
        return { kind: 'range', sheet: r.sheet, box: { ...b, c0: b.c0 + Number(args[0]), cols: 1 } };
      case 'getBoundingRect': {
        const o = typeof args[0] === 'string' ? parseBox(args[0]) : (args[0] as RangeObj).box;
        const r0 = Math.min(b.r0, o.r0);
        const c0 = Math.min(b.c0, o.c0);
        const r1 = Math.max(b.r0 + b.rows, o.r0 + o.rows);
        const c1 = Math.max(b.c0 + b.cols, o.c0 + o.cols);
        return { kind: 'range', sheet: r.sheet, box: { r0, c0, rows: r1 - r0, cols: c1 - c0 } };
      }
      case 'getOffsetRange':
        return { kind: 'range', sheet: r.sheet, box: { ...b, r0: b.r0 + Number(args[0]), c0: b.c0 + Number(args[1]) } };
      case 'merge':
        this.liveSheet(r.sheet).merges.push(boxAddress(b));
        return undefined;
      case '_ValidateArraySize':
        // The client asks this before a large 2-D write: the array must match the range.
        if (Number(args[0]) !== b.rows || Number(args[1]) !== b.cols) {
          throw new HostError('InvalidArgument', `The array is ${String(args[0])}x${String(args[1])} but the range ${boxAddress(b)} is ${b.rows}x${b.cols}.`);
        }
        return undefined;
      case 'select':
        this.model.activeSheetId = this.liveSheet(r.sheet).id;
        return undefined;
      default:
        return notModelled(`range.${name}`);
    }
  }

  private addTable(sheet: FakeSheet, source: unknown, hasHeaders: boolean): HostObject {
    const box = typeof source === 'string' ? parseBox(source) : (source as RangeObj).box;
    const taken = new Set([...this.allTableNames(), ...this.model.names.map((n) => n.name.toLowerCase())]);
    let name: string;
    do name = `Table${++this.tableCounter}`;
    while (taken.has(name.toLowerCase()));
    const t: FakeTable = { name, address: boxAddress(box), hasHeaders };
    sheet.tables.push(t);
    return { kind: 'table', table: t };
  }

  private addChart(sheet: FakeSheet, type: string, source: unknown, seriesBy: string): HostObject {
    const chart: FakeChart = { type, series: [], categoryAxis: {}, valueAxis: {} };
    const r = source as RangeObj;
    const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && r.box.rows >= r.box.cols);
    const lines = byColumns ? r.box.cols : r.box.rows;
    for (let i = 0; i < lines; i++) {
      const line: Box = byColumns ? { ...r.box, c0: r.box.c0 + i, cols: 1 } : { ...r.box, r0: r.box.r0 + i, rows: 1 };
      let hasData = false;
      for (let rr = 0; rr < line.rows && !hasData; rr++) {
        for (let cc = 0; cc < line.cols && !hasData; cc++) {
          const v = r.sheet.cells.get(cellKey(line.r0 + rr, line.c0 + cc))?.value;
          hasData = v !== undefined && v !== null && v !== '';
        }
      }
      // Excel draws a series only from data it finds: an empty source gives a chart with no series.
      if (hasData) chart.series.push({ values: `${quoteSheet(r.sheet.name)}!${boxAddress(line).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}` });
    }
    sheet.charts.push(chart);
    return { kind: 'chart', chart };
  }

  // ---------- properties ----------

  private assign(obj: HostObject, name: string, v: unknown): void {
    const label = `${obj.kind}.${name}`;
    switch (obj.kind) {
      case 'sheet': {
        const s = this.liveSheet(obj.sheet);
        if (name === 'name') return this.renameSheet(s, String(v));
        if (name === 'tabColor') s.tabColor = String(v);
        else if (name === 'showGridlines') s.showGridlines = Boolean(v);
        else if (name === 'visibility') s.visibility = v as FakeSheet['visibility'];
        else notModelled(label);
        return;
      }
      case 'range': {
        this.liveSheet(obj.sheet);
        if (name === 'values' || name === 'numberFormat' || name === 'formulas') return this.writeGrid(obj, name, v);
        if (name === 'hyperlink') {
          this.cellAt(obj.sheet, obj.box.r0, obj.box.c0).hyperlink = { ...(v as object) };
          return;
        }
        return notModelled(label);
      }
      case 'format': {
        const r = obj.range;
        if (name === 'columnWidth') {
          for (let c = r.box.c0; c < r.box.c0 + r.box.cols; c++) r.sheet.columnWidths.set(c, Number(v));
          return;
        }
        if (name === 'rowHeight') {
          for (let row = r.box.r0; row < r.box.r0 + r.box.rows; row++) r.sheet.rowHeights.set(row, Number(v));
          return;
        }
        const key = { horizontalAlignment: 'hAlign', verticalAlignment: 'vAlign', wrapText: 'wrap', indentLevel: 'indent' }[name];
        if (!key) return notModelled(label);
        return this.eachCell(r, (c) => ((c as unknown as Record<string, unknown>)[key] = v));
      }
      case 'font': {
        const key = { bold: 'bold', italic: 'italic', size: 'fontSize', color: 'fontColor' }[name];
        if (!key) return notModelled(label);
        return this.eachCell(obj.range, (c) => ((c as unknown as Record<string, unknown>)[key] = v));
      }
      case 'fill':
        if (name !== 'color') return notModelled(label);
        return this.eachCell(obj.range, (c) => (c.fill = String(v)));
      case 'border':
        if (name !== 'style') return notModelled(label);
        return this.eachCell(obj.range, (c) => (c.borders = [...new Set([...(c.borders ?? []), obj.edge])].sort()));
      case 'table':
        if (name === 'name') return this.renameTable(obj.table, String(v));
        if (name === 'style') obj.table.style = String(v);
        else if (name === 'showBandedRows') obj.table.showBandedRows = Boolean(v);
        else notModelled(label);
        return;
      case 'title':
        if (name !== 'text') return notModelled(label);
        obj.set(String(v));
        return;
      case 'legend':
        if (name === 'visible') obj.chart.legendVisible = Boolean(v);
        else if (name === 'position') obj.chart.legendPosition = String(v);
        else notModelled(label);
        return;
      case 'axis': {
        const axis = obj.chart[obj.which];
        if (name === 'minimum') axis.minimum = Number(v);
        else if (name === 'maximum') axis.maximum = Number(v);
        else if (name === 'reversePlotOrder') axis.reversePlotOrder = Boolean(v);
        else if (name === 'numberFormat') axis.numberFormat = String(v);
        else notModelled(label);
        return;
      }
      case 'series': {
        const keys: Record<string, keyof FakeSeries> = {
          name: 'name',
          chartType: 'chartType',
          markerStyle: 'markerStyle',
          markerBackgroundColor: 'markerColor',
          markerForegroundColor: 'markerColor',
          hasDataLabels: 'hasDataLabels',
        };
        const key = keys[name];
        if (!key) return notModelled(label);
        (obj.series as Record<string, unknown>)[key] = v;
        return;
      }
      case 'seriesLine':
        if (name === 'color') obj.series.lineColor = String(v);
        else if (name === 'lineStyle') obj.series.lineStyle = String(v);
        else notModelled(label);
        return;
      case 'pageLayout': {
        const s = this.liveSheet(obj.sheet);
        if (name === 'orientation') s.pageLayout.orientation = String(v);
        else if (name === 'zoom') {
          const z = v as { horizontalFitToPages?: number; verticalFitToPages?: number };
          s.pageLayout.fitWide = z.horizontalFitToPages;
          s.pageLayout.fitTall = z.verticalFitToPages;
        } else notModelled(label);
        return;
      }
      case 'cf':
        if (name === 'priority' || name === 'stopIfTrue') obj.cf[name] = v as never;
        else notModelled(label);
        return;
      case 'cfRule':
        if (name !== 'rule') return notModelled(label);
        obj.cf.rule = v as Record<string, unknown>;
        return;
      case 'cfCustomRule':
        if (name !== 'formula') return notModelled(label);
        obj.cf.rule = { formula: v };
        return;
      case 'cfFont':
        if (name === 'color') obj.cf.fontColor = String(v);
        else if (name === 'bold') obj.cf.bold = Boolean(v);
        else notModelled(label);
        return;
      case 'cfFill':
        if (name !== 'color') return notModelled(label);
        obj.cf.fill = String(v);
        return;
      default:
        notModelled(label);
    }
  }

  private renameSheet(s: FakeSheet, v: string): void {
    if (s.name === v) return;
    checkSheetName(v);
    if (this.model.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) {
      throw new HostError('ItemAlreadyExists', `A sheet named "${v}" already exists.`, 409);
    }
    // As in Excel, chart series that use this sheet's ranges follow the rename.
    const from = `${quoteSheet(s.name)}!`;
    const to = `${quoteSheet(v)}!`;
    const follow = (ref: string | undefined): string | undefined => (ref?.startsWith(from) ? to + ref.slice(from.length) : ref);
    for (const series of this.model.sheets.flatMap((x) => x.charts).flatMap((c) => c.series)) {
      series.values = follow(series.values);
      series.xValues = follow(series.xValues);
    }
    s.name = v;
  }

  private renameTable(t: FakeTable, v: string): void {
    if (t.name === v) return;
    checkTableName(v);
    const lower = v.toLowerCase();
    const clash = this.model.sheets.some((s) => s.tables.some((x) => x !== t && x.name.toLowerCase() === lower)) || this.model.names.some((n) => n.name.toLowerCase() === lower);
    if (clash) throw new HostError('ItemAlreadyExists', `A table or name "${v}" already exists.`, 409);
    t.name = v;
  }

  private cellAt(sheet: FakeSheet, r: number, c: number): FakeCell {
    const key = cellKey(r, c);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = { value: null };
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  private eachCell(r: RangeObj, apply: (cell: FakeCell) => void): void {
    this.liveSheet(r.sheet);
    for (let row = 0; row < r.box.rows; row++) for (let c = 0; c < r.box.cols; c++) apply(this.cellAt(r.sheet, r.box.r0 + row, r.box.c0 + c));
  }

  private writeGrid(r: RangeObj, name: 'values' | 'numberFormat' | 'formulas', v: unknown): void {
    const grid = v as unknown[][];
    const b = r.box;
    if (!Array.isArray(grid) || grid.length !== b.rows || grid.some((row) => !Array.isArray(row) || row.length !== b.cols)) {
      throw new HostError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${boxAddress(b)}.`);
    }
    grid.forEach((row, i) =>
      row.forEach((x, j) => {
        const cell = this.cellAt(r.sheet, b.r0 + i, b.c0 + j);
        if (name === 'numberFormat') cell.numberFormat = String(x);
        else {
          delete cell.formula;
          delete cell.quotePrefix;
          delete cell.error;
          Object.assign(cell, interpretEntry(x));
        }
      }),
    );
  }

  // ---------- queries ----------

  private query(obj: HostObject, select: string[]): Value {
    const pick = (all: Record<string, () => unknown>): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (const p of select) {
        const get = all[p];
        if (!get) return notModelled(`loading ${obj.kind}.${p}`);
        out[wire(p)] = get();
      }
      return out;
    };
    switch (obj.kind) {
      case 'workbook':
        return pick({ name: () => this.model.name ?? 'Book1.xlsx' });
      case 'worksheets':
        return {
          _Items: this.model.sheets.map((s) => ({
            _Id: s.id,
            ...pick({ name: () => s.name, id: () => s.id, visibility: () => s.visibility, position: () => this.model.sheets.indexOf(s) }),
          })),
        };
      case 'sheet': {
        const s = this.liveSheet(obj.sheet);
        return pick({ name: () => s.name, id: () => s.id, visibility: () => s.visibility, position: () => this.model.sheets.indexOf(s) });
      }
      case 'tables':
        return { _Items: this.liveSheet(obj.sheet).tables.map((t) => ({ _Id: `{TABLE-${t.name}}`, ...pick({ name: () => t.name }) })) };
      case 'table':
        return pick({ name: () => obj.table.name, style: () => obj.table.style });
      case 'workbookTables':
        return { _Items: this.model.sheets.flatMap((s) => s.tables).map((t) => ({ _Id: `{TABLE-${t.name}}`, ...pick({ name: () => t.name }) })) };
      case 'names':
        return { _Items: this.model.names.map((n) => pick(this.nameProps(n))) };
      case 'name':
        return pick(this.nameProps(obj.name));
      case 'setting':
        return pick({ key: () => obj.key, value: () => this.model.settings.get(obj.key) });
      case 'functionResult':
        return pick({ value: () => obj.value, error: () => null });
      case 'range': {
        const s = this.liveSheet(obj.sheet);
        const b = obj.box;
        const cells = b.rows * b.cols;
        const grid = (f: (cell: FakeCell | undefined) => unknown) => (): unknown => {
          // Excel answers a read of more than 5 M cells with null rather than the values.
          if (cells > this.maxCellsPerRead) return null;
          const blank = f(undefined);
          const out = Array.from({ length: b.rows }, () => new Array<unknown>(b.cols).fill(blank));
          // One pass over the stored cells (sparse), not one look-up per cell of the box.
          for (const [key, cell] of s.cells) {
            const comma = key.indexOf(',');
            const r = Number(key.slice(0, comma)) - b.r0;
            const c = Number(key.slice(comma + 1)) - b.c0;
            if (r >= 0 && r < b.rows && c >= 0 && c < b.cols) out[r][c] = f(cell);
          }
          return out;
        };
        return pick({
          address: () => `${quoteSheet(s.name)}!${boxAddress(b)}`,
          rowCount: () => b.rows,
          columnCount: () => b.cols,
          cellCount: () => cells,
          values: () => {
            this.valueReads.push({ sheet: s.name, address: boxAddress(b), rows: b.rows, cols: b.cols });
            return grid((c) => c?.value ?? '')();
          },
          numberFormat: grid((c) => c?.numberFormat ?? 'General'),
          formulas: grid((c) => c?.formula ?? c?.value ?? ''),
        });
      }
      default:
        return notModelled(`loading ${obj.kind}`);
    }
  }

  private nameProps(n: FakeName): Record<string, () => unknown> {
    const sheet = this.model.sheets.find((s) => s.id === n.sheetId);
    const formula = sheet ? `=${quoteSheet(sheet.name)}!${n.address}` : '=#REF!';
    return { name: () => n.name, formula: () => formula, value: () => formula.slice(1), type: () => (sheet ? 'Range' : 'Error'), visible: () => true };
  }
}

/** The used range of a sheet (valuesOnly: ignore cells with no value), or null when the sheet is empty. */
export function usedBox(s: FakeSheet, valuesOnly: boolean): Box | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const [key, cell] of s.cells) {
    if (valuesOnly && (cell.value === null || cell.value === '')) continue;
    const comma = key.indexOf(',');
    const r = Number(key.slice(0, comma));
    const c = Number(key.slice(comma + 1));
    if (r < r0) r0 = r;
    if (c < c0) c0 = c;
    if (r > r1) r1 = r;
    if (c > c1) c1 = c;
  }
  return r1 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}
