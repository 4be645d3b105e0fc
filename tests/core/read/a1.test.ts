import { a1, a1Range, colIndex, colLetters, parseA1 } from '../../../src/core/a1';

describe('A1 helpers', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s and back', (idx, letters) => {
    expect(colLetters(idx)).toBe(letters);
    expect(colIndex(letters)).toBe(idx);
    expect(colIndex(letters.toLowerCase())).toBe(idx);
  });

  test('a1 and ranges', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(9, 27)).toBe('AB10');
    expect(a1Range(2, 3, 0, 0)).toBe('A1:D3');
    expect(a1Range(4, 1, 4, 1)).toBe('B5');
  });

  test('parseA1 round-trips and rejects junk', () => {
    for (let r = 0; r < 50; r += 7) for (let c = 0; c < 800; c += 37) expect(parseA1(a1(r, c))).toEqual({ row: r, col: c });
    expect(parseA1('$C$12')).toEqual({ row: 11, col: 2 });
    expect(parseA1('A0')).toBeNull();
    expect(parseA1('12')).toBeNull();
    expect(colIndex('A1')).toBeNull();
  });

  test('bad indexes are rejected loudly (programming error, not data)', () => {
    expect(() => colLetters(-1)).toThrow(RangeError);
    expect(() => a1(-1, 0)).toThrow(RangeError);
  });
});
