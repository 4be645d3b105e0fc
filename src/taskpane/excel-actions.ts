/**
 * The pane's actions backed by Excel: thin wrappers that open one Excel.run per user action around the
 * src/excel adapters. Navigation (select a cell) is the only Office.js written here.
 */
import type { SourceSheet } from '../core/result';
import type { RollupSettings } from '../core/settings';
import { readProgram } from '../core/read';
import { analyzeProgram } from '../core/analyze';
import { loadSettings, saveSettings } from '../excel/settings-store';
import { readWorkbookGrids } from '../excel/read-workbook';
import type { LoadedSettings, PaneActions } from './actions';

export async function loadSettingsFromWorkbook(): Promise<LoadedSettings> {
  return Excel.run((context) => loadSettings(context));
}

export async function saveSettingsToWorkbook(settings: RollupSettings): Promise<void> {
  await Excel.run((context) => saveSettings(context, settings));
}

/** Reads the workbook and lets the core say what each sheet is (the same reading a roll-up does). */
export async function listSourcesInWorkbook(settings: RollupSettings): Promise<SourceSheet[]> {
  const read = await Excel.run((context) => readWorkbookGrids(context));
  const model = readProgram(read.input, settings);
  return analyzeProgram(model, settings, new Date()).sources;
}

/** Activates the sheet and selects the cell or range (A1 address local to the sheet). */
export async function selectInWorkbook(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

function notWired(what: string): Promise<never> {
  return Promise.reject({ code: 'NotAvailable', message: `${what} is not available in this build yet.`, debugInfo: { what } });
}

export const excelActions: PaneActions = {
  rollUp: () => notWired('Rolling up'),
  listSources: listSourcesInWorkbook,
  loadSettings: loadSettingsFromWorkbook,
  saveSettings: saveSettingsToWorkbook,
  selectCell: selectInWorkbook,
  goTo: selectInWorkbook,
};
