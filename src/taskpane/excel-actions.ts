/**
 * The pane's actions, backed by Excel. Navigation and settings storage are small enough to live here; the
 * roll-up itself (read all sheets in one round trip, run the core, render the plan) belongs to src/excel.
 */
import type { RollupSettings } from '../core/settings';
import { serializeSettings, validateSettings } from '../core/settings-validate';
import type { LoadedSettings, PaneActions } from './actions';

/** Key under context.workbook.settings (see src/core/settings.ts). */
export const SETTINGS_KEY = 'programRollup.settings';

export async function loadSettingsFromWorkbook(): Promise<LoadedSettings> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load('value');
    await context.sync();
    return validateSettings(item.isNullObject ? null : (item.value as unknown));
  });
}

export async function saveSettingsToWorkbook(settings: RollupSettings): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.settings.add(SETTINGS_KEY, serializeSettings(settings));
    await context.sync();
  });
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
  listSources: () => notWired('Listing the sources'),
  loadSettings: loadSettingsFromWorkbook,
  saveSettings: saveSettingsToWorkbook,
  selectCell: selectInWorkbook,
  goTo: selectInWorkbook,
};
