// The host's own rules, checked through Microsoft's client: what Excel enforces, with Excel's error codes.
import { ExcelHost, MAX_CELLS_PER_READ } from './host/excel-host';
import { interpretEntry } from './host/entry';
import { fillSheet, newSheet } from './fake/model';

const code = (p: Promise<unknown>): Promise<unknown> => p.then(() => 'ok', (e: unknown) => (e as { code?: string }).code);

describe('the Excel test host', () => {
  it('refuses requests and responses over 5 MB on the web, not on the desktop', async () => {
    const write = (excel: ExcelHost) =>
      excel.run({}, async (context) => {
        context.workbook.worksheets.getItem('A').getRange('A1:A2').values = [['x'.repeat(3_000_000)], ['y'.repeat(3_000_000)]];
        await context.sync();
      });
    const web = new ExcelHost([newSheet('A')]);
    expect(await code(write(web))).toBe('RequestPayloadSizeLimitExceeded');
    expect(web.sheet('A').cells.size).toBe(0);
    const desktop = new ExcelHost([newSheet('A')], { setting: 'desktop' });
    expect(await code(write(desktop))).toBe('ok');
    const read = (excel: ExcelHost) =>
      excel.run({}, async (context) => {
        const r = context.workbook.worksheets.getItem('A').getRange('A1:A2');
        r.load('values');
        await context.sync();
      });
    expect(await code(read(desktop))).toBe('ok');
    desktop.setting = 'web';
    expect(await code(read(desktop))).toBe('ResponsePayloadSizeLimitExceeded');
  });

  it('answers a read of more than 5 M cells with values: null', async () => {
    const sheet = fillSheet(newSheet('A'), [['a']]);
    sheet.cells.set('999999,5', { value: 'stray' });
    const excel = new ExcelHost([sheet]);
    const got = await excel.run({}, async (context) => {
      const used = context.workbook.worksheets.getItem('A').getUsedRangeOrNullObject(true);
      used.load('values,rowCount,columnCount');
      await context.sync();
      return { values: used.values as unknown, cells: used.rowCount * used.columnCount };
    });
    expect(got.cells).toBeGreaterThan(MAX_CELLS_PER_READ);
    expect(got.values).toBeNull();
  });

  it('fails in cell-edit mode unless the run asked to wait for it', async () => {
    const excel = new ExcelHost([newSheet('A')]);
    excel.cellEditMode = true;
    const list = (options: Excel.RunOptions) =>
      excel.run(options, async (context) => {
        context.workbook.worksheets.load('items/name');
        await context.sync();
      });
    expect(await code(list({}))).toBe('InvalidOperationInCellEditMode');
    expect(await code(list({ delayForCellEdit: true }))).toBe('ok');
    expect(excel.delayedForCellEdit).toBe(1);
  });

  it.each([
    ['History', 'InvalidArgument'],
    ['history', 'InvalidArgument'],
    ['x'.repeat(32), 'InvalidArgument'],
    ['a/b', 'InvalidArgument'],
    ['a[1]', 'InvalidArgument'],
    ["'quoted'", 'InvalidArgument'],
    ['plan', 'ItemAlreadyExists'],
    ['x'.repeat(31), 'ok'],
  ])('checks the sheet name %j', async (name, expected) => {
    const excel = new ExcelHost([newSheet('Plan')]);
    const add = excel.run({}, async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });
    expect(await code(add)).toBe(expected);
  });

  it.each([
    ['My Table', 'InvalidArgument'],
    ['AB12', 'InvalidArgument'],
    ['R1C1', 'InvalidArgument'],
    ['PR_OWNED_summary', 'ItemAlreadyExists'],
    ['Budget_2026', 'ok'],
  ])('checks the table name %j (tables share a namespace with defined names)', async (name, expected) => {
    const sheet = fillSheet(newSheet('Plan'), [['h'], [1]]);
    const excel = new ExcelHost([sheet]);
    excel.model.names.push({ name: 'PR_OWNED_summary', sheetId: sheet.id, address: '$A$1' });
    const add = excel.run({}, async (context) => {
      context.workbook.worksheets.getItem('Plan').tables.add('A1:A2', true).name = name;
      await context.sync();
    });
    expect(await code(add)).toBe(expected);
  });

  it('draws a chart series only from non-empty data', async () => {
    const sheet = fillSheet(newSheet('Plan'), [[null, 3], [null, 4]]);
    const excel = new ExcelHost([sheet]);
    await excel.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.charts.add('ColumnClustered', ws.getRange('A1:A2'), 'Columns');
      ws.charts.add('ColumnClustered', ws.getRange('B1:B2'), 'Columns');
      await context.sync();
    });
    expect(excel.sheet('Plan').charts.map((c) => c.series.length)).toEqual([0, 1]);
    const getFirst = excel.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.charts.add('ColumnClustered', ws.getRange('A1:A2'), 'Columns').series.getItemAt(0).name = 'x';
      await context.sync();
    });
    expect(await code(getFirst)).toBe('ItemNotFound');
  });

  it.each([
    ['May 2026', 'number'],
    ['#N/A', 'error'],
    ['1/2', 'number'],
    ['00123', 'number'],
    ['TRUE', 'boolean'],
    ['1E5', 'number'],
    ['12:30', 'number'],
    ['5%', 'number'],
    ["'May 2026", 'text'],
    ['Alpha', 'text'],
    ['=1+1', 'formula'],
  ])('converts %j on entry as Excel does', (typed, kind) => {
    const cell = interpretEntry(typed);
    const got = cell.formula ? 'formula' : cell.error ? 'error' : typeof cell.value === 'string' ? 'text' : typeof cell.value;
    expect(got).toBe(kind);
  });

  it('leaves the actions before a failing one applied, as Office.js does', async () => {
    const excel = new ExcelHost([newSheet('A')]);
    const run = excel.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      ws.getRange('A1').values = [['kept']];
      context.workbook.worksheets.getItem('Missing').getRange('A1').values = [['never']];
      await context.sync();
    });
    expect(await code(run)).toBe('ItemNotFound');
    expect(excel.cell('A', 'A1')?.value).toBe('kept');
  });
});
