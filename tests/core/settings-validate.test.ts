import { DEFAULT_SETTINGS, type RollupSettings } from '../../src/core/settings';
import { isIsoDate, isValidSheetName, serializeSettings, validateSettings } from '../../src/core/settings-validate';

describe('validateSettings', () => {
  it('returns the defaults and no problems for missing settings', () => {
    for (const raw of [undefined, null]) {
      const { settings, problems } = validateSettings(raw);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(problems).toEqual([]);
    }
  });

  it('keeps a fully valid settings object unchanged', () => {
    const good: RollupSettings = {
      version: 1,
      statusDate: '2026-03-31',
      weekendDays: [5, 6],
      holidaySheet: null,
      atRiskSlackDays: 3,
      health: { name: 'Strict', indexGreen: 1, indexAmber: 0.97, finishVarianceRedFraction: 0.05, lateHandoffColor: 'red' },
      dateOrder: 'DMY',
      excludedSheets: ['Notes'],
      programName: 'Apollo',
      outputNames: { summary: 'Sum', dependencies: 'Deps', risks: 'Risks', issues: 'Issues', history: 'Hist', benefits: 'Gains', resources: 'People' },
      topRiskCount: 5,
      milestoneTrendCount: 7,
      statusStaleDays: 30,
    };
    const { settings, problems } = validateSettings(good);
    expect(problems).toEqual([]);
    expect(settings).toEqual(good);
  });

  it('accepts a JSON string and reports unparsable JSON', () => {
    expect(validateSettings('{"version":1,"topRiskCount":3}').settings.topRiskCount).toBe(3);
    const bad = validateSettings('{not json');
    expect(bad.settings).toEqual(DEFAULT_SETTINGS);
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatch(/not valid JSON/);
  });

  it('rejects a non-object with a problem', () => {
    const r = validateSettings([1, 2]);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.problems[0]).toMatch(/not a settings object/);
  });

  it('replaces each bad field by its default and keeps the good ones', () => {
    const { settings, problems } = validateSettings({
      version: 1,
      statusDate: '2026-02-30',
      weekendDays: [0, 9],
      holidaySheet: 'Bad/Name',
      atRiskSlackDays: -2,
      health: { indexGreen: 'high', indexAmber: 0.8, lateHandoffColor: 'purple' },
      // YMD became a valid order (year/month/day text dates); an unknown order is still refused.
      dateOrder: 'YDM',
      excludedSheets: 'Notes',
      programName: 42,
      outputNames: { summary: 'x'.repeat(40), risks: 'My Risks' },
      topRiskCount: 2.5,
      milestoneTrendCount: 0,
      statusStaleDays: 'often',
    });
    expect(settings.statusDate).toBe(DEFAULT_SETTINGS.statusDate);
    expect(settings.weekendDays).toEqual(DEFAULT_SETTINGS.weekendDays);
    expect(settings.holidaySheet).toBe(DEFAULT_SETTINGS.holidaySheet);
    expect(settings.atRiskSlackDays).toBe(DEFAULT_SETTINGS.atRiskSlackDays);
    expect(settings.health.indexGreen).toBe(DEFAULT_SETTINGS.health.indexGreen);
    expect(settings.health.indexAmber).toBe(0.8);
    expect(settings.health.lateHandoffColor).toBe('amber');
    expect(settings.dateOrder).toBe('MDY');
    expect(settings.excludedSheets).toEqual([]);
    expect(settings.programName).toBeNull();
    expect(settings.outputNames.summary).toBe(DEFAULT_SETTINGS.outputNames.summary);
    expect(settings.outputNames.risks).toBe('My Risks');
    expect(settings.topRiskCount).toBe(DEFAULT_SETTINGS.topRiskCount);
    expect(settings.milestoneTrendCount).toBe(DEFAULT_SETTINGS.milestoneTrendCount);
    const fields = ['statusDate', 'weekendDays', 'holidaySheet', 'atRiskSlackDays', 'health.indexGreen',
      'health.lateHandoffColor', 'dateOrder', 'excludedSheets', 'programName', 'outputNames.summary', 'topRiskCount', 'milestoneTrendCount', 'statusStaleDays'];
    for (const f of fields) expect(problems.some((p) => p.includes(`"${f}"`))).toBe(true);
    expect(problems).toHaveLength(fields.length);
  });

  it('resets an amber threshold above green', () => {
    const r = validateSettings({ health: { indexGreen: 0.8, indexAmber: 0.9 } });
    expect(r.settings.health.indexGreen).toBe(DEFAULT_SETTINGS.health.indexGreen);
    expect(r.settings.health.indexAmber).toBe(DEFAULT_SETTINGS.health.indexAmber);
    expect(r.problems).toHaveLength(1);
  });

  it('validates the Program Benefits and Program Resources names like the others', () => {
    const { settings, problems } = validateSettings({ outputNames: { benefits: ' Benefits 2026 ', resources: 'Team:Load' } });
    expect(settings.outputNames.benefits).toBe('Benefits 2026');
    expect(settings.outputNames.resources).toBe('Program Resources');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/outputNames\.resources.*not a valid sheet name/);
    // A register's sheet may not take another output's name either.
    const clash = validateSettings({ outputNames: { resources: 'program summary' } });
    expect(clash.settings.outputNames).toEqual(DEFAULT_SETTINGS.outputNames);
    expect(clash.problems[0]).toMatch(/used twice/);
    // Saved and read back unchanged.
    const back = validateSettings(serializeSettings({ ...DEFAULT_SETTINGS, outputNames: { ...DEFAULT_SETTINGS.outputNames, benefits: 'Gains' } }));
    expect(back.settings.outputNames.benefits).toBe('Gains');
  });

  it('rejects duplicate output names', () => {
    const r = validateSettings({ outputNames: { summary: 'Same', risks: 'same' } });
    expect(r.settings.outputNames).toEqual(DEFAULT_SETTINGS.outputNames);
    expect(r.problems[0]).toMatch(/used twice/);
  });

  it('reports a foreign version but still reads the fields it knows', () => {
    const r = validateSettings({ version: 2, topRiskCount: 7 });
    expect(r.settings.version).toBe(1);
    expect(r.settings.topRiskCount).toBe(7);
    expect(r.problems[0]).toMatch(/version 2/);
  });

  it('normalises weekend days and excluded sheets', () => {
    const r = validateSettings({ weekendDays: [6, 0, 6], excludedSheets: [' A ', 'A', ''] });
    expect(r.settings.weekendDays).toEqual([0, 6]);
    expect(r.settings.excludedSheets).toEqual(['A']);
    expect(validateSettings({ weekendDays: [0, 1, 2, 3, 4, 5, 6] }).problems).toHaveLength(1);
  });

  it('does not share arrays with DEFAULT_SETTINGS', () => {
    const r = validateSettings(undefined);
    r.settings.weekendDays.push(3);
    expect(DEFAULT_SETTINGS.weekendDays).toEqual([0, 6]);
  });
});

describe('serializeSettings', () => {
  it('round-trips through validateSettings', () => {
    const s: RollupSettings = { ...DEFAULT_SETTINGS, statusDate: '2026-01-15', programName: 'Zeus', topRiskCount: 4 };
    const text = serializeSettings(s);
    const back = validateSettings(text);
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual(s);
    expect(JSON.parse(text).version).toBe(1);
  });

  it('is stable whatever the key order of its input', () => {
    const a = serializeSettings(DEFAULT_SETTINGS);
    const reordered = Object.fromEntries(Object.entries(DEFAULT_SETTINGS).reverse()) as unknown as RollupSettings;
    expect(serializeSettings(reordered)).toBe(a);
  });
});

describe('helpers', () => {
  it('checks ISO dates and sheet names', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(isValidSheetName('Program Summary')).toBe(true);
    expect(isValidSheetName('a[b]')).toBe(false);
    expect(isValidSheetName("'quoted'")).toBe(false);
    expect(isValidSheetName('x'.repeat(32))).toBe(false);
  });
});

describe('the sheet name Excel reserves (issue 11, defect 7)', () => {
  it('rejects "History" in any case as an output sheet name, keeping the default', () => {
    expect(isValidSheetName('History')).toBe(false);
    expect(isValidSheetName(' history ')).toBe(false);
    expect(isValidSheetName('Rollup History')).toBe(true);
    const { settings, problems } = validateSettings({ version: 1, outputNames: { history: 'HISTORY' } });
    expect(settings.outputNames.history).toBe('Rollup History');
    expect(problems.join(' ')).toMatch(/outputNames\.history.*not "History"/);
  });
});
