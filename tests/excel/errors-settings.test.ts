import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { classifyOfficeError, RollupCancelledError } from '../../src/excel/errors';
import { loadSettings, saveSettings, SETTINGS_KEY } from '../../src/excel/settings-store';
import { ExcelHost } from './host/excel-host';
import { newSheet } from './fake/model';

describe('classifyOfficeError', () => {
  it.each([
    ['InvalidOperationInCellEditMode', /Finish editing the cell/],
    ['ItemNotFound', /removed while it ran/],
    ['RequestPayloadSizeLimitExceeded', /too large to write/],
    ['AccessDenied', /protected/],
    ['GeneralException', /internal error/],
  ])('maps %s to a user message and keeps debugInfo', (code, message) => {
    const c = classifyOfficeError(Object.assign(new Error('raw text'), { code, debugInfo: { errorLocation: 'Range.values' } }));
    expect(c.code).toBe(code);
    expect(c.message).toMatch(message);
    expect(c.debugInfo).toEqual({ errorLocation: 'Range.values' });
  });

  it('keeps the message of an unknown error and of a non-error', () => {
    expect(classifyOfficeError(new Error('boom'))).toMatchObject({ code: 'Unknown', message: 'The roll-up failed: boom', retryable: false });
    expect(classifyOfficeError('weird').message).toMatch(/weird/);
    expect(classifyOfficeError(new RollupCancelledError()).code).toBe('Cancelled');
  });
});

describe('settings store', () => {
  it('returns defaults for a workbook without settings, then saves and reloads them', async () => {
    const excel = new ExcelHost([newSheet('A')]);
    const ctx = excel.newContext();
    expect(await loadSettings(ctx)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    const saved = await saveSettings(ctx, { ...DEFAULT_SETTINGS, programName: 'Apollo', atRiskSlackDays: 2 });
    expect(typeof excel.model.settings.get(SETTINGS_KEY)).toBe('string');
    const loaded = await loadSettings(ctx);
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings).toEqual(saved);
    expect(loaded.settings.programName).toBe('Apollo');
  });

  it('reports corrupt stored settings instead of failing', async () => {
    const excel = new ExcelHost([newSheet('A')]);
    excel.model.settings.set(SETTINGS_KEY, '{oops');
    const loaded = await loadSettings(excel.newContext());
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problems).toHaveLength(1);
  });
});

describe('what a failed write left behind', () => {
  it('tells the user whether the previous summary is intact', () => {
    const base = { code: 'GeneralException', message: 'x' };
    expect(classifyOfficeError({ ...base, workbookUnchanged: true }).message).toMatch(/left as it was before this roll-up/);
    expect(classifyOfficeError({ ...base, workbookUnchanged: false }).message).toMatch(/may be incomplete: roll up again/);
    expect(classifyOfficeError(base).message).not.toMatch(/left as it was|incomplete/);
    expect(classifyOfficeError(Object.assign(new Error('boom'), { workbookUnchanged: true })).message).toBe(
      'The roll-up failed: boom The workbook was left as it was before this roll-up.',
    );
  });
});
