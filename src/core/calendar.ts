/**
 * Working-day calendar on whole-day Excel serials (1900 date system). Serial 1 = 1900-01-01 and Excel's
 * phantom 1900-02-29 is serial 60, so from serial 61 (1900-03-01) on, serial s is 1899-12-30 + s days.
 * The weekday of serial s (s >= 61) is (s + 6) % 7 with 0 = Sunday.
 *
 * Arithmetic is O(1) after a lazily grown index: ord[s] counts the working days before s, and
 * `work[i]` is the i-th working day. Network passes call workdayAdd hundreds of thousands of times, so
 * walking day by day is not an option.
 */

const MS_PER_DAY = 86_400_000;
/** Serial 0 as a UTC epoch in ms, valid for serials >= 61 (after Excel's phantom leap day). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfSerial(serial: number): number {
  const s = Math.floor(serial);
  return (((s + 6) % 7) + 7) % 7;
}

/** Serial -> "YYYY-MM-DD". Serials below 61 fall in Excel's broken early 1900 and are mapped as Excel shows them. */
export function serialToIso(serial: number): string {
  const s = Math.floor(serial);
  if (s === 60) return '1900-02-29';
  const shifted = s < 60 ? s + 1 : s; // before the phantom day, Excel is off by one
  const d = new Date(SERIAL_EPOCH_MS + shifted * MS_PER_DAY);
  return d.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" -> serial, or null when the text is not a real calendar date. */
export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const da = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, da);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== y || d.getUTCMonth() !== mo - 1 || d.getUTCDate() !== da) return null;
  const s = Math.round((ms - SERIAL_EPOCH_MS) / MS_PER_DAY);
  return s < 61 ? s - 1 : s;
}

/** A JS Date (its UTC calendar day) -> serial. */
export function dateToSerial(date: Date): number {
  return isoToSerial(date.toISOString().slice(0, 10)) ?? 0;
}

export interface CalendarOptions {
  /** 0 = Sunday … 6 = Saturday; default Saturday and Sunday. */
  weekendDays?: readonly number[];
  holidays?: readonly number[];
}

const CHUNK = 4096;
/**
 * The index never leaves Excel's date range: serial 1 (1900-01-01) to 2,958,465 (9999-12-31), plus the day
 * after for inclusive counts. A date pushed past either end (a huge lag, a task at 9999-12-31 with work left)
 * saturates at the last (first) working day instead of growing the index until memory runs out.
 */
export const CALENDAR_FIRST_SERIAL = 1;
export const CALENDAR_LAST_SERIAL = 2_958_465;
const INDEX_LO = CALENDAR_FIRST_SERIAL;
const INDEX_HI = CALENDAR_LAST_SERIAL + 1;
const clampSerial = (s: number): number => (s < INDEX_LO ? INDEX_LO : s > INDEX_HI ? INDEX_HI : s);

export class WorkCalendar {
  readonly weekendDays: ReadonlySet<number>;
  readonly holidays: ReadonlySet<number>;
  /** First serial covered by the index. */
  private lo = 0;
  /** Ordinal of the first working day at or after lo (kept stable when the index grows downwards). */
  private base = 0;
  /** ord[i] = working days in [lo, lo + i). Length = covered days + 1. */
  private ord: Int32Array = new Int32Array(1);
  /** work[i] = serial of the i-th working day at or after lo. */
  private work: Int32Array = new Int32Array(0);
  private readonly allWeekend: boolean;

  constructor(options: CalendarOptions = {}) {
    const weekend = options.weekendDays ?? [0, 6];
    this.weekendDays = new Set(weekend.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6));
    this.holidays = new Set((options.holidays ?? []).map((h) => Math.floor(h)));
    // A calendar with every weekday off would never find a working day: treat it as "no weekends".
    this.allWeekend = this.weekendDays.size >= 7;
    this.build(40_000, 50_000);
    this.base = 0;
  }

  isWorkday(serial: number): boolean {
    const s = Math.floor(serial);
    if (!this.allWeekend && this.weekendDays.has(weekdayOfSerial(s))) return false;
    return !this.holidays.has(s);
  }

  /**
   * Stable working-day ordinal: the index of the first working day at or after serial. Ordinals of
   * working days are consecutive integers, so network passes can do plain integer arithmetic on them.
   */
  ordinal(serial: number): number {
    // NaN would index nothing: it counts as the first day, which the analysis never reaches with real dates.
    const s = clampSerial(Math.floor(serial) || INDEX_LO);
    this.cover(s);
    return this.base + this.ord[s - this.lo];
  }

  /** The working day with the given ordinal. */
  fromOrdinal(k: number): number {
    let i = k - this.base;
    while (i < 0 || i >= this.work.length) {
      const hi = this.lo + this.ord.length - 1;
      // At an end of Excel's range: saturate at the first or last working day rather than grow further.
      if (i < 0 && this.lo <= INDEX_LO) return this.work.length > 0 ? this.work[0] : INDEX_LO;
      if (i >= this.work.length && hi >= INDEX_HI) return this.work.length > 0 ? this.lastWorkday() : INDEX_HI;
      if (i < 0) this.build(Math.max(INDEX_LO, this.lo - Math.max(CHUNK, -i * 2)), hi);
      else this.build(this.lo, Math.min(INDEX_HI, hi + Math.max(CHUNK, (i - this.work.length + 1) * 2)));
      i = k - this.base;
    }
    return this.work[i];
  }

  /** The last working day of the index that is still a real Excel date (INDEX_HI is only there for counts). */
  private lastWorkday(): number {
    const last = this.work[this.work.length - 1];
    return last > CALENDAR_LAST_SERIAL && this.work.length > 1 ? this.work[this.work.length - 2] : last;
  }

  /** The serial itself when it is a working day, else the next working day. */
  nextWorkday(serial: number): number {
    return this.fromOrdinal(this.ordinal(serial));
  }

  /** The serial itself when it is a working day, else the previous working day. */
  prevWorkday(serial: number): number {
    const s = Math.floor(serial);
    return this.isWorkday(s) ? s : this.fromOrdinal(this.ordinal(s) - 1);
  }

  /**
   * Moves n working days from serial. n = 0 rolls a non-working day forward to the next working day;
   * n > 0 steps forward (from a non-working day the first step lands on the next working day);
   * n < 0 steps back.
   */
  workdayAdd(serial: number, n: number): number {
    const s = Math.floor(serial);
    const k = Math.trunc(n);
    const idx = this.ordinal(s);
    if (k > 0 && !this.isWorkday(s)) return this.fromOrdinal(idx + k - 1);
    return this.fromOrdinal(idx + k);
  }

  /** Working days from a to b: for working days a and b, workdayAdd(a, diff) === b. Negative when b < a. */
  workdayDiff(a: number, b: number): number {
    return this.ordinal(b) - this.ordinal(a);
  }

  /** Working days in [start, finish] inclusive (0 when finish < start). */
  workdaysInclusive(start: number, finish: number): number {
    const a = Math.floor(start);
    const b = Math.floor(finish);
    if (b < a) return 0;
    return this.ordinal(b + 1) - this.ordinal(a);
  }

  /** Elapsed lag: add calendar days, then roll forward to the next working day. */
  elapsedAdd(serial: number, days: number): number {
    return this.nextWorkday(clampSerial(Math.floor(serial) + Math.trunc(days)));
  }

  /** Makes sure serial s (and s + 1) are inside the index. */
  private cover(s: number): void {
    const hi = this.lo + this.ord.length - 1;
    if (s >= this.lo && (s + 1 <= hi || hi >= INDEX_HI)) return;
    this.build(Math.max(INDEX_LO, Math.min(this.lo, s - CHUNK)), Math.min(INDEX_HI, Math.max(hi, s + CHUNK)));
  }

  private build(lo: number, hi: number): void {
    const n = hi - lo + 1;
    const ord = new Int32Array(n);
    const work = new Int32Array(n);
    let count = 0;
    // isWorkday inlined with the weekday stepped instead of recomputed: a date near 9999-12-31 makes this
    // cover about three million days, which must stay a fraction of a second.
    const weekend = [0, 1, 2, 3, 4, 5, 6].map((d) => !this.allWeekend && this.weekendDays.has(d));
    const holidays = this.holidays.size > 0 ? this.holidays : null;
    let wd = weekdayOfSerial(lo);
    for (let i = 0; i < n; i++) {
      ord[i] = count;
      if (!weekend[wd] && (holidays === null || !holidays.has(lo + i))) work[count++] = lo + i;
      wd = wd === 6 ? 0 : wd + 1;
    }
    // Keep ordinals stable: the old lo keeps the ordinal it had.
    if (this.work.length > 0 || this.ord.length > 1) this.base -= ord[this.lo - lo];
    this.lo = lo;
    this.ord = ord;
    this.work = work.slice(0, count);
  }
}
