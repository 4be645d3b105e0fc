import { mergeWorkbooks } from '../../src/cli/merge';

describe('mergeWorkbooks', () => {
  it('keeps every grid in order, tags its workbook and renames a sheet name already taken', () => {
    const { input, notes } = mergeWorkbooks([
      { name: 'a.xlsx', input: { grids: [{ sheet: 'Platform', values: [[1]] }, { sheet: 'Holidays', values: [[2]] }] } },
      { name: 'b.xlsx', input: { grids: [{ sheet: 'holidays', values: [[3]] }, { sheet: 'Web', values: [[4]] }] } },
    ]);
    expect(input.grids.map((g) => [g.sheet, g.workbook, g.values[0][0]])).toEqual([
      ['Platform', 'a.xlsx', 1],
      ['Holidays', 'a.xlsx', 2],
      ['holidays (b.xlsx)', 'b.xlsx', 3],
      ['Web', 'b.xlsx', 4],
    ]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/holidays \(b\.xlsx\)/);
  });

  it('leaves out a workbook whose date system differs from the first, and says so', () => {
    const { input, notes } = mergeWorkbooks([
      { name: 'a.xlsx', input: { grids: [{ sheet: 'A', values: [[1]] }], date1904: false } },
      { name: 'mac.xlsx', input: { grids: [{ sheet: 'B', values: [[2]] }], date1904: true } },
    ]);
    expect(input.grids.map((g) => g.sheet)).toEqual(['A']);
    expect(input.date1904).toBe(false);
    expect(notes[0]).toMatch(/mac\.xlsx uses the 1904 date system/);
  });
});
