import type { CellValue } from '../../../src/core/grid';
import { readProgram } from '../../../src/core/read';
import { appSheet, grid, platformSheet, settings } from './helpers';

const codesAt = (m: ReturnType<typeof readProgram>): string[] => m.issues.map((i) => `${i.code}@${i.sheet}!${i.cell ?? '-'}`).sort();

describe('clean sheets', () => {
  const m = readProgram({ grids: [platformSheet(), appSheet(), grid('Notes', [['Meeting notes'], ['nothing here']])] }, settings());

  test('no issues on a clean workbook', () => {
    expect(m.issues).toEqual([]);
  });

  test('metadata above the table', () => {
    const plat = m.projects[0];
    expect(plat).toMatchObject({ id: 'PLAT', name: 'Platform Build', manager: 'Dana Ruiz', statusDate: 46112, budget: 250000, hidden: false });
    expect(m.statusDate).toBe(46112);
  });

  test('tasks read across a blank row, with values parsed', () => {
    const plat = m.projects[0];
    expect(plat.tasks.map((t) => t.key)).toEqual(['PLAT:1', 'PLAT:2', 'PLAT:3']);
    expect(plat.tasks[1]).toMatchObject({ name: 'Build', baselineFinish: 46080, finish: 46090, percentComplete: 0.5, budget: 150000, actualCost: 90000, owner: 'Lee', row: 9 });
    expect(plat.tasks[1].source).toEqual({ sheet: 'Platform Build', cell: 'B9' });
    // Launch starts and finishes on one day: a one-day task, not a milestone (a milestone has zero duration).
    expect(plat.tasks[2].isMilestone).toBe(false);
    expect(plat.tasks[0].isMilestone).toBe(false);
  });

  test('risk register below the tasks ends the task table', () => {
    const plat = m.projects[0];
    expect(plat.tasks).toHaveLength(3);
    expect(plat.risks.map((r) => [r.id, r.probability, r.impactLevel, r.costImpact, r.isOpen, r.taskId])).toEqual([
      ['R1', 0.7, 4, 20000, true, '2'],
      ['R2', 0.3, 2, 5000, false, null],
    ]);
  });

  test('predecessors resolve within and across projects, by ID or sheet name', () => {
    const build = m.projects[0].tasks[1];
    expect(build.predecessors).toEqual([{ project: 'PLAT', task: '1', type: 'FS', lag: 0, lagUnit: 'working', text: '1', source: { sheet: 'Platform Build', cell: 'K9' } }]);
    const release = m.projects[1].tasks[1];
    expect(release.predecessors.map((p) => `${p.project}:${p.task}${p.type}${p.lag}`)).toEqual(['APP:1FS0', 'PLAT:3FS5']);
  });

  test('sheets without a task table are skipped with a reason', () => {
    expect(m.skipped).toEqual([{ sheet: 'Notes', reason: expect.stringContaining('no task table'), hidden: false }]);
  });
});

describe('layout', () => {
  test('header at any offset; addresses shifted by the grid origin', () => {
    const values: CellValue[][] = [[], [], [null, null, 'Name', 'Due Date', '% Done'], [null, null, 'Kickoff', 'soon', 150]];
    const m = readProgram({ grids: [grid('S', values, { origin: { row: 4, col: 1 }, hidden: true })] }, settings());
    expect(m.projects[0].hidden).toBe(true);
    expect(m.projects[0].tasks[0].row).toBe(8);
    expect(codesAt(m)).toEqual(['BASELINE_MISSING@S!D7', 'DATE_UNREADABLE@S!E8', 'PERCENT_OUT_OF_RANGE@S!F8']);
  });

  test('header past row 50 is not a task table', () => {
    const values: CellValue[][] = Array.from({ length: 50 }, () => ['']);
    values.push(['Task', 'Finish'], ['A', 46000]);
    const m = readProgram({ grids: [grid('Late', values)] }, settings());
    expect(m.projects).toEqual([]);
    expect(m.skipped[0].sheet).toBe('Late');
  });

  test('a repeated header row inside the table is skipped', () => {
    const m = readProgram({ grids: [grid('S', [['Task', 'Finish', 'Baseline Finish'], ['A', 46000, 46000], ['Task', 'Finish', 'Baseline Finish'], ['B', 46001, 46001]])] }, settings());
    expect(m.projects[0].tasks.map((t) => t.name)).toEqual(['A', 'B']);
    expect(m.issues).toEqual([]);
  });

  test('1904 workbooks are normalised to 1900 serials', () => {
    const m = readProgram({ grids: [grid('S', [['Status Date', 46112 - 1462], ['Task', 'Finish'], ['A', 46000 - 1462]])], date1904: true }, settings());
    expect(m.projects[0].statusDate).toBe(46112);
    expect(m.projects[0].tasks[0].finish).toBe(46000);
  });
});

describe('issues at the right cell', () => {
  test('row checks', () => {
    const m = readProgram({ grids: [grid('P', [
      ['ID', 'Task', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', 'Actual Start', '% Complete', 'Budget', 'Actual Cost', 'Predecessors'],
      [1, 'A', 46000, 46010, 46020, 46010, null, '40%', null, 500, '1'],
      [1, 'Dup', 46000, 46010, 46000, 46010, 46000, 0, 10, 0, ''],
      [2, 'B', null, null, 46000, 46001, 46000, 'n/a', '#REF!', 0, 'X:1, 9, 1FS+2h'],
      [3, 'C', 46000, 46001, '03/04/2026', '04/05/2026', 46000, 0, 10, 0, "'P':2SS"],
    ])] }, settings());
    expect(codesAt(m)).toEqual([
      'ACTUAL_COST_NO_BUDGET@P!J2',
      'BASELINE_MISSING@P!D4',
      'BLANK_MARKER@P!H4',
      'DATE_AMBIGUOUS@P!E5',
      'DATE_AMBIGUOUS@P!F5',
      'DUPLICATE_TASK_ID@P!A3',
      'EXCEL_ERROR@P!I4',
      'FINISH_BEFORE_START@P!F2',
      'PREDECESSOR_MALFORMED@P!K4',
      'PREDECESSOR_SELF@P!K2',
      'PREDECESSOR_UNKNOWN_PROJECT@P!K4',
      'PREDECESSOR_UNKNOWN_TASK@P!K4',
      'PROGRESS_WITHOUT_ACTUAL_START@P!G2',
    ]);
    const c = m.projects[0].tasks.find((t) => t.id === '3');
    expect(c?.predecessors.map((p) => `${p.project}:${p.task}${p.type}`)).toEqual(['P:2SS']);
    expect(m.projects[0].tasks.map((t) => t.id)).toEqual(['1', '2', '3']);
  });

  test('ambiguous dates follow the setting', () => {
    const sheet = grid('P', [['Task', 'Finish'], ['A', '03/04/2026']]);
    expect(readProgram({ grids: [sheet] }, settings()).projects[0].tasks[0].finish).toBe(46085);
    expect(readProgram({ grids: [sheet] }, settings({ dateOrder: 'DMY' })).projects[0].tasks[0].finish).toBe(46115);
  });

  test('two sheets claiming one project ID', () => {
    const a = grid('A', [['Project ID', 'X'], ['Task', 'Finish'], ['t', 46000]]);
    const b = grid('B', [['Key', 'x'], ['Task', 'Finish'], ['t', 46000]]);
    const m = readProgram({ grids: [a, b] }, settings());
    expect(m.projects.map((p) => p.sheet)).toEqual(['A']);
    expect(codesAt(m)).toEqual(['BASELINE_MISSING@A!A2', 'DUPLICATE_PROJECT_ID@B!B1']);
    expect(m.skipped.map((s) => s.sheet)).toEqual(['B']);
  });
});

describe('program sheets and settings', () => {
  test('excluded, owned, holidays, dependencies and history', () => {
    const m = readProgram({
      grids: [
        platformSheet(),
        appSheet(),
        grid('Old Project', [['Task', 'Finish'], ['x', 1]]),
        grid('Holidays', [['Holiday', 'Date'], ['New Year', 46023], ['Memorial Day', '2026-05-25'], ['Broken', '#N/A']]),
        grid('Dependencies', [
          ['From Project', 'From Task', 'To Project', 'To Task', 'Type', 'Lag', 'Need By', 'Owner'],
          ['PLAT', '3', 'Mobile App', '2', 'SS', '2d', '2026-03-01', 'Kim'],
          ['PLAT', '99', 'APP', '2', '', '', '', ''],
          ['NOPE', '1', 'APP', '2', '', '', '', ''],
        ]),
        grid('Program Summary', [['whatever']], { ownedRole: 'summary' }),
        grid('Rollup History', [
          ['Roll-up history'], [],
          ['Roll-up at', 'Status date', 'Project ID', 'Project', 'SPI', 'CPI', 'SV(t) days', 'Finish variance (d)', 'Risk exposure', 'Health'],
          ['2026-03-31 10:00', 46112, 'PLAT', 'Platform Build', 0.9, 1.1, -3, 4, 12000, 'Amber'],
        ], { ownedRole: 'history' }),
      ],
    }, settings({ excludedSheets: ['old project'] }));
    expect(m.projects.map((p) => p.id)).toEqual(['PLAT', 'APP']);
    expect(m.skipped.map((s) => [s.sheet, s.reason])).toEqual([
      ['Old Project', 'excluded in settings'],
      ['Holidays', expect.stringContaining('Holidays')],
      ['Dependencies', expect.stringContaining('Dependencies')],
      ['Program Summary', expect.stringContaining('own summary')],
      ['Rollup History', expect.stringContaining('own history')],
    ]);
    expect(m.holidays).toEqual([46023, 46167]);
    expect(m.dependencies).toEqual([expect.objectContaining({ fromProject: 'PLAT', fromTask: '3', toProject: 'APP', toTask: '2', type: 'SS', lag: 2, needBy: 46082, owner: 'Kim', source: { sheet: 'Dependencies', cell: 'A2' } })]);
    expect(m.history).toEqual([{ rollupAt: '2026-03-31 10:00', statusDate: '2026-03-31', projectId: 'PLAT', projectName: 'Platform Build', spi: 0.9, cpi: 1.1, svtDays: -3, finishVarianceDays: 4, riskExposure: 12000, health: 'Amber' }]);
    expect(codesAt(m)).toEqual(['DEPENDENCY_UNKNOWN_PROJECT@Dependencies!A4', 'DEPENDENCY_UNKNOWN_TASK@Dependencies!A3', 'EXCEL_ERROR@Holidays!B4']);
  });

  test('no holiday sheet configured: a Holidays sheet without a task table is just skipped', () => {
    const m = readProgram({ grids: [grid('Holidays', [['Date'], [46023]])] }, settings({ holidaySheet: null }));
    expect(m.holidays).toEqual([]);
    expect(m.skipped[0].reason).toContain('no task table');
  });
});

describe('regressions', () => {
  test('a very long sheet does not overflow the stack when its links are gathered (no spread of long arrays)', () => {
    const values: CellValue[][] = [['ID', 'Task', 'Finish', 'Predecessors']];
    const n = 150000;
    for (let i = 1; i <= n; i++) values.push([i, `T${i}`, 46000, i === 1 ? null : i - 1]);
    const m = readProgram({ grids: [grid('Long', values)] }, settings());
    expect(m.projects[0].tasks).toHaveLength(n);
    expect(m.projects[0].tasks[n - 1].predecessors[0].task).toBe(String(n - 1));
  });
});

describe('headings inside the task table', () => {
  test('a label in the ID column or a name alone is a heading; ID + name is a task', () => {
    const m = readProgram({ grids: [grid('S', [
      ['ID', 'Task', 'Finish', 'Baseline Finish'],
      [null, 'Phase 1', null, null],
      [1, 'Design', 46000, 46000],
      [2, 'Not planned yet', null, null],
      ['Risk Register', null, null, null],
    ])] }, settings());
    expect(m.projects[0].tasks.map((t) => t.name)).toEqual(['Design', 'Not planned yet']);
    expect(codesAt(m)).toEqual(['BASELINE_MISSING@S!D4']);
  });
});

test('a malformed origin from an adapter does not crash the read', () => {
  const m = readProgram({ grids: [grid('S', [['Task', 'Finish'], ['A', 'soon']], { origin: { row: -3, col: Number.NaN } })] }, settings());
  expect(codesAt(m)).toEqual(['BASELINE_MISSING@S!A1', 'DATE_UNREADABLE@S!B2']);
});
