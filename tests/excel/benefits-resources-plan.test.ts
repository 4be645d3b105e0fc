// The Office.js renderer (through Microsoft's client and the test host) applies the Program Benefits and Program Resources sheets of a real roll-up (issue 14),
// marks them as the add-in's own, and a second roll-up replaces them instead of adding copies.
import { rollup } from '../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { applyPlan } from '../../src/excel/write-plan';
import { readWorkbookGrids } from '../../src/excel/read-workbook';
import { ExcelHost } from './host/excel-host';
import { fillSheet, newSheet } from './fake/model';
import { expectPlanApplied } from './plan-check';
import { core, data, sheet } from '../core/benefits/fixtures';

const NOW = new Date('2026-03-02T09:00:00Z');
const plat = sheet('Platform', 'PLAT', [
  [5, 'Go-live', '2026-03-30', '2026-03-30', 'DATA:1', ''],
  [7, 'Platform build', '2026-03-30', '2026-04-10', '', 'Bo Lee'],
]);
const register = { sheet: 'Benefits', values: [['ID', 'Benefit', 'Realisation Start', 'Value', 'Enabling Milestones'], ['B1', '=Faster onboarding', '2026-04-01', 1200000, 'PLAT:5']] };

it('writes both sheets faithfully, owns them, and replaces them on the next roll-up', async () => {
  const inputs = [core(), data(), plat, register];
  const { plan } = rollup({ grids: inputs }, DEFAULT_SETTINGS, NOW);
  expect(plan.sheets.map((s) => s.role)).toEqual(expect.arrayContaining(['summary', 'dependencies', 'risks', 'issues', 'history', 'benefits', 'resources']));
  const excel = new ExcelHost(inputs.map((g) => fillSheet(newSheet(g.sheet), g.values)));
  for (let run = 0; run < 2; run++) {
    const report = await excel.run({}, async (context) => {
      const read = await readWorkbookGrids(context);
      if (run === 1) expect(read.owned.map((o) => o.role).sort()).toEqual(plan.sheets.map((s) => s.role).sort());
      return applyPlan(context, plan, read.owned, { existingSheets: read.sheets, supports: () => true });
    });
    expect(report.sheetNames.benefits).toBe('Program Benefits');
    expect(report.sheetNames.resources).toBe('Program Resources');
    expectPlanApplied(excel, plan, report);
  }
  expect(excel.model.sheets).toHaveLength(inputs.length + plan.sheets.length);
  expect(excel.cell('Program Benefits', 'B5')?.value).toBe('=Faster onboarding');
});
