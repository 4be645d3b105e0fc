/**
 * One date convention per column. A PM's column is typed one way throughout, so "26/3/15" is read together
 * with every other value of its column: a part above 12 settles which part is the day, a weekday name must
 * agree with the date ("Mon 03.01.22" is 3 January 2022, a Monday, not 1 March, a Tuesday), and the years
 * must be plausible against the other dates of the table ("26/3/31" is 2026-03-31, not 26 March 1931). The
 * inference is reported once per column; what stays ambiguous falls back to the date-order setting.
 */
import type { CellValue } from '../grid';
import type { DateOrder } from './cells';
import { isoFromSerial, plainIsoSerial, serialFromYmd } from './cells';

/** A date further than this from the table's other dates is a typo, not a plan (about 20 years). */
export const IMPLAUSIBLE_DAYS = 7305;

const ORDERS: readonly DateOrder[] = ['YMD', 'MDY', 'DMY'];

/** Weekday names and abbreviations (en, de, fr, es, pt, it, nl), 0 = Sunday; and the CJK day characters. */
const WEEKDAYS: Record<string, number> = {};
const WEEKDAY_LISTS: [number, string[]][] = [
  [0, ['sun', 'sunday', 'so', 'sonntag', 'dim', 'dimanche', 'dom', 'domingo', 'domenica', 'zo', 'zondag']],
  [1, ['mon', 'monday', 'mo', 'montag', 'lun', 'lundi', 'lunes', 'seg', 'segunda', 'lunedi', 'ma', 'maandag']],
  [2, ['tue', 'tues', 'tuesday', 'di', 'dienstag', 'mar', 'mardi', 'martes', 'ter', 'terca', 'martedi', 'dinsdag']],
  [3, ['wed', 'wednesday', 'mi', 'mittwoch', 'mer', 'mercredi', 'mie', 'miercoles', 'qua', 'quarta', 'mercoledi', 'wo', 'woensdag']],
  [4, ['thu', 'thur', 'thurs', 'thursday', 'do', 'donnerstag', 'jeu', 'jeudi', 'jue', 'jueves', 'qui', 'quinta', 'gio', 'giovedi', 'donderdag']],
  [5, ['fri', 'friday', 'fr', 'freitag', 'ven', 'vendredi', 'vie', 'viernes', 'sex', 'sexta', 'venerdi', 'vr', 'vrijdag']],
  [6, ['sat', 'saturday', 'sa', 'samstag', 'sam', 'samedi', 'sab', 'sabado', 'sabato', 'za', 'zaterdag']],
];
for (const [n, names] of WEEKDAY_LISTS) for (const w of names) WEEKDAYS[w] = n;
const CJK_WEEKDAYS: Record<string, number> = { 日: 0, 月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 天: 0 };

/** A numeric text date split into its parts: "Mon 03.01.22" -> weekday 1, parts [3, 1, 22]. */
export interface NumericDate {
  weekday: number | null;
  parts: [string, string, string];
  separator: string;
}

const LEADING_WEEKDAY = /^([A-Za-zÀ-ÿ]{2,9})\.?,?\s+(.*)$/;
const TRAILING_CJK_WEEKDAY = /^(.*?)\s*[(（]([日月火水木金土一二三四五六天])[)）]$/;
const PARTS = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/;

export function splitNumericDate(raw: string): NumericDate | null {
  let t = raw.trim();
  let weekday: number | null = null;
  const lead = LEADING_WEEKDAY.exec(t);
  if (lead) {
    const w = WEEKDAYS[lead[1].normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()];
    if (w === undefined) return null;
    weekday = w;
    t = lead[2];
  } else {
    const trail = TRAILING_CJK_WEEKDAY.exec(t);
    if (trail) {
      weekday = CJK_WEEKDAYS[trail[2]] ?? null;
      t = trail[1];
    }
  }
  const m = PARTS.exec(t);
  if (!m) return null;
  return { weekday, parts: [m[1], m[3], m[4]], separator: m[2] };
}

function year(y: string): number {
  const n = Number(y);
  // Two-digit years: Excel's own rule (00-29 -> 2000s, 30-99 -> 1900s); inference below overrides it when
  // the rest of the table says otherwise.
  if (y.length <= 2) return n < 30 ? 2000 + n : 1900 + n;
  return n;
}

/** Two-digit years read near the reference year instead of by Excel's fixed window. */
function yearNear(y: string, reference: number | null): number {
  if (y.length > 2 || reference === null) return year(y);
  const n = Number(y);
  const refYear = Number(isoFromSerial(reference).slice(0, 4));
  const century = Math.floor(refYear / 100) * 100;
  const candidates = [century - 100 + n, century + n, century + 100 + n];
  return candidates.reduce((a, b) => (Math.abs(b - refYear) < Math.abs(a - refYear) ? b : a));
}

/** Serial of a numeric date under an order, or null when that order makes no calendar date of it. */
export function serialInOrder(d: NumericDate, order: DateOrder, reference: number | null = null): number | null {
  const [a, b, c] = d.parts;
  if (order === 'YMD') {
    if (a.length === 3 || c.length > 2) return null;
    return serialFromYmd(yearNear(a, reference), Number(b), Number(c));
  }
  if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return null;
  const y = yearNear(c, reference);
  return order === 'MDY' ? serialFromYmd(y, Number(a), Number(b)) : serialFromYmd(y, Number(b), Number(a));
}

/** Weekday (0 = Sunday) of a 1900-system serial. Serial 1 (1900-01-01) was a Monday... in Excel's calendar. */
function weekdayOf(serial: number): number {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86400000).getUTCDay();
}

export interface ColumnDates {
  /** The order numeric text dates of this column are read in. */
  order: DateOrder;
  /** Two-digit years read near this serial (the table's other dates), or null for Excel's window. */
  reference: number | null;
  /** "serial", "ISO", "d/m/yy", "weekday d.m.yy", ...; mixed columns list each. */
  convention: string;
  /** True when the values allow more than one order and the setting decided. */
  ambiguous: boolean;
  /** A value that shows the choice, e.g. "26/3/15 = 2026-03-15". */
  example?: string;
  /** Index of that value among the values given. */
  exampleIndex?: number;
  /** Why: "a part above 12", "weekday names", "years near the other dates", "the date-order setting". */
  basis?: string;
}

interface Score {
  order: DateOrder;
  invalid: number;
  weekdayMismatch: number;
  implausible: number;
  /** Mean distance from the reference date, in whole years. */
  years: number;
  serials: (number | null)[];
}

const MAX_SAMPLES = 5000;

/**
 * The convention of one column from all of its values. `reference` is a typical date of the table (median of
 * its serial and ISO dates, or the status date); `fallback` is the setting used when the values allow
 * several readings that differ.
 */
export function inferColumnDates(values: readonly CellValue[], reference: number | null, fallback: DateOrder): ColumnDates {
  const samples: { raw: string; d: NumericDate; at: number }[] = [];
  let serials = 0;
  let iso = 0;
  let otherText = 0;
  for (let at = 0; at < values.length; at++) {
    const v = values[at];
    if (typeof v === 'number') serials++;
    else if (typeof v === 'string' && v.trim() !== '') {
      if (plainIsoSerial(v) !== undefined) iso++;
      else {
        const d = splitNumericDate(v);
        if (d === null) otherText++;
        else if (samples.length < MAX_SAMPLES) samples.push({ raw: v.trim(), d, at });
      }
    }
  }
  const kinds: string[] = [];
  if (serials > 0) kinds.push('serial');
  if (iso > 0) kinds.push('ISO');
  if (samples.length === 0) {
    if (otherText > 0) kinds.push('text');
    return { order: fallback, reference, convention: kinds.join(' + ') || 'none', ambiguous: false };
  }
  const scores: Score[] = ORDERS.map((order) => {
    const s: Score = { order, invalid: 0, weekdayMismatch: 0, implausible: 0, years: 0, serials: [] };
    let distance = 0;
    let counted = 0;
    for (const { d } of samples) {
      const serial = serialInOrder(d, order, reference);
      s.serials.push(serial);
      if (serial === null) {
        s.invalid++;
        continue;
      }
      if (d.weekday !== null && weekdayOf(serial) !== d.weekday) s.weekdayMismatch++;
      if (reference !== null ? Math.abs(serial - reference) > IMPLAUSIBLE_DAYS : serial < 29221 || serial > 73051) s.implausible++;
      if (reference !== null) {
        distance += Math.abs(serial - reference);
        counted++;
      }
    }
    // Whole years only: 03/04 vs 04/03 of one year stay a tie (ambiguous); 2026 vs 2015 does not.
    s.years = counted === 0 ? 0 : Math.floor(distance / counted / 365);
    return s;
  });
  const cost = (s: Score): number => s.invalid * 1e12 + s.weekdayMismatch * 1e8 + s.implausible * 1e4 + s.years;
  scores.sort((a, b) => cost(a) - cost(b));
  const best = scores.filter((s) => cost(s) === cost(scores[0]));
  const differ = best.some((s) => s.serials.some((v, i) => v !== best[0].serials[i]));
  const chosen = differ ? (best.find((s) => s.order === fallback) ?? best[0]) : best[0];
  // The example is a value the choice decided, where there is one (03/04/2026, not 05/05/2026).
  let first = differ ? samples.findIndex((_, i) => best.some((s) => s.serials[i] !== chosen.serials[i])) : -1;
  if (first < 0) first = samples.findIndex((_, i) => chosen.serials[i] !== null);
  const example = first >= 0 ? `${samples[first].raw} = ${isoFromSerial(chosen.serials[first] as number)}` : undefined;
  const basis = differ ? 'the date-order setting' : basisOf(scores, chosen);
  kinds.push(label(samples[0].d, chosen.order));
  const out: ColumnDates = { order: chosen.order, reference, convention: kinds.join(' + '), ambiguous: differ, basis };
  if (example !== undefined) {
    out.example = example;
    out.exampleIndex = samples[first].at;
  }
  return out;
}

function basisOf(scores: Score[], chosen: Score): string {
  const others = scores.filter((s) => s !== chosen);
  if (others.every((s) => s.invalid > chosen.invalid)) return 'values that fit no other order';
  if (others.every((s) => s.invalid > chosen.invalid || s.weekdayMismatch > chosen.weekdayMismatch)) return 'the weekday names';
  return 'years near the other dates of the table';
}

function label(d: NumericDate, order: DateOrder): string {
  const sep = d.separator;
  const y = (order === 'YMD' ? d.parts[0] : d.parts[2]).length <= 2 ? 'yy' : 'yyyy';
  const body = order === 'YMD' ? [y, 'm', 'd'] : order === 'MDY' ? ['m', 'd', y] : ['d', 'm', y];
  return `${d.weekday !== null ? 'weekday ' : ''}${body.join(sep)}`;
}

/** A range typed in one cell: "08.10.18 - 14.10.18 (KW 41)", "3/2 – 3/6", "2026-01-05 to 2026-01-09"; notes in brackets dropped. */
export function splitRange(raw: string): [string, string] | null {
  const t = raw.replace(/\s*[(（][^)）]*[)）]\s*/g, ' ').trim();
  const m = /^(.+?)\s*(?:\s[-–—]\s|\s?[–—~～]\s?|\s+(?:to|bis|au|al|a|até|tot|через)\s+)\s*(.+)$/i.exec(t);
  return m ? [m[1].trim(), m[2].trim()] : null;
}

/** The parts of a date-or-range cell, for column inference and reading: one part or two. */
export function rangeParts(v: CellValue): CellValue[] {
  if (typeof v !== 'string') return [v];
  const r = splitRange(v);
  return r === null ? [v.replace(/\s*[(（][^)）]*[)）]\s*/g, ' ').trim()] : r;
}

/** Median of the serial and ISO dates among these values (a typical date of the table), or null. */
export function typicalDate(columns: readonly (readonly CellValue[])[]): number | null {
  const found: number[] = [];
  for (const values of columns) {
    for (const v of values) {
      if (typeof v === 'number' && v > 3000 && v < 2958466) found.push(Math.floor(v));
      else if (typeof v === 'string') {
        const s = plainIsoSerial(v.trim());
        if (typeof s === 'number') found.push(s);
      }
      // A few hundred dates give the median as well as thousands would.
      if (found.length >= 400) break;
    }
  }
  if (found.length === 0) return null;
  found.sort((a, b) => a - b);
  return found[found.length >> 1];
}
