import { rollup } from '../../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { Grid } from '../../../src/core/grid';
import { PeopleDirectory, tokenize } from '../../../src/core/read/assignments';
import { parseCapacity } from '../../../src/core/read/capacity';
import { parseEnablers } from '../../../src/core/read/benefits';
import { mondayOf } from '../../../src/core/analyze/load-weeks';
import { analyzeProgram } from '../../../src/core/analyze';
import { readProgram } from '../../../src/core/read';
import type { ResourceConflict } from '../../../src/core/result';
import { core, data, sheet } from './fixtures';

const NOW = new Date('2026-03-02T09:00:00Z');
/** PLAT:7 "Platform build" 03-30 .. 04-10, no predecessor: Bo Lee's second job, after DATA:1 on the PMs' dates. */
const plat = (): Grid => sheet('Platform', 'PLAT', [
  [5, 'Go-live', '2026-03-30', '2026-03-30', 'DATA:1', ''],
  [7, 'Platform build', '2026-03-30', '2026-04-10', '', 'Lee, Bo'],
]);
const capacity = (): Grid => ({
  sheet: 'Capacity',
  values: [
    ['Person', 'Capacity', 'Non-working dates'],
    ['Souza, Ana', '50%', '2026-03-09'],
    ['bo  LEE', '40h', '2026-04-13 to 2026-04-17'],
  ],
});

function run(grids: Grid[]): ReturnType<typeof rollup>['result'] {
  return rollup({ grids }, DEFAULT_SETTINGS, NOW).result;
}

describe('shared people across projects', () => {
  test('a conflict that appears only after a propagated slip (hand-computed)', () => {
    const r = run([core(), data(), plat(), capacity()]).resources;
    expect(r).toBeDefined();
    if (!r) return;
    // Status 2026-03-02 is a Monday; the last loaded day is 04-10: six weeks.
    expect(r.weeks).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06']);
    const bo = r.people.find((p) => p.name === 'Bo Lee');
    // PMs' dates: DATA:1 in weeks 03-16 and 03-23, PLAT:7 in 03-30 and 04-06: never two at once.
    expect(bo?.ownLoad).toEqual([0, 0, 5, 5, 5, 5]);
    // Forecast: DATA:1 pushed to 03-23 .. 04-03 by CORE:1, so week 03-30 carries both: 10 days in 5.
    expect(bo?.load).toEqual([0, 0, 0, 5, 10, 5]);
    expect(bo?.available).toEqual([5, 5, 5, 5, 5, 5]);
    expect(bo?.projects).toEqual(['DATA', 'PLAT']);
    const c = r.conflicts.find((x) => x.person === 'Bo Lee');
    expect(c).toMatchObject({ fromWeek: '2026-03-30', toWeek: '2026-03-30', weeks: 1, peakUtilisation: 2, excessDays: 5, crossProject: true, causedBySlip: true, slipSources: ['CORE:1'], taskCount: 2 });
    expect(c?.tasks.map((t) => [t.key, t.loadDays, t.pushed, t.sheet, t.cell])).toEqual([['DATA:1', 5, true, 'Data', 'B6'], ['PLAT:7', 5, false, 'Platform', 'B7']]);
    expect(c?.reason).toContain('Created by a slip: DATA:1 moved from 2026-03-16 to 2026-03-23 by CORE:1');
    expect(r.conflicts[0].person).toBe('Bo Lee');
  });

  test('without the slip there is no conflict for Bo', () => {
    const calm = sheet('Core', 'CORE', [[1, 'Core API', '2026-03-02', '2026-03-13', '', 'Ana Souza']]);
    const r = run([calm, data(), plat(), capacity()]).resources;
    expect(r?.conflicts.filter((c) => c.person === 'Bo Lee')).toEqual([]);
  });

  test('a conflict lists its tasks largest load first, equal loads in row order', () => {
    // Week of 2026-03-02 for Cy, by row: TEAM:3 (2 days), TEAM:2 (3), TEAM:4 (2 days at 50 %), TEAM:1 (3).
    // No row's dates hold a later row's, so none reads as a summary.
    const team = sheet('Team', 'TEAM', [
      [3, 'Third', '2026-03-05', '2026-03-06', '', 'Cy Park'],
      [2, 'Second', '2026-03-04', '2026-03-06', '', 'Cy Park'],
      [4, 'Fourth', '2026-03-02', '2026-03-03', '', 'Cy Park[50%]'],
      [1, 'First', '2026-03-02', '2026-03-04', '', 'Cy Park'],
    ]);
    const c = run([team]).resources?.conflicts.find((x) => x.person === 'Cy Park');
    expect(c?.tasks.map((t) => [t.key, t.loadDays])).toEqual([['TEAM:2', 3], ['TEAM:1', 3], ['TEAM:3', 2], ['TEAM:4', 1]]);
    expect(c).toMatchObject({ excessDays: 4, taskCount: 4, crossProject: false });
  });

  test('a long conflict lists its largest loads first too, equal loads in row order', () => {
    // 70 tasks of 3 to 7 working days for Cy, each row starting a working day before the row above (so
    // none reads as a summary), every week from 2026-03-02 over-allocated: one run holding all 70.
    const day = (d: Date): string => d.toISOString().slice(0, 10);
    const addWorkdays = (d: Date, n: number): Date => {
      const x = new Date(d);
      for (let k = 0; k < Math.abs(n); ) {
        x.setUTCDate(x.getUTCDate() + Math.sign(n));
        if (x.getUTCDay() % 6 !== 0) k++;
      }
      return x;
    };
    const first = new Date('2026-03-02T00:00:00Z');
    const rows = Array.from({ length: 70 }, (_, i) => {
      const start = addWorkdays(first, 69 - i);
      const len = 3 + ((i * 3) % 5);
      return { id: i + 1, len, cells: [i + 1, `Job ${i + 1}`, day(start), day(addWorkdays(start, len - 1)), '', 'Cy Park'] };
    });
    const c = run([sheet('Team', 'TEAM', rows.map((r) => r.cells))]).resources?.conflicts.find((x) => x.person === 'Cy Park');
    const expected = [...rows].sort((a, b) => b.len - a.len || a.id - b.id).slice(0, 20).map((r) => [`TEAM:${r.id}`, r.len]);
    expect(c?.taskCount).toBe(70);
    expect(c?.tasks.map((t) => [t.key, t.loadDays])).toEqual(expected);
  });

  test('a conflict\'s tasks and reason, built on first read, behave as plain data: --json, spreads, assignment', () => {
    // The analysis alone: the workbook plan (rollup) reads the first conflicts' reasons itself.
    const fresh = (): ResourceConflict | undefined => {
      const grids = [core(), data(), plat(), capacity()];
      return analyzeProgram(readProgram({ grids }, DEFAULT_SETTINGS), DEFAULT_SETTINGS, NOW).resources?.conflicts.find((x) => x.person === 'Bo Lee');
    };
    const json = JSON.parse(JSON.stringify(fresh())) as ResourceConflict | undefined;
    expect(Object.keys(json ?? {})).toEqual([
      'person', 'fromWeek', 'toWeek', 'weeks', 'peakUtilisation', 'excessDays', 'crossProject', 'causedBySlip', 'slipSources', 'reason', 'tasks', 'taskCount',
    ]);
    expect(json?.tasks.map((t) => t.key)).toEqual(['DATA:1', 'PLAT:7']);
    expect(json?.reason).toContain('DATA:1 "Data migration" (100 %), PLAT:7 "Platform build" (100 %). Created by a slip: DATA:1 moved');
    const c = fresh();
    expect(c?.tasks).toBe(c?.tasks); // built once, then kept
    expect({ ...c }.tasks).toEqual(json?.tasks);
    // The reason is written from the tasks as built, not from a list a reader changed before reading it.
    const d = fresh();
    if (!d) throw new Error('no conflict for Bo Lee');
    d.tasks.reverse();
    d.tasks = [];
    expect(d.tasks).toEqual([]);
    expect(d.reason).toBe(json?.reason);
  });

  test('capacity: "Last, First" and spacing match, 50 % halves availability, leave removes days', () => {
    const r = run([core(), data(), plat(), capacity()]).resources;
    const ana = r?.people.find((p) => p.name === 'Ana Souza');
    // Half time; on leave Mon 03-09, so that week has 4 working days × 0.5 = 2.
    expect(ana).toMatchObject({ capacity: 0.5, listed: true, available: [2.5, 2, 2.5, 2.5, 2.5, 2.5] });
    // CORE:1 03-02 .. 03-20 full time: 5 days a week for three weeks against 2.5, 2, 2.5: excess 2.5 + 3 + 2.5;
    // one project, on its PM's own dates.
    const c = r?.conflicts.find((x) => x.person === 'Ana Souza');
    expect(c).toMatchObject({ weeks: 3, peakUtilisation: 2.5, excessDays: 8, crossProject: false, causedBySlip: false });
    expect(r?.people.map((p) => p.name).sort()).toEqual(['Ana Souza', 'Bo Lee']);
    expect(r?.line).toBe('2 of 2 people over-allocated; 1 cross-project conflict, 1 created by a slip in another project.');
  });
});

describe('Program Resources sheet and the summary', () => {
  const out = (): ReturnType<typeof rollup> => rollup({ grids: [core(), data(), plat(), capacity()] }, DEFAULT_SETTINGS, NOW);

  test('heat map: people × weeks of load ÷ available, coloured by conditional formats', () => {
    const s = out().plan.sheets.find((x) => x.role === 'resources');
    expect(s?.name).toBe('Program Resources');
    const head = s?.blocks.find((b) => b.address === 'A4');
    expect(head?.values[0].slice(0, 5)).toEqual(['Person', 'Capacity', 'Projects', 'Peak', 46083]);
    const rows = s?.blocks.find((b) => b.address === 'A5')?.values;
    // Ana: 5 days in 2.5, 2 (leave), 2.5, then nothing; Bo: 0, 0, 0, 1, 2, 1.
    expect(rows?.[0]).toEqual(['Ana Souza', 0.5, 'CORE', 2.5, 2, 2.5, 2, 0, 0, 0]);
    expect(rows?.[1]).toEqual(['Bo Lee', 1, 'DATA, PLAT', 2, 0, 0, 0, 1, 2, 1]);
    const rules = s?.conditionalFormats.filter((c) => c.range === 'E5:J6').map((c) => c.rule);
    expect(rules).toEqual([
      { kind: 'cellValue', operator: 'greaterThan', formula1: '1' },
      { kind: 'cellValue', operator: 'greaterThanOrEqual', formula1: '0.8' },
      { kind: 'cellValue', operator: 'greaterThan', formula1: '0' },
    ]);
  });

  test('each over-allocation lists its tasks with a link to their cells, slip-created first', () => {
    const s = out().plan.sheets.find((x) => x.role === 'resources');
    const heading = s?.blocks.find((b) => b.values[0][0] === '1. Bo Lee');
    expect(heading?.values[0][2]).toBe('Created by a slip (CORE:1)');
    expect(s?.hyperlinks.map((h) => [h.sheet, h.target])).toEqual(expect.arrayContaining([['Data', 'B6'], ['Platform', 'B7'], ['Core', 'B6']]));
  });

  test('Program Summary names the people line and the top conflicts', () => {
    const summary = out().plan.sheets[0];
    const text = summary.blocks.filter((b) => b.values.length === 1 && b.values[0].length === 1).map((b) => String(b.values[0][0]));
    expect(text).toContain('People: 2 of 2 people over-allocated; 1 cross-project conflict, 1 created by a slip in another project.');
    expect(text).toContain('  1. Bo Lee at 200 %, week of 2026-03-30: DATA:1 + PLAT:7 — created by a slip (CORE:1).');
  });
});

describe('resource names', () => {
  test('MS Project syntax, plain lists and units', () => {
    expect(tokenize('Ana[50%]; Bo')).toEqual([{ name: 'Ana', units: 0.5, lastFirst: false }, { name: 'Bo', units: 1, lastFirst: false }]);
    expect(tokenize('Ana, Bo Lee,Cy (25%)').map((t) => [t.name, t.units])).toEqual([['Ana', 1], ['Bo Lee', 1], ['Cy', 0.25]]);
    expect(tokenize('Souza, Ana; Lee, Bo[0.5]').map((t) => [t.name, t.units, t.lastFirst])).toEqual([['Ana Souza', 1, true], ['Bo Lee', 0.5, true]]);
  });

  test('"Last, First" in a comma list is one person only when unambiguous', () => {
    const dir = new PeopleDirectory();
    dir.learn('Ana Souza');
    expect(dir.resolve('Souza, Ana').map((a) => a.name)).toEqual(['Ana Souza']);
    dir.learn('Ana');
    // Someone is called just "Ana": "Souza, Ana" may be two people, so it stays as written.
    expect(dir.resolve('Souza,  Ana ').map((a) => a.key)).toEqual(['souza', 'ana']);
    expect(dir.resolve('ANA  souza').map((a) => a.name)).toEqual(['Ana Souza']);
  });

  test('hostile cells: long whitespace runs and brackets read without blowing up', () => {
    const spaces = ' '.repeat(32_000);
    expect(tokenize(`Ana${spaces}Souza[50%]`)).toEqual([{ name: 'Ana Souza', units: 0.5, lastFirst: false }]);
    expect(tokenize(`[${spaces}`).map((t) => t.name)).toEqual(['[']);
    expect(parseEnablers(`PLAT${spaces}:${spaces}5`).refs).toEqual([{ project: 'PLAT', task: '5', text: 'PLAT : 5' }]);
  });

  test('capacity cells', () => {
    expect([parseCapacity('80%', false), parseCapacity(0.8, false), parseCapacity(80, false), parseCapacity('32h', false), parseCapacity(20, true), parseCapacity('x', false)])
      .toEqual([0.8, 0.8, 0.8, 0.8, 0.5, null]);
    expect(mondayOf(46113)).toBe(46111);
  });
});
