/**
 * Reads an .xlsx file into the core's grids: values only, in one pass per sheet.
 *
 * Why not ExcelJS's readers: the core needs nothing but cell values, and ExcelJS builds a full object model
 * (styles, cells, rows) for every cell; its streaming reader also loses sheet names on files written by ExcelJS
 * itself (it looks names up in xl/workbook.xml, which ExcelJS writes last in the zip). So the file is opened with
 * JSZip and each worksheet's XML is scanned for <c> elements directly. Dates stay the raw serials Excel stores,
 * in the workbook's own date system, exactly as Office.js gives them to the add-in; `date1904` says which system
 * that is and the core normalises. bench/e2e.ts compares this against ExcelJS reading the same file.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import JSZip from 'jszip';
import type { CellValue, Grid, OwnedSheetRole, WorkbookInput } from '../core/grid';
import { issue, type RollupIssue } from '../core/issues';
import { XlsxReadError } from './read-error';
import { notAZip, partPath, partText, requireWellFormed } from './zip-parts';
import { attributes, decodeXml, runText } from './xml-text';
import { scanSheetCells, type MissingShared, type ScannedCells } from './sheet-scan';

export { XlsxReadError } from './read-error';
export { MAX_PART_BYTES } from './zip-parts';
export { decodeXml, xmlDamage } from './xml-text';

/**
 * Same convention as the add-in (src/excel/ownership.ts): a workbook-scoped defined name PR_OWNED_<role>
 * pointing at A1 of the sheet the add-in wrote. Repeated here so the file adapter does not depend on the
 * Office.js adapter.
 */
const OWNED_PREFIX = 'PR_OWNED_';
const ROLES: readonly OwnedSheetRole[] = ['summary', 'dependencies', 'risks', 'issues', 'history', 'changes', 'snapshot', 'trend', 'status', 'benefits', 'resources', 'raid'];

export interface OwnedSheet {
  role: OwnedSheetRole;
  sheet: string;
}

export interface XlsxReadResult {
  input: WorkbookInput;
  /** Sheets the add-in (or the CLI) wrote earlier, found through their PR_OWNED_<role> names. */
  owned: OwnedSheet[];
}

export interface XlsxReadOptions {
  /** Written to every grid's `workbook`, so several files can roll up together. */
  workbook?: string;
}

/**
 * Excel's grid: 1,048,576 rows by 16,384 columns (XFD). A cell addressed outside it cannot exist in a real
 * workbook; it is reported and not read.
 */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/**
 * Grids are dense, so a sheet's used area costs memory whether its cells exist or not. An area larger than
 * this (and than four times the cells that exist) is absurd: one stray cell at XFD1048576 would otherwise
 * ask for 17 billion cells. Cells far from the rest are then left out, with an issue naming them. A row
 * costs about as much as 16 cells whatever its width, so the area counts at least 16 columns.
 */
const MAX_DENSE_CELLS = 2_000_000;
const MIN_ROW_COST = 16;
/** Gaps wider than these (empty rows, empty columns) split a sheet's cells into separate clusters. */
const ROW_GAP = 1_000;
const COL_GAP = 100;
/** "'Program Summary'!$A$1" -> "Program Summary"; null for #REF! and anything without a sheet part. */
function sheetOfRange(range: string): string | null {
  const quoted = /^'((?:[^']|'')+)'!/.exec(range);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const bare = /^([^'!#=]+)!/.exec(range);
  return bare ? bare[1] : null;
}

interface DefinedName {
  name: string;
  ranges?: string[];
  localSheetId?: number;
}

function ownedSheets(names: DefinedName[] | undefined): OwnedSheet[] {
  const out: OwnedSheet[] = [];
  for (const n of names ?? []) {
    if (!n.name.startsWith(OWNED_PREFIX) || n.localSheetId !== undefined) continue;
    const role = n.name.slice(OWNED_PREFIX.length) as OwnedSheetRole;
    if (!ROLES.includes(role)) continue;
    const sheet = sheetOfRange((n.ranges ?? [])[0] ?? '');
    if (sheet !== null) out.push({ role, sheet });
  }
  return out;
}

/** Where a sheet's XML came from, for messages about damage in it. */
export interface SheetSource {
  /** File name (or "the workbook") as the user knows it. */
  file: string;
  /** Zip part, e.g. "xl/worksheets/sheet2.xml". */
  part: string;
}

const NO_SOURCE: SheetSource = { file: 'the workbook', part: 'the worksheet part' };

/** A1 address of a 1-based row and column. */
function a1(row: number, col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** The cells of one sheet as parallel arrays (sparse: only cells that hold a value). */
type SparseCells = ScannedCells;

/** The span [lo, hi] of the cluster holding most cells, splitting sorted positions at gaps wider than `gap`. */
function busiestCluster(positions: number[], gap: number): { lo: number; hi: number } {
  const sorted = Float64Array.from(positions).sort();
  let best = { lo: sorted[0], hi: sorted[0], n: 0 };
  let lo = sorted[0];
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] - sorted[i - 1] > gap) {
      if (n > best.n) best = { lo, hi: sorted[i - 1], n };
      lo = sorted[i];
      n = 0;
    }
    n++;
  }
  if (n > best.n) best = { lo, hi: sorted[sorted.length - 1], n };
  return best;
}

/** Reports cells left out of a sheet: how many, and the first few by address and value. */
function leftOut(sheet: string, cells: { row: number; col: number; value: CellValue }[], why: string, issues: RollupIssue[]): void {
  if (cells.length === 0) return;
  const shown = cells.slice(0, 3).map((c) => `${a1(c.row, c.col)} (${JSON.stringify(String(c.value).slice(0, 40))})`).join(', ');
  const more = cells.length > 3 ? ` and ${cells.length - 3} more` : '';
  issues.push(issue('warning', 'CELLS_NOT_READ', sheet, cells.length === 1 ? a1(cells[0].row, cells[0].col) : null,
    `${cells.length === 1 ? 'Cell' : `${cells.length} cells`} ${shown}${more} ${why}, so ${cells.length === 1 ? 'it was' : 'they were'} not read. Move the data next to the rest of the sheet, or delete it.`));
}

/**
 * Grid of a worksheet's valued range. Rows and cells normally carry their own r="…" address; when a writer
 * leaves it out they follow the previous one, as the format specifies. Cells are collected sparsely first, so
 * a stray cell at XFD1048576 or a row numbered 999999999 costs one entry, not a dense grid of its extent:
 * addresses outside Excel's grid, and cells far from the rest of an absurdly large area, are left out and
 * reported in `issues`. Throws XlsxReadError when a cell refers to a shared string that does not exist.
 */
export function parseSheetXml(sheet: string, xml: string, shared: string[] | null, date1904: boolean, issues: RollupIssue[] = [], source: SheetSource = NO_SOURCE): Grid {
  const missing: MissingShared = (row, col, index) => {
    // A missing shared string is damage, not a blank: reading on would shift or drop text without a word.
    const where = `Cell ${a1(row, col)} of sheet "${sheet}" (${source.part} in ${source.file})`;
    throw new XlsxReadError('XLSX_DAMAGED', shared === null
      ? `${where} refers to the shared strings, but the workbook has no shared-strings part (xl/sharedStrings.xml): the file is damaged. Open it in Excel and save it again, or restore a copy.`
      : `${where} refers to shared string ${index}, but the shared-strings part holds ${shared.length}: the file is damaged. Open it in Excel and save it again, or restore a copy.`);
  };
  const found = scanSheetCells(xml, shared, date1904, MAX_COL, missing);
  const outside: { row: number; col: number; value: CellValue }[] = [];
  let inside = 0;
  for (let i = 0; i < found.values.length; i++) {
    const row = found.rows[i];
    const col = found.cols[i];
    if (row < 1 || row > MAX_ROW || col > MAX_COL) {
      outside.push({ row, col, value: found.values[i] });
      continue;
    }
    // Compacted in place: the cells inside the grid keep their order.
    found.rows[inside] = row;
    found.cols[inside] = col;
    found.values[inside] = found.values[i];
    inside++;
  }
  found.rows.length = found.cols.length = found.values.length = inside;
  leftOut(sheet, outside, "lies outside Excel's grid (1,048,576 rows by 16,384 columns)", issues);
  return denseGrid(sheet, found, issues);
}

/** The dense grid of sparse cells, after leaving out cells that would make its area absurd. */
function denseGrid(sheet: string, cells: SparseCells, issues: RollupIssue[]): Grid {
  const n = cells.values.length;
  if (n === 0) return { sheet, values: [], origin: { row: 0, col: 0 } };
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (let i = 0; i < n; i++) {
    if (cells.rows[i] < top) top = cells.rows[i];
    if (cells.rows[i] > bottom) bottom = cells.rows[i];
    if (cells.cols[i] < left) left = cells.cols[i];
    if (cells.cols[i] > right) right = cells.cols[i];
  }
  const limit = Math.max(MAX_DENSE_CELLS, 4 * n);
  if ((bottom - top + 1) * Math.max(MIN_ROW_COST, right - left + 1) > limit) {
    // Keep the busiest block of rows and columns (the tables); what lies far from it is reported.
    const r = busiestCluster(cells.rows, ROW_GAP);
    const c = busiestCluster(cells.cols, COL_GAP);
    // Still too large (cells spread evenly over a huge area): keep as many rows from the top as fit.
    const maxBottom = r.lo + Math.floor(limit / Math.max(MIN_ROW_COST, c.hi - c.lo + 1)) - 1;
    const far: { row: number; col: number; value: CellValue }[] = [];
    const kept: SparseCells = { rows: [], cols: [], values: [] };
    for (let i = 0; i < n; i++) {
      const row = cells.rows[i];
      const col = cells.cols[i];
      if (row < r.lo || row > Math.min(r.hi, maxBottom) || col < c.lo || col > c.hi) far.push({ row, col, value: cells.values[i] });
      else {
        kept.rows.push(row);
        kept.cols.push(col);
        kept.values.push(cells.values[i]);
      }
    }
    leftOut(sheet, far, `lies far outside the rest of the sheet (rows ${r.lo}-${Math.min(r.hi, maxBottom)}, columns ${a1(1, c.lo).replace(/\d+$/, '')}-${a1(1, c.hi).replace(/\d+$/, '')})`, issues);
    return denseGrid(sheet, kept, issues);
  }
  const width = right - left + 1;
  const values: CellValue[][] = new Array(bottom - top + 1);
  for (let i = 0; i < values.length; i++) values[i] = new Array<CellValue>(width).fill(null);
  for (let i = 0; i < n; i++) values[cells.rows[i] - top][cells.cols[i] - left] = cells.values[i];
  return { sheet, values, origin: { row: top - 1, col: left - 1 } };
}

/**
 * Reads every worksheet of an .xlsx (path or bytes) into grids in workbook order. Throws XlsxReadError when
 * the file is not a readable workbook or a part it needs is missing or damaged; cell-level oddities are
 * converted, never thrown, and cells that cannot be placed are reported in `input.issues`.
 */
export async function readXlsxGrids(source: string | Buffer, options: XlsxReadOptions = {}): Promise<XlsxReadResult> {
  const what = typeof source === 'string' ? basename(source) : 'the workbook';
  let bytes: Buffer;
  try {
    bytes = typeof source === 'string' ? await readFile(source) : source;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT') throw new XlsxReadError('XLSX_NOT_FOUND', `File not found: ${source as string}. Check the path.`);
    if (code === 'EISDIR') throw new XlsxReadError('XLSX_UNREADABLE', `Could not open ${what}: it is a folder, not a workbook.`);
    throw new XlsxReadError('XLSX_UNREADABLE', `Could not open ${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let zip: JSZip;
  try {
    // Parts are inflated (and their checksums checked) one at a time in partText, so one too large to hold
    // is refused by its declared size before it is inflated.
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw notAZip(bytes, what);
    // JSZip's own message points at its documentation; the user needs to know what is wrong with the file.
    throw new XlsxReadError('XLSX_DAMAGED', `Could not open ${what}: the zip package is damaged (${e instanceof Error ? e.message : String(e)}). Open it in Excel and save it again, or restore a copy.`);
  }
  const workbookXml = await partText(zip, 'xl/workbook.xml', what);
  const relsXml = await partText(zip, 'xl/_rels/workbook.xml.rels', what);
  if (workbookXml === null || relsXml === null) {
    throw new XlsxReadError('XLSX_UNREADABLE', `Could not read ${what}: it has no workbook part (xl/workbook.xml). Is it an .xlsx saved by Excel?`);
  }
  requireWellFormed(workbookXml, 'xl/workbook.xml', what, '');
  requireWellFormed(relsXml, 'xl/_rels/workbook.xml.rels', what, '');
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);
  const rels = new Map<string, string>();
  let sharedPath = 'xl/sharedStrings.xml';
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.Id && a.Target) rels.set(a.Id, a.Target);
    if (a.Target && /\/sharedStrings$/.test(a.Type ?? '')) sharedPath = partPath(a.Target);
  }
  const sharedXml = await partText(zip, sharedPath, what);
  let shared: string[] | null = null;
  if (sharedXml !== null) {
    requireWellFormed(sharedXml, sharedPath, what, '');
    shared = [];
    for (const m of sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] ? runText(m[1]) : '');
    const declared = /<sst\b[^>]*\buniqueCount="(\d+)"/.exec(sharedXml);
    if (declared && shared.length !== Number(declared[1])) {
      throw new XlsxReadError('XLSX_DAMAGED', `Could not read ${what}: its shared strings (${sharedPath}) declare ${declared[1]} texts but hold ${shared.length}: the part is damaged. Open it in Excel and save it again, or restore a copy.`);
    }
  }

  const names: DefinedName[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const a = attributes(m[1]);
    names.push({ name: a.name ?? '', ranges: [decodeXml(m[2])], localSheetId: a.localSheetId === undefined ? undefined : Number(a.localSheetId) });
  }
  const sheetNames: string[] = [];
  const grids: Grid[] = [];
  const issues: RollupIssue[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    const target = rels.get(a['r:id'] ?? '');
    if (!a.name || !target) {
      throw new XlsxReadError('XLSX_DAMAGED', `Could not read ${what}: sheet ${a.name ? `"${a.name}"` : 'without a name'} in xl/workbook.xml has no part it points to. The workbook is damaged; open it in Excel and save it again, or restore a copy.`);
    }
    if (!/worksheets\//.test(target)) continue; // chart sheets hold no cells
    const path = partPath(target);
    const xml = await partText(zip, path, what);
    const about = ` (sheet "${a.name}")`;
    if (xml === null) {
      throw new XlsxReadError('XLSX_DAMAGED', `Could not read ${what}: the part ${path} of sheet "${a.name}" is missing. The workbook is damaged; open it in Excel and save it again, or restore a copy.`);
    }
    requireWellFormed(xml, path, what, about);
    sheetNames.push(a.name);
    const grid = parseSheetXml(a.name, xml, shared, date1904, issues, { file: what, part: path });
    if (a.state === 'hidden' || a.state === 'veryHidden') grid.hidden = true;
    if (options.workbook !== undefined) grid.workbook = options.workbook;
    grids.push(grid);
  }
  const owned = ownedSheets(names).filter((o) => sheetNames.includes(o.sheet));
  for (const o of owned) {
    const grid = grids.find((g) => g.sheet === o.sheet);
    if (grid) grid.ownedRole = o.role;
  }
  return { input: { grids, date1904, ...(issues.length > 0 ? { issues } : {}) }, owned };
}
