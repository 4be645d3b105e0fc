/**
 * Group title rows (title-groups.ts) and plan/actual row pairs (row-pairs.ts), on small grids written by hand.
 * Serials: 46027 = 2026-01-05 (Monday).
 */
import type { CellValue } from '../../../src/core/grid';
import { readProgram } from '../../../src/core/read';
import { grid, settings } from './helpers';

const read = (values: CellValue[][], sheet = 'Plan', over = {}) => readProgram({ grids: [grid(sheet, values)] }, settings(over));
const HEAD: CellValue[] = ['ID', 'Task', 'Owner', 'Start', 'Finish', '% Complete'];

describe('group title rows', () => {
  test('heading rows whose groups restart their task IDs become one project each', () => {
    const m = read([
      HEAD,
      [null, 'Harbour Bridge Repair'],
      [1, 'Survey', 'Ana', 46027, 46031, 1],
      [2, 'Repair', 'Ana', 46034, 46045, 0.5],
      [null, 'Riverside School Roof'],
      [1, 'Survey', 'Ben', 46030, 46034, 1],
      [2, 'Roofing', 'Ben', 46037, 46048, 0],
      [3, 'Handover', 'Ben', 46049, 46049, 0],
    ]);
    expect(m.projects.map((p) => p.name)).toEqual(['Harbour Bridge Repair', 'Riverside School Roof']);
    expect(m.projects.map((p) => p.tasks.map((t) => t.id))).toEqual([['1', '2'], ['1', '2', '3']]);
    expect(m.projects[1].tasks[1]).toMatchObject({ name: 'Roofing', start: 46037, finish: 46048 });
    expect(m.projects.every((p) => p.phases === undefined)).toBe(true);
    expect(m.issues.filter((i) => i.code === 'DUPLICATE_TASK_ID')).toEqual([]);
    const reading = m.readings?.[0];
    expect(reading?.kind).toBe('projects');
    expect(reading?.notes.join(' ')).toMatch(/Rows 2 and 5 are group title rows: .*task IDs restart in each group/);
  });

  test('section headings in a table numbered straight through stay phases of one project, and the reading says why', () => {
    const m = read([
      HEAD,
      [null, 'Design'],
      [1, 'Sketches', 'Ana', 46027, 46031, 1],
      [2, 'Review', 'Ana', 46034, 46035, 1],
      [null, 'Build'],
      [3, 'Frame', 'Ben', 46036, 46045, 0.5],
      [4, 'Fit-out', 'Ben', 46048, 46055, 0],
    ]);
    expect(m.projects).toHaveLength(1);
    expect(m.projects[0].tasks.map((t) => t.id)).toEqual(['1', '2', '3', '4']);
    expect(m.projects[0].phases?.map((p) => p.name)).toEqual(['Design', 'Build']);
    expect(m.readings?.[0].kind).toBe('project');
    expect(m.readings?.[0].notes.join(' ')).toMatch(/Rows 2 and 5 head groups of tasks; they are read within one project \(as its phases or rows\), not as projects: nothing says they are projects/);
  });

  test('coded title rows (1 above 1-1) on a sheet that says it lists projects: projects named and managed by their title rows', () => {
    const m = read([
      ['Schedule by project'],
      HEAD,
      [1, 'North Depot', 'Sato', 46027, 46055, 0.4],
      ['1-1', 'Survey', null, 46027, 46031, 1],
      ['1-2', 'Works', null, 46034, 46055, 0.2],
      [2, 'South Depot', 'Kim', 46030, 46062, 0],
      ['2-1', 'Survey', null, 46030, 46034, 0],
      ['2-2', 'Works', null, 46037, 46062, 0],
    ], 'Tracker');
    expect(m.projects.map((p) => [p.name, p.manager])).toEqual([['North Depot', 'Sato'], ['South Depot', 'Kim']]);
    expect(m.projects.map((p) => p.tasks.map((t) => t.id))).toEqual([['1-1', '1-2'], ['2-1', '2-2']]);
    expect(m.projects.every((p) => p.phases === undefined)).toBe(true);
    expect(m.readings?.[0].notes.join(' ')).toMatch(/its title says it lists projects \("Schedule by project"\)/);
  });

  test('the same coded rows without any such word stay one project (the title rows are its summary rows)', () => {
    const m = read([
      HEAD,
      [1, 'North Depot', 'Sato', 46027, 46055, 0.4],
      ['1-1', 'Survey', null, 46027, 46031, 1],
      ['1-2', 'Works', null, 46034, 46055, 0.2],
      [2, 'South Depot', 'Kim', 46058, 46090, 0],
      ['2-1', 'Survey', null, 46058, 46062, 0],
      ['2-2', 'Works', null, 46065, 46090, 0],
    ]);
    expect(m.projects).toHaveLength(1);
    expect(m.readings?.[0].notes.join(' ')).toMatch(/Rows 2 and 5 head groups of tasks; they are read within one project/);
  });

  test('a header repeated below each title makes each group its own table; the rows above the first title are the sheet title\'s project', () => {
    const m = read([
      ['Alpha Programme'],
      HEAD,
      ['A1', 'Plan', 'Ana', 46027, 46031, 1],
      ['A2', 'Do', 'Ana', 46034, 46040, 0],
      [],
      ['Beta Programme'],
      HEAD,
      ['B1', 'Plan', 'Ben', 46027, 46031, 1],
      ['B2', 'Check', 'Ben', 46034, 46040, 0],
    ]);
    expect(m.projects.map((p) => p.name)).toEqual(['Alpha Programme', 'Beta Programme']);
    expect(m.projects.map((p) => p.tasks.map((t) => t.id))).toEqual([['A1', 'A2'], ['B1', 'B2']]);
    expect(m.readings?.[0].notes.join(' ')).toMatch(/the header row repeats below each title/);
  });

  test('a project ID set for the sheet in its mapping keeps it one project', () => {
    const rows: CellValue[][] = [
      HEAD,
      [null, 'Harbour Bridge Repair'],
      [1, 'Survey', 'Ana', 46027, 46031, 1],
      [2, 'Repair', 'Ana', 46034, 46045, 0.5],
      [null, 'Riverside School Roof'],
      [1, 'Survey', 'Ben', 46030, 46034, 1],
      [2, 'Roofing', 'Ben', 46037, 46048, 0],
    ];
    expect(read(rows).projects).toHaveLength(2);
    const m = read(rows, 'Plan', { sheetMappings: [{ sheet: 'Plan', projectId: 'HB' }] });
    expect(m.projects.map((p) => p.id)).toEqual(['HB']);
  });

  test('coded title rows with 予定/実施 pairs under a per-project sheet name: each project its tasks, one per pair', () => {
    const m = read([
      ['NO', 'タスク', null, '担当者', '開始日', '完了日', '進捗率'],
      [1, '北工区　改修工事', null, '佐藤', 46027, 46045, 0.5],
      ['1-1', '調査', '予定', null, 46027, 46031, 1],
      [null, null, '実施', null, 46027, 46032, 1],
      ['1-2', '施工', '予定', null, 46034, 46045, 0],
      [null, null, '実施', null, null, null, 0],
      [2, '南工区　修繕工事', null, '鈴木', 46034, 46055, 0],
      ['2-1', '調査', '予定', null, 46034, 46038, 0],
      [null, null, '実施', null, null, null, 0],
    ], '工程表（プロジェクト別）');
    expect(m.projects.map((p) => [p.name, p.manager, p.tasks.map((t) => t.id)])).toEqual([
      ['北工区　改修工事', '佐藤', ['1-1', '1-2']],
      ['南工区　修繕工事', '鈴木', ['2-1']],
    ]);
    expect(m.projects[0].tasks[0]).toMatchObject({ baselineFinish: 46031, actualStart: 46027, actualFinish: 46032, finish: 46032 });
    expect(m.projects[0].tasks[1]).toMatchObject({ start: 46034, finish: 46045, actualStart: null });
    expect(m.readings?.[0].notes.join(' ')).toMatch(/Rows 2 and 7 are group title rows: .*the sheet's name says it lists projects/);
  });

  test('a lone heading after some tasks is no group title: the sheet reads as before, with no note', () => {
    const m = read([
      HEAD,
      [1, 'Sketches', 'Ana', 46027, 46031, 1],
      [null, 'Later'],
      [2, 'Frame', 'Ben', 46036, 46045, 0.5],
      [3, 'Fit-out', 'Ben', 46048, 46055, 0],
    ]);
    expect(m.projects).toHaveLength(1);
    expect(m.readings?.[0].notes.join(' ')).not.toMatch(/group/);
  });
});

describe('plan/actual row pairs', () => {
  test('a Plan row and the Actual row below it are one task: plan dates the baseline, actual dates the actual and forecast', () => {
    const m = read([
      ['ID', 'Task', 'Type', 'Start', 'Finish', '% Complete'],
      [1, 'Design', 'Plan', 46027, 46031, 1],
      [null, null, 'Actual', 46028, 46034, null],
      [2, 'Build', 'Plan', 46034, 46045, 0.3],
      [null, null, 'Actual', 46035, null, null],
      [3, 'Test', 'Plan', 46048, 46052, 0],
      [null, null, 'Actual', null, null, null],
    ]);
    const [design, build, test] = m.projects[0].tasks;
    expect(m.projects[0].tasks).toHaveLength(3);
    expect(design).toMatchObject({ baselineStart: 46027, baselineFinish: 46031, actualStart: 46028, actualFinish: 46034, start: 46028, finish: 46034, percentComplete: 1 });
    expect(build).toMatchObject({ baselineStart: 46034, baselineFinish: 46045, actualStart: 46035, actualFinish: null, start: 46035, finish: 46045 });
    expect(test).toMatchObject({ baselineStart: 46048, baselineFinish: 46052, actualStart: null, start: 46048, finish: 46052 });
    expect(m.issues.filter((i) => i.code === 'TASK_NAME_MISSING' || i.code === 'TASK_ID_MISSING')).toEqual([]);
    const reading = m.readings?.[0];
    expect(reading?.notes.join(' ')).toMatch(/Rows marked "Plan" and "Actual" in column C are plan\/actual pairs/);
    expect(reading?.skippedRows.map((s) => s.reason)).toEqual(expect.arrayContaining(['the "Actual" row of the task above (its actual dates)']));
  });

  test('予定/実績 in an unheaded column, the 実績 row without dates: the task keeps its plan dates', () => {
    const m = read([
      ['No', 'タスク', null, '開始日', '終了日', '進捗率'],
      ['1', '設計', '予定', 46027, 46031, 1],
      [null, null, '実績', null, null, 1],
      ['2', '実装', '予定', 46034, 46045, 0],
      [null, null, '実績', null, null, 0],
    ]);
    expect(m.projects[0].tasks.map((t) => [t.id, t.start, t.finish, t.baselineStart])).toEqual([['1', 46027, 46031, 46027], ['2', 46034, 46045, 46034]]);
  });

  test('a table without plan/actual markers and without title rows reads exactly as before', () => {
    const m = read([HEAD, [1, 'Plan the works', 'Ana', 46027, 46031, 1], [2, 'Actual works', 'Ana', 46034, 46040, 0]]);
    expect(m.projects[0].tasks.map((t) => [t.name, t.baselineStart])).toEqual([['Plan the works', null], ['Actual works', null]]);
    expect(m.readings?.[0].notes.join(' ')).not.toMatch(/pairs|group/);
  });
});
