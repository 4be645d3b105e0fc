/** The pane's mapping form without React: what is pre-filled, what is saved, and that the core keeps it. */
import { DEFAULT_SETTINGS, type RollupSettings } from '../../src/core/settings';
import { serializeSettings, validateSettings } from '../../src/core/settings-validate';
import { mappingFormFor, parseMappingForm, withMapping, withoutMapping } from '../../src/taskpane/mapping-form';
import { countsText, headerRowText, readingVerdict, stableKeys } from '../../src/taskpane/reading-words';
import { SAMPLE_READINGS } from './sample-outcome';

const mobile = SAMPLE_READINGS.find((r) => r.sheet === 'Mobile App')!;
const tracker = { ...mobile, sheet: 'Tracker', kind: 'projects' as const, projects: ['Alpha', 'Beta'] };

describe('mapping form', () => {
  it('pre-fills from the reading; a saved mapping wins and adds the fields it names', () => {
    const form = mappingFormFor(mobile, undefined);
    expect(form).toMatchObject({ ignore: false, headerRow: '7', dateOrder: '', projectId: 'MOB' });
    expect(Object.keys(form.columns)).toEqual(['id', 'name', 'start', 'finish', 'baselineStart', 'baselineFinish', 'percent', 'predecessors']);
    const saved = { sheet: 'Mobile App', headerRow: 8, columns: { finish: 'Q', owner: 'R' }, dateOrder: 'DMY' as const };
    const again = mappingFormFor(mobile, saved);
    expect(again).toMatchObject({ headerRow: '8', dateOrder: 'DMY', columns: { finish: 'Q', owner: 'R', name: 'B' } });
    // A tracker's project IDs come from its Project column: none is offered.
    expect(mappingFormFor(tracker, undefined).projectId).toBe('');
  });

  it('keeps what a saved mapping already said even where the new reading agrees, and drops a cleared value', () => {
    const saved = { sheet: 'Mobile App', headerRow: 7, columns: { finish: 'G', start: 'F' } };
    const form = mappingFormFor(mobile, saved);
    const kept = parseMappingForm(form, mobile, saved);
    expect(kept).toEqual({ mapping: { sheet: 'Mobile App', headerRow: 7, columns: { start: 'F', finish: 'G' } } });
    const cleared = parseMappingForm({ ...form, columns: { ...form.columns, start: '' } }, mobile, saved);
    expect(cleared).toEqual({ mapping: { sheet: 'Mobile App', headerRow: 7, columns: { finish: 'G' } } });
    const nothing = parseMappingForm({ ...form, headerRow: '', columns: { ...form.columns, start: '', finish: '' } }, mobile, saved);
    expect(nothing).toEqual({ errors: { form: 'Nothing is left to correct: use "Go back to automatic" to remove the saved mapping.' } });
  });

  it('accepts columns up to XFD and rows up to 1048576, lower-case letters upper-cased', () => {
    const form = mappingFormFor(mobile, undefined);
    const ok = parseMappingForm({ ...form, headerRow: '1048576', columns: { ...form.columns, predecessors: ' xfd ' } }, mobile, undefined);
    expect(ok).toEqual({ mapping: { sheet: 'Mobile App', headerRow: 1048576, columns: { predecessors: 'XFD' } } });
    const bad = parseMappingForm({ ...form, headerRow: '1048577' }, mobile, undefined);
    expect(bad).toEqual({ errors: { headerRow: expect.stringContaining('from 1 to 1048576') } });
    expect(parseMappingForm({ ...form, headerRow: '7.5' }, mobile, undefined)).toEqual({ errors: { headerRow: expect.any(String) } });
    expect(parseMappingForm({ ...form, projectId: 'x'.repeat(101) }, mobile, undefined)).toEqual({ errors: { projectId: 'Use at most 100 characters.' } });
  });

  it('saves a header row alone without pinning columns, and a project ID only when it differs', () => {
    const form = mappingFormFor(mobile, undefined);
    expect(parseMappingForm({ ...form, headerRow: '6' }, mobile, undefined)).toEqual({ mapping: { sheet: 'Mobile App', headerRow: 6 } });
    expect(parseMappingForm({ ...form, projectId: 'APP' }, mobile, undefined)).toEqual({ mapping: { sheet: 'Mobile App', projectId: 'APP' } });
  });

  it('replaces a mapping in place (names match ignoring case) and removes the list when it empties', () => {
    const base: RollupSettings = { ...DEFAULT_SETTINGS, sheetMappings: [{ sheet: 'mobile app', ignore: true }, { sheet: 'Notes', headerRow: 4 }] };
    const next = withMapping(base, { sheet: 'Mobile App', headerRow: 7, columns: { finish: 'Q' } });
    expect(next.sheetMappings).toEqual([{ sheet: 'Mobile App', headerRow: 7, columns: { finish: 'Q' } }, { sheet: 'Notes', headerRow: 4 }]);
    expect(withMapping(DEFAULT_SETTINGS, { sheet: 'Notes', ignore: true }).sheetMappings).toEqual([{ sheet: 'Notes', ignore: true }]);
    expect(withoutMapping(next, 'MOBILE APP').sheetMappings).toEqual([{ sheet: 'Notes', headerRow: 4 }]);
    expect(withoutMapping(withoutMapping(next, 'Mobile App'), 'Notes')).not.toHaveProperty('sheetMappings');
    expect(base.sheetMappings).toHaveLength(2);
  });

  it('what the form saves survives the core validation and the stored JSON unchanged', () => {
    const form = mappingFormFor(mobile, undefined);
    const parsed = parseMappingForm({ ...form, columns: { ...form.columns, finish: 'q' }, dateOrder: 'YMD' }, mobile, undefined);
    if (!('mapping' in parsed)) throw new Error(JSON.stringify(parsed));
    const settings = withMapping(DEFAULT_SETTINGS, parsed.mapping);
    expect(validateSettings(settings)).toEqual({ settings, problems: [] });
    expect(validateSettings(JSON.parse(serializeSettings(settings))).settings.sheetMappings).toEqual([{ sheet: 'Mobile App', headerRow: 7, columns: { finish: 'Q' }, dateOrder: 'YMD' }]);
  });
});

describe('reading words', () => {
  it('says what a sheet became', () => {
    expect(SAMPLE_READINGS.map(readingVerdict)).toEqual([
      'Project PLT, 32 tasks', 'Project MOB, 27 tasks', 'Project WEB, 25 tasks', 'Project DWH, 21 tasks', 'Project ROL, 18 tasks',
      'Program sheet', 'Skipped', 'Risk log for PLT, MOB',
    ]);
    expect(readingVerdict(tracker)).toBe('2 projects (Alpha, Beta)');
    expect(readingVerdict({ ...mobile, kind: 'risk-log', projects: [] })).toBe('Risk log, not attached');
    expect(readingVerdict({ ...mobile, kind: 'risk-log', projects: ['DW'], reason: 'issues, actions and decisions log (attached to DW)' })).toBe('Issues, actions and decisions log for DW');
    expect(readingVerdict({ ...mobile, kind: 'risk-log', projects: [], reason: 'RAID log with no project to attach to' })).toBe('RAID log, not attached');
    expect(readingVerdict({ ...mobile, projects: [], taskCount: 1 })).toBe('Project, 1 task');
  });

  it('names a two-row heading by both rows and counts in the singular when one', () => {
    expect(headerRowText({ ...mobile, headerTopRow: 6 })).toBe('rows 6–7');
    expect(headerRowText({ ...mobile, headerRow: null })).toBeNull();
    expect(countsText({ ...mobile, taskCount: 1, summaryCount: 0, milestoneCount: 1, linkCount: 0 })).toBe('1 task, 0 summary rows, 1 milestone, 0 links');
  });

  it('gives repeated texts distinct keys', () => {
    expect(stableKeys(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a#1', 'a#2']);
  });
});
