// Issue 11, defect 2: the pane's Excel runs (count sheets, settings, sources, select a cell, roll up) go
// through Microsoft's client and the host; while the user edits a cell each one waits instead of failing.
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
  listSourcesInWorkbook,
  loadSettingsFromWorkbook,
  rollUpInWorkbook,
  saveSettingsToWorkbook,
  selectInWorkbook,
} from '../../src/taskpane/excel-actions';
import { ExcelHost } from './host/excel-host';
import { projectSheets } from './plan-fixture';

describe('the pane in cell-edit mode (issue 11, defect 2)', () => {
  let excel: ExcelHost;
  let restore: () => void;
  beforeEach(() => {
    excel = new ExcelHost(projectSheets(2, 4));
    excel.cellEditMode = true;
    restore = excel.installGlobals();
  });
  afterEach(() => restore());

  const noRequestFailed = (): void => {
    for (const ctx of excel.contexts) expect(ctx.errorPerSync.filter((e) => e !== null)).toEqual([]);
  };

  it('loads and saves settings, lists sources and selects a cell, each waiting for the edit to end', async () => {
    await saveSettingsToWorkbook({ ...DEFAULT_SETTINGS, programName: 'Apollo' });
    expect((await loadSettingsFromWorkbook()).settings.programName).toBe('Apollo');
    const sources = await listSourcesInWorkbook(DEFAULT_SETTINGS);
    expect(sources.map((s) => s.sheet)).toEqual(['Project 1', 'Project 2']);
    await selectInWorkbook('Project 2', 'B3');
    expect(excel.model.activeSheetId).toBe(excel.sheet('Project 2').id);
    noRequestFailed();
    expect(excel.delayedForCellEdit).toBeGreaterThanOrEqual(4);
    expect(excel.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
  });

  it('rolls up, counting the sheets first, without failing', async () => {
    const phases: string[] = [];
    const outcome = await rollUpInWorkbook({ settings: DEFAULT_SETTINGS, signal: new AbortController().signal, onPhase: (p) => phases.push(p.name) });
    expect(outcome.report.sheetNames.summary).toBe('Program Summary');
    expect(phases[0]).toBe('reading');
    noRequestFailed();
    expect(excel.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
  });
});
