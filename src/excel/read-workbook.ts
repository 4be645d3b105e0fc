/**
 * Reads every sheet of the open workbook into core Grids in two context.sync calls, whatever the sheet count:
 * sync 1 lists the sheets (name, visibility), the defined names that mark our own sheets, and the stored
 * settings; sync 2 loads every sheet's used range (values only) at once.
 *
 * Size guard: Excel on the web refuses a response over 5 MB. When sync 2 fails for that reason we fall back
 * to reading the dimensions first and then the values in row chunks, a few per sync (more syncs, but only
 * for workbooks that cannot be read otherwise).
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

/** Cells per chunk when falling back to chunked reads (about 1-2 MB of JSON for typical cells). */
export const CHUNK_CELLS = 100_000;

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

  // Sync 2: every used range at once.
  let valuesBySheet: { values: CellValue[][]; address: string | null }[];
  let tableLists: Excel.TableCollection[] | null = null;
  try {
    const ranges = worksheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address,values');
      return used;
    });
    tableLists = worksheets.items.map((ws) => ws.tables.load('items/name'));
    syncs += 1;
    await context.sync();
    valuesBySheet = ranges.map((r) => (r.isNullObject ? { values: [], address: null } : { values: toCellValues(r.values), address: r.address }));
  } catch (e) {
    if (!isResponseTooLarge(e)) throw e;
    const chunked = await readInChunks(context, worksheets.items);
    tableLists = chunked.tables;
    valuesBySheet = chunked.values;
    syncs += chunked.syncs;
  }

  const grids: Grid[] = sheets.flatMap((s, i) => {
    // A half-built summary an interrupted run left behind is the add-in's, not a source (the writer removes it).
    if (isStagingSheet(s.name)) return [];
    const got = valuesBySheet[i];
    const role = owned.find((o) => o.sheetName === s.name)?.role;
    return [
      {
        sheet: s.name,
        values: got.values,
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

/** Fallback for very large workbooks: dimensions first, then row chunks grouped so each response stays small. */
async function readInChunks(
  context: Excel.RequestContext,
  worksheets: Excel.Worksheet[],
): Promise<{ values: { values: CellValue[][]; address: string | null }[]; tables: Excel.TableCollection[]; syncs: number }> {
  let syncs = 1;
  const used = worksheets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('address,rowCount,columnCount');
    return r;
  });
  const tables = worksheets.map((ws) => ws.tables.load('items/name'));
  await context.sync();
  const dims = used.map((r) => (r.isNullObject ? null : { address: r.address, rows: r.rowCount, cols: r.columnCount }));
  const out = dims.map((d) => ({ values: [] as CellValue[][], address: d ? d.address : null }));

  interface Chunk {
    sheet: number;
    firstRow: number;
    rows: number;
    cols: number;
  }
  const chunks: Chunk[] = [];
  dims.forEach((d, sheet) => {
    if (!d) return;
    const rowsPerChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, d.cols)));
    for (let firstRow = 0; firstRow < d.rows; firstRow += rowsPerChunk) {
      chunks.push({ sheet, firstRow, rows: Math.min(rowsPerChunk, d.rows - firstRow), cols: d.cols });
    }
  });
  // Group chunks into batches of at most CHUNK_CELLS cells; one sync per batch.
  const batches: Chunk[][] = [];
  let current: Chunk[] = [];
  let cells = 0;
  for (const c of chunks) {
    if (current.length > 0 && cells + c.rows * c.cols > CHUNK_CELLS) {
      batches.push(current);
      current = [];
      cells = 0;
    }
    current.push(c);
    cells += c.rows * c.cols;
  }
  if (current.length > 0) batches.push(current);

  for (const batch of batches) {
    const loaded = batch.map((c) => {
      const r = used[c.sheet].getCell(c.firstRow, 0).getResizedRange(c.rows - 1, c.cols - 1);
      r.load('values');
      return { c, r };
    });
    // Deliberate: each batch must be its own request to stay under Excel on the web's 5 MB response limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs += 1;
    // A loop, not push(...rows): a chunk can hold 100k one-column rows, too many arguments for one call.
    for (const { c, r } of loaded) for (const row of toCellValues(r.values)) out[c.sheet].values.push(row);
  }
  return { values: out, tables, syncs };
}
