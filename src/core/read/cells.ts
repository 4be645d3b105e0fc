/**
 * Cell parsers: what PMs type into cells, turned into model values. Each parser returns a tagged result so
 * the caller (which knows the sheet and cell) can turn failures into issues; nothing here throws.
 */
import type { CellValue } from '../grid';

export type Parsed<T> =
  | { kind: 'value'; value: T; ambiguous?: boolean }
  | { kind: 'blank' }
  /** A placeholder such as "n/a", "-", "TBD": blank, but worth an info issue. */
  | { kind: 'marker'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'bad'; text: string; reason?: string };

const ERROR_VALUE = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;
const BLANK_MARKERS = new Set(['n/a', 'na', 'n.a.', '-', '--', '—', '–', 'tbd', 'tba', 'tbc', '?']);

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function isExcelError(v: CellValue | undefined): boolean {
  if (typeof v !== 'string') return false;
  // Every error value starts with "#": skip the regex for the ordinary text that fills most cells.
  const t = v.trim();
  return t.charCodeAt(0) === 35 && ERROR_VALUE.test(t);
}

/** Shared first step: blanks, blank markers and Excel error values look the same whatever the column holds. */
export function classify(v: CellValue | undefined): Parsed<never> | null {
  if (isBlank(v)) return { kind: 'blank' };
  if (typeof v === 'string') {
    const t = v.trim();
    // Every error value starts with "#": skip the regex for the ordinary text that fills most cells.
    if (t.charCodeAt(0) === 35 && ERROR_VALUE.test(t)) return { kind: 'error', text: t };
    if (BLANK_MARKERS.has(t.toLowerCase())) return { kind: 'marker', text: t };
  }
  return null;
}

/** Plain text of a cell, or null when blank. Numbers keep their shortest form ("12", "1.5"). */
export function cellText(v: CellValue | undefined): string | null {
  if (isBlank(v)) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  return v ? 'TRUE' : 'FALSE';
}

// ---------- dates ----------

/** Largest serial Excel accepts (31 Dec 9999). */
export const MAX_SERIAL = 2958465;
/** Days between the 1904 and the 1900 date systems. */
export const DATE1904_OFFSET = 1462;
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Whole-day 1900-system serial of a calendar date, or null when the date does not exist (31 Feb). */
export function serialFromYmd(y: number, m: number, d: number): number | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const serial = Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / DAY_MS);
  return serial >= 1 ? serial : null;
}

/** Gregorian month length; checked by arithmetic rather than a Date round trip, which allocates per cell. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** ISO "YYYY-MM-DD" of a 1900-system serial (for history rows and messages). */
export function isoFromSerial(serial: number): string {
  const d = new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
  return d.toISOString().slice(0, 10);
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

// The time part must be a real time of day (00:00 to 23:59:59, offsets up to ±23:59): "2026-12-31T25:61" is not a date.
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;
const DAY_MON_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-z]+)\.?,?[\s\-/.]+(\d{2}|\d{4})$/;
const MON_DAY_YEAR = /^([A-Za-z]+)\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{2}|\d{4})$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const WEEKDAY_PREFIX = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;

function fullYear(y: string): number {
  const n = Number(y);
  // Two-digit years: Excel's own rule (00-29 -> 2000s, 30-99 -> 1900s).
  if (y.length === 2) return n < 30 ? 2000 + n : 1900 + n;
  return n;
}

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/**
 * Reads a date cell. Numbers are serials (shifted from the 1904 system when the workbook uses it); text may
 * be ISO, "15 Jan 2026", "Jan 15, 2026", or numeric "03/04/2026" which is ambiguous unless one part exceeds 12.
 */
export function parseDate(v: CellValue | undefined, order: DateOrder, date1904: boolean): Parsed<number> {
  if (typeof v === 'string') {
    // ISO dates are the most common text dates: read them without the general classify-then-regex path.
    const iso = plainIsoSerial(v);
    if (iso !== undefined) return wrap(iso, v);
  }
  const c = classify(v);
  if (c) return c;
  if (typeof v === 'boolean') return { kind: 'bad', text: String(v) };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'bad', text: String(v) };
    const serial = Math.floor(v) + (date1904 ? DATE1904_OFFSET : 0);
    if (serial < 1 || serial > MAX_SERIAL) return { kind: 'bad', text: String(v), reason: 'is not a date Excel can show' };
    return { kind: 'value', value: serial };
  }
  const raw = String(v).trim();
  const t = raw.replace(WEEKDAY_PREFIX, '');
  let m = ISO.exec(t);
  if (m) return wrap(serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3])), raw);
  m = DAY_MON_YEAR.exec(t);
  if (m) {
    const mon = MONTHS[m[2].toLowerCase()];
    return wrap(mon ? serialFromYmd(fullYear(m[3]), mon, Number(m[1])) : null, raw);
  }
  m = MON_DAY_YEAR.exec(t);
  if (m) {
    const mon = MONTHS[m[1].toLowerCase()];
    return wrap(mon ? serialFromYmd(fullYear(m[3]), mon, Number(m[2])) : null, raw);
  }
  if (order === 'YMD') {
    // yy/m/d ("26/3/15"): only when that order is asked for, as the same text is d/m/yy elsewhere.
    const y = /^(\d{2})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(t);
    const serial = y ? serialFromYmd(fullYear(y[1]), Number(y[2]), Number(y[3])) : null;
    if (serial !== null) return { kind: 'value', value: serial };
  }
  m = NUMERIC.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(m[3]);
    if (a > 12 && b <= 12) return wrap(serialFromYmd(y, b, a), raw);
    if (b > 12 && a <= 12) return wrap(serialFromYmd(y, a, b), raw);
    const serial = order === 'MDY' ? serialFromYmd(y, a, b) : serialFromYmd(y, b, a); // YMD falls back to d/m/y
    // Same day and month (05/05/2026) reads the same either way: not ambiguous.
    const r = wrap(serial, raw);
    if (r.kind === 'value' && a !== b) r.ambiguous = true;
    return r;
  }
  // A serial typed as text ("46037") still means a date.
  if (/^\d{1,7}(\.\d+)?$/.test(t)) return parseDate(Number(t), order, date1904);
  return { kind: 'bad', text: raw };
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isDateSeparator = (code: number): boolean => code === 45 || code === 47 || code === 46; // - / .

/**
 * Exactly "YYYY-MM-DD" (any of - / . as separators, nothing around it): the calendar check of the ISO branch
 * of parseDate, by char codes. Returns undefined for any other text, which then takes the general path.
 */
export function plainIsoSerial(t: string): number | null | undefined {
  if (t.length !== 10 || !isDateSeparator(t.charCodeAt(4)) || !isDateSeparator(t.charCodeAt(7))) return undefined;
  const y = digitsAt(t, 0, 4);
  const m = digitsAt(t, 5, 7);
  const d = digitsAt(t, 8, 10);
  return y < 0 || m < 0 || d < 0 ? undefined : serialFromYmd(y, m, d);
}

/** The decimal value of t[from, to) when it is all ASCII digits (as regex \d), else -1. No substring is made. */
function digitsAt(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = t.charCodeAt(i);
    if (!isDigit(code)) return -1;
    n = n * 10 + (code - 48);
  }
  return n;
}

function wrap(serial: number | null, raw: string): Parsed<number> & { ambiguous?: boolean } {
  return serial === null ? { kind: 'bad', text: raw, reason: 'is not a real calendar date' } : { kind: 'value', value: serial };
}

// ---------- numbers, percent, money ----------

const CURRENCY = /^(?:[$€£¥₹₩₽]|USD|EUR|GBP|CAD|AUD|CHF|JPY|US\$|A\$|C\$)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:[$€£¥₹₩₽]|USD|EUR|GBP|CAD|AUD|CHF|JPY)$/i;

/** Reads a plain number typed as text: "1,234.5", "(200)" (accounting negative), "-3". */
export function numberFromText(text: string): number | null {
  let t = text.trim();
  const simple = simpleNumber(t);
  if (simple !== undefined) return simple;
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  } else if (t.startsWith('+')) t = t.slice(1).trim();
  t = t.replace(CURRENCY, '').replace(CURRENCY_SUFFIX, '');
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  let mult = 1;
  const suffix = /^(.*?)\s*([kKmM])$/.exec(t);
  if (suffix) {
    t = suffix[1];
    mult = suffix[2].toLowerCase() === 'k' ? 1e3 : 1e6;
  }
  // Thousands separators: commas, spaces, apostrophes (Swiss) between digit groups.
  if (!/^\d{1,3}(?:[, '\u00a0]\d{3})*(?:\.\d+)?$|^\d*\.?\d+$/.test(t)) return null;
  const n = Number(t.replace(/[, '\u00a0]/g, '')) * mult;
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

const CURRENCY_SYMBOLS = '$€£¥₹₩₽';

/**
 * The everyday forms, read without numberFromText's chain of regexes: "1200", "0.25", ".5", "1,200" and
 * either with one currency symbol in front ("$1,200"). Undefined for anything else (signs, spaces, "1.5k",
 * "5.", "USD 3", ...), which takes the general path; for the forms read here both paths give the same number.
 */
function simpleNumber(t: string): number | undefined {
  const from = t.length > 1 && CURRENCY_SYMBOLS.includes(t.charAt(0)) ? 1 : 0;
  if (isPlainDecimal(t, from)) {
    const n = Number(from === 0 ? t : t.slice(from));
    return Number.isFinite(n) ? n : undefined;
  }
  return groupedInteger(t, from);
}

/** Digits from `from` on, optionally with one "." followed by digits ("12", "0.5", ".5"; not "5." or ""). */
function isPlainDecimal(t: string, from: number): boolean {
  let digitsAfterDot = -1;
  let digits = 0;
  for (let i = from; i < t.length; i++) {
    const code = t.charCodeAt(i);
    if (isDigit(code)) {
      digits++;
      if (digitsAfterDot >= 0) digitsAfterDot++;
    } else if (code === 46 && digitsAfterDot < 0) digitsAfterDot = 0;
    else return false;
  }
  return digits > 0 && digitsAfterDot !== 0;
}

/** "1,200" or "12,345,678" from `from` on (1-3 digits, then groups of ",ddd"), up to 15 digits so the sum is exact. */
function groupedInteger(t: string, from: number): number | undefined {
  const lead = (t.length - from) % 4;
  if (lead === 0 || t.length - from < 5 || t.length - from > 19) return undefined;
  let n = 0;
  for (let i = from; i < t.length; i++) {
    const code = t.charCodeAt(i);
    if ((i - from - lead) % 4 === 0) {
      if (code !== 44) return undefined; // ","
    } else if (isDigit(code)) n = n * 10 + (code - 48);
    else return undefined;
  }
  return n;
}

export function parseNumber(v: CellValue | undefined): Parsed<number> {
  const c = classify(v);
  if (c) return c;
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'value', value: v } : { kind: 'bad', text: String(v) };
  if (typeof v === 'boolean') return { kind: 'bad', text: String(v) };
  const n = numberFromText(String(v));
  return n === null ? { kind: 'bad', text: String(v).trim() } : { kind: 'value', value: n };
}

/** Money: numbers, or text with currency symbols and thousands separators ("$1,250,000", "€ 3.5k"). */
export const parseMoney = parseNumber;

/**
 * Percent complete as 0..1. Numbers up to 1 are fractions (Excel stores 50% as 0.5); above 1 they are
 * percents (50 -> 0.5); text with "%" is always a percent. Values outside 0-100 % come back as 'bad'
 * with reason 'range' so the caller can say so precisely.
 */
export function parsePercent(v: CellValue | undefined): Parsed<number> {
  const c = classify(v);
  if (c) return c;
  if (typeof v === 'boolean') return { kind: 'bad', text: String(v) };
  let value: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'bad', text: String(v) };
    value = v <= 1 && v >= 0 ? v : v / 100;
  } else {
    const t = String(v).trim();
    // "50%" is the usual form: read it without the regexes below; anything else takes the general path.
    const quick = t.charCodeAt(t.length - 1) === 37 ? simpleNumber(t.slice(0, -1)) : undefined;
    if (quick !== undefined) value = quick / 100;
    else {
      const pct = /^(.*?)\s*%$/.exec(t);
      const n = numberFromText(pct ? pct[1] : t);
      if (n === null) return { kind: 'bad', text: t };
      value = pct ? n / 100 : n <= 1 && n >= 0 ? n : n / 100;
    }
  }
  if (value < 0 || value > 1 + 1e-9) return { kind: 'bad', text: String(v), reason: 'range' };
  return { kind: 'value', value: Math.min(1, value) };
}

/** Yes/no flags: yes, y, true, x, 1 (and a check mark) are true; no, n, false, 0 and blank are false. */
export function parseFlag(v: CellValue | undefined): Parsed<boolean> {
  const c = classify(v);
  if (c) return c;
  if (typeof v === 'boolean') return { kind: 'value', value: v };
  if (typeof v === 'number') return v === 1 ? { kind: 'value', value: true } : v === 0 ? { kind: 'value', value: false } : { kind: 'bad', text: String(v) };
  const t = String(v).trim().toLowerCase();
  if (['yes', 'y', 'true', 'x', '1', '✓', '✔'].includes(t)) return { kind: 'value', value: true };
  if (['no', 'n', 'false', '0'].includes(t)) return { kind: 'value', value: false };
  return { kind: 'bad', text: String(v).trim() };
}
