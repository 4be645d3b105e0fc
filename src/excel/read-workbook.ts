/**
 * Reads every sheet of the open workbook into core Grids in two context.sync calls, whatever the sheet count:
 * sync 1 lists the sheets (name, visibility), the defined names that mark our own sheets, and the stored
 * settings; sync 2 loads every sheet's used range (values only) at once.
 *
 * Size guards: Excel on the web refuses a response over 5 MB, and Excel answers a used range over 5 M cells
 * with `values: null`. When sync 2 is refused we read the sizes, then the values in row parts sized by bytes
 * (a guess per cell first, then what the answers really cost; a refused part is cut smaller); sheets that
 * came back without values are read the same way. More syncs, but only for workbooks that cannot be read
 * otherwise. A used range past SHEET_CELL_CAP is a SheetTooLarge error naming the sheet, never a crash.
 *
 * Date system: Office.js has no 1904-date-system flag (VBA's Workbook.Date1904), so sync 1 asks Excel to
 * evaluate DATE(1904,1,2) through the worksheet-function API (ExcelApi 1.2, no cell is written): the
 * 1900 system answers 1463, the 1904 system 1. `input.date1904` carries the answer to the reader and to the
 * report, which writes its dates in the same system.
 */
import type { CellValue, Grid, WorkbookInput } from '../core/grid';
import { workbookTitle } from '../core/rollup';
import { isStagingSheet, OWNED_ROLES, roleOfMarker, sheetOfReference, type OwnedSheetInfo } from './ownership';
import { SETTINGS_KEY } from './settings-store';

export type { OwnedSheetInfo } from './ownership';

export interface WorkbookRead {
  input: WorkbookInput;
  owned: OwnedSheetInfo[];
  /**
   * Every sheet, in tab order: the writer avoids their names, and after a failed write tells its own new
   * sheets from these by id.
   */
  sheets: SheetRef[];
  /** Every table in the workbook with its sheet (table names are workbook-wide; the writer avoids clashes). */
  tables: { sheet: string; name: string }[];
  /** Every workbook-scoped defined name (tables share their namespace). */
  names: string[];
  /** Raw settings JSON stored in the workbook, or null. Validated by the caller with validateSettings. */
  storedSettings: unknown;
  /** How many context.sync calls the read took. */
  syncs: number;
}

/** DATE(1904,1,2) is serial 1 in the 1904 date system and 1463 in the 1900 system. */
export const DATE_1904_PROBE_IN_1904_SYSTEM = 1;

/** Target size of one read answer when reading in parts: well under Excel on the web's 5 MB response limit. */
export const READ_TARGET_BYTES = 2 * 1024 * 1024;
/** First guess of the answer bytes per cell, before any part was read (a dated, text-heavy task row). */
export const READ_BYTES_PER_CELL_GUESS = 24;
/** Rows of each answer measured to learn the bytes per cell. */
const READ_SAMPLE_ROWS = 500;
/** Blank cells still cost their quotes and comma. */
const READ_MIN_BYTES_PER_CELL = 3;
/** Excel on the web refuses an answer over 5 MB. */
const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel answers a read of more than 5 M cells without values. */
export const MAX_CELLS_PER_READ = 5_000_000;
/** Beyond this a sheet is not read at all (a stray cell at XFD1048576 makes 17 billion): a clear error instead. */
export const SHEET_CELL_CAP = 20_000_000;

export interface SheetRef {
  name: string;
  id: string;
}

interface SheetEntry extends SheetRef {
  hidden: boolean;
}

/** "'Project A'!B2:H40" -> zero-based origin of B2. */
export function originOfAddress(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf('!') + 1).split(':')[0].replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+)$/i.exec(local);
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function toCellValues(values: unknown[][]): CellValue[][] {
  return values.map((row) =>
    row.map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null)),
  );
}

function isResponseTooLarge(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === 'ResponsePayloadSizeLimitExceeded';
}

export async function readWorkbookGrids(context: Excel.RequestContext): Promise<WorkbookRead> {
  let syncs = 0;

  // Sync 1: the sheet list, our ownership markers and the stored settings.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/id');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  // The workbook's name titles the program when the settings name none (ExcelApi 1.7, the manifest's floor).
  context.workbook.load('name');
  const dateProbe = context.workbook.functions.date(1904, 1, 2);
  dateProbe.load('value');
  await context.sync();
  syncs += 1;
  const date1904 = dateProbe.value === DATE_1904_PROBE_IN_1904_SYSTEM;
  const title = workbookTitle(context.workbook.name);

  const sheets: SheetEntry[] = worksheets.items.map((ws) => ({ name: ws.name, id: ws.id, hidden: ws.visibility !== 'Visible' }));
  const owned: OwnedSheetInfo[] = [];
  for (const item of names.items) {
    const role = roleOfMarker(item.name);
    if (!role) continue;
    const sheetName = sheetOfReference(item.formula);
    // A marker whose sheet was deleted reads #REF!; it marks nothing (the writer removes it).
    if (sheetName === null || !sheets.some((s) => s.name === sheetName)) {
      owned.push({ role, sheetName: '', marker: item.name });
      continue;
    }
    owned.push({ role, sheetName, marker: item.name });
  }
  const storedSettings: unknown = setting.isNullObject ? null : setting.value;

  // Sync 2: every used range at once (with its size, in case Excel answers a huge one with values: null).
  let valuesBySheet: SheetValues[];
  let tableLists: Excel.TableCollection[];
  const ranges = worksheets.items.map((ws) => {
    // Untracked: read in this request only, so Office.js keeps no reference to release after the run.
    const used = ws.getUsedRangeOrNullObject(true).untrack();
    used.load('address,values,rowCount,columnCount');
    return used;
  });
  tableLists = worksheets.items.map((ws) => ws.tables.load('items/name'));
  try {
    syncs += 1;
    await context.sync();
    valuesBySheet = ranges.map((r) =>
      r.isNullObject ? { values: [], address: null } : { values: r.values === null ? null : toCellValues(r.values), address: r.address, rows: r.rowCount, cols: r.columnCount },
    );
  } catch (e) {
    if (!isResponseTooLarge(e)) throw e;
    // Excel on the web refused the whole answer: read the sizes, then the values in parts.
    const sized = await readSizes(context, worksheets.items, sheets);
    tableLists = sized.tables;
    valuesBySheet = sized.values;
    syncs += sized.syncs;
  }
  // Sheets still without values (too large for one answer): read in parts sized by bytes.
  const chunked = await readMissingValues(context, worksheets.items, sheets, valuesBySheet);
  syncs += chunked;

  const grids: Grid[] = sheets.flatMap((s, i) => {
    // A half-built summary an interrupted run left behind is the add-in's, not a source (the writer removes it).
    if (isStagingSheet(s.name)) return [];
    const got = valuesBySheet[i];
    const role = owned.find((o) => o.sheetName === s.name)?.role;
    return [
      {
        sheet: s.name,
        values: got.values ?? [],
        ...(s.hidden ? { hidden: true } : {}),
        ...(got.address ? { origin: originOfAddress(got.address) } : {}),
        ...(role ? { ownedRole: role } : {}),
      },
    ];
  });
  return {
    input: { grids, ...(date1904 ? { date1904: true } : {}), ...(title ? { title } : {}) },
    owned: owned.filter((o) => OWNED_ROLES.includes(o.role)),
    sheets: sheets.map(({ name, id }) => ({ name, id })),
    names: names.items.map((n) => n.name),
    tables: tableLists ? tableLists.flatMap((list, i) => list.items.map((t) => ({ sheet: sheets[i].name, name: t.name }))) : [],
    storedSettings,
    syncs,
  };
}

interface SheetValues {
  /** Null until read (Excel answers a read of more than 5 M cells, or a refused one, without values). */
  values: CellValue[][] | null;
  address: string | null;
  rows?: number;
  cols?: number;
}

/** One sync: every sheet's used-range size and its tables, no values. */
async function readSizes(
  context: Excel.RequestContext,
  worksheets: Excel.Worksheet[],
  sheets: SheetRef[],
): Promise<{ values: SheetValues[]; tables: Excel.TableCollection[]; syncs: number }> {
  const used = worksheets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true).untrack();
    r.load('address,rowCount,columnCount');
    return r;
  });
  const tables = worksheets.map((ws) => ws.tables.load('items/name'));
  await context.sync();
  const values = used.map((r, i): SheetValues => {
    if (r.isNullObject) return { values: [], address: null };
    if (r.rowCount * r.columnCount > SHEET_CELL_CAP) throw sheetTooLarge(sheets[i].name, r.address, r.rowCount * r.columnCount);
    return { values: null, address: r.address, rows: r.rowCount, cols: r.columnCount };
  });
  return { values, tables, syncs: 1 };
}

interface Chunk {
  sheet: number;
  firstRow: number;
  rows: number;
  cols: number;
}

/**
 * Reads, in row chunks, the sheets whose values did not come back in one piece. Chunks are sized by bytes:
 * the first guess is READ_BYTES_PER_CELL_GUESS, then what the answers so far really cost per cell; a batch
 * Excel refuses as too large is split in two, and a single chunk into halves by rows. Returns the syncs made.
 */
async function readMissingValues(
  context: Excel.RequestContext,
  worksheets: Excel.Worksheet[],
  sheets: SheetRef[],
  got: SheetValues[],
): Promise<number> {
  const pending: Chunk[] = [];
  got.forEach((g, sheet) => {
    if (g.values !== null || g.rows === undefined || g.cols === undefined) return;
    if (g.rows * g.cols > SHEET_CELL_CAP) throw sheetTooLarge(sheets[sheet].name, g.address ?? '', g.rows * g.cols);
    pending.push({ sheet, firstRow: 0, rows: g.rows, cols: g.cols });
  });
  if (pending.length === 0) return 0;
  const parts = new Map<number, { firstRow: number; values: CellValue[][] }[]>();
  let bytesPerCell = READ_BYTES_PER_CELL_GUESS;
  let syncs = 0;
  // Cut every sheet to chunks of the current size, in order; re-cut the rest after each answer.
  const cut = (c: Chunk): Chunk[] => {
    const cells = Math.min(MAX_CELLS_PER_READ, Math.max(1, Math.floor(READ_TARGET_BYTES / bytesPerCell)));
    const rowsPer = Math.max(1, Math.floor(cells / Math.max(1, c.cols)));
    const out: Chunk[] = [];
    for (let first = 0; first < c.rows; first += rowsPer) out.push({ ...c, firstRow: c.firstRow + first, rows: Math.min(rowsPer, c.rows - first) });
    return out;
  };
  let queue: Chunk[][] = [];
  const plan = (chunks: Chunk[]): Chunk[][] => {
    const batches: Chunk[][] = [];
    let batch: Chunk[] = [];
    let bytes = 0;
    for (const c of chunks.flatMap(cut)) {
      const b = c.rows * c.cols * bytesPerCell;
      if (batch.length > 0 && bytes + b > READ_TARGET_BYTES) {
        batches.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(c);
      bytes += b;
    }
    if (batch.length > 0) batches.push(batch);
    return batches;
  };
  queue = plan(pending);
  const sheetRange = (c: Chunk): Excel.Range =>
    worksheets[c.sheet].getUsedRangeOrNullObject(true).untrack().getCell(c.firstRow, 0).untrack().getResizedRange(c.rows - 1, c.cols - 1).untrack();
  for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
    const loaded = batch.map((c) => ({ c, r: sheetRange(c).load('values') }));
    try {
      syncs += 1;
      // Deliberate: each batch is its own request so every answer stays under the 5 MB response limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isResponseTooLarge(e)) throw e;
      if (batch.length === 1 && batch[0].rows <= 1) throw rowTooLarge(batch[0], sheets);
      // The answer was over the limit: these cells cost more than thought. Re-cut what is left, smaller.
      const cells = batch.reduce((n, c) => n + c.rows * c.cols, 0);
      bytesPerCell = Math.max(bytesPerCell * 2, RESPONSE_LIMIT_BYTES / cells);
      queue = plan([...batch, ...queue.flat()]);
      continue;
    }
    let bytes = 0;
    let cells = 0;
    const nulls: Chunk[] = [];
    for (const { c, r } of loaded) {
      if (r.values === null) {
        nulls.push(c);
        continue;
      }
      const values = toCellValues(r.values);
      // The cost per cell, from a sample of up to READ_SAMPLE_ROWS rows spread over the chunk.
      const step = Math.max(1, Math.floor(values.length / READ_SAMPLE_ROWS));
      for (let i = 0; i < values.length; i += step) {
        bytes += JSON.stringify(values[i]).length + 1;
        cells += c.cols;
      }
      const list = parts.get(c.sheet) ?? [];
      list.push({ firstRow: c.firstRow, values });
      parts.set(c.sheet, list);
    }
    if (nulls.length > 0) queue.unshift(...splitBatch(nulls, sheets));
    if (cells > 0) {
      // Size the rest by what these answers really cost (never below the guess's floor).
      bytesPerCell = Math.max(READ_MIN_BYTES_PER_CELL, bytes / cells);
      queue = plan(queue.flat());
    }
  }
  for (const [sheet, list] of parts) {
    list.sort((a, b) => a.firstRow - b.firstRow);
    // A loop, not push(...rows): a chunk can hold 100k one-column rows, too many arguments for one call.
    const rows: CellValue[][] = [];
    for (const part of list) for (const row of part.values) rows.push(row);
    got[sheet].values = rows;
  }
  return syncs;
}

/** Chunks Excel answered without values: each in two halves by rows; a single row is an error. */
function splitBatch(batch: Chunk[], sheets: SheetRef[]): Chunk[][] {
  return batch.map((c) => {
    if (c.rows <= 1) throw rowTooLarge(c, sheets);
    const top = Math.ceil(c.rows / 2);
    return [
      { ...c, rows: top },
      { ...c, firstRow: c.firstRow + top, rows: c.rows - top },
    ];
  });
}

function rowTooLarge(c: Chunk, sheets: SheetRef[]): Error {
  return Object.assign(new Error(`Row ${c.firstRow + 1} of the data on "${sheets[c.sheet].name}" holds more than Excel can send at once.`), {
    code: 'SheetTooLarge',
  });
}

function sheetTooLarge(sheet: string, address: string, cells: number): Error {
  const where = address.slice(address.lastIndexOf('!') + 1);
  return Object.assign(
    new Error(
      `The sheet "${sheet}" has a used range of ${where} (${cells.toLocaleString('en-US')} cells), more than the add-in reads. ` +
        'Something far from the data makes it that large: press Ctrl+End on that sheet, clear the stray cells, then roll up again.',
    ),
    { code: 'SheetTooLarge' },
  );
}
