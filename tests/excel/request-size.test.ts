// Defect 1 of issue 11: write requests were budgeted at about half their real size, and a request Excel
// refused as too large failed the whole roll-up. Bytes here are the real client's, counted by the host.
import { buildWorkbookPlan } from '../../src/core/report';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { applyPlan } from '../../src/excel/write-plan';
import { readWorkbookGrids } from '../../src/excel/read-workbook';
import { SAMPLE_RESULT } from '../fixtures/result-sample';
import { ExcelHost } from './host/excel-host';
import { makePlan, projectSheets } from './plan-fixture';

const all = (): boolean => true;

describe('write request size (issue 11, defect 1)', () => {
  it.each([
    ['the report plan', buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS), 1e9],
    ['the report plan in 20 kB parts', buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS), 20_000],
    ['200 projects', makePlan(200), 1e9],
    ['200 projects in 20 kB parts', makePlan(200), 20_000],
    ['2,000 projects (the client splits large arrays itself)', makePlan(2000), 1e9],
  ])('estimates every request of %s at no less than the real client sends', async (_label, plan, requestBudget) => {
    const excel = new ExcelHost(projectSheets(3, 2), { setting: 'desktop' });
    const report = await excel.run({}, (context) => applyPlan(context, plan, [], { supports: all, requestBudget }));
    const real = excel.contexts[0].requestBytesPerSync.slice(1); // the first sync lists the sheets
    expect(real).toHaveLength(report.batchBytes.length);
    real.forEach((bytes, i) => expect({ part: i, fits: bytes <= report.batchBytes[i] }).toEqual({ part: i, fits: true }));
    // Conservative, not wasteful: the whole estimate stays within twice the real bytes.
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(report.batchBytes)).toBeLessThan(2 * sum(real));
  });

  it('sends a request Excel refuses as too large again in halves, instead of failing the roll-up', async () => {
    const excel = new ExcelHost(projectSheets(3, 3));
    excel.maxRequestBytes = 60_000;
    const report = await excel.run({}, async (context) => {
      const read = await readWorkbookGrids(context);
      return applyPlan(context, makePlan(400), read.owned, { existingSheets: read.sheets, supports: all });
    });
    const ctx = excel.contexts[0];
    expect(report.refusedRequests).toBeGreaterThan(0);
    expect(ctx.errorPerSync.filter((e) => e === 'RequestPayloadSizeLimitExceeded')).toHaveLength(report.refusedRequests);
    ctx.requestBytesPerSync.forEach((bytes, i) => {
      if (ctx.errorPerSync[i] === null) expect(bytes).toBeLessThanOrEqual(60_000);
    });
    expect(excel.cell('Program Summary', 'A404')?.value).toBe('Project 400');
    expect(excel.cell('Program Summary', 'F404')?.numberFormat).toBe('#,##0');
    expect(excel.model.sheets.filter((s) => s.name.startsWith('~PR'))).toEqual([]);
  });

  it('keeps no range by reference, so Excel.run sends no clean-up request after a roll-up', async () => {
    const excel = new ExcelHost(projectSheets(3, 3));
    await excel.run({ delayForCellEdit: true }, async (context) => {
      const read = await readWorkbookGrids(context);
      return applyPlan(context, makePlan(400), read.owned, { existingSheets: read.sheets, supports: all });
    });
    // Kept ranges cost a _KeepReference each, and one _RemoveReference each in a request after the run.
    expect(excel.contexts[0].cleanupRequests).toBe(0);
  });
});
