/**
 * The pane's actions backed by Excel: thin wrappers that open one Excel.run per user action around the
 * src/excel adapters. Navigation (select a cell) is the only Office.js written here.
 *
 * Every run is a user action, so every run waits while the user is editing a cell (delayForCellEdit)
 * instead of failing at once with InvalidOperationInCellEditMode.
 */
import type { RollupSettings } from '../core/settings';
import { readProgram } from '../core/read';
import { analyzeProgram } from '../core/analyze';
import { loadSettings, saveSettings } from '../excel/settings-store';
import { previewWorkbook } from '../excel/preview-workbook';
import { runRollupInExcel, type RollupPhase as ExcelPhase, type RunRollupOptions, type RunRollupResult } from '../excel/run-rollup';
import type { ListedSource, LoadedSettings, PaneActions, RollupOptions, RollupOutcome, RollupPhase } from './actions';

/** Options of every Excel.run the pane starts (each one is a user action). */
export const USER_ACTION_RUN: Excel.RunOptions = { delayForCellEdit: true };

export async function loadSettingsFromWorkbook(): Promise<LoadedSettings> {
  return Excel.run(USER_ACTION_RUN, (context) => loadSettings(context));
}

export async function saveSettingsToWorkbook(settings: RollupSettings): Promise<void> {
  await Excel.run(USER_ACTION_RUN, (context) => saveSettings(context, settings));
}

/**
 * Lists the sheets cheaply for the pane: the core reads each sheet's first rows (previewWorkbook) and says what
 * it looks like, the same reading a roll-up does. A sheet with more than the preview has its counts marked
 * unknown; the roll-up's own result.sources replace the list afterwards.
 */
export async function listSourcesInWorkbook(settings: RollupSettings): Promise<ListedSource[]> {
  const preview = await Excel.run(USER_ACTION_RUN, (context) => previewWorkbook(context));
  const model = readProgram(preview.input, settings);
  return analyzeProgram(model, settings, new Date()).sources.map((s) => (preview.truncated.has(s.sheet) ? { ...s, countsUnknown: true } : s));
}

/** Activates the sheet and selects the cell or range (A1 address local to the sheet). */
export async function selectInWorkbook(sheet: string, cell: string): Promise<void> {
  await Excel.run(USER_ACTION_RUN, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** The pane's phase for the adapter's; "done" has no bar of its own (the results replace it). */
export function toPanePhase(phase: ExcelPhase, sheetCount: number): RollupPhase | null {
  switch (phase) {
    case 'reading':
      return { name: 'reading', sheetCount };
    case 'computing':
      return { name: 'analysing' };
    case 'writing':
      return { name: 'writing' };
    case 'done':
      return null;
  }
}

async function countSheets(): Promise<number> {
  return Excel.run(USER_ACTION_RUN, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    return sheets.items.length;
  });
}

/**
 * Runs the roll-up through src/excel and reshapes its answer for the pane. The sheet count (for "Reading N
 * sheets") costs one tiny request before the roll-up's own Excel.run; `run` and `count` are injectable.
 */
export async function rollUpInWorkbook(
  opts: RollupOptions,
  run: (o: RunRollupOptions) => Promise<RunRollupResult> = runRollupInExcel,
  count: () => Promise<number> = countSheets,
): Promise<RollupOutcome> {
  const sheetCount = await count();
  const done = await run({
    settings: opts.settings,
    signal: opts.signal,
    onPhase: (phase) => {
      const pane = toPanePhase(phase, sheetCount);
      if (pane) opts.onPhase(pane);
    },
  });
  return {
    result: done.output.result,
    report: { sheetNames: done.report.sheetNames, notes: done.report.notes },
    anchors: done.output.plan.anchors,
    readings: done.output.model.readings,
  };
}

export const excelActions: PaneActions = {
  rollUp: (opts) => rollUpInWorkbook(opts),
  listSources: listSourcesInWorkbook,
  loadSettings: loadSettingsFromWorkbook,
  saveSettings: saveSettingsToWorkbook,
  selectCell: selectInWorkbook,
  goTo: selectInWorkbook,
};
