/**
 * What Excel stores when a string arrives through Range.values, as if typed into the cell (en-US locale):
 * a leading apostrophe keeps the rest as text; numbers (leading zeros, exponents, percentages, thousands
 * separators, currency), booleans, error literals, dates and times are converted; "=", "+", "-", "@" start a
 * formula. This is the behaviour the writer's quote prefix must defeat, so it is modelled deliberately wide.
 */
import type { FakeCell } from '../fake/model';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ERRORS = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/** The date or time serial Excel makes of `s`, or null when Excel would keep it as text. */
export function dateOnEntry(s: string, thisYear = 2026): number | null {
  const t = s.trim();
  let m = new RegExp(`^${MONTH}[\\s\\-/,]+(\\d{1,4})$`, 'i').exec(t); // "May 2026", "Mar 5", "May-26"
  if (m) {
    const n = Number(m[2]);
    return n > 31 ? serial(n, monthIndex(m[1]), 1) : serial(thisYear, monthIndex(m[1]), n);
  }
  m = new RegExp(`^(\\d{1,2})[\\s\\-/]+${MONTH}([\\s\\-/,]+(\\d{2,4}))?$`, 'i').exec(t); // "5-Jan", "5 May 2026"
  if (m) return serial(m[4] ? Number(m[4]) : thisYear, monthIndex(m[2]), Number(m[1]));
  m = /^(\d{1,4})[/-](\d{1,2})(?:[/-](\d{1,4}))?$/.exec(t); // "1/2", "2026-05-01", "5/1/2026"
  if (m) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
    if (a > 31 && c !== null) return b >= 1 && b <= 12 ? serial(a, b, c) : null;
    if (a >= 1 && a <= 12 && b >= 1 && b <= 31) return serial(c ?? thisYear, a, b);
    return null;
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i.exec(t); // "12:30", "9:05 pm"
  if (m) return ((Number(m[1]) % 24) + (m[4]?.toLowerCase() === 'pm' ? 12 : 0)) / 24 + Number(m[2]) / 1440;
  return null;
}

/** The number Excel makes of `s`, or null. */
export function numberOnEntry(s: string): number | null {
  const t = s.trim();
  const m = /^([-+]?)[$€£]?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([-+]?\d+))?\s*(%?)$/.exec(t);
  if (!m) return null;
  let n = Number(`${m[2].replace(/,/g, '')}${m[3] !== undefined ? `e${m[3]}` : ''}`);
  if (m[1] === '-') n = -n;
  return m[4] === '%' ? n / 100 : n;
}

export function interpretEntry(v: unknown): Pick<FakeCell, 'value' | 'formula' | 'quotePrefix' | 'error'> {
  if (typeof v !== 'string') return { value: (v ?? null) as FakeCell['value'] };
  if (v.startsWith("'")) return { value: v.slice(1), quotePrefix: true };
  const n = numberOnEntry(v);
  if (n !== null) return { value: n };
  if (/^\s*(TRUE|FALSE)\s*$/i.test(v)) return { value: v.trim().toUpperCase() === 'TRUE' };
  const error = ERRORS.find((e) => e === v.trim().toUpperCase());
  if (error) return { value: error, error: true };
  if (/^[=+\-@]/.test(v)) return { value: 0, formula: v.startsWith('=') ? v : `=${v}` };
  const d = dateOnEntry(v);
  if (d !== null) return { value: d };
  return { value: v };
}
