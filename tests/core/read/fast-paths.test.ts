/**
 * The reader reads the everyday cells (ISO dates, plain and comma-grouped amounts, "50%", bare task numbers)
 * by char codes instead of regexes. These tests hold those fast paths to the results the general paths give:
 * against a Date-based calendar, and on the edge forms that must still fall through to the general path.
 */
import { isoFromSerial, numberFromText, parseDate, parseMoney, parsePercent, serialFromYmd } from '../../../src/core/read/cells';
import { parseOneLink, parsePredecessorCell } from '../../../src/core/read/predecessors';
import { isTextLowered } from '../../../src/core/read/row-kinds';
import { normalizeHeader } from '../../../src/core/read/headers';

const v = <T>(p: { kind: string; value?: T }): T | string => (p.kind === 'value' ? (p.value as T) : p.kind);

/** The calendar check as it was written before: a Date round trip. */
function referenceSerial(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  const serial = Math.round((ms - Date.UTC(1899, 11, 30)) / 86400000);
  return serial >= 1 ? serial : null;
}

describe('calendar', () => {
  test('serialFromYmd agrees with a Date round trip, leap years and month ends included', () => {
    for (const y of [1899, 1900, 1901, 1904, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9999, 10000]) {
      for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) expect([y, m, d, serialFromYmd(y, m, d)]).toEqual([y, m, d, referenceSerial(y, m, d)]);
    }
  });

  test('every ISO date from 1900 to 2100 reads back as its serial', () => {
    const first = serialFromYmd(1900, 1, 1) ?? 0;
    const last = serialFromYmd(2100, 12, 31) ?? 0;
    for (let s = first; s <= last; s++) {
      const p = parseDate(isoFromSerial(s), 'MDY', false);
      if (p.kind !== 'value' || p.value !== s) expect([s, p]).toEqual([s, { kind: 'value', value: s }]);
    }
  });

  test.each<[string, number | string]>([
    ['2024-02-29', 45351], ['2023-02-29', 'bad'], ['1900-02-29', 'bad'], ['2026/01/15', 46037], ['2026.01.15', 46037], ['2026-1-15', 46037],
    [' 2026-01-15 ', 46037], ['2026-01-15T10:00', 46037], ['2026-13-01', 'bad'], ['2026-00-10', 'bad'], ['2026-01-00', 'bad'], ['20260115', 'bad'],
  ])('%p -> %p', (input, expected) => {
    expect(v(parseDate(input, 'MDY', false))).toBe(expected);
  });
});

describe('amounts', () => {
  test.each<[string, number | null]>([
    ['1200', 1200], ['0.25', 0.25], ['.5', 0.5], ['007', 7], ['1,200', 1200], ['$1,200', 1200], ['€12,345,678', 12345678], ['¥1000', 1000],
    ['5.', null], ['.', null], ['1,2345', null], ['1,20,000', null], [',200', null], ['$', null], ['1' + '0'.repeat(400), null],
    ['12345678901234567890', 12345678901234567890], ['1,234.5', 1234.5], ['$ 1,200', 1200], ['-1,200', -1200], ['1.5k', 1500],
  ])('%p -> %p', (input, expected) => {
    expect(numberFromText(input)).toBe(expected);
  });

  test.each<[string, number | string]>([['$1,200', 1200], ['(1,200)', -1200], ['1,2345', 'bad'], ['TBD', 'marker'], ['#N/A', 'error']])('money %p -> %p', (input, expected) => {
    expect(v(parseMoney(input))).toBe(expected);
  });

  test.each<[string, number | string]>([['50%', 0.5], ['$50%', 0.5], ['5 %', 0.05], ['12.5%', 0.125], ['%', 'bad'], ['150%', 'bad'], ['1,000%', 'bad'], ['0%', 0]])(
    'percent %p -> %p', (input, expected) => {
      const got = v(parsePercent(input));
      if (typeof expected === 'number') expect(got).toBeCloseTo(expected, 10);
      else expect(got).toBe(expected);
    });
});

describe('bare task numbers', () => {
  test.each(['12', ' 12 ', '007'])('%p is a finish-to-start link to that task', (text) => {
    expect(parseOneLink(text)).toEqual({ ok: true, link: { project: null, task: text.trim(), type: 'FS', lag: 0, lagUnit: 'working', text: text.trim() } });
  });
  test.each(['12a', '1.2', '１２', '12 FS'])('%p is not a bare number but still parses as before', (text) => {
    expect(parseOneLink(text).ok).toBe(text !== '１２');
  });
  test('a cell of one bare number is one link; separators and quotes still split', () => {
    expect(parsePredecessorCell('12')).toHaveLength(1);
    expect(parsePredecessorCell('1;2, 3')).toHaveLength(3);
    expect(parsePredecessorCell("'A, B':3")).toHaveLength(1);
  });
});

describe('text compared without new strings', () => {
  const plain = (v: string, lower: string): boolean => v.trim().toLowerCase() === lower;
  test.each<[string, string]>([
    ['Task Name', 'task name'], [' TASK NAME\t', 'task name'], ['Task Names', 'task name'], ['Task 1000', 'task name'], ['', ''], [' ', ''],
    ['\u00a0Task Name', 'task name'], ['Tâche', 'tâche'], ['TÂCHE', 'tâche'], ['\u212Aey', 'key'], ['İd', 'i̇d'], ['Task\u3000', 'task'], ['a\u0001', 'a'],
  ])('%p against %p agrees with trim().toLowerCase()', (v, lower) => {
    expect(isTextLowered(v, lower)).toBe(plain(v, lower));
  });
  test('random ASCII and Latin text agrees with trim().toLowerCase()', () => {
    const chars = ' \t\nAaZz09.-_ÀàßİK\u212A\u00a0';
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let k = 0; k < 5000; k++) {
      const s = Array.from({ length: rnd(6) }, () => chars[rnd(chars.length)]).join('');
      for (const lower of [s.trim().toLowerCase(), s.toLowerCase(), 'a', '']) expect([s, lower, isTextLowered(s, lower)]).toEqual([s, lower, plain(s, lower)]);
    }
  });
  test('a heading key is the same asked once or many times', () => {
    for (const h of ['% Complete', 'Predecessor(s)', 'N° tâche', 'タスク名', 'x'.repeat(100)]) expect(normalizeHeader(h)).toBe(normalizeHeader(h));
    expect(normalizeHeader('% Complete')).toBe('pctcomplete');
  });
});
