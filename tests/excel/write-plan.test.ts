import { applyPlan, batchSteps, charsToPoints, needsQuotePrefix, resolveSheetNames, toExcelValue } from '../../src/excel/write-plan';
import { readWorkbookGrids } from '../../src/excel/read-workbook';
import { ExcelHost } from './host/excel-host';
import { fillSheet, newSheet, workbookSnapshot } from './fake/model';
import { DANGEROUS_NAME, makePlan, projectSheets } from './plan-fixture';

const all = (): boolean => true;

async function rollOnce(excel: ExcelHost, n: number, supports: (v: string) => boolean = all) {
  return excel.run({}, async (context) => {
    const read = await readWorkbookGrids(context);
    const report = await applyPlan(context, makePlan(n), read.owned, {
      existingSheets: read.sheets,
      existingTables: read.tables,
      existingNames: read.names,
      supports,
    });
    return { read, report, ctx: excel.contexts[excel.contexts.length - 1] };
  });
}

describe('applyPlan on the fake Excel', () => {
  it.each([5, 200])('writes %i projects faithfully in one write sync after two read syncs', async (n) => {
    const excel = new ExcelHost(projectSheets(n, 5));
    const { read, report, ctx } = await rollOnce(excel, n);
    expect(read.syncs).toBeLessThanOrEqual(2);
    expect(report.syncs).toBeLessThanOrEqual(2);
    expect(ctx.syncCount).toBe(read.syncs + report.syncs);
    expect(report.notes).toEqual([]);
    expect(report.sheetNames.summary).toBe('Program Summary');

    const s = excel.sheet('Program Summary');
    // Values: header and every project row, numbers as numbers.
    expect(excel.cell('Program Summary', 'A4')?.value).toBe('Project');
    expect(excel.cell('Program Summary', `A${5 + n - 1}`)?.value).toBe(n === 1 ? DANGEROUS_NAME : `Project ${n}`);
    expect(excel.cell('Program Summary', 'B6')?.value).toBeCloseTo(0.85);
    expect(excel.cell('Program Summary', 'B2')?.value).toBe(46100);
    // Text safety: a task called =HYPERLINK(...) stays text, and "-5 days" is not a formula.
    const danger = excel.cell('Program Summary', 'A5');
    expect(danger?.value).toBe(DANGEROUS_NAME);
    expect(danger?.formula).toBeUndefined();
    expect(excel.cell('Program Summary', 'B3')?.value).toBe('-5 days is late');
    expect(excel.cell('Program Summary', 'B3')?.formula).toBeUndefined();
    // Formats.
    expect(excel.cell('Program Summary', 'A1')).toMatchObject({ bold: true, fontSize: 16 });
    expect(excel.cell('Program Summary', 'B2')).toMatchObject({ numberFormat: 'yyyy-mm-dd', hAlign: 'Left' });
    expect(excel.cell('Program Summary', 'C5')?.numberFormat).toBe('0.00');
    expect(excel.cell('Program Summary', 'D4')).toMatchObject({ bold: true, fill: '#D9E1F2', wrap: true, borders: ['EdgeBottom'] });
    expect(excel.cell('Program Summary', 'F5')?.borders).toHaveLength(6);
    expect(s.columnWidths.get(0)).toBe(charsToPoints(30));
    expect(s.merges).toEqual(['A1:F1']);
    expect(s.tabColor).toBe('#1F4E79');
    expect(s.showGridlines).toBe(false);
    // Table over the written range.
    expect(s.tables).toEqual([{ name: 'PR_Summary', address: `A4:F${4 + n}`, hasHeaders: true, style: 'TableStyleMedium2', showBandedRows: true }]);
    // Conditional formats, by priority.
    expect(s.conditionalFormats.map((c) => [c.type, c.priority, c.stopIfTrue])).toEqual([
      ['CellValue', 1, true],
      ['ContainsText', 2, true],
      ['Custom', 3, true],
    ]);
    expect(s.conditionalFormats[0].rule).toEqual({ formula1: '0.9', operator: 'LessThan' });
    expect(s.conditionalFormats[1]).toMatchObject({ address: `E5:E${4 + n}`, rule: { operator: 'Contains', text: 'Red' }, fill: '#F8CBAD', fontColor: '#9C0006' });
    // Charts: types, source ranges, invisible series, axes, anchors.
    const [bar, timeline, scatter] = s.charts;
    expect(s.charts.map((c) => c.type)).toEqual(['BarClustered', 'BarStacked', 'XYScatter']);
    expect(bar.series).toEqual([
      expect.objectContaining({ name: 'Variance', values: `'Program Summary'!$D$5:$D$${4 + n}`, xValues: `'Program Summary'!$A$5:$A$${4 + n}`, fill: '#C00000', hasDataLabels: true }),
    ]);
    expect(bar).toMatchObject({ title: 'Finish variance (working days)', legendVisible: false, from: 'J2', to: 'Q20' });
    expect(bar.categoryAxis).toMatchObject({ title: 'Project', reversePlotOrder: true });
    expect(bar.valueAxis).toMatchObject({ title: 'Days', numberFormat: '0' });
    expect(timeline.series[0]).toMatchObject({ name: 'Start', fill: 'cleared', lineStyle: 'None' });
    expect(timeline.series[1]).toMatchObject({ name: 'Duration', values: `'Program Summary'!$B$5:$B$${4 + n}`, fill: '#4472C4' });
    expect(timeline.legendPosition).toBe('Bottom');
    expect(scatter.series[1]).toMatchObject({ chartType: 'XYScatterLines', markerStyle: 'None', values: "'Program Summary'!$I$5:$I$6", xValues: "'Program Summary'!$H$5:$H$6" });
    expect(scatter.series[0]).toMatchObject({ markerColor: '#2F5597' });
    expect(scatter.series[0].lineColor).toBeUndefined();
    expect(scatter.series[0].fill).toBeUndefined();
    expect(scatter.categoryAxis).toMatchObject({ minimum: 0.5, maximum: 1.5 });
    // Hyperlinks to the project sheets, freeze panes, page layout.
    expect(excel.cell('Program Summary', 'A6')?.hyperlink).toEqual({ documentReference: "'Project 2'!A1", screenTip: 'Open Project 2' });
    expect(s.freeze).toEqual({ rows: 4, columns: 1 });
    expect(s.pageLayout).toEqual({ orientation: 'Landscape', fitWide: 1, fitTall: undefined, printTitleRows: '$1:$5' });
    // Ownership markers and the active sheet.
    const names = excel.model.names.map((x) => x.name).sort();
    expect(names).toEqual(['PR_OWNED_issues', 'PR_OWNED_summary']);
    expect(excel.model.activeSheetId).toBe(s.id);
    expect(excel.sheet('Rollup Issues').freeze).toEqual({ rows: 1, columns: 0 });
  });

  it('never writes to project sheets', async () => {
    const excel = new ExcelHost(projectSheets(5, 5));
    const before = JSON.stringify([...excel.sheet('Project 1').cells.entries()]);
    await rollOnce(excel, 5);
    await rollOnce(excel, 5);
    expect(JSON.stringify([...excel.sheet('Project 1').cells.entries()])).toBe(before);
    expect(excel.sheet('Project 3').charts).toEqual([]);
    expect(excel.sheet('Project 3').tables).toEqual([]);
  });

  it('never overwrites a user sheet that has the summary name, and says so', async () => {
    const mine = fillSheet(newSheet('Program Summary'), [['my own notes', 42]]);
    const excel = new ExcelHost([mine, ...projectSheets(5, 5)]);
    const { report } = await rollOnce(excel, 5);
    expect(excel.cell('Program Summary', 'A1')?.value).toBe('my own notes');
    expect(excel.sheet('Program Summary').cells.size).toBe(2);
    expect(report.sheetNames.summary).toBe('Program Summary (2)');
    expect(report.notes.join(' ')).toMatch(/"Program Summary \(2\)"/);
    const ours = excel.sheet('Program Summary (2)');
    // Chart sources and links follow our sheet, not the user's.
    expect(ours.charts[0].series[0].values).toBe("'Program Summary (2)'!$D$5:$D$9");
    expect(excel.cell('Rollup Issues', 'B2')?.hyperlink?.documentReference).toBe("'Program Summary (2)'!A1");

    // Second run replaces our "(2)" sheet and still leaves the user's alone.
    const again = await rollOnce(excel, 5);
    expect(again.report.sheetNames.summary).toBe('Program Summary (2)');
    expect(excel.cell('Program Summary', 'A1')?.value).toBe('my own notes');
    expect(excel.model.sheets.filter((x) => x.name.startsWith('Program Summary')).map((x) => x.name).sort()).toEqual([
      'Program Summary',
      'Program Summary (2)',
    ]);
  });

  it('gives the same workbook when run twice', async () => {
    const excel = new ExcelHost(projectSheets(5, 5));
    await rollOnce(excel, 5);
    const first = JSON.stringify(workbookSnapshot(excel.model));
    const count = excel.model.sheets.length;
    await rollOnce(excel, 5);
    expect(excel.model.sheets.length).toBe(count);
    expect(JSON.stringify(workbookSnapshot(excel.model))).toBe(first);
  });

  it('replaces an owned sheet the user renamed, and ignores a marker whose sheet was deleted', async () => {
    const excel = new ExcelHost(projectSheets(2, 3));
    await rollOnce(excel, 2);
    excel.sheet('Program Summary').name = 'Old summary';
    excel.model.sheets = excel.model.sheets.filter((x) => x.name !== 'Rollup Issues');
    excel.model.names.find((x) => x.name === 'PR_OWNED_issues')!.sheetId = null;
    await rollOnce(excel, 2);
    expect(excel.model.sheets.map((x) => x.name).sort()).toEqual(['Program Summary', 'Project 1', 'Project 2', 'Rollup Issues']);
    expect(excel.model.names.map((x) => x.name).sort()).toEqual(['PR_OWNED_issues', 'PR_OWNED_summary']);
  });

  it('splits a write that would pass the request limit, and never sends an oversize request', async () => {
    const excel = new ExcelHost(projectSheets(3, 3));
    excel.maxRequestBytes = 60_000;
    const result = await excel.run({}, async (context) => {
      const read = await readWorkbookGrids(context);
      return applyPlan(context, makePlan(400), read.owned, { existingSheets: read.sheets, supports: all, requestBudget: 40_000 });
    });
    expect(result.syncs).toBeGreaterThan(2);
    expect(result.notes.join(' ')).toMatch(/written in \d+ parts/);
    const ctx = excel.contexts[0];
    expect(Math.max(...ctx.requestBytesPerSync)).toBeLessThanOrEqual(60_000);
    expect(excel.cell('Program Summary', 'A404')?.value).toBe('Project 400');
    // Large number-format grids are split too, and land on every row.
    expect(excel.cell('Program Summary', 'C404')?.numberFormat).toBe('0.00');
    expect(excel.cell('Program Summary', 'F404')?.numberFormat).toBe('#,##0');
    // Calculation is suspended for every write batch (the last sync only activates the summary).
    expect(ctx.calculationSuspendedSyncs).toBe(result.syncs - 1);
  });

  it('fails loudly (not silently) when one request is too large for Excel', async () => {
    const excel = new ExcelHost(projectSheets(1, 3));
    excel.maxRequestBytes = 10_000;
    await expect(
      excel.run({}, (context) => applyPlan(context, makePlan(200), [], { supports: all })),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('degrades with notes on ExcelApi 1.7 and lists sheets itself when not given them', async () => {
    const excel = new ExcelHost(projectSheets(2, 3));
    const report = await excel.run({}, (context) => applyPlan(context, makePlan(2), [], { supports: (v) => Number(v.split('.')[1]) <= 7 }));
    expect(report.syncs).toBe(3); // list the sheets, write, activate
    expect(report.notes.some((x) => /gridlines/.test(x))).toBe(true);
    expect(report.notes.some((x) => /page layout/.test(x))).toBe(true);
    const s = excel.sheet('Program Summary');
    expect(s.showGridlines).toBe(true);
    expect(s.pageLayout).toEqual({});
    expect(s.charts[0].series[0].hasDataLabels).toBe(true); // ExcelApi 1.7
    expect(s.charts[0].valueAxis.numberFormat).toBeUndefined(); // ExcelApi 1.8
  });
});

describe('write helpers', () => {
  it('keeps every risky string literal', () => {
    for (const s of ['=1+1', '+44 20', '-5', '@SUM(A1)', "'quoted", '12', '2026-01-05', 'TRUE', '.5']) {
      expect(needsQuotePrefix(s)).toBe(true);
      expect(toExcelValue(s)).toBe(`'${s}`);
    }
    expect(toExcelValue('Alpha')).toBe('Alpha');
    expect(toExcelValue({ formula: 'SUM(A1:A2)' })).toBe('=SUM(A1:A2)');
    expect(toExcelValue(null)).toBe('');
    expect(toExcelValue(Number.NaN)).toBe('');
    expect(toExcelValue(3.5)).toBe(3.5);
  });

  it('suffixes only names held by sheets that are not ours', () => {
    const plan = makePlan(1);
    const r = resolveSheetNames(plan, ['Program Summary', 'Program Summary (2)', 'Rollup Issues'], [
      { role: 'issues', sheetName: 'Rollup Issues', marker: 'PR_OWNED_issues' },
    ]);
    expect(r.finalNames).toEqual(['Program Summary (3)', 'Rollup Issues']);
    expect(r.notes).toHaveLength(1);
    const long = { ...plan, sheets: [{ ...plan.sheets[0], name: 'A'.repeat(31) }] };
    const l = resolveSheetNames(long, ['A'.repeat(31)], []);
    expect(l.finalNames[0]).toHaveLength(31);
    expect(l.finalNames[0].endsWith(' (2)')).toBe(true);
  });

  it('batches by budget without splitting a step', () => {
    const b = batchSteps([{ bytes: 5 }, { bytes: 5 }, { bytes: 8 }, { bytes: 20 }, { bytes: 1 }], 10);
    expect(b.map((x) => x.map((s) => s.bytes))).toEqual([[5, 5], [8], [20], [1]]);
  });
});

describe('applyPlan refuses unsafe targets', () => {
  it('never writes over a sheet it does not own, even if told the sheet is absent from the list', async () => {
    const excel = new ExcelHost([fillSheet(newSheet('Rollup Issues'), [['user data']]), ...projectSheets(1, 2)]);
    const plan = makePlan(1);
    // Ownership claimed for a role the plan does not contain must not free the name.
    const report = await excel.run({}, (context) =>
      applyPlan(context, plan, [{ role: 'history', sheetName: 'Rollup Issues', marker: 'PR_OWNED_history' }], { supports: all }),
    );
    expect(report.sheetNames.issues).toBe('Rollup Issues (2)');
    expect(excel.cell('Rollup Issues', 'A1')?.value).toBe('user data');
  });
});

describe('table names', () => {
  it('gives our table a free name when a user table holds it, the same on every run', async () => {
    const user = fillSheet(newSheet('Budget'), [['a'], [1]]);
    user.tables.push({ name: 'PR_Summary', address: 'A1:A2', hasHeaders: true });
    const excel = new ExcelHost([user, ...projectSheets(3, 2)]);
    const first = await rollOnce(excel, 3);
    expect(first.read.tables).toEqual([{ sheet: 'Budget', name: 'PR_Summary' }]);
    expect(first.report.notes.join(' ')).toMatch(/"PR_Summary_2"/);
    expect(excel.sheet('Program Summary').tables.map((t) => t.name)).toEqual(['PR_Summary_2']);
    const snapshot = JSON.stringify(workbookSnapshot(excel.model));
    const second = await rollOnce(excel, 3);
    expect(second.read.tables.map((t) => t.name).sort()).toEqual(['PR_Issues', 'PR_Summary', 'PR_Summary_2']);
    expect(JSON.stringify(workbookSnapshot(excel.model))).toBe(snapshot);
    expect(excel.sheet('Budget').tables).toEqual([{ name: 'PR_Summary', address: 'A1:A2', hasHeaders: true }]);
  });
});

describe('a failed write never leaves a half-written summary', () => {
  /** A workbook with a complete summary from an earlier roll-up, and its snapshot. */
  async function rolledOnce(): Promise<{ excel: ExcelHost; before: string }> {
    const excel = new ExcelHost(projectSheets(3, 2));
    await rollOnce(excel, 3);
    return { excel, before: JSON.stringify(workbookSnapshot(excel.model)) };
  }
  const names = (excel: ExcelHost): string[] => excel.model.sheets.map((s) => s.name);
  /** A failure that happens once, as a transient Excel error would (the cleanup's own renames then work). */
  const once = (pred: (m: string, a: unknown[]) => boolean) => {
    let fired = false;
    return (m: string, a: unknown[]): boolean => !fired && (fired = pred(m, a));
  };

  it.each([
    ['while writing the new content', (m: string) => m === 'charts.add'],
    ['when the old summary steps aside', (m: string, a: unknown[]) => m === 'sheet.name' && String(a[0]).startsWith('~PR_old_1')],
    ['when a new sheet takes its final name', (m: string, a: unknown[]) => m === 'sheet.name' && a[0] === 'Program Summary'],
  ])('restores the previous summary when Excel fails %s', async (_when, failOn) => {
    const { excel, before } = await rolledOnce();
    excel.failOn = once(failOn);
    const error = await rollOnce(excel, 5).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GeneralException', workbookUnchanged: true });
    expect(JSON.stringify(workbookSnapshot(excel.model))).toBe(before);
    expect(names(excel).filter((n) => n.startsWith('~PR'))).toEqual([]);
    // The next roll-up (Excel healthy again) replaces the old summary as usual.
    excel.failOn = null;
    await rollOnce(excel, 5);
    expect(excel.cell('Program Summary', 'A9')?.value).toBe('Project 5');
  });

  it('restores the previous summary when the second part of a split write fails', async () => {
    const { excel, before } = await rolledOnce();
    let seen = 0;
    // The 400-project plan is sent in several parts; fail in a later one.
    excel.failOn = (m) => m === 'range.values' && ++seen === 6;
    const error = await excel.run({}, async (context) => {
      const read = await readWorkbookGrids(context);
      return applyPlan(context, makePlan(400), read.owned, { existingSheets: read.sheets, existingTables: read.tables, supports: all, requestBudget: 40_000 });
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ workbookUnchanged: true });
    const ctx = excel.contexts[1];
    // Two read syncs, at least one write part that landed, the failing part, then list + fix.
    expect(ctx.syncCount).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(workbookSnapshot(excel.model))).toBe(before);
  });

  it('removes its staging sheets when a first roll-up fails, and leaves the project sheets alone', async () => {
    const excel = new ExcelHost(projectSheets(2, 2));
    const before = JSON.stringify(workbookSnapshot(excel.model));
    excel.failOn = (m) => m === 'table.style';
    await expect(rollOnce(excel, 2)).rejects.toMatchObject({ workbookUnchanged: true });
    expect(JSON.stringify(workbookSnapshot(excel.model))).toBe(before);
  });

  it('says so when the new summary was already showing (a failure at the very end)', async () => {
    const { excel } = await rolledOnce();
    excel.failOn = (m, a) => m === 'table.name' && a[0] === 'PR_Summary';
    const error = await rollOnce(excel, 5).catch((e: unknown) => e);
    expect(error).toMatchObject({ workbookUnchanged: false });
    expect(names(excel).filter((n) => n.startsWith('~PR_new'))).toEqual([]);
    expect(names(excel)).toContain('Program Summary');
  });

  it('marks a request that Excel refused outright as leaving the workbook unchanged', async () => {
    const excel = new ExcelHost(projectSheets(1, 3));
    excel.maxRequestBytes = 10_000;
    const before = JSON.stringify(workbookSnapshot(excel.model));
    await expect(excel.run({}, (context) => applyPlan(context, makePlan(200), [], { supports: all }))).rejects.toMatchObject({
      code: 'RequestPayloadSizeLimitExceeded',
      workbookUnchanged: true,
    });
    expect(JSON.stringify(workbookSnapshot(excel.model))).toBe(before);
  });
});

describe('when even the cleanup fails', () => {
  it('logs it and says the summary may be incomplete', async () => {
    const excel = new ExcelHost(projectSheets(2, 2));
    await rollOnce(excel, 2);
    // Every sheet deletion fails: the write's content step and the cleanup's removal of staging sheets.
    excel.failOn = (m) => m === 'charts.add' || m === 'sheet.delete';
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const error = await rollOnce(excel, 2).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'GeneralException', workbookUnchanged: false });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('Removing the partly written summary failed'), expect.anything());
    } finally {
      logged.mockRestore();
    }
  });
});
