// Regression tests for the defects of issue 11 that only real Excel shows, through Microsoft's client and the
// host. Each was red on the code before its fix.
import type { WorkbookPlan } from '../../src/core/report/plan';
import { applyPlan } from '../../src/excel/write-plan';
import { readWorkbookGrids } from '../../src/excel/read-workbook';
import { ExcelHost } from './host/excel-host';
import { fillSheet, newSheet } from './fake/model';
import { makePlan, projectSheets } from './plan-fixture';

const all = (): boolean => true;

async function write(excel: ExcelHost, plan: WorkbookPlan) {
  return excel.run({ delayForCellEdit: true }, async (context) => {
    const read = await readWorkbookGrids(context);
    return applyPlan(context, plan, read.owned, { existingSheets: read.sheets, existingTables: read.tables, supports: all });
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
