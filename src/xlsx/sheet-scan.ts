/**
 * The cells of a worksheet part, found by one forward scan over its <sheetData> with indexOf and char codes.
 *
 * Why not regular expressions: a 2,000-task sheet has about 60,000 cells, a big program a hundred such sheets,
 * and matching rows, then cells inside each row's text, then each cell's attributes and <v> captured a
 * substring at every step. Reading was a third of a roll-up's time and its garbage a good part of the rest.
 * Here a cell costs its tag's characters and the one string its value needs. The part has already passed
 * xmlDamage (well-formed), so every tag found here is closed; attribute values may use either quote.
 */
import type { CellValue } from '../core/grid';
import { decodeXml, runText } from './xml-text';

/** The cells that hold a value, as parallel arrays in document order (rows and columns 1-based, unchecked). */
export interface ScannedCells {
  rows: number[];
  cols: number[];
  values: CellValue[];
}

/** Called for a shared-string cell whose index names no string; it throws (the caller knows the file). */
export type MissingShared = (row: number, col: number, index: string) => never;

const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;

/** Excel serial for an ISO date-time (cells of type "d"), in the workbook's date system. */
function isoToSerial(iso: string, date1904: boolean): CellValue {
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(t)) return iso;
  return t / 86_400_000 + (date1904 ? 24107 : 25569);
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Whether the tag at `at` is `<name` followed by whitespace, ">" or "/" (so "<c" is not "<col"). */
function isTag(xml: string, at: number, name: string): boolean {
  if (!xml.startsWith(name, at)) return false;
  const c = xml.charCodeAt(at + name.length);
  return c === GT || c === SLASH || isSpace(c);
}

/**
 * The attributes of the start tag whose name ends at `from`: where its `r` and `t` values lie, where the tag
 * ends (its ">") and whether it closes itself ("/>"). Other attributes are stepped over.
 */
interface TagScan {
  rStart: number;
  rEnd: number;
  tStart: number;
  tEnd: number;
  end: number;
  selfClosing: boolean;
}

function scanTag(xml: string, from: number, out: TagScan): void {
  out.rStart = out.rEnd = out.tStart = out.tEnd = -1;
  let k = from;
  for (;;) {
    let c = xml.charCodeAt(k);
    while (isSpace(c)) c = xml.charCodeAt(++k);
    if (c === GT || c === SLASH || Number.isNaN(c)) break;
    const nameStart = k;
    while (c !== 61 && c !== GT && !isSpace(c) && !Number.isNaN(c)) c = xml.charCodeAt(++k);
    const nameEnd = k;
    while (c !== QUOTE && c !== APOS && c !== GT && !Number.isNaN(c)) c = xml.charCodeAt(++k);
    if (c === GT || Number.isNaN(c)) break;
    const close = xml.indexOf(c === QUOTE ? '"' : "'", k + 1);
    if (close < 0) break;
    if (nameEnd - nameStart === 1) {
      const n = xml.charCodeAt(nameStart);
      if (n === 114) {
        out.rStart = k + 1;
        out.rEnd = close;
      } else if (n === 116) {
        out.tStart = k + 1;
        out.tEnd = close;
      }
    }
    k = close + 1;
  }
  const gt = xml.indexOf('>', k);
  out.end = gt < 0 ? xml.length : gt;
  out.selfClosing = gt > 0 && xml.charCodeAt(gt - 1) === SLASH;
}

/** The number written in xml[start, end) (a row's r="123", a shared-string index), or -1 when it is not plain digits. */
function digitsValue(xml: string, start: number, end: number): number {
  if (start < 0 || start === end) return -1;
  let n = 0;
  for (let k = start; k < end; k++) {
    const d = xml.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A cell's column from r="AB12": the letters' number; past three letters, one more than the grid has (so
 * the caller reports it); -1 when the reference is not letters then digits.
 */
function columnNumber(xml: string, start: number, end: number, maxCol: number): number {
  if (start < 0) return -1;
  let k = start;
  let n = 0;
  for (; k < end; k++) {
    const c = xml.charCodeAt(k);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  const letters = k - start;
  if (letters === 0 || k === end) return -1;
  for (; k < end; k++) {
    const d = xml.charCodeAt(k);
    if (d < 48 || d > 57) return -1;
  }
  return letters > 3 ? maxCol + 1 : n;
}

/** The cell type named by t="…" (letters only, as Excel writes them), "n" when absent or not letters. */
function cellType(xml: string, start: number, end: number): string {
  if (start < 0 || start === end) return 'n';
  if (end - start === 1) {
    const c = xml.charCodeAt(start);
    if (c === 115) return 's';
    if (c === 110) return 'n';
  }
  const t = xml.slice(start, end);
  return /^[a-zA-Z]+$/.test(t) ? t : 'n';
}

/** Where a cell's <v> text lies between `from` and `to` (the cell's content), or null without one. */
function valueSpan(xml: string, from: number, to: number): [number, number] | null {
  for (let v = xml.indexOf('<v', from); v >= 0 && v < to; v = xml.indexOf('<v', v + 2)) {
    const c = xml.charCodeAt(v + 2);
    if (c !== GT && !isSpace(c)) continue;
    const open = xml.indexOf('>', v + 2);
    const close = xml.indexOf('</v>', open + 1);
    if (open < 0 || close < 0 || close > to) return null;
    // <v/> holds nothing; as with the regular expression this replaces, a later <v> would still count.
    if (xml.charCodeAt(open - 1) === SLASH) continue;
    return [open + 1, close];
  }
  return null;
}

/**
 * Every cell of the part's <sheetData> that holds a value. Rows and cells without r="…" follow the previous
 * one, as the format specifies. Addresses are not checked against the grid here (the caller reports them).
 */
export function scanSheetCells(xml: string, shared: string[] | null, date1904: boolean, maxCol: number, missing: MissingShared): ScannedCells {
  const cells: ScannedCells = { rows: [], cols: [], values: [] };
  const tag: TagScan = { rStart: -1, rEnd: -1, tStart: -1, tEnd: -1, end: 0, selfClosing: false };
  const data = xml.indexOf('<sheetData');
  let rowNo = 0;
  let col = 0;
  let inRow = false;
  for (let i = xml.indexOf('<', data < 0 ? 0 : data); i >= 0; i = xml.indexOf('<', i)) {
    const next = xml.charCodeAt(i + 1);
    if (next === SLASH) {
      if (xml.startsWith('</row>', i)) inRow = false;
      else if (xml.startsWith('</sheetData>', i)) break;
      i += 2;
      continue;
    }
    if (next === 114 && isTag(xml, i, '<row')) {
      scanTag(xml, i + 4, tag);
      const r = digitsValue(xml, tag.rStart, tag.rEnd);
      rowNo = r >= 0 ? r : rowNo + 1;
      col = 0;
      inRow = !tag.selfClosing;
      i = tag.end + 1;
      continue;
    }
    if (next !== 99 || !inRow || !isTag(xml, i, '<c')) {
      i += 1;
      continue;
    }
    scanTag(xml, i + 2, tag);
    const c = columnNumber(xml, tag.rStart, tag.rEnd, maxCol);
    col = c >= 0 ? c : col + 1;
    if (tag.selfClosing) {
      i = tag.end + 1;
      continue;
    }
    const bodyStart = tag.end + 1;
    const bodyEnd = xml.indexOf('</c>', bodyStart);
    if (bodyEnd < 0) break;
    i = bodyEnd + 4;
    if (bodyEnd === bodyStart) continue;
    const value = cellValue(xml, bodyStart, bodyEnd, cellType(xml, tag.tStart, tag.tEnd), shared, date1904, rowNo, col, missing);
    if (value === null) continue;
    cells.rows.push(rowNo);
    cells.cols.push(col);
    cells.values.push(value);
  }
  return cells;
}

/** The value of the cell whose content is xml[from, to). */
function cellValue(xml: string, from: number, to: number, type: string, shared: string[] | null, date1904: boolean, row: number, col: number, missing: MissingShared): CellValue {
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(xml.slice(from, to));
    return is ? runText(is[1]) : null;
  }
  const span = valueSpan(xml, from, to);
  if (span === null) return null;
  const [vs, ve] = span;
  if (type === 's') {
    const index = digitsValue(xml, vs, ve);
    const text = shared === null ? undefined : shared[index >= 0 ? index : Number(xml.slice(vs, ve))];
    return text ?? missing(row, col, xml.slice(vs, ve).trim());
  }
  const raw = xml.slice(vs, ve);
  switch (type) {
    case 'str':
    case 'e':
      return decodeXml(raw);
    case 'b':
      return raw === '1' || raw === 'true';
    case 'd':
      return isoToSerial(raw, date1904);
    default: {
      const n = Number(raw);
      return Number.isFinite(n) ? n : decodeXml(raw);
    }
  }
}
