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

/**
 * Same convention as the add-in (src/excel/ownership.ts): a workbook-scoped defined name PR_OWNED_<role>
 * pointing at A1 of the sheet the add-in wrote. Repeated here so the file adapter does not depend on the
 * Office.js adapter.
 */
const OWNED_PREFIX = 'PR_OWNED_';
const ROLES: readonly OwnedSheetRole[] = ['summary', 'dependencies', 'risks', 'issues', 'history', 'benefits', 'resources'];

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

/** Error with a stable code and a message a user can act on. */
export class XlsxReadError extends Error {
  constructor(
    readonly code: 'XLSX_UNREADABLE' | 'XLSX_NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.name = 'XlsxReadError';
  }
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML entities and Excel's _xHHHH_ escapes in text content. */
export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0 && text.indexOf('_x') < 0) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Attributes of one start tag ('r="A1" t="s"') as a map. */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = decodeXml(m[2]);
  return out;
}

/** Plain text of a string item (<si> or <is>): every <t> run, skipping phonetic guides (<rPh>). */
function runText(xml: string): string {
  const body = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += m[1] ?? '';
  return decodeXml(out);
}

/** Excel serial for an ISO date-time (cells of type "d"), in the workbook's date system. */
function isoToSerial(iso: string, date1904: boolean): CellValue {
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(t)) return iso;
  return t / 86_400_000 + (date1904 ? 24107 : 25569);
}

/** Column number (1-based) of an A1 reference's letters. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

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

/** One <c> element's value. */
function cellValue(attrs: string, inner: string, shared: string[], date1904: boolean): CellValue {
  const type = /\bt="([a-zA-Z]+)"/.exec(attrs)?.[1] ?? 'n';
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
    return is ? runText(is[1]) : null;
  }
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner);
  if (!v) return null;
  const raw = v[1];
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? null;
    case 'str':
      return decodeXml(raw);
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return decodeXml(raw);
    case 'd':
      return isoToSerial(raw, date1904);
    default: {
      const n = Number(raw);
      return Number.isFinite(n) ? n : decodeXml(raw);
    }
  }
}

/**
 * Dense grid of a worksheet's valued range. Rows and cells normally carry their own r="…" address; when a
 * writer leaves it out they follow the previous one, as the format specifies.
 */
export function parseSheetXml(sheet: string, xml: string, shared: string[], date1904: boolean): Grid {
  const rows: { r: number; first: number; cells: CellValue[] }[] = [];
  let minCol = Infinity;
  let maxCol = -Infinity;
  let rowNo = 0;
  const data = xml.indexOf('<sheetData');
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  rowRe.lastIndex = data < 0 ? 0 : data;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let rm = rowRe.exec(xml); rm; rm = rowRe.exec(xml)) {
    const rAttr = /\br="(\d+)"/.exec(rm[1]);
    rowNo = rAttr ? Number(rAttr[1]) : rowNo + 1;
    const body = rm[2];
    if (!body) continue;
    let col = 0;
    let first = -1;
    const cells: CellValue[] = [];
    cellRe.lastIndex = 0;
    for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
      const ref = /\br="([A-Z]+)\d+"/.exec(cm[1]);
      col = ref ? columnOf(ref[1]) : col + 1;
      if (!cm[2]) continue;
      const value = cellValue(cm[1], cm[2], shared, date1904);
      if (value === null) continue;
      if (first < 0) first = col;
      cells[col - first] = value;
      if (col > maxCol) maxCol = col;
    }
    if (first < 0) continue;
    if (first < minCol) minCol = first;
    rows.push({ r: rowNo, first, cells });
  }
  if (rows.length === 0) return { sheet, values: [], origin: { row: 0, col: 0 } };
  rows.sort((x, y) => x.r - y.r);
  const top = rows[0].r;
  const height = rows[rows.length - 1].r - top + 1;
  const width = maxCol - minCol + 1;
  const values: CellValue[][] = new Array(height);
  for (const row of rows) {
    const out = new Array<CellValue>(width).fill(null);
    const shift = row.first - minCol;
    for (let i = 0; i < row.cells.length; i++) {
      const v = row.cells[i];
      if (v !== undefined) out[i + shift] = v;
    }
    values[row.r - top] = out;
  }
  for (let i = 0; i < height; i++) if (!values[i]) values[i] = new Array<CellValue>(width).fill(null);
  return { sheet, values, origin: { row: top - 1, col: minCol - 1 } };
}

/** Resolves a relationship target (relative to xl/, or absolute from the package root). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

async function partText(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async('string') : null;
}

/**
 * Reads every worksheet of an .xlsx (path or bytes) into grids in workbook order. Throws XlsxReadError when
 * the file is not a readable workbook; cell-level oddities are converted, never thrown.
 */
export async function readXlsxGrids(source: string | Buffer, options: XlsxReadOptions = {}): Promise<XlsxReadResult> {
  const what = typeof source === 'string' ? basename(source) : 'the workbook';
  let bytes: Buffer;
  try {
    bytes = typeof source === 'string' ? await readFile(source) : source;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT') throw new XlsxReadError('XLSX_NOT_FOUND', `File not found: ${source as string}. Check the path.`);
    throw new XlsxReadError('XLSX_UNREADABLE', `Could not open ${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    // JSZip's own message points at its documentation; the user needs to know what the file is not.
    throw new XlsxReadError('XLSX_UNREADABLE', `Could not open ${what}: it is not an .xlsx workbook (not a zip package). Save it from Excel as .xlsx.`);
  }
  const workbookXml = await partText(zip, 'xl/workbook.xml');
  const relsXml = await partText(zip, 'xl/_rels/workbook.xml.rels');
  if (workbookXml === null || relsXml === null) {
    throw new XlsxReadError('XLSX_UNREADABLE', `Could not read ${what}: it has no workbook part (xl/workbook.xml). Is it an .xlsx saved by Excel?`);
  }
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);
  const rels = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.Id && a.Target) rels.set(a.Id, a.Target);
  }
  const sharedXml = await partText(zip, 'xl/sharedStrings.xml');
  const shared: string[] = [];
  if (sharedXml) for (const m of sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] ? runText(m[1]) : '');

  const names: DefinedName[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const a = attributes(m[1]);
    names.push({ name: a.name ?? '', ranges: [decodeXml(m[2])], localSheetId: a.localSheetId === undefined ? undefined : Number(a.localSheetId) });
  }
  const sheetNames: string[] = [];
  const grids: Grid[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    const target = rels.get(a['r:id'] ?? '');
    if (!a.name || !target || !/worksheets\//.test(target)) continue; // chart sheets hold no cells
    sheetNames.push(a.name);
    const xml = await partText(zip, partPath(target));
    const grid = parseSheetXml(a.name, xml ?? '', shared, date1904);
    if (a.state === 'hidden' || a.state === 'veryHidden') grid.hidden = true;
    if (options.workbook !== undefined) grid.workbook = options.workbook;
    grids.push(grid);
  }
  const owned = ownedSheets(names).filter((o) => sheetNames.includes(o.sheet));
  for (const o of owned) {
    const grid = grids.find((g) => g.sheet === o.sheet);
    if (grid) grid.ownedRole = o.role;
  }
  return { input: { grids, date1904 }, owned };
}
