import { originOfAddress, readWorkbookGrids } from '../../src/excel/read-workbook';
import { ExcelHost } from './host/excel-host';
import { fillSheet, newSheet } from './fake/model';
import { DANGEROUS_NAME, projectSheets } from './plan-fixture';

describe('readWorkbookGrids', () => {
  it.each([5, 200])('reads %i project sheets in two syncs', async (n) => {
    const excel = new ExcelHost(projectSheets(n, 10));
    const read = await excel.run({}, (context) => readWorkbookGrids(context));
    expect(read.syncs).toBe(2);
    expect(excel.contexts[0].syncCount).toBe(2);
    expect(read.input.grids).toHaveLength(n);
    const g = read.input.grids[0];
    expect(g.sheet).toBe('Project 1');
    expect(g.values[0]).toEqual(['Project', 'Project 1', '', '', '', '', '']);
    expect(g.values[4][1]).toBe(DANGEROUS_NAME);
    expect(g.values).toHaveLength(4 + 10);
    expect(read.sheets).toHaveLength(n);
  });

  it('keeps the used range origin, hidden state, ownership and stored settings', async () => {
    const data = fillSheet(newSheet('Offset'), [['ID', 'Task'], [1, 'Design']], { row: 3, col: 2 });
    const hidden = fillSheet(newSheet('Secret', 'Hidden'), [['x']]);
    const summary = fillSheet(newSheet('Program Summary'), [['old']]);
    const empty = newSheet('Blank');
    const excel = new ExcelHost([data, hidden, summary, empty]);
    excel.model.names.push({ name: 'PR_OWNED_summary', sheetId: summary.id, address: '$A$1' });
    excel.model.names.push({ name: 'PR_OWNED_issues', sheetId: null, address: '$A$1' });
    excel.model.names.push({ name: 'SomeUserName', sheetId: data.id, address: '$A$1' });
    excel.model.settings.set('programRollup.settings', '{"version":1}');
    const read = await excel.run({}, (context) => readWorkbookGrids(context));
    const [g0, g1, g2, g3] = read.input.grids;
    expect(g0).toEqual({ sheet: 'Offset', values: [['ID', 'Task'], [1, 'Design']], origin: { row: 3, col: 2 } });
    expect(g1.hidden).toBe(true);
    expect(g2.ownedRole).toBe('summary');
    expect(g3).toEqual({ sheet: 'Blank', values: [] });
    expect(read.owned).toEqual([
      { role: 'summary', sheetName: 'Program Summary', marker: 'PR_OWNED_summary' },
      { role: 'issues', sheetName: '', marker: 'PR_OWNED_issues' },
    ]);
    expect(read.storedSettings).toBe('{"version":1}');
  });

  it('falls back to chunked reads when the response would pass the size limit', async () => {
    const big = newSheet('Big');
    const rows = Array.from({ length: 3000 }, (_, r) => Array.from({ length: 40 }, (_, c) => r * 100 + c + 0.123456));
    fillSheet(big, rows);
    const excel = new ExcelHost([big, ...projectSheets(3, 5)]);
    excel.maxResponseBytes = 1_500_000;
    const read = await excel.run({}, (context) => readWorkbookGrids(context));
    expect(read.syncs).toBeGreaterThan(2);
    const g = read.input.grids[0];
    expect(g.values).toHaveLength(3000);
    expect(g.values[2999][39]).toBe(2999 * 100 + 39 + 0.123456);
    expect(read.input.grids[1].values[0][1]).toBe('Project 1');
    expect(Math.max(...excel.contexts[0].responseBytesPerSync.slice(2))).toBeLessThanOrEqual(1_500_000);
  });

  it.each([
    [false, undefined],
    [true, true],
  ])('asks Excel for its date system in the first sync (1904: %s), writing nothing', async (date1904, expected) => {
    const excel = new ExcelHost(projectSheets(2, 3));
    excel.model.date1904 = date1904;
    const before = JSON.stringify([...excel.model.sheets.map((s) => [...s.cells.entries()])]);
    const read = await excel.run({}, (context) => readWorkbookGrids(context));
    expect(read.input.date1904).toBe(expected);
    expect(read.syncs).toBe(2);
    expect(excel.contexts[0].requestBytesPerSync[0]).toBeLessThan(2000);
    expect(JSON.stringify([...excel.model.sheets.map((s) => [...s.cells.entries()])])).toBe(before);
  });

  it.each([
    ['Q3 Portfolio.xlsx', 'Q3 Portfolio'],
    ['Book1.xlsx', undefined],
    ['Book 2', undefined],
  ])('titles the input after the workbook %s', async (name, title) => {
    const excel = new ExcelHost(projectSheets(1, 3));
    excel.model.name = name;
    const read = await excel.run({}, (context) => readWorkbookGrids(context));
    expect(read.input.title).toBe(title);
    expect(read.syncs).toBe(2);
  });

  it('parses used-range origins', () => {
    expect(originOfAddress("'My Sheet'!C4:D9")).toEqual({ row: 3, col: 2 });
    expect(originOfAddress('Sheet1!AA10')).toEqual({ row: 9, col: 26 });
  });
});
