/**
 * Issue 12, "crashes and hangs from a single cell": lags and dates are bounded, so one mistyped predecessor
 * becomes an issue at its cell and the rest of the program still rolls up.
 */
import { MAX_LAG_DAYS, parseLag, parseOneLink } from '../../src/core/read/predecessors';
import { CALENDAR_LAST_SERIAL, WorkCalendar, serialToIso } from '../../src/core/calendar';
import { rollup } from '../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readXlsxGrids } from '../../src/xlsx/read';
import { analyzeProgram } from '../../src/core/analyze';
import { parseDate } from '../../src/core/read/cells';
import { d, model, project, settings, task } from '../core/analyze/fixtures';
import { sampleWith } from './sample-edit';

const NOW = new Date(Date.UTC(2026, 10, 14));

async function rollUpSampleWith(edits: Parameters<typeof sampleWith>[0]) {
  const { input } = await readXlsxGrids(await sampleWith(edits));
  return rollup(input, { ...DEFAULT_SETTINGS, statusDate: '2026-11-13' }, NOW);
}

/** Every ISO date string anywhere in the result: none may have a sign or more than four year digits. */
function isoStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^[+-]?\d{4,}-\d\d/.test(value)) out.push(value);
  else if (Array.isArray(value)) for (const v of value) isoStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) isoStrings(v, out);
  return out;
}

describe('predecessor lag 14FS+99999999d killed Node (invalid size error): lags are bounded', () => {
  it.each(['14FS+99999999d', '14FS+99999999ed', `14FS+${'9'.repeat(21)}d`, '14SS-10001d', "'Platform':3FF+20001w"])(
    '%s is refused with a reason naming the bound', (text) => {
      const r = parseOneLink(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain(MAX_LAG_DAYS.toLocaleString('en-US'));
    });
  it('keeps lags up to the bound', () => {
    const r = parseOneLink(`3FS+${MAX_LAG_DAYS}d`);
    expect(r.ok && r.link.lag).toBe(MAX_LAG_DAYS);
  });
  it('refuses a register lag past the bound (LAG_UNREADABLE, 0 used) and keeps a sane one', () => {
    expect(parseLag('99999999ed')).toBeNull();
    expect(parseLag('1e3')).toBeNull();
    expect(parseLag('-3w')).toEqual({ lag: -15, lagUnit: 'working' });
  });
  it.each(['10FS+99999999d', '10FS+99999999ed', `10FS+${'1'.repeat(21)}d`])(
    'a sample workbook with %s rolls up all five projects with an error at Rollout!M20', async (lag) => {
      const { result } = await rollUpSampleWith({ Rollout: { M20: lag } });
      expect(result.projects.map((p) => p.id)).toEqual(['PLAT', 'DW', 'WEB', 'APP', 'ROLL']);
      const at = result.issues.filter((i) => i.sheet === 'Rollout' && i.cell === 'M20');
      expect(at.map((i) => i.code)).toEqual(['PREDECESSOR_MALFORMED']);
      expect(result.program.forecastFinish).toBe('2027-12-21');
    });
});

describe('lag +10000000d gave "+040357-10" dates: no date leaves Excel\'s range', () => {
  it('the working-day calendar saturates at 9999-12-31 instead of growing', () => {
    const cal = new WorkCalendar();
    expect(cal.workdayAdd(46339, 1e9)).toBe(CALENDAR_LAST_SERIAL);
    expect(cal.elapsedAdd(46339, 1e12)).toBe(CALENDAR_LAST_SERIAL);
    expect(cal.workdayAdd(46339, -1e9)).toBeGreaterThanOrEqual(1);
    expect(serialToIso(cal.workdayAdd(46339, Number.MAX_SAFE_INTEGER))).toBe('9999-12-31');
  });
  it('a chain of maximal lags moves the forecast by their sum, and the JSON has no extended-year dates', async () => {
    const edits: Record<string, string> = {};
    // Tasks 13..16 of Rollout chained with the largest lag allowed: 40,000 working days, about 150 years.
    for (let row = 20; row <= 23; row++) edits[`M${row}`] = `${row - 8}FS+${MAX_LAG_DAYS}d`;
    const { result } = await rollUpSampleWith({ Rollout: edits });
    expect(isoStrings(result).filter((s) => !/^\d{4}-\d\d-\d\d/.test(s) || s > '9999-12-31')).toEqual([]);
    expect(result.program.forecastFinish! > '2150-01-01' && result.program.forecastFinish! <= '9999-12-31').toBe(true);
  });
});

describe('a task at 9999-12-31 made the program forecast 2027-06-22 (-2,079,927 working days)', () => {
  it('in a sheet, the reader sets the date aside as implausible (an issue at the cell) and the forecast stays sane', async () => {
    const { result } = await rollUpSampleWith({ Rollout: { G20: 2958465 } });
    expect(result.issues.filter((i) => i.sheet === 'Rollout' && i.cell === 'G20').map((i) => i.code)).toEqual(['DATE_IMPLAUSIBLE']);
    expect(result.program.forecastFinish).toBe('2027-12-21');
    expect(result.program.finishVarianceDays).toBe(19);
  });
  it('when such a task reaches the analysis, the forecast follows it to 9999-12-31 and the variance is late, not early', () => {
    const late = task('X', '2', { baselineStart: d('2027-01-04'), baselineFinish: d('2027-01-08'), start: d('2027-01-04'), finish: 2_958_465 });
    const res = analyzeProgram(model([project('X', [task('X', '1', { baselineStart: d('2027-01-04'), baselineFinish: d('2027-01-08'), start: d('2027-01-04'), finish: d('2027-01-08') }), late])]),
      settings({ statusDate: '2026-11-13' }), NOW);
    expect(res.program.forecastFinish).toBe('9999-12-31');
    expect(res.program.finishVarianceDays).toBeGreaterThan(2_000_000);
  });
});

describe('text like 2026-12-31T25:61 was read as a date', () => {
  it.each(['2026-12-31T25:61', '2026-12-31 24:00', '2026-12-31T23:60', '2026-12-31T12:00+25:00'])('%s is not a date', (text) => {
    expect(parseDate(text, 'MDY', false).kind).toBe('bad');
  });
  it.each(['2026-12-31T23:59', '2026-12-31 07:05:59.5', '2026-12-31T00:00Z', '2026-12-31T09:30+05:30'])('%s still is', (text) => {
    expect(parseDate(text, 'MDY', false)).toMatchObject({ kind: 'value', value: 46387 });
  });
});
