/**
 * The patterns of real PM sheets that issue 10 found the reader failing on, one test each, on small grids
 * written by hand. Serials: 46023 = 2026-01-01 (Thursday), 46027 = 2026-01-05 (Monday).
 */
import type { CellValue } from '../../../src/core/grid';
import { readProgram } from '../../../src/core/read';
import { grid, settings } from './helpers';

const read = (values: CellValue[][], sheet = 'Plan', over = {}) => readProgram({ grids: [grid(sheet, values)] }, settings(over));
const names = (m: ReturnType<typeof read>, p = 0): string[] => m.projects[p].tasks.map((t) => t.name);

describe('header row', () => {
  test('week numbers and week dates to the right of the headings do not hide the table', () => {
    const m = read([
      ['Project Timeline'],
      ['TASK TITLE', 'START DATE', 'DUE DATE', '% OF TASK COMPLETE', 1, 2, 3, 46027, 46034, 2026],
      ['Kick-off', 46027, 46028, 1, null, null, null, 'x'],
      ['Design', 46029, 46035, 0.5],
    ]);
    expect(m.skipped).toEqual([]);
    expect(names(m)).toEqual(['Kick-off', 'Design']);
    expect(m.projects[0].tasks[1]).toMatchObject({ start: 46029, finish: 46035, percentComplete: 0.5 });
    expect(m.readings?.[0]).toMatchObject({ headerRow: 2, columns: expect.arrayContaining([{ field: 'name', column: 'A', heading: 'TASK TITLE' }]) });
  });

  test.each([
    ['de', ['Nr.', 'Vorgangsname', 'Anfang', 'Ende', 'Vorgänger', '% Abgeschlossen']],
    ['fr', ['N°', 'Nom de la tâche', 'Début', 'Fin', 'Prédécesseurs', '% achevé']],
    ['es', ['Id', 'Nombre de tarea', 'Comienzo', 'Fin', 'Predecesoras', '% completado']],
    ['pt', ['Id', 'Nome da tarefa', 'Início', 'Término', 'Predecessoras', '% concluída']],
    ['it', ['Id', 'Nome attività', 'Inizio', 'Fine', 'Predecessori', '% completamento']],
    ['nl', ['Id', 'Taaknaam', 'Begindatum', 'Einddatum', 'Voorgangers', '% voltooid']],
    ['ja', ['ID', 'タスク名', '開始日', '終了日', '先行タスク', '達成率']],
    ['zh', ['标识号', '任务名称', '开始时间', '完成时间', '前置任务', '完成百分比']],
    ['underscores', ['WBS_ID', 'Task_Name', 'Baseline_Start', 'Due Date', 'Predecessor(s)', '%_Complete']],
  ])('%s headings', (_lang, headings) => {
    const m = read([headings as CellValue[], [1, 'A', 46027, 46030, null, 1], [2, 'B', 46031, 46035, '1', 0.25]]);
    expect(names(m)).toEqual(['A', 'B']);
    const b = m.projects[0].tasks[1];
    expect(b.id).toBe('2');
    expect(b.predecessors.map((p) => p.task)).toEqual(['1']);
    expect(b.percentComplete).toBe(0.25);
    expect(b.finish ?? b.baselineFinish).toBe(46035);
  });

  test('a two-row heading: Planned | Actual above Start | Finish', () => {
    const m = read([
      ['Task', 'Planned', null, 'Actual', null],
      [null, 'Start', 'Finish', 'Start', 'Finish'],
      ['Design', 46027, 46031, 46027, 46032],
    ]);
    expect(m.projects[0].tasks[0]).toMatchObject({ name: 'Design', baselineStart: 46027, baselineFinish: 46031, actualStart: 46027, actualFinish: 46032 });
    expect(m.readings?.[0]).toMatchObject({ headerRow: 2, headerTopRow: 1 });
  });

  test('a Japanese two-row heading: 予定 | 実績', () => {
    const m = read([
      ['作業項目', '予定', null, '実績', null],
      [null, '開始', '終了', '開始', '終了'],
      ['設計', 46027, 46031, 46028, null],
    ]);
    expect(m.projects[0].tasks[0]).toMatchObject({ name: '設計', baselineStart: 46027, baselineFinish: 46031, actualStart: 46028 });
  });

  test('an empty Predecessor column beside a filled Predecessors column: the filled one is read, the other reported', () => {
    const m = read([
      ['ID', 'Task', 'Finish', 'Predecessor', 'Predecessors'],
      [1, 'A', 46027, null, null],
      [2, 'B', 46030, null, '1'],
    ]);
    expect(m.projects[0].tasks[1].predecessors.map((p) => p.task)).toEqual(['1']);
    expect(m.readings?.[0].ignoredColumns).toEqual([{ column: 'D', heading: 'Predecessor', reason: expect.stringContaining('empty second predecessors column') }]);
  });

  test('a skipped sheet says what came close', () => {
    const m = read([['Who', 'START DATE', 'DUE DATE'], ['Ana', 46027, 46030]]);
    expect(m.projects).toEqual([]);
    expect(m.skipped[0].reason).toBe('no task table: found date columns START DATE (B1), DUE DATE (C1) and columns Who (A1, owner) in row 1 but no task-name column');
    const near = read([['Lead', 'Thing', 'START DATE'], ['Ana', 'x', 46027]]);
    expect(near.skipped[0].reason).toMatch(/but no task-name column; the nearest other heading is Thing in B1$/);
  });
});

describe('IDs and links', () => {
  test('WBS codes are IDs, summary rows become phases, and links name WBS codes', () => {
    const m = read([
      ['WBS', 'Task Name', 'Start', 'Finish', 'Predecessors', 'Budget'],
      ['1', 'Phase one', 46027, 46035, null, 300],
      ['1.1', 'Design', 46027, 46030, null, 100],
      ['1.2', 'Build', 46031, 46035, '1.1', 200],
      ['2', 'Phase two', 46036, 46040, '1', 50],
      ['2.1', 'Test', 46036, 46040, null, 50],
    ]);
    const p = m.projects[0];
    expect(p.tasks.map((t) => t.id)).toEqual(['1.1', '1.2', '2.1']);
    expect(p.phases?.map((f) => [f.id, f.name, f.taskIds])).toEqual([['1', 'Phase one', ['1.1', '1.2']], ['2', 'Phase two', ['2.1']]]);
    // Phase two's predecessor (phase one) holds its task: 2.1 waits for both tasks of phase one.
    expect(p.tasks[2].predecessors.map((l) => l.task)).toEqual(['1.1', '1.2']);
    expect(p.tasks[1].parent).toBe('1');
    expect(m.readings?.[0]).toMatchObject({ idScheme: 'wbs', taskCount: 3, summaryCount: 2 });
  });

  test('predecessors separated by &, ; and , all read', () => {
    const m = read([
      ['ID', 'Task', 'Finish', 'Dependencies (WBS #)'],
      ['1', 'A', 46027, null], ['2', 'B', 46028, null], ['3', 'C', 46029, null],
      ['4', 'D', 46030, '1 & 2'], ['5', 'E', 46031, '1;2;3'], ['6', 'F', 46032, '4,5'],
    ]);
    const links = m.projects[0].tasks.slice(3).map((t) => t.predecessors.map((l) => l.task).join(' '));
    expect(links).toEqual(['1 2', '1 2 3', '4 5']);
  });

  test('an Outline Level column makes summaries; their budget is not counted', () => {
    const m = read([
      ['Name', 'Outline Level', 'Start', 'Finish', 'Cost'],
      ['Project', 1, 46027, 46040, 1000],
      ['Design', 2, 46027, 46030, 400],
      ['Build', 2, 46031, 46040, 600],
    ]);
    expect(names(m)).toEqual(['Design', 'Build']);
    expect(m.projects[0].tasks.reduce((s, t) => s + (t.budget ?? 0), 0)).toBe(1000);
  });

  test('the note names where the levels came from: the Outline Level column, or the column each name is written in', () => {
    const byLevel = read([
      ['Name', 'Outline Level', 'Start', 'Finish'],
      ['Project', 1, 46027, 46040],
      ['Design', 2, 46027, 46030],
    ]);
    expect(byLevel.readings?.[0].notes).toContain('1 summary row found by the Outline Level column: named as phases, kept out of counts, sums and earned value.');
    const byColumn = read([
      ['Start', 'Finish', 'Aktivität', '1.Unteraktivität'],
      [46027, 46045, 'Planung', null],
      [46027, 46031, null, 'Analyse'],
      [46034, 46045, null, 'Entwurf'],
      [46048, 46055, 'Bau', null],
      [46048, 46055, null, 'Rohbau'],
    ]);
    expect(names(byColumn)).toEqual(['Analyse', 'Entwurf', 'Rohbau']);
    expect(byColumn.readings?.[0].notes).toContain('2 summary rows found by the column each name is written in: named as phases, kept out of counts, sums and earned value.');
  });

  test('with no structure, a row whose dates span exactly the rows below it is a summary', () => {
    const m = read([
      ['Task', 'Start', 'Finish'],
      ['Phase A', 46027, 46035],
      ['A1', 46027, 46030],
      ['A2', 46031, 46035],
      ['Long standalone task', 46036, 46050],
      ['B1', 46037, 46040],
    ]);
    expect(names(m)).toEqual(['A1', 'A2', 'Long standalone task', 'B1']);
    expect(m.projects[0].phases?.map((p) => p.name)).toEqual(['Phase A']);
  });
});

describe('dates', () => {
  test('yy/m/d text dates are read as such when the rest of the table says so', () => {
    const m = read([
      ['Task', 'Start', 'Finish'],
      ['A', 46027, '26/3/15'],
      ['B', 46028, '26/3/31'],
    ]);
    expect(m.projects[0].tasks.map((t) => t.finish)).toEqual([46096, 46112]);
    expect(m.issues.find((i) => i.code === 'DATE_CONVENTION')?.message).toMatch(/yy\/m\/d: 26\/3\/15 = 2026-03-15/);
  });

  test('"Mon 03.01.22" is d.m.yy because 3 January 2022 is a Monday; every row of the column agrees', () => {
    const m = read([
      ['Task', 'Start', 'Finish'],
      ['A', 'Mon 03.01.22', 'Wed 05.01.22'],
      ['B', 'Wed 26.01.22', 'Fri 28.01.22'],
    ]);
    // 2022-01-03 = 44564.
    expect(m.projects[0].tasks.map((t) => [t.start, t.finish])).toEqual([[44564, 44566], [44587, 44589]]);
  });

  test('a date decades away from the rest is flagged, not used', () => {
    const m = read([['Task', 'Start', 'Finish'], ['A', 46027, 46030], ['B', 46027, 46030 + 365 * 40]]);
    expect(m.projects[0].tasks[1].finish).toBeNull();
    expect(m.issues.map((i) => `${i.code}@${i.cell ?? ''}`)).toContain('DATE_IMPLAUSIBLE@C3');
  });

  test('the date-order setting YMD reads yy/m/d', () => {
    const m = read([['Task', 'Finish'], ['A', '26/3/5']], 'Plan', { dateOrder: 'YMD' });
    expect(m.projects[0].tasks[0].finish).toBe(46086);
  });
});

describe('rows that are not tasks', () => {
  test('a totals block under the table and "-" template rows are skipped, and said so', () => {
    const m = read([
      ['Task', 'Start', 'Finish', '% Complete'],
      ['A', 46027, 46030, 1],
      ['-', '-', '-', 0],
      [null, '-', null, null],
      ['SUMMARY COUNTS', null, null, null],
      ['Done', 1, null, null],
      ['Open', 0, null, null],
    ]);
    expect(names(m)).toEqual(['A']);
    expect(m.readings?.[0].skippedRows).toEqual([
      { rows: '3-4', reason: 'blank template rows (no task name, no date)' },
      { rows: '5-7', reason: 'a totals block below the tasks' },
    ]);
  });

  test('a one-day task is not a milestone; a zero duration or a flag is', () => {
    const m = read([
      ['Task', 'Start', 'Finish', 'Duration'],
      ['One day', 46027, 46027, '1 day'],
      ['Gate', 46028, 46028, '0 days'],
    ]);
    expect(m.projects[0].tasks.map((t) => t.isMilestone)).toEqual([false, true]);
  });
});

describe('around the table', () => {
  test('a risk log on its own sheet attaches to the workbook\'s only project', () => {
    const m = readProgram({ grids: [
      grid('Plan', [['Task', 'Finish'], ['A', 46027]]),
      grid('Risk Log', [['Risk', 'Probability', 'Impact'], ['Vendor late', 0.4, 3]]),
    ] }, settings());
    expect(m.projects[0].risks.map((r) => r.title)).toEqual(['Vendor late']);
    expect(m.readings?.find((r) => r.sheet === 'Risk Log')).toMatchObject({ kind: 'risk-log', projects: ['Plan'] });
  });

  test('a risk log with several projects and no Project column is reported, not guessed', () => {
    const m = readProgram({ grids: [
      grid('P1', [['Task', 'Finish'], ['A', 46027]]),
      grid('P2', [['Task', 'Finish'], ['B', 46027]]),
      grid('Risks', [['Risk', 'Probability'], ['Vendor late', 0.4]]),
    ] }, settings());
    expect(m.projects.every((p) => p.risks.length === 0)).toBe(true);
    expect(m.issues.map((i) => i.code)).toContain('RISK_UNATTACHED');
  });

  test('the title cell names the project', () => {
    const m = read([['Website Redesign'], [], ['Task', 'Finish'], ['A', 46027]]);
    expect(m.projects[0].name).toBe('Website Redesign');
  });

  test('a tracker with a Project column becomes several projects', () => {
    const m = read([
      ['Project', 'ID', 'Task', 'Finish', 'Predecessors'],
      ['Apollo', 1, 'A', 46027, null],
      ['Gemini', 1, 'G', 46028, null],
      ['Apollo', 2, 'B', 46029, '1'],
    ]);
    expect(m.projects.map((p) => [p.id, p.tasks.map((t) => t.name)])).toEqual([['Apollo', ['A', 'B']], ['Gemini', ['G']]]);
    expect(m.projects[0].tasks[1].predecessors[0]).toMatchObject({ project: 'Apollo', task: '1' });
  });
});

describe('explicit mapping', () => {
  test('a saved mapping sets the header row and columns; what it does not set is inferred', () => {
    const m = read([['Item', 'When', 'Notes'], ['A', 46027, 'x']], 'Odd', { sheetMappings: [{ sheet: 'odd', headerRow: 1, columns: { name: 'A', finish: 'B' } }] });
    expect(m.projects[0].tasks[0]).toMatchObject({ name: 'A', finish: 46027 });
    expect(m.readings?.[0].mappingSource).toBe('settings');
  });

  test('a mapping marks a sheet as not a project', () => {
    const m = read([['Task', 'Finish'], ['A', 46027]], 'Lookup', { sheetMappings: [{ sheet: 'Lookup', ignore: true }] });
    expect(m.projects).toEqual([]);
    expect(m.skipped[0].reason).toBe('not a project (sheet mapping)');
  });
});

describe('which numbers the predecessors name', () => {
  test('an MS Project export: Unique IDs shown, predecessors name the row order (summary rows counted)', () => {
    const m = read([
      ['Task Name', 'Start', 'Finish', 'Predecessors', 'Unique ID', 'Summary'],
      ['Phase', 46027, 46035, null, 3001, 'Yes'],
      ['  Design', 46027, 46030, null, 2971, 'No'],
      ['  Build', 46031, 46035, '2', 3029, 'No'],
    ]);
    expect(m.projects[0].tasks.map((t) => t.id)).toEqual(['2', '3']);
    expect(m.projects[0].tasks[1].predecessors.map((l) => l.task)).toEqual(['2']);
    expect(m.readings?.[0].idScheme).toBe('row-order');
    expect(m.readings?.[0].notes.join(' ')).toMatch(/predecessors name task numbers in row order .* not the ID column/);
  });

  test('Smartsheet-style predecessors name worksheet rows, told apart from row order by the dates', () => {
    const m = read([
      ['Plan'],
      ['Task Name', 'Start', 'Finish', 'Predecessors'],
      ['A', 46027, 46028, null],
      ['B', 46029, 46030, '3'],
      ['C', 46031, 46032, '4'],
    ]);
    // Row 3 is A, row 4 is B: B follows A and C follows B (by row order, "3" would be C itself).
    expect(m.projects[0].tasks.map((t) => t.predecessors.map((l) => l.task).join())).toEqual(['', '3', '4']);
    expect(m.readings?.[0].idScheme).toBe('sheet-row');
  });

  test('when the dates cannot tell the two numberings apart, it is reported', () => {
    const m = read([
      ['Title'],
      ['Task Name', 'Predecessors', 'Finish', '% Complete'],
      ['A', null, null, 0], ['B', null, null, 0], ['C', '3', null, 0], ['D', '4', null, 0],
    ]);
    expect(m.issues.map((i) => i.code)).toContain('LINK_NUMBERING_AMBIGUOUS');
  });
});

test('a template prompt in the project-name cell is no name', () => {
  const m = read([['Project Name', 'Enter your Project Name'], ['Task', 'Finish'], ['A', 46027]], 'Sheet1');
  expect(m.projects[0].name).toBe('Sheet1');
  const bracket = read([['Project Name', '[Project name]'], ['Task', 'Finish'], ['A', 46027]], 'Sheet1');
  expect(bracket.projects[0].name).toBe('Sheet1');
});
