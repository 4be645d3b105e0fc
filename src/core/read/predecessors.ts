/**
 * MS Project predecessor syntax: "12", "12FS", "12SS+2d", "12FF-1d", "12SF+1w", "12FS+3ed", and across
 * projects "PLAT:12FS+2d" or "'Platform Build':12". Several are separated by commas or semicolons.
 * Project names are kept as written here; the reader resolves them to project IDs once all sheets are read.
 */
import type { LagUnit, LinkType } from '../model';

export interface ParsedLink {
  /** Project as written (ID or sheet name), or null for the task's own project. */
  project: string | null;
  task: string;
  type: LinkType;
  lag: number;
  lagUnit: LagUnit;
  text: string;
}

export type LinkParse = { ok: true; link: ParsedLink } | { ok: false; text: string; reason: string };

const PREFIX = /^(?:'([^']+)'|"([^"]+)"|([^:'"]+?))\s*:\s*(.+)$/;
const BODY = /^([A-Za-z0-9][A-Za-z0-9._-]*?)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(\d+(?:\.\d+)?)\s*(ed|ew|edays?|ewks?|d|w|days?|wks?|weeks?|edays)?)?$/i;

/**
 * Largest lag or lead accepted, in days of its unit (about 40 years of working days). Schedules never need
 * more, and a bound keeps one mistyped cell ("+99999999d") from pushing dates past Excel's last day
 * (9999-12-31) or growing the working-day calendar without limit: such a link is reported and ignored.
 */
export const MAX_LAG_DAYS = 10_000;

const lagTooLarge = (lag: number): boolean => !(Math.abs(lag) <= MAX_LAG_DAYS);
const LAG_TOO_LARGE = `the lag is larger than ${MAX_LAG_DAYS.toLocaleString('en-US')} days`;

/** Lag in the model's units: weeks become 5 working days, elapsed weeks 7 elapsed days. */
function lagOf(sign: string | undefined, amount: string | undefined, unit: string | undefined): { lag: number; lagUnit: LagUnit } {
  if (amount === undefined) return { lag: 0, lagUnit: 'working' };
  const n = Number(amount) * (sign === '-' ? -1 : 1);
  const u = (unit ?? 'd').toLowerCase();
  if (u.startsWith('e')) return { lag: u.startsWith('ew') ? n * 7 : n, lagUnit: 'elapsed' };
  if (u.startsWith('w')) return { lag: n * 5, lagUnit: 'working' };
  return { lag: n, lagUnit: 'working' };
}

/** Only ASCII digits (at least one): a bare task number. A char loop, as it runs for nearly every task. */
export function isTaskNumber(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Whether the cell holds a separator or a quote, i.e. may hold several links (the /[,;'"]/ test, by char codes). */
export function mayHoldSeveral(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44 || code === 59 || code === 39 || code === 34 || code === 38) return true; // , ; ' " &
  }
  return false;
}

/** How a bare task number ("12") links: finish-to-start, no lag (and to a task of the same project). */
export const BARE_LINK: Readonly<Pick<ParsedLink, 'type' | 'lag' | 'lagUnit'>> = { type: 'FS', lag: 0, lagUnit: 'working' };

/** The trimmed text when it is a bare task number, else null. */
export function bareTaskNumber(raw: string): string | null {
  const text = raw.trim();
  return isTaskNumber(text) ? text : null;
}

/** The link a bare task number (as bareTaskNumber returns it) stands for. */
export function bareLink(taskNumber: string): ParsedLink {
  return { project: null, task: taskNumber, type: BARE_LINK.type, lag: BARE_LINK.lag, lagUnit: BARE_LINK.lagUnit, text: taskNumber };
}

const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;
/** F or S in either case, as 70 (F) or 83 (S); 0 for anything else. */
const typeLetter = (code: number): number => (code === 70 || code === 102 ? 70 : code === 83 || code === 115 ? 83 : 0);
const LINK_TYPES: Record<number, LinkType> = { [70 * 256 + 83]: 'FS', [83 * 256 + 83]: 'SS', [70 * 256 + 70]: 'FF', [83 * 256 + 70]: 'SF' };

/**
 * The next most common form, a task number with a link type and/or a whole-day or whole-week lag and no
 * spaces ("12SS", "12FS+2d", "7ff-1w", "3+1ed"), read by char codes into exactly what BODY and lagOf make of
 * it. Null for anything else (letters in the ID, spaces, decimals, longer unit names), which BODY then reads.
 */
function compactLink(text: string): ParsedLink | null {
  let i = 0;
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  const idEnd = i;
  if (idEnd === 0) return null;
  let type: LinkType = 'FS';
  const first = typeLetter(text.charCodeAt(i));
  const second = typeLetter(text.charCodeAt(i + 1));
  if (first !== 0 && second !== 0) {
    type = LINK_TYPES[first * 256 + second];
    i += 2;
  }
  if (i === text.length) return { project: null, task: text.slice(0, idEnd), type, lag: 0, lagUnit: 'working', text };
  const sign = text.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return null; // + -
  const from = ++i;
  let n = 0;
  while (i < text.length && isDigitCode(text.charCodeAt(i))) n = n * 10 + (text.charCodeAt(i++) - 48);
  if (i === from || i - from > 15) return null; // no amount, or too long to sum exactly
  n *= sign === 45 ? -1 : 1;
  const lag = lagInUnit(n, text, i);
  return lag === null ? null : { project: null, task: text.slice(0, idEnd), type, lag: lag.lag, lagUnit: lag.lagUnit, text };
}

/** The unit from `at` to the end, as lagOf reads it: none or d, w, ed, ew (any case); null for anything else. */
function lagInUnit(n: number, text: string, at: number): { lag: number; lagUnit: LagUnit } | null {
  const unit = text.length - at;
  const a = unit > 0 ? text.charCodeAt(at) | 32 : 0; // lower case
  const b = unit > 1 ? text.charCodeAt(at + 1) | 32 : 0;
  if (unit === 0 || (unit === 1 && a === 100)) return { lag: n, lagUnit: 'working' }; // d
  if (unit === 1 && a === 119) return { lag: n * 5, lagUnit: 'working' }; // w
  if (unit === 2 && a === 101 && (b === 100 || b === 119)) return { lag: b === 119 ? n * 7 : n, lagUnit: 'elapsed' }; // ed, ew
  return null;
}

export function parseOneLink(raw: string): LinkParse {
  // Most predecessors are a bare task number, and most others compact: skip the regexes for them.
  const bare = bareTaskNumber(raw);
  if (bare !== null) return { ok: true, link: bareLink(bare) };
  const text = raw.trim();
  const compact = compactLink(text);
  if (compact !== null) return lagTooLarge(compact.lag) ? { ok: false, text, reason: LAG_TOO_LARGE } : { ok: true, link: compact };
  let project: string | null = null;
  let body = text;
  const p = text.includes(':') ? PREFIX.exec(text) : null;
  if (p) {
    project = (p[1] ?? p[2] ?? p[3]).trim();
    body = p[4].trim();
    if (project === '') return { ok: false, text, reason: 'the project name before ":" is empty' };
  }
  const m = BODY.exec(body);
  if (!m) return { ok: false, text, reason: 'expected a task ID optionally followed by FS/SS/FF/SF and a lag such as +2d' };
  const type = (m[2] ?? 'FS').toUpperCase() as LinkType;
  const { lag, lagUnit } = lagOf(m[3], m[4], m[5]);
  if (lagTooLarge(lag)) return { ok: false, text, reason: LAG_TOO_LARGE };
  return { ok: true, link: { project, task: m[1], type, lag, lagUnit, text } };
}

/** Splits a predecessor cell on commas, semicolons and ampersands ("1.2.1 & 1.1.6"), outside quotes, and parses each part. */
export function parsePredecessorCell(text: string): LinkParse[] {
  if (!mayHoldSeveral(text)) return text.trim() === '' ? [] : [parseOneLink(text)];
  const parts: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      cur += ch;
    } else if (ch === ',' || ch === ';' || ch === '&') {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((s) => s.trim()).filter((s) => s !== '').map(parseOneLink);
}

/**
 * A lag typed on its own (Dependencies register): "2d", "+3ed", "-1w", or a number of working days. Null when
 * unreadable or beyond MAX_LAG_DAYS.
 */
export function parseLag(text: string): { lag: number; lagUnit: LagUnit } | null {
  const m = /^([+-])?\s*(\d+(?:\.\d+)?)\s*(ed|ew|edays?|ewks?|d|w|days?|wks?|weeks?)?$/i.exec(text.trim());
  if (!m) return null;
  const lag = lagOf(m[1], m[2], m[3]);
  return lagTooLarge(lag.lag) ? null : lag;
}
