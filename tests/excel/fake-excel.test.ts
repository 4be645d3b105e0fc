// The fake must fail where Excel fails, or the adapter tests prove nothing.
import { FakeExcel, FakeOfficeError } from './fake/fake-excel';
import { fillSheet, newSheet } from './fake/model';

function ctxOf(excel: FakeExcel) {
  return excel.newContext();
}

describe('fake Excel behaves like Excel where it matters', () => {
  it('throws PropertyNotLoaded for a property read before load + sync', async () => {
    const excel = new FakeExcel([newSheet('A')]);
    const context = ctxOf(excel);
    const sheets = context.workbook.worksheets;
    expect(() => sheets.items).toThrow(FakeOfficeError);
    sheets.load('items/name');
    expect(() => sheets.items).toThrow(/not available/);
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['A']);
    // visibility was not loaded.
    expect(() => sheets.items[0].visibility).toThrow(/visibility/);
  });

  it('rejects load() with no properties', () => {
    const context = ctxOf(new FakeExcel([newSheet('A')]));
    expect(() => context.workbook.worksheets.load()).toThrow(/name the properties/);
  });

  it('resolves getUsedRangeOrNullObject at sync, with isNullObject for an empty sheet', async () => {
    const excel = new FakeExcel([fillSheet(newSheet('Data'), [[1, 'x'], [null, 2]], { row: 2, col: 1 }), newSheet('Empty')]);
    const context = ctxOf(excel);
    const used = context.workbook.worksheets.getItem('Data').getUsedRangeOrNullObject(true);
    const empty = context.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject(true);
    used.load('address,values');
    empty.load('address');
    // eslint-disable-next-line office-addins/call-sync-before-read -- the point: reading before sync must throw
    expect(() => used.isNullObject).toThrow();
    await context.sync();
    expect(used.isNullObject).toBe(false);
    expect(used.address).toBe('Data!B3:C4');
    expect(used.values).toEqual([[1, 'x'], ['', 2]]);
    expect(empty.isNullObject).toBe(true);
  });

  it('fails at sync with ItemNotFound for a missing sheet, and applies nothing queued after it', async () => {
    const excel = new FakeExcel([newSheet('A')]);
    const context = ctxOf(excel);
    context.workbook.worksheets.getItem('Nope').getRange('A1').values = [[1]];
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(excel.sheet('A').cells.size).toBe(0);
  });

  it('queues writes until sync, interprets strings as Excel does, and counts syncs and bytes', async () => {
    const excel = new FakeExcel([newSheet('A')]);
    const context = ctxOf(excel);
    context.workbook.worksheets.getItem('A').getRange('A1:D1').values = [['=1+1', "'=1+1", '42', 'text']];
    expect(excel.sheet('A').cells.size).toBe(0);
    await context.sync();
    expect(excel.cell('A', 'A1')).toMatchObject({ formula: '=1+1' });
    expect(excel.cell('A', 'B1')).toMatchObject({ value: '=1+1', quotePrefix: true });
    expect(excel.cell('A', 'C1')?.value).toBe(42);
    expect(excel.cell('A', 'D1')?.value).toBe('text');
    expect(context.syncCount).toBe(1);
    expect(context.requestBytesPerSync[0]).toBeGreaterThan(JSON.stringify([['=1+1', "'=1+1", '42', 'text']]).length);
  });

  it('rejects a values array that does not match the range size', async () => {
    const excel = new FakeExcel([newSheet('A')]);
    const context = ctxOf(excel);
    context.workbook.worksheets.getItem('A').getRange('A1:B2').values = [[1, 2]];
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('enforces the request and response size limits', async () => {
    const excel = new FakeExcel([fillSheet(newSheet('A'), [['x'.repeat(500)]])]);
    excel.maxRequestBytes = 100;
    excel.maxResponseBytes = 100;
    const context = ctxOf(excel);
    context.workbook.worksheets.getItem('A').getRange('B1').values = [['y'.repeat(200)]];
    await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const r = context.workbook.worksheets.getItem('A').getRange('A1');
    r.load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('refuses to delete the last visible sheet and to add a duplicate name', async () => {
    const excel = new FakeExcel([newSheet('A')]);
    const context = ctxOf(excel);
    context.workbook.worksheets.getItem('A').delete();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    context.workbook.worksheets.add('a');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  it('keeps names pointing at a renamed sheet and turns them to #REF! when it is deleted', async () => {
    const excel = new FakeExcel([newSheet('A'), newSheet('B')]);
    const context = ctxOf(excel);
    context.workbook.names.add('PR_OWNED_summary', context.workbook.worksheets.getItem('B').getRange('A1'));
    context.workbook.worksheets.getItem('B').name = 'C';
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    await context.sync();
    expect(names.items.map((n) => [n.name, n.formula])).toEqual([['PR_OWNED_summary', '=C!$A$1']]);
    context.workbook.worksheets.getItem('C').delete();
    names.load('items/formula');
    await context.sync();
    expect(names.items[0].formula).toBe('=#REF!');
  });

  it('reports cell-edit mode on every sync', async () => {
    const excel = new FakeExcel([newSheet('A')]);
    excel.cellEditMode = true;
    await expect(ctxOf(excel).sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });
});
