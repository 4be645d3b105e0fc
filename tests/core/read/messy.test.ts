/**
 * The committed messy workbook (tests/fixtures/messy, made by make-messy.ts) read through a tiny local
 * ExcelJS grid loader: every expected issue at its exact cell, and the good data still read.
 */
import * as path from 'path';
import { readProgram } from '../../../src/core/read';
import { settings } from './helpers';
import { loadGrids } from './load-xlsx';

describe('messy fixture workbook', () => {
  let model: ReturnType<typeof readProgram>;
  beforeAll(async () => {
    model = readProgram({ grids: await loadGrids(path.join(__dirname, '../../fixtures/messy/messy-program.xlsx')) }, settings());
  });

  test('every expected issue, each at its cell', () => {
    const got = model.issues.map((i) => `${i.severity} ${i.code} ${i.sheet}!${i.cell ?? '-'}`).sort();
    expect(got).toEqual([
      'error DEPENDENCY_UNKNOWN_PROJECT Dependencies!A3',
      'error DUPLICATE_PROJECT_ID Old Copy!B1',
      'error DUPLICATE_TASK_ID Platform Build!B13',
      'error PREDECESSOR_MALFORMED Platform Build!L15',
      'error PREDECESSOR_SELF Platform Build!L14',
      'error PREDECESSOR_UNKNOWN_PROJECT Platform Build!L15',
      'error PREDECESSOR_UNKNOWN_TASK Platform Build!L15',
      'info BASELINE_MISSING Platform Build!E12',
      'info BLANK_MARKER Platform Build!J14',
      'info DATE_AMBIGUOUS Platform Build!F15',
      'info DATE_AMBIGUOUS Platform Build!G15',
      'warning ACTUAL_COST_NO_BUDGET Platform Build!K14',
      'warning DATE_UNREADABLE Platform Build!G10',
      'warning EXCEL_ERROR Platform Build!J15',
      'warning FINISH_BEFORE_START Platform Build!G12',
      'warning PERCENT_OUT_OF_RANGE Platform Build!I10',
      'warning PROBABILITY_UNREADABLE Platform Build!D19',
      'warning PROGRESS_WITHOUT_ACTUAL_START Platform Build!H14',
    ]);
    for (const i of model.issues) expect(i.message.length).toBeGreaterThan(20);
  });

  test('the good data still rolls up', () => {
    expect(model.projects.map((p) => p.id)).toEqual(['PLAT', 'APP']);
    const plat = model.projects[0];
    expect(plat).toMatchObject({ name: 'Platform Build', manager: 'Dana Ruiz', statusDate: 46112, budget: 250000 });
    expect(plat.tasks.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(plat.tasks[1]).toMatchObject({ finish: null, percentComplete: null, budget: 120000, row: 10 });
    expect(plat.risks.map((r) => [r.id, r.probability, r.impactLevel])).toEqual([['R1', 0.9, 4], ['R2', null, 2]]);
    const release = model.projects[1].tasks[1];
    expect(release.predecessors.map((p) => `${p.project}:${p.task}${p.type}${p.lag}`)).toEqual(['APP:1FS0', 'PLAT:5FS5']);
    expect(model.holidays).toEqual([46023, 46167]);
    expect(model.dependencies).toHaveLength(1);
    expect(model.skipped.map((s) => [s.sheet, s.hidden])).toEqual([['Old Copy', true], ['Dependencies', false], ['Holidays', false], ['Notes', false]]);
  });
});

describe('the example workbook (examples/sample-program.xlsx)', () => {
  test('reads with no errors or warnings, every project sheet recognised', async () => {
    const m = readProgram({ grids: await loadGrids(path.join(__dirname, '../../../examples/sample-program.xlsx')) }, settings());
    expect(m.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(m.projects.length).toBeGreaterThanOrEqual(2);
    for (const p of m.projects) expect(p.tasks.length).toBeGreaterThan(0);
    // Only the sheets that are not projects are skipped, each with a reason.
    for (const s of m.skipped) expect(s.reason).not.toBe('');
  });
});
