/**
 * The optional Capacity table: one row per person with a capacity (a percentage of full time, or hours per
 * week, 40 hours = full time) and the dates the person does not work. People it does not list are taken as
 * full time with the program calendar.
 */
import type { Capacity } from '../model';
import type { SheetContext } from './context';
import type { ColumnMap } from './headers';
import { buildLookup, matchRow, normalizeHeader } from './headers';
import { parseDate } from './cells';
import { TASK_HEADER_SCAN_ROWS, rowIsBlank } from './tables';

export type CapacityField = 'person' | 'capacity' | 'nonWorking';

export const CAPACITY_HEADERS: Record<CapacityField, string[]> = {
  // Not plain "Name": a task table headed "Name" must never be taken for a capacity table.
  person: ['Person', 'Resource', 'Resource Name', 'Team Member', 'Employee'],
  capacity: ['Capacity', 'Availability', 'Max Units', 'Max. Units', 'Capacity (%)', 'Hours per Week', 'Hours/Week', 'Weekly Hours', 'Capacity (h/week)'],
  nonWorking: ['Non-working Dates', 'Non-working Days', 'Leave', 'Days Off', 'Time Off', 'Unavailable', 'Absences', 'Holidays'],
};

const CAPACITY_LOOKUP = buildLookup(CAPACITY_HEADERS);
/** Hours that make a full-time week. */
export const FULL_TIME_HOURS = 40;

export interface CapacityHeader {
  row: number;
  cols: ColumnMap<CapacityField>;
  /** The capacity column is in hours per week (its heading says hours). */
  hours: boolean;
}

export function findCapacityHeader(ctx: SheetContext): CapacityHeader | null {
  const n = Math.min(ctx.rows.length, TASK_HEADER_SCAN_ROWS);
  for (let r = 0; r < n; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    const { cols } = matchRow(row, CAPACITY_LOOKUP);
    if (cols.person !== undefined && cols.capacity !== undefined) {
      const heading = normalizeHeader(String(row[cols.capacity]));
      return { row: r, cols, hours: /hour|hrs|hw$/.test(heading) };
    }
  }
  return null;
}

/**
 * 80 %, "80%", 0.8 and 80 are 80 % of full time; in an hours column, 32 and "32h" are 32 of 40 hours.
 * Returns null for what cannot be read.
 */
export function parseCapacity(v: unknown, hours: boolean): number | null {
  let text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (text === '') return null;
  const inHours = hours || /\d\s*(h|hrs?|hours?)\b/.test(text);
  const pct = text.includes('%');
  text = text.replace(/(h|hrs?|hours?)(\s*\/\s*w(ee)?k)?|%/g, '').replace(',', '.').trim();
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) return null;
  if (inHours && !pct) return n / FULL_TIME_HOURS;
  return pct || n > 1.5 ? n / 100 : n;
}

export function readCapacity(ctx: SheetContext, header: CapacityHeader): Capacity[] {
  const { cols } = header;
  const used = Object.values(cols) as number[];
  const out: Capacity[] = [];
  for (let r = header.row + 1; r < ctx.rows.length; r++) {
    if (rowIsBlank(ctx.rows[r], used)) continue;
    const person = ctx.text(r, cols.person, 'Person');
    if (person === null) {
      ctx.add('warning', 'CAPACITY_INCOMPLETE', r, cols.person as number, `Capacity row ${ctx.sheetRow(r)} names no person; it is ignored. Write the person's name as in the task sheets.`);
      continue;
    }
    const raw = ctx.value(r, cols.capacity);
    let capacity = parseCapacity(raw, header.hours);
    if (capacity === null) {
      if (raw !== null && raw !== undefined && raw !== '') {
        ctx.add('warning', 'CAPACITY_UNREADABLE', r, cols.capacity as number,
          `Capacity "${String(raw)}" for ${person} is not a percentage or hours per week; full time is used. Write 80%, 0.8 or 32h.`);
      }
      capacity = 1;
    }
    out.push({ person, capacity, nonWorking: nonWorkingDates(ctx, r, cols.nonWorking, person), source: { sheet: ctx.sheet, cell: ctx.addr(r, cols.person as number) } });
  }
  return out;
}

/** "2026-05-04; 2026-05-11 to 2026-05-15" -> each date; a single serial is one date. */
function nonWorkingDates(ctx: SheetContext, r: number, c: number | undefined, person: string): number[] {
  if (c === undefined) return [];
  const v = ctx.value(r, c);
  if (typeof v === 'number') {
    const d = ctx.date(r, c, 'Non-working date');
    return d === null ? [] : [d];
  }
  if (typeof v !== 'string' || v.trim() === '') return [];
  const out: number[] = [];
  const bad: string[] = [];
  const one = (t: string): number | null => {
    const p = parseDate(t.trim(), ctx.options.dateOrder, ctx.options.date1904);
    return p.kind === 'value' ? p.value : null;
  };
  for (const part of v.split(/[;,\n]+/)) {
    const t = part.replace(/\s+/g, ' ').trim();
    if (t === '') continue;
    const range = /^(.+?)\s+(?:to|until|–|—|\.\.)\s+(.+)$/i.exec(t) ?? /^(.+?)\.\.(.+)$/.exec(t);
    if (range) {
      const a = one(range[1]);
      const b = one(range[2]);
      // A range longer than a year is a typo, not leave.
      if (a !== null && b !== null && b >= a && b - a <= 366) for (let d = a; d <= b; d++) out.push(d);
      else bad.push(t);
      continue;
    }
    const d = one(t);
    if (d === null) bad.push(t);
    else out.push(d);
  }
  if (bad.length > 0) {
    ctx.add('warning', 'DATE_UNREADABLE', r, c, `Non-working date "${bad.join('", "')}" for ${person} cannot be read; it is ignored. Write dates like 2026-05-04, ranges like 2026-05-04 to 2026-05-08.`);
  }
  return out;
}
