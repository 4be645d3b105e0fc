/**
 * Per-sheet reading context: turns grid coordinates into worksheet A1 addresses (shifted by the grid's
 * origin) and turns parse failures into issues. Every issue the reader raises goes through here, so every
 * address lies inside its grid.
 */
import { a1, colLetters } from '../a1';
import type { CellValue, Grid } from '../grid';
import type { RollupIssue, Severity } from '../issues';
import { issue } from '../issues';
import type { DateOrder, Parsed } from './cells';
import { MAX_SERIAL, isExcelError, isoFromSerial, parseDate, parseMoney, parseNumber, parsePercent, plainIsoSerial } from './cells';
import type { ColumnDates } from './date-columns';
import { IMPLAUSIBLE_DAYS, rangeParts, serialInOrder, splitNumericDate } from './date-columns';

/**
 * Read once per date cell, so copied here at load: in CommonJS output (tsx, jest) every use of an imported
 * binding goes through the exporting module's getters.
 */
const LAST_SERIAL = MAX_SERIAL;
const IMPLAUSIBLE = IMPLAUSIBLE_DAYS;

export interface ReadOptions {
  dateOrder: DateOrder;
  date1904: boolean;
}

/**
 * A1 addresses by worksheet row and column, shared by all the sheets of one read. Every task carries the
 * address of its name cell and, usually, of its predecessors cell, and project sheets share a layout, so
 * the same few thousand addresses recur on every sheet: building each once saves hundreds of thousands of
 * small strings per read, strings that would otherwise live as long as the model (and be copied by the GC).
 */
export class AddressCache {
  private readonly byCol: string[][] = [];

  get(row0: number, col0: number): string {
    let col = this.byCol[col0];
    if (col === undefined) {
      col = [];
      this.byCol[col0] = col;
    }
    let address = col[row0];
    if (address === undefined) {
      address = a1(row0, col0);
      col[row0] = address;
    }
    return address;
  }
}

export interface ContextMark {
  issues: number;
  ambiguousFlagged: boolean;
}

export class SheetContext {
  readonly sheet: string;
  private ambiguousFlagged = false;
  /** Date conventions inferred for the columns of the table being read (see date-columns.ts). */
  readonly columnDates = new Map<number, ColumnDates>();
  /** A typical date of the table being read: dates further than IMPLAUSIBLE_DAYS from it are flagged, not used. */
  dateReference: number | null = null;

  /** The grid's origin, made safe: an adapter bug (negative or fractional origin) must not crash the read. */
  private readonly originRow: number;
  private readonly originCol: number;

  constructor(readonly grid: Grid, readonly options: ReadOptions, readonly issues: RollupIssue[], private readonly addresses = new AddressCache()) {
    this.sheet = grid.sheet;
    const safe = (n: number | undefined): number => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
    this.originRow = safe(grid.origin?.row);
    this.originCol = safe(grid.origin?.col);
  }

  get rows(): CellValue[][] {
    return this.grid.values;
  }

  value(r: number, c: number | undefined): CellValue | undefined {
    if (c === undefined) return undefined;
    const row = this.grid.values[r];
    return Array.isArray(row) ? row[c] : undefined;
  }

  addr(r: number, c: number): string {
    return this.addresses.get(this.originRow + r, this.originCol + c);
  }

  /** Column letters of grid column c ("C"), shifted by the grid's origin. */
  column(c: number): string {
    return colLetters(this.originCol + c);
  }

  /** 1-based worksheet row number of grid row r. */
  sheetRow(r: number): number {
    return this.originRow + r + 1;
  }

  /** Where the issues stand: a table read a first time and then another way (title-groups.ts) rolls back to it. */
  mark(): ContextMark {
    return { issues: this.issues.length, ambiguousFlagged: this.ambiguousFlagged };
  }

  rollback(m: ContextMark): void {
    this.issues.length = m.issues;
    this.ambiguousFlagged = m.ambiguousFlagged;
  }

  add(severity: Severity, code: string, r: number | null, c: number | null, message: string): void {
    this.issues.push(issue(severity, code, this.sheet, r === null || c === null ? null : this.addr(r, c), message));
  }

  /** Common handling of blanks, markers and error values; returns the value or null. */
  private settle<T>(p: Parsed<T>, r: number, c: number, what: string, badCode: string, badMessage: (text: string, reason?: string) => string): T | null {
    switch (p.kind) {
      case 'value':
        return p.value;
      case 'blank':
        return null;
      case 'marker':
        this.add('info', 'BLANK_MARKER', r, c, `"${p.text}" in ${what} is read as blank. Leave the cell empty or enter a value.`);
        return null;
      case 'error':
        this.add('warning', 'EXCEL_ERROR', r, c, `${what} shows the Excel error ${p.text}; it is read as blank. Fix the formula or enter a value.`);
        return null;
      case 'bad':
        this.add('warning', badCode, r, c, badMessage(p.text, p.reason));
        return null;
    }
  }

  date(r: number, c: number | undefined, what: string): number | null {
    if (c === undefined) return null;
    const v = this.value(r, c);
    // Fast path for the common case (a serial in range, 1900 system): no result object to allocate.
    if (typeof v === 'number' && !this.options.date1904 && v >= 1 && v < LAST_SERIAL + 1) return this.plausible(Math.floor(v), r, c, what);
    if (v === null || v === undefined || v === '') return null;
    // Likewise for an ISO date typed as text; an impossible one (2026-02-30) takes the path below to its issue.
    if (typeof v === 'string') {
      const iso = plainIsoSerial(v);
      if (typeof iso === 'number') return this.plausible(iso, r, c, what);
      const serial = this.byColumnConvention(v, c);
      if (serial !== null) return this.plausible(serial, r, c, what);
    }
    const p = parseDate(v, this.options.dateOrder, this.options.date1904);
    if (p.kind === 'value' && p.ambiguous !== true) return this.plausible(p.value, r, c, what);
    if (p.kind === 'value' && p.ambiguous && !this.ambiguousFlagged && !this.columnDates.has(c)) {
      this.ambiguousFlagged = true;
      const order = this.options.dateOrder === 'MDY' ? 'month/day/year' : this.options.dateOrder === 'DMY' ? 'day/month/year' : 'year/month/day where it can be, else day/month/year';
      this.add('info', 'DATE_AMBIGUOUS', r, c,
        `Dates like "${String(this.value(r, c))}" could be day/month or month/day; this sheet is read as ${order} (${isoFromSerial(p.value)}). Change the date order in settings (or --date-order on the command line) if that is wrong, or type dates as 2026-03-04.`);
    }
    if (p.kind === 'value') return this.plausible(p.value, r, c, what);
    return this.settle(p, r, c, what, 'DATE_UNREADABLE', (t, reason) =>
      `${what} "${t}" ${reason ?? 'is not a date the roll-up can read'}. Enter a date such as 2026-01-15 or 15 Jan 2026.`);
  }

  /** A numeric text date read by its column's convention (inferred from all the column's values), or null. */
  private byColumnConvention(v: string, c: number): number | null {
    const column = this.columnDates.get(c);
    const numeric = column !== undefined ? splitNumericDate(v) : null;
    return column !== undefined && numeric !== null ? serialInOrder(numeric, column.order, column.reference) : null;
  }

  /** A date or a range in one cell ("08.10.18 - 14.10.18 (KW 41)"): a single date is both start and finish. */
  dateRange(r: number, c: number, what: string): { start: number | null; finish: number | null } {
    const v = this.value(r, c);
    if (typeof v !== 'string') {
      const d = this.date(r, c, what);
      return { start: d, finish: d };
    }
    const parts = rangeParts(v);
    const read = (text: CellValue): number | null => this.dateOfText(text, r, c, what);
    const start = read(parts[0]);
    return { start, finish: parts.length > 1 ? read(parts[1]) : start };
  }

  /** A date typed as text, read by the column's convention, else by the general parser. */
  private dateOfText(v: CellValue, r: number, c: number, what: string): number | null {
    const serial = typeof v === 'string' ? this.byColumnConvention(v, c) : null;
    if (serial !== null) return this.plausible(serial, r, c, what);
    const p = parseDate(v, this.options.dateOrder, this.options.date1904);
    if (p.kind === 'value') return this.plausible(p.value, r, c, what);
    return this.settle(p, r, c, what, 'DATE_UNREADABLE', (t, reason) =>
      `${what} "${t}" ${reason ?? 'is not a date the roll-up can read'}. Enter a date such as 2026-01-15, or a range such as 2026-01-15 - 2026-01-20.`);
  }

  /** A date decades away from the rest of its table is a typo (2062 for 2026): flagged at its cell, not used. */
  private plausible(serial: number, r: number, c: number, what: string): number | null {
    const ref = this.dateReference;
    if (ref === null || Math.abs(serial - ref) <= IMPLAUSIBLE) return serial;
    this.add('warning', 'DATE_IMPLAUSIBLE', r, c,
      `${what} ${isoFromSerial(serial)} is decades away from the other dates of this table (around ${isoFromSerial(ref)}); it is left out. Check the year.`);
    return null;
  }

  percent(r: number, c: number | undefined, what: string): number | null {
    if (c === undefined) return null;
    const v = this.value(r, c);
    if (typeof v === 'number' && v >= 0 && v <= 1) return v;
    if (v === null || v === undefined || v === '') return null;
    const p = parsePercent(v);
    // Returning here spares the message closure below for every readable cell.
    if (p.kind === 'value') return p.value;
    if (p.kind === 'bad' && p.reason === 'range') {
      this.add('warning', 'PERCENT_OUT_OF_RANGE', r, c, `${what} "${p.text}" is outside 0-100 %; it is ignored. Enter a value from 0 % to 100 %.`);
      return null;
    }
    return this.settle(p, r, c, what, 'PERCENT_UNREADABLE', (t) => `${what} "${t}" is not a percentage. Enter 50 %, 50 or 0.5.`);
  }

  money(r: number, c: number | undefined, what: string): number | null {
    if (c === undefined) return null;
    const v = this.value(r, c);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (v === null || v === undefined || v === '') return null;
    const p = parseMoney(v);
    if (p.kind === 'value') return p.value;
    return this.settle(p, r, c, what, 'MONEY_UNREADABLE', (t) => `${what} "${t}" is not an amount. Enter a number such as 125000 or $125,000.`);
  }

  number(r: number, c: number | undefined, what: string): number | null {
    if (c === undefined) return null;
    return this.settle(parseNumber(this.value(r, c)), r, c, what, 'NUMBER_UNREADABLE', (t) => `${what} "${t}" is not a number.`);
  }

  /** Text of a cell; error values become an issue and null, markers stay as text (they are meaningful notes). */
  text(r: number, c: number | undefined, what: string): string | null {
    if (c === undefined) return null;
    const v = this.value(r, c);
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') {
      const t = v.trim();
      if (t === '') return null;
      if (t.charCodeAt(0) === 35 && isExcelError(t)) {
        this.add('warning', 'EXCEL_ERROR', r, c, `${what} shows the Excel error ${t}; it is read as blank. Fix the formula or enter a value.`);
        return null;
      }
      return t;
    }
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
    return v ? 'TRUE' : 'FALSE';
  }
}
