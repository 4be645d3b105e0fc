/**
 * Cell values as Excel must receive them (user text kept literal), and A1 boxes of the plan's addresses.
 */
import type { PlanValue } from '../core/report/plan';
import { colIndex, colLetters } from '../core/a1';

// ---------- values ----------

/**
 * A plan value as Excel must receive it. Strings that Excel would evaluate or convert (formulas, numbers,
 * dates, booleans, or a leading apostrophe) get Excel's quote prefix, which keeps them as literal text and
 * is not part of the cell's value.
 */
export function toExcelValue(v: PlanValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'object') return v.formula.startsWith('=') ? v.formula : `=${v.formula}`;
  if (typeof v === 'string') return needsQuotePrefix(v) ? `'${v}` : v;
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}

/** A month name followed by a number: Excel reads "May 2026", "Mar 5", "Sept-26" as dates. */
const MONTH_DATE = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]+\d/i;

export function needsQuotePrefix(s: string): boolean {
  return (
    /^[=+\-@']/.test(s) ||
    /^\s*[(]?[$€£]?\s*\d/.test(s) || // numbers, "00123", "1E5", "1/2", "12:30", "5%", "$5"
    /^\s*(true|false)\s*$/i.test(s) ||
    /^\s*[.,]\d/.test(s) ||
    /^\s*#/.test(s) || // error literals such as "#N/A" become error values
    MONTH_DATE.test(s)
  );
}

// ---------- addresses ----------

export interface Box {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** Column index of letters already matched by an A1 pattern (so never null). */
const colIndexOf = (letters: string): number => colIndex(letters) as number;

export function boxOf(address: string): Box {
  const [a, b = a] = address.replace(/\$/g, '').split(':');
  const pa = /^([A-Za-z]+)(\d+)$/.exec(a);
  const pb = /^([A-Za-z]+)(\d+)$/.exec(b);
  if (!pa || !pb) throw new Error(`Plan address "${address}" is not an A1 cell or range`);
  const r0 = Number(pa[2]) - 1;
  const r1 = Number(pb[2]) - 1;
  const c0 = colIndexOf(pa[1]);
  const c1 = colIndexOf(pb[1]);
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

export function boxAddress(b: Box): string {
  const start = `${colLetters(b.c0)}${b.r0 + 1}`;
  const end = `${colLetters(b.c0 + b.cols - 1)}${b.r0 + b.rows}`;
  return start === end ? start : `${start}:${end}`;
}

