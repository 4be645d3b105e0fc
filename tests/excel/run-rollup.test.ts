import type { WorkbookInput } from '../../src/core/grid';
import type { RollupOutput } from '../../src/core/rollup';
import type { RollupResult } from '../../src/core/result';
import type { RollupSettings } from '../../src/core/settings';
import { classifyOfficeError } from '../../src/excel/errors';
import { runRollupInExcel, type RollupPhase } from '../../src/excel/run-rollup';
import { ExcelHost } from './host/excel-host';
import { fillSheet, newSheet, workbookSnapshot } from './fake/model';
import { makePlan, projectSheets } from './plan-fixture';

/**
 * Stand-in for the core pipeline (built in parallel): it builds a real, small plan from what was read, so
 * the test proves the adapter passes the grids in and the plan out.
 */
function fakeRollup(seen: { input?: WorkbookInput; settings?: RollupSettings }) {
  return (input: WorkbookInput, settings: RollupSettings): RollupOutput => {
    seen.input = input;
    seen.settings = settings;
    const projects = input.grids.filter((g) => !g.ownedRole);
    const plan = makePlan(projects.length);
    return { model: {} as RollupOutput['model'], result: {} as RollupResult, plan };
  };
}

const supports = (): boolean => true;

describe('runRollupInExcel', () => {
  it.each([5, 200])('reads in <= 2 syncs and writes in <= 2 syncs for %i projects, using delayForCellEdit', async (n) => {
    const excel = new ExcelHost(projectSheets(n, 5));
    const seen: { input?: WorkbookInput } = {};
    const phases: RollupPhase[] = [];
    const r = await runRollupInExcel({ excelRun: excel.run, rollupFn: fakeRollup(seen), supports, onPhase: (p) => phases.push(p) });
    expect(excel.runOptions).toEqual([{ delayForCellEdit: true }]);
    expect(r.readSyncs).toBeLessThanOrEqual(2);
    expect(r.writeSyncs).toBeLessThanOrEqual(2);
    expect(excel.contexts[0].syncCount).toBe(r.readSyncs + r.writeSyncs);
    expect(seen.input?.grids).toHaveLength(n);
    expect(phases).toEqual(['reading', 'computing', 'writing', 'done']);
    expect(excel.cell('Program Summary', `A${4 + n}`)?.value).toBe(`Project ${n}`);
  });

  it('marks its own sheets so a second run does not read them as projects and gives the same workbook', async () => {
    const excel = new ExcelHost(projectSheets(4, 5));
    const seen: { input?: WorkbookInput } = {};
    await runRollupInExcel({ excelRun: excel.run, rollupFn: fakeRollup(seen), supports });
    const snapshot = JSON.stringify(workbookSnapshot(excel.model));
    await runRollupInExcel({ excelRun: excel.run, rollupFn: fakeRollup(seen), supports });
    const owned = seen.input?.grids.filter((g) => g.ownedRole).map((g) => [g.sheet, g.ownedRole]);
    expect(owned).toEqual([
      ['Program Summary', 'summary'],
      ['Rollup Issues', 'issues'],
    ]);
    expect(JSON.stringify(workbookSnapshot(excel.model))).toBe(snapshot);
  });

  it('uses the stored settings, validated, when none are given', async () => {
    const excel = new ExcelHost(projectSheets(2, 3));
    excel.model.settings.set('programRollup.settings', JSON.stringify({ version: 1, topRiskCount: 3, dateOrder: 'XYZ' }));
    const seen: { settings?: RollupSettings } = {};
    const r = await runRollupInExcel({ excelRun: excel.run, rollupFn: fakeRollup(seen), supports });
    expect(seen.settings?.topRiskCount).toBe(3);
    expect(seen.settings?.dateOrder).toBe('MDY');
    expect(r.settingsProblems).toHaveLength(1);
  });

  it('can be cancelled before the write phase and then writes nothing', async () => {
    const user = fillSheet(newSheet('Notes'), [['keep']]);
    const excel = new ExcelHost([user, ...projectSheets(2, 3)]);
    const controller = new AbortController();
    const before = JSON.stringify(workbookSnapshot(excel.model));
    const compute = (input: WorkbookInput, settings: RollupSettings): RollupOutput => {
      controller.abort();
      return fakeRollup({})(input, settings);
    };
    await expect(runRollupInExcel({ excelRun: excel.run, rollupFn: compute, supports, signal: controller.signal })).rejects.toMatchObject({
      code: 'Cancelled',
    });
    expect(JSON.stringify(workbookSnapshot(excel.model))).toBe(before);
    expect(excel.contexts[0].syncCount).toBe(2);
  });

  it('waits in cell-edit mode (delayForCellEdit) instead of failing', async () => {
    const excel = new ExcelHost(projectSheets(1, 3));
    excel.cellEditMode = true;
    const r = await runRollupInExcel({ excelRun: excel.run, rollupFn: fakeRollup({}), supports });
    expect(excel.delayedForCellEdit).toBe(r.readSyncs + r.writeSyncs);
    expect(excel.contexts[0].errorPerSync.every((e) => e === null)).toBe(true);
  });

  it('classifies the error of a run made without delayForCellEdit in cell-edit mode', async () => {
    const excel = new ExcelHost(projectSheets(1, 3));
    excel.cellEditMode = true;
    const error: unknown = await runRollupInExcel({ excelRun: (_o, batch) => excel.run({}, batch), rollupFn: fakeRollup({}), supports }).catch((e: unknown) => e);
    expect(classifyOfficeError(error)).toMatchObject({
      code: 'InvalidOperationInCellEditMode',
      message: 'Finish editing the cell, then roll up again.',
      retryable: true,
    });
  });
});
