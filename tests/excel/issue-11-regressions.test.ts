// Regression tests for the defects of issue 11 that only real Excel shows, through Microsoft's client and the
// host. Each was red on the code before its fix.
import type { WorkbookPlan } from '../../src/core/report/plan';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { runRollUpCommand } from '../../src/commands/roll-up-command';
import { runRollupInExcel } from '../../src/excel/run-rollup';
import { CommandTimeLimitError } from '../../src/excel/errors';
import { applyPlan } from '../../src/excel/write-plan';
import { readWorkbookGrids } from '../../src/excel/read-workbook';
import { ExcelHost } from './host/excel-host';
import { fillSheet, newSheet, workbookSnapshot } from './fake/model';
import { makePlan, projectSheets } from './plan-fixture';

const all = (): boolean => true;

async function write(excel: ExcelHost, plan: WorkbookPlan) {
  return excel.run({ delayForCellEdit: true }, async (context) => {
    const read = await readWorkbookGrids(context);
    return applyPlan(context, plan, read.owned, { existingSheets: read.sheets, existingTables: read.tables, existingNames: read.names, supports: all });
  });
}

describe('issue 11, defect 3: hyperlinks to sheets named like cell addresses', () => {
  it.each(['CRM1', 'P001', 'AB12', 'R2C3'])('links to the sheet %s, not to a cell of that name', async (name) => {
    const excel = new ExcelHost([fillSheet(newSheet(name), [['Project', name]])]);
    const plan = makePlan(1);
    plan.sheets[0].hyperlinks = [{ cell: 'A5', text: name, sheet: name, target: 'D7' }];
    await write(excel, plan);
    expect(excel.linkTarget('Program Summary', 'A5')).toEqual({ sheet: name, address: 'D7' });
  });
});

describe('issue 11, defect 4: charts whose first source is empty', () => {
  it('draws every series from its own range even when the first one has no data', async () => {
    const excel = new ExcelHost(projectSheets(3, 2));
    const plan = makePlan(3);
    const summary = plan.sheets[0];
    const [bar] = summary.charts;
    // A cost chart with no cost data yet: its first series reads an empty column.
    summary.charts = [{ ...bar, series: [{ ...bar.series[0], name: 'Cost', values: "'Program Summary'!$Z$5:$Z$7" }, bar.series[0]] }];
    const report = await write(excel, plan);
    expect(report.notes).toEqual([]);
    const [chart] = excel.sheet('Program Summary').charts;
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ['Cost', "'Program Summary'!$Z$5:$Z$7"],
      ['Variance', "'Program Summary'!$D$5:$D$7"],
    ]);
  });
});

describe('issue 11, defect 7: smaller things only real Excel shows', () => {
  it.each(['May 2026', '#N/A', '1/2', '00123', 'TRUE', '1E5', 'Sept 30', ' #REF!'])('keeps %j as the text the plan holds', async (text) => {
    const excel = new ExcelHost(projectSheets(1, 2));
    const plan = makePlan(1);
    plan.sheets[0].blocks.push({ address: 'H40', values: [[text]] });
    await write(excel, plan);
    const cell = excel.cell('Program Summary', 'H40');
    expect({ value: cell?.value, error: cell?.error, formula: cell?.formula }).toEqual({ value: text, error: undefined, formula: undefined });
  });

  it('gives a table a free name when a defined name holds it (one namespace)', async () => {
    const sheets = projectSheets(2, 2);
    const excel = new ExcelHost(sheets);
    excel.model.names.push({ name: 'PR_Summary', sheetId: sheets[0].id, address: '$A$1' });
    const report = await write(excel, makePlan(2));
    expect(excel.sheet('Program Summary').tables.map((t) => t.name)).toEqual(['PR_Summary_2']);
    expect(report.notes.join(' ')).toMatch(/"PR_Summary_2"/);
  });

  it('applies the row heights and the print area of the plan', async () => {
    const excel = new ExcelHost(projectSheets(2, 2));
    const plan = makePlan(2);
    plan.sheets[0].rowHeights = [{ row: 4, height: 30 }];
    plan.sheets[0].pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 1, printArea: 'A1:F20' };
    await write(excel, plan);
    const s = excel.sheet('Program Summary');
    expect(s.rowHeights.get(3)).toBe(30);
    expect(s.pageLayout.printArea).toBe('A1:F20');
  });

  it('activates the summary on the web, where activating a sheet added in the same request is ignored', async () => {
    const excel = new ExcelHost(projectSheets(2, 2));
    const report = await write(excel, makePlan(2));
    expect(excel.model.activeSheetId).toBe(excel.sheet(report.sheetNames.summary).id);
  });
});

describe('issue 11, defect 6: interrupted runs and the 5-minute limit of a ribbon command', () => {
  it('removes the staging sheets an interrupted run left behind, and does not read them as projects', async () => {
    const excel = new ExcelHost([
      ...projectSheets(2, 2),
      fillSheet(newSheet('~PR_new_0'), [['Program', 'half written']]),
      fillSheet(newSheet('~PR_new_1'), [['Issue', 'half written']]),
    ]);
    const read = await excel.run({}, (context) => readWorkbookGrids(context));
    expect(read.input.grids.map((g) => g.sheet)).toEqual(['Project 1', 'Project 2']);
    const report = await write(excel, makePlan(2));
    expect(excel.model.sheets.map((s) => s.name).sort()).toEqual(['Program Summary', 'Project 1', 'Project 2', 'Rollup Issues']);
    expect(report.notes.join(' ')).toMatch(/Removed 2 unfinished sheet/);
  });

  it('stops a ribbon roll-up that would pass the time limit before it writes, leaving the workbook as it was', async () => {
    const excel = new ExcelHost(projectSheets(2, 4));
    await runRollupInExcel({ excelRun: excel.run, supports: all, settings: DEFAULT_SETTINGS });
    const before = JSON.stringify(workbookSnapshot(excel.model));
    let fire: (() => void) | null = null;
    const clock = { startedAt: 0, now: () => 0, setTimer: (f: () => void) => (fire = f), clearTimer: () => undefined };
    // Office's clock runs out just as the write phase begins.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcome = await runRollUpCommand(
      (o) => runRollupInExcel({ ...o, excelRun: excel.run, supports: all, onPhase: (p) => p === 'writing' && fire?.() }),
      clock,
    );
    expect(logged).toHaveBeenCalledWith('[program-rollup] The roll-up command failed', expect.objectContaining({ code: 'CommandTimeLimit' }));
    logged.mockRestore();
    expect(outcome.notice.title).toBe('Out of time');
    expect(outcome.notice.lines.join(' ')).toMatch(/5 minutes.*left as it was/);
    expect(JSON.stringify(workbookSnapshot(excel.model))).toBe(before);
  });

  it('stops between write requests when the time budget runs out, removing its staging sheets', async () => {
    const excel = new ExcelHost(projectSheets(2, 2));
    const budget = new AbortController();
    let writes = 0;
    // The clock runs out while the first write request is in flight.
    excel.failOn = (label) => {
      if (label === 'range.values' && ++writes === 1) budget.abort(new CommandTimeLimitError());
      return false;
    };
    const before = JSON.stringify(workbookSnapshot(excel.model));
    const error = await excel
      .run({ delayForCellEdit: true }, async (context) => {
        const read = await readWorkbookGrids(context);
        return applyPlan(context, makePlan(200), read.owned, { existingSheets: read.sheets, supports: all, requestBudget: 20_000, signal: budget.signal });
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CommandTimeLimit', workbookUnchanged: true });
    expect(excel.contexts[0].syncCount).toBeGreaterThan(3); // read, a write part, then the undo
    expect(JSON.stringify(workbookSnapshot(excel.model))).toBe(before);
  });
});

describe('issue 11, defect 5: reading large workbooks on the web', () => {
  it('reads text-heavy sheets in parts sized by bytes, halving a part Excel refuses', async () => {
    const text = 'A long task description that fills the cell with text, 60+ b';
    const rows = Array.from({ length: 6_000 }, (_, r) => [r + 1, `${text} ${r}`, `${text} ${r}`, `${text} ${r}`, `${text} ${r}`]);
    const excel = new ExcelHost([fillSheet(newSheet('Wordy'), rows), ...projectSheets(2, 2)]);
    // 5 MB on the web; scaled down fivefold with the sheet so the test stays small. Same path.
    excel.maxResponseBytes = 1024 * 1024;
    const read = await excel.run({}, (context) => readWorkbookGrids(context));
    expect(read.input.grids[0].values).toHaveLength(6_000);
    expect(read.input.grids[0].values[5_999][4]).toBe(`${text} 5999`);
    expect(read.input.grids[1].values[0][1]).toBe('Project 1');
    const ctx = excel.contexts[0];
    expect(ctx.errorPerSync.filter((e) => e === 'ResponsePayloadSizeLimitExceeded').length).toBeGreaterThan(0);
    ctx.errorPerSync.forEach((e, i) => {
      if (e === null) expect(ctx.responseBytesPerSync[i]).toBeLessThanOrEqual(1024 * 1024);
    });
  });

  it('reads a sheet whose used range Excel answers with values: null (a stray cell far down)', async () => {
    const sheet = fillSheet(newSheet('Stray'), [['Project', 'Stray'], ['ID', 'Task']]);
    sheet.cells.set('99999,5', { value: 'x' }); // F100000: 600,000 cells
    const excel = new ExcelHost([sheet], { setting: 'desktop' });
    // Excel's cap is 5 M cells; scaled down tenfold here so the test stays small. Same path.
    excel.maxCellsPerRead = 500_000;
    const read = await excel.run({}, (context) => readWorkbookGrids(context));
    const g = read.input.grids[0];
    expect(g.values).toHaveLength(100_000);
    expect(g.values[1][1]).toBe('Task');
    expect(g.values[99_999][5]).toBe('x');
  });

  it('turns a used range too large to read into a clear error naming the sheet, not a crash', async () => {
    const sheet = fillSheet(newSheet('Plan'), [['Project', 'Plan']]);
    sheet.cells.set('1048575,16383', { value: 'x' }); // XFD1048576
    const excel = new ExcelHost([sheet]);
    const error = await excel.run({}, (context) => readWorkbookGrids(context)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SheetTooLarge' });
    expect((error as Error).message).toMatch(/"Plan" has a used range of A1:XFD1048576 .*Ctrl\+End/);
  });
});
