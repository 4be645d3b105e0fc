// The renderer against the plan the core's report builder really produces (from the shared sample result).
import { buildWorkbookPlan } from '../../src/core/report';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { applyPlan } from '../../src/excel/write-plan';
import { readWorkbookGrids } from '../../src/excel/read-workbook';
import { SAMPLE_RESULT } from '../fixtures/result-sample';
import { ExcelHost } from './host/excel-host';
import { fillSheet, newSheet } from './fake/model';
import { expectPlanApplied } from './plan-check';
import { makePlan, projectSheets } from './plan-fixture';

function projectWorkbook(): ExcelHost {
  const sheets = SAMPLE_RESULT.projects.map((p) => fillSheet(newSheet(p.sheet), [['Project', p.name]]));
  return new ExcelHost(sheets);
}

describe('applyPlan with the report builder plan', () => {
  const plan = buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS);

  it('applies every sheet faithfully in at most 2 write syncs, and again identically', async () => {
    const excel = projectWorkbook();
    for (let run = 0; run < 2; run++) {
      const report = await excel.run({}, async (context) => {
        const read = await readWorkbookGrids(context);
        return applyPlan(context, plan, read.owned, { existingSheets: read.sheets, supports: () => true });
      });
      expect(report.syncs).toBeLessThanOrEqual(2); // write, activate
      expect(report.notes).toEqual([]);
      expectPlanApplied(excel, plan, report);
    }
    expect(excel.model.sheets).toHaveLength(SAMPLE_RESULT.projects.length + plan.sheets.length);
  });

  it('follows a suffixed sheet name through chart sources and links', async () => {
    const excel = projectWorkbook();
    excel.model.sheets.push(fillSheet(newSheet('Program Summary'), [['mine']]));
    const report = await excel.run({}, async (context) => {
      const read = await readWorkbookGrids(context);
      return applyPlan(context, plan, read.owned, { existingSheets: read.sheets, supports: () => true });
    });
    expect(report.sheetNames.summary).toBe('Program Summary (2)');
    expectPlanApplied(excel, plan, report);
    expect(excel.cell('Program Summary', 'A1')?.value).toBe('mine');
  });
});

describe('applyPlan with the synthetic plan, checked generically', () => {
  it.each([5, 200])('%i projects', async (n) => {
    const excel = new ExcelHost(projectSheets(n, 2));
    const plan = makePlan(n);
    const report = await excel.run({}, (context) => applyPlan(context, plan, [], { supports: () => true }));
    // List the sheets, write, activate the summary.
    expect(report.syncs).toBe(3);
    expectPlanApplied(excel, plan, report);
  });
});
