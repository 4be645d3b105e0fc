import { DATE1904_OFFSET, isoFromSerial, parseDate, parseFlag, parseMoney, parsePercent, serialFromYmd } from '../../../src/core/read/cells';

const v = <T>(p: { kind: string; value?: T }): T | string => (p.kind === 'value' ? (p.value as T) : p.kind);

describe('serials', () => {
  test('known anchors of the 1900 system', () => {
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(serialFromYmd(2026, 1, 15)).toBe(46037);
    expect(isoFromSerial(46037)).toBe('2026-01-15');
    expect(serialFromYmd(2026, 2, 31)).toBeNull();
  });
});

describe('dates', () => {
  const jan15 = serialFromYmd(2026, 1, 15);
  test.each<[string | number, 'MDY' | 'DMY', number | null, boolean]>([
    [46037, 'MDY', jan15, false],
    [46037.75, 'MDY', jan15, false],
    ['46037', 'MDY', jan15, false],
    ['2026-01-15', 'MDY', jan15, false],
    ['2026-01-15T00:00:00Z', 'MDY', jan15, false],
    ['2026/1/15', 'MDY', jan15, false],
    ['15 Jan 2026', 'MDY', jan15, false],
    ['15-Jan-2026', 'MDY', jan15, false],
    ['15-Jan-26', 'DMY', jan15, false],
    ['15 January 2026', 'MDY', jan15, false],
    ['Jan 15, 2026', 'DMY', jan15, false],
    ['January 15 2026', 'MDY', jan15, false],
    ['Thu, 15 Jan 2026', 'MDY', jan15, false],
    ['1/15/2026', 'DMY', jan15, false],
    ['15/01/2026', 'MDY', jan15, false],
    ['15.01.2026', 'MDY', jan15, false],
    ['03/04/2026', 'MDY', serialFromYmd(2026, 3, 4), true],
    ['03/04/2026', 'DMY', serialFromYmd(2026, 4, 3), true],
    ['05/05/2026', 'DMY', serialFromYmd(2026, 5, 5), false],
  ])('%p (%s) reads as %p', (input, order, expected, ambiguous) => {
    const p = parseDate(input, order, false);
    expect(v(p)).toBe(expected);
    expect(p.kind === 'value' && p.ambiguous === true).toBe(ambiguous);
  });

  test.each(['soon', '31/02/2026', '2026-13-01', 'Foo 12, 2026', '-5', true])('%p is unreadable', (input) => {
    expect(parseDate(input, 'MDY', false).kind).toBe('bad');
  });

  test('1904 serials are normalised to the 1900 system; text dates are not shifted', () => {
    expect(v(parseDate(46037 - DATE1904_OFFSET, 'MDY', true))).toBe(46037);
    expect(v(parseDate('2026-01-15', 'MDY', true))).toBe(46037);
  });

  test.each(['n/a', 'N/A', '-', 'TBD', 'tbc'])('%p is a blank marker', (input) => {
    expect(parseDate(input, 'MDY', false).kind).toBe('marker');
  });
  test.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!'])('%p is an Excel error', (input) => {
    expect(parseDate(input, 'MDY', false).kind).toBe('error');
  });
  test.each([null, '', '   '])('%p is blank', (input) => {
    expect(parseDate(input, 'MDY', false).kind).toBe('blank');
  });
});

describe('percent', () => {
  test.each<[string | number, number]>([
    [0.5, 0.5], [50, 0.5], ['50%', 0.5], ['50 %', 0.5], ['50', 0.5], ['0.5', 0.5], [1, 1], [100, 1], ['100%', 1], [0, 0], ['0%', 0], ['12.5%', 0.125],
  ])('%p -> %p', (input, expected) => {
    expect(v(parsePercent(input))).toBeCloseTo(expected, 10);
  });
  test.each([150, '150%', -0.1, '-5%'])('%p is out of range', (input) => {
    const p = parsePercent(input);
    expect(p.kind === 'bad' && p.reason).toBe('range');
  });
  test('text that is no percent', () => {
    expect(parsePercent('half').kind).toBe('bad');
  });
});

describe('money', () => {
  test.each<[string | number, number]>([
    [125000, 125000], ['125000', 125000], ['$125,000', 125000], ['$ 1,250,000.50', 1250000.5], ['€3.5k', 3500], ['£2m', 2000000],
    ['USD 4,000', 4000], ['4,000 EUR', 4000], ['(1,200)', -1200], ['-$300', -300], ['1 234 567', 1234567], ["1'000", 1000],
  ])('%p -> %p', (input, expected) => {
    expect(v(parseMoney(input))).toBe(expected);
  });
  test.each(['lots', '1,23,4', '$'])('%p is unreadable', (input) => {
    expect(parseMoney(input).kind).toBe('bad');
  });
});

describe('flags', () => {
  test.each<[string | number | boolean, boolean]>([
    ['yes', true], ['Y', true], ['TRUE', true], ['x', true], [1, true], [true, true], ['no', false], [0, false], ['N', false], [false, false],
  ])('%p -> %p', (input, expected) => {
    expect(v(parseFlag(input))).toBe(expected);
  });
});
