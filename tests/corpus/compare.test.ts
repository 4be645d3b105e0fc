/** The yardstick itself: compare() must fail on each kind of difference and say exactly what differs. */
import { compare } from './compare';
import type { Truth, TruthTask } from './compare';
import type { ProgramModel, Project, Task } from '../../src/core/model';
import { isoToSerial } from '../../src/core/calendar';

const s = (iso: string): number => isoToSerial(iso) ?? NaN;

function task(id: string, name: string, start: string, finish: string, extra: Partial<Task> = {}): Task {
  return {
    key: `P:${id}`, projectId: 'P', id, name, row: 1 + Number(id), source: { sheet: 'Plan', cell: `A${id}` }, isMilestone: false,
    baselineStart: null, baselineFinish: null, start: s(start), finish: s(finish), actualStart: null, actualFinish: null,
    percentComplete: 0.5, budget: null, actualCost: null, predecessors: [], owner: null, status: null, notes: null, ...extra,
  };
}

function model(projects: Project[]): ProgramModel {
  return { projects, skipped: [{ sheet: 'Notes', reason: 'no task table', hidden: false }], dependencies: [], holidays: [], statusDate: null, history: [], issues: [] };
}

function project(name: string, sheet: string, tasks: Task[]): Project {
  return { id: name, name, sheet, hidden: false, manager: null, statusDate: null, budget: null, tasks, risks: [], evmPeriods: null, phases: [] };
}

const link = (taskId: string) => ({ project: 'P', task: taskId, type: 'FS' as const, lag: 0, lagUnit: 'working' as const, text: taskId, source: { sheet: 'Plan', cell: 'E3' } });

const plan = project('Plan', 'Plan', [
  task('1', 'Design', '2026-03-02', '2026-03-06'),
  task('2', 'Build', '2026-03-09', '2026-03-20', { predecessors: [link('1')] }),
]);

const truth = (over: Partial<Truth['projects'][number]> = {}, tasks: TruthTask[] = [{ id: '2', name: 'Build', start: '2026-03-09', finish: '2026-03-20', percent: 0.5, predecessors: ['1'] }]): Truth => ({
  file: 'x.xlsx', projectCount: 1, skip: ['Notes'],
  projects: [{ sheet: 'Plan', leafTasks: 2, summaries: 0, milestones: 0, links: 1, linkKey: 'id', tasks, ...over }],
});

const failing = (t: Truth, m = model([plan])) => compare(m, t).filter((r) => !r.pass).map((r) => `${r.name}: ${r.detail}`);

describe('compare', () => {
  test('a model that matches its truth passes every check', () => {
    const results = compare(model([plan]), truth());
    expect(results.map((r) => r.name)).toEqual(['projects', 'skip Notes', 'Plan: read', 'Plan: leaf tasks', 'Plan: summaries', 'Plan: milestones', 'Plan: links', 'Plan: task 2']);
    expect(results.every((r) => r.pass)).toBe(true);
  });

  test('each field that differs is named with expected and read values', () => {
    const t = truth({}, [{ id: '2', name: 'Build', start: '2026-03-10', finish: '2026-03-20', percent: 0.25, predecessors: ['9'] }]);
    expect(failing(t)).toEqual(['Plan: task 2: start: expected 2026-03-10, read 2026-03-09; percent: expected 0.25, read 0.5; predecessors: expected [9], read [1]']);
  });

  test('counts, a missing task, an unread sheet and a sheet that must be skipped all fail', () => {
    expect(failing(truth({ leafTasks: 3, links: 0 }))).toEqual(['Plan: leaf tasks: expected 3 leaf tasks, read 2', 'Plan: links: expected 0 links, read 1']);
    expect(failing(truth({}, [{ id: '7', name: 'Test', start: '2026-03-23' }]))[0]).toMatch(/^Plan: task 7: not found \(first tasks read: 1="Design", 2="Build"\)$/);
    expect(failing({ ...truth(), projects: [{ ...truth().projects[0], sheet: 'Notes' }], skip: [] })).toEqual([
      'Notes: read: no project read from "Notes"; skipped: no task table',
    ]);
    expect(failing({ ...truth(), skip: ['Plan'] })).toEqual(['skip Plan: sheet "Plan" must not be a project, read as "Plan" with 2 tasks']);
  });

  test('projects sharing a sheet are matched by name only, never by falling back to another', () => {
    const t: Truth = {
      file: 'x.xlsx', projectCount: 2, skip: [],
      projects: [
        { sheet: 'Plan', name: 'Plan', leafTasks: 2, summaries: null, milestones: null, links: 1, tasks: [] },
        { sheet: 'Plan', name: 'North', leafTasks: 1, summaries: null, milestones: null, links: 0, tasks: [] },
      ],
    };
    expect(failing(t)).toEqual([
      'projects: expected 2 projects, read 1: Plan (2 tasks)',
      'Plan / North: read: no project named "North" read from "Plan" (read: "Plan")',
    ]);
  });

  test('predecessors given by name resolve through the read task IDs', () => {
    const t = truth({ linkKey: 'name' }, [{ name: 'Build', predecessors: ['Design'] }]);
    expect(failing(t)).toEqual([]);
    expect(failing(truth({ linkKey: 'name' }, [{ name: 'Build', predecessors: ['Test'] }]))).toEqual([
      'Plan: task Build: predecessors: expected [Test], read [Design]',
    ]);
  });
});
