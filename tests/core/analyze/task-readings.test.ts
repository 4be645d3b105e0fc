/**
 * The per-task reading in the result (`tasks`) and phases (summary rows) in the output: phases are named,
 * never counted in taskCount, budgets or EVM (issue 10).
 */
import { analyzeProgram } from '../../../src/core/analyze';
import type { Phase, Task } from '../../../src/core/model';
import { d, model, project, settings, task, NOW } from './fixtures';

function phase(id: string, name: string, level: number, row: number, taskIds: string[], fields: Partial<Phase> = {}): Phase {
  return {
    id, name, level, row, source: { sheet: 'W', cell: `B${row}` }, start: null, finish: null, baselineStart: null, baselineFinish: null,
    percentComplete: null, taskIds, ...fields,
  };
}

/** 1 Design (rows 2–4) > 1.1, 1.2 ; 2 Build (row 5) > 2.1 Backend (row 6, level 2) > 2.1.1, 2.1.2 milestone. */
function outlined(): { tasks: Task[]; phases: Phase[] } {
  const t = (id: string, row: number, from: string, to: string, fields: Partial<Task>): Task =>
    task('W', id, {
      row, source: { sheet: 'W', cell: `B${row}` }, outline: id, baselineStart: d(from), baselineFinish: d(to), start: d(from), finish: d(to),
      budget: 1000, ...fields,
    });
  return {
    tasks: [
      t('1.1', 3, '2024-05-06', '2024-05-10', { parent: '1', percentComplete: 1, actualStart: d('2024-05-06'), actualFinish: d('2024-05-10') }),
      t('1.2', 4, '2024-05-13', '2024-05-17', { parent: '1', percentComplete: 0.5, actualStart: d('2024-05-13'), finish: d('2024-05-21') }),
      t('2.1.1', 7, '2024-05-20', '2024-05-24', { parent: '2.1', percentComplete: 0 }),
      t('2.1.2', 8, '2024-05-24', '2024-05-24', { parent: '2.1', isMilestone: true, budget: null }),
    ],
    phases: [
      phase('1', 'Design', 1, 2, ['1.1', '1.2']),
      phase('2', 'Build', 1, 5, ['2.1.1', '2.1.2'], { start: d('2024-05-20'), finish: d('2024-05-24'), baselineFinish: d('2024-05-24'), percentComplete: 0.1 }),
      phase('2.1', 'Backend', 2, 6, ['2.1.1', '2.1.2']),
    ],
  };
}

describe('tasks: the task table as read', () => {
  const { tasks, phases } = outlined();
  const res = analyzeProgram(model([project('W', tasks, { phases })]), settings({ statusDate: '2024-05-15' }), NOW);

  it('lists tasks and phases in row order, phases flagged summary with level, parent and child count', () => {
    expect(res.tasks.map((r) => `${r.id}${r.summary ? '*' : ''}`)).toEqual(['1*', '1.1', '1.2', '2*', '2.1*', '2.1.1', '2.1.2']);
    const byId = new Map(res.tasks.map((r) => [r.id, r]));
    expect(byId.get('2.1')).toMatchObject({ key: 'W:2.1', summary: true, level: 2, parent: '2', childCount: 2, milestone: false, name: 'Backend', sheet: 'W', cell: 'B6' });
    expect(byId.get('1')).toMatchObject({ level: 1, parent: null, childCount: 2 });
    expect(byId.get('2')).toMatchObject({ start: '2024-05-20', finish: '2024-05-24', baselineFinish: '2024-05-24', percentComplete: 0.1 });
    expect(byId.get('2.1.2')).toMatchObject({ summary: false, milestone: true, parent: '2.1', level: 3, childCount: null });
  });

  it('carries each task\'s own sheet dates and progress as ISO text', () => {
    expect(res.tasks[2]).toEqual({
      key: 'W:1.2', projectId: 'W', id: '1.2', name: 'Task 1.2', percentComplete: 0.5,
      start: '2024-05-13', finish: '2024-05-21', baselineStart: '2024-05-13', baselineFinish: '2024-05-17',
      actualStart: '2024-05-13', actualFinish: null, summary: false, level: 2, childCount: null, milestone: false,
      parent: '1', outline: '1.2', sheet: 'W', cell: 'B4',
    });
  });

  it('phases never count: taskCount, BAC and EVM equal those of the same tasks without phases', () => {
    const flat = analyzeProgram(model([project('W', outlined().tasks)]), settings({ statusDate: '2024-05-15' }), NOW);
    const [a, b] = [res.projects[0], flat.projects[0]];
    expect(a.taskCount).toBe(4);
    expect(a.bac).toBe(3000);
    for (const k of ['taskCount', 'milestoneCount', 'bac', 'pv', 'ev', 'spi', 'spit', 'forecastFinish'] as const) expect([k, a[k]]).toEqual([k, b[k]]);
    expect(flat.tasks.every((r) => !r.summary)).toBe(true);
    expect(b.phases).toEqual([]);
    expect(b.milestones.map((m) => m.phase)).toEqual([null]);
  });

  it('names phases in the output: each milestone\'s phase, and a phase line with its slip', () => {
    expect(res.projects[0].milestones.map((m) => [m.key, m.phase])).toEqual([['W:2.1.2', 'Backend']]);
    const design = res.projects[0].phases.find((p) => p.id === '1');
    // Design's tasks: baseline finish 17 May; task 1.2 is forecast to 21 May: 2 working days late.
    expect(design).toEqual({
      id: '1', name: 'Design', level: 1, taskCount: 2, baselineFinish: '2024-05-17', forecastFinish: '2024-05-21',
      finishVarianceDays: 2, sheet: 'W', cell: 'B2',
    });
  });

  it('is built on first read yet behaves as plain data: in --json output, spreads, and assignable', () => {
    const r = analyzeProgram(model([project('W', outlined().tasks, { phases: outlined().phases })]), settings({ statusDate: '2024-05-15' }), NOW);
    const json = JSON.parse(JSON.stringify(r)) as typeof r;
    expect(json.tasks).toHaveLength(7);
    expect(Object.keys(json)).toContain('tasks');
    expect(r.tasks).toBe(r.tasks); // built once, then kept
    expect({ ...r }.tasks).toBe(r.tasks);
    r.tasks = [];
    expect(r.tasks).toEqual([]);
  });

  it('a phase reads the baselines of its own project\'s rows, even where another project has the same ID', () => {
    // Two sheets claiming project W (the reader flags it; the analysis still answers per sheet): the second
    // sheet's phase takes its tasks' baselines from its own rows, not the first sheet's task 1; a sheet with
    // no tasks finds none of the other's.
    const row = (id: string, to: string): Task => task('W', id, { baselineStart: d('2024-05-06'), baselineFinish: d(to), start: d('2024-05-06'), finish: d(to) });
    const first = project('W', [row('1', '2024-05-10')]);
    const empty = project('W', [], { phases: [phase('E', 'Empty', 1, 2, ['1'])] });
    const second = project('W', [row('1', '2024-05-30'), row('2', '2024-05-24')], { phases: [phase('P', 'Both', 1, 2, ['1', '2'])] });
    const r = analyzeProgram(model([empty, first, second]), settings({ statusDate: '2024-05-15' }), NOW);
    expect(r.projects[0].phases[0].baselineFinish).toBeNull();
    expect(r.projects[2].phases[0].baselineFinish).toBe('2024-05-30');
  });

  it('a phase with unusable dates gives nulls, not a crash', () => {
    const broken = [phase('X', 'Broken', 1, 1, [], { start: Number.NaN, finish: 1e308, baselineFinish: -5 })];
    const r = analyzeProgram(model([project('W', outlined().tasks, { phases: broken })]), settings({ statusDate: '2024-05-15' }), NOW);
    expect(r.tasks[0]).toMatchObject({ id: 'X', summary: true, start: null, finish: null, baselineFinish: null, childCount: 0 });
    expect(r.projects[0].phases[0]).toMatchObject({ forecastFinish: null, baselineFinish: null, finishVarianceDays: null });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});
