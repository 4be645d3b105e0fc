/**
 * Settings stored in the workbook (context.workbook.settings, ExcelApi 1.4) so they travel with the file.
 * Always validated by the core on load; never trusted.
 */
import type { RollupSettings } from '../core/settings';
import { serializeSettings, validateSettings, type SettingsValidation } from '../core/settings-validate';

export const SETTINGS_KEY = 'programRollup.settings';

/** Loads and validates the stored settings (one sync). Missing settings give the defaults with no problem. */
export async function loadSettings(context: Excel.RequestContext): Promise<SettingsValidation> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load('value');
  await context.sync();
  return validateSettings(item.isNullObject ? null : (item.value as unknown));
}

/** Saves settings as versioned JSON text (one sync). Returns the settings as they were stored. */
export async function saveSettings(context: Excel.RequestContext, settings: RollupSettings): Promise<RollupSettings> {
  const json = serializeSettings(settings);
  context.workbook.settings.add(SETTINGS_KEY, json);
  await context.sync();
  return validateSettings(json).settings;
}
