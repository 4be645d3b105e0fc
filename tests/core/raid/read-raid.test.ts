/**
 * Issues, actions and decisions logs: below the tasks on a project sheet (found by their header) and on their
 * own sheet with a Project column; age and overdue at the status date; unattached rows reported, not guessed.
 */
import { readProgram } from '../../../src/core/read';
import { raidLog } from '../../../src/core/analyze/raid';
import { registerHeaderOf } from '../../../src/core/read/tables';
import { grid, platformSheet, appSheet, settings } from '../read/helpers';
import type { CellValue } from '../../../src/core/grid';

// 46112 = 2026-04-01, the status date of platformSheet().
const withLog = (rows: CellValue[][]): ReturnType<typeof platformSheet> => {
  const g = platformSheet();
  g.values.push([], ['Issues & Actions'], ...rows);
  return g;
};

describe('reading RAID logs', () => {
  it('reads a log below the task and risk tables of a project sheet, kinds from the Type column', () => {
    const model = readProgram({ grids: [withLog([
      ['Type', 'ID', 'Description', 'Owner', 'Date Raised', 'Due Date', 'Status'],
      ['Issue', 'I-1', 'Test rig broken', 'Lee', 46090, 46100, 'Open'],
      ['Action', 'A-1', '=SUM(A1:A3) is what the PM typed', 'Dana', '2026-03-20', '2026-04-10', 'In progress'],
      ['Decision', 'D-1', '+1 vendor kept', 'Dana', 46080, null, 'Decided'],
    ])] }, settings());
    const p = model.projects[0];
    expect(p.tasks).toHaveLength(3);
    expect(p.risks.map((r) => r.id)).toEqual(['R1', 'R2']);
    expect(p.raid?.map((x) => [x.kind, x.id, x.owner, x.raised, x.due, x.isOpen])).toEqual([
      ['issue', 'I-1', 'Lee', 46090, 46100, true],
      ['action', 'A-1', 'Dana', 46101, 46122, true],
      ['decision', 'D-1', 'Dana', 46080, null, false],
    ]);
    // PM text is kept as written, formula-like or not.
    expect(p.raid?.[1].title).toBe('=SUM(A1:A3) is what the PM typed');
    expect(p.raid?.[2].title).toBe('+1 vendor kept');
    expect(p.raid?.[0].source).toEqual({ sheet: 'Platform Build', cell: 'C19' });
  });

  it('takes the kind from the title heading when there is no Type column, and skips Risk rows of a combined log', () => {
    const model = readProgram({ grids: [withLog([
      ['ID', 'Action Item', 'Owner', 'Due', 'Status'],
      [null, 'Book the audit', 'Lee', 46110, 'Open'],
    ])] }, settings());
    expect(model.projects[0].raid).toEqual([expect.objectContaining({ kind: 'action', id: 'A1', title: 'Book the audit', due: 46110 })]);

    const combined = readProgram({ grids: [withLog([
      ['Type', 'Title', 'Owner', 'Status'],
      ['Risk', 'Vendor may slip', 'Lee', 'Open'],
      ['Widget', 'Unknown kind', 'Lee', 'Open'],
      ['Issue', 'Real issue', 'Lee', 'Open'],
    ])] }, settings());
    expect(combined.projects[0].raid?.map((x) => x.title)).toEqual(['Real issue']);
    expect(combined.issues.filter((i) => i.code === 'RAID_TYPE_UNKNOWN')).toEqual([expect.objectContaining({ sheet: 'Platform Build', cell: 'A20' })]);
  });

  it('does not take a task table with a Type column for a log', () => {
    expect(registerHeaderOf(['ID', 'Type', 'Task Name', 'Start', 'Finish', 'Owner', 'Status'], 0)).toBeNull();
    expect(registerHeaderOf(['Type', 'Description', 'Owner', 'Due Date', 'Status'], 0)).toMatchObject({ kind: 'raid' });
    // Description, owner and status alone say nothing about the kind of rows: not a log.
    expect(registerHeaderOf(['Description', 'Owner', 'Status'], 0)).toBeNull();
  });

  it('attaches rows of a log sheet by its Project column and reports the rows it cannot place', () => {
    const log = grid('RAID Log', [
      ['Project', 'Type', 'Ref', 'Title', 'Owner', 'Raised', 'Due', 'Status'],
      ['PLAT', 'Issue', 'X1', 'Rack space', 'Lee', 46100, 46105, 'Open'],
      ['APP', 'Decision', 'X2', 'Native, not hybrid', 'Kim', 46090, null, 'Agreed'],
      ['Nowhere', 'Action', 'X3', 'Orphan row', 'Kim', 46090, 46095, 'Open'],
    ]);
    const model = readProgram({ grids: [platformSheet(), appSheet(), log] }, settings());
    const byId = new Map(model.projects.map((p) => [p.id, p]));
    expect(byId.get('PLAT')?.raid?.map((x) => x.id)).toEqual(['X1']);
    expect(byId.get('APP')?.raid?.map((x) => [x.id, x.isOpen])).toEqual([['X2', false]]);
    expect(model.issues.filter((i) => i.code === 'RAID_UNATTACHED')).toEqual([
      expect.objectContaining({ sheet: 'RAID Log', cell: 'D4', message: expect.stringContaining('"Nowhere"') }),
    ]);
    const reading = (model.readings ?? []).find((r) => r.sheet === 'RAID Log');
    expect(reading).toMatchObject({ kind: 'risk-log', projects: ['PLAT', 'APP'], reason: 'issues, actions and decisions log (attached to PLAT, APP)' });
    expect(reading?.notes).toEqual(['1 row could not be attached to a project.']);
  });

  it('a log sheet with no Project column belongs to the only project of its workbook, else its rows are reported', () => {
    const log = grid('Issues', [['Issue', 'Owner', 'Status'], ['Printer on fire', 'Lee', 'Open']]);
    expect(readProgram({ grids: [platformSheet(), log] }, settings()).projects[0].raid?.map((x) => x.title)).toEqual(['Printer on fire']);
    const two = readProgram({ grids: [platformSheet(), appSheet(), log] }, settings());
    expect(two.projects.every((p) => p.raid === undefined)).toBe(true);
    expect(two.issues.filter((i) => i.code === 'RAID_UNATTACHED')).toHaveLength(1);
  });
});

describe('age and overdue at the status date', () => {
  it('counts calendar days, flags open items past due and ranks overdue first', () => {
    const model = readProgram({ grids: [withLog([
      ['Type', 'ID', 'Description', 'Owner', 'Raised', 'Due', 'Status'],
      ['Action', 'A-1', 'Not due yet', 'Dana', 46100, 46120, 'Open'],
      ['Issue', 'I-1', 'Late and open', 'Lee', 46080, 46102, 'Open'],
      ['Issue', 'I-2', 'Late but closed', 'Lee', 46080, 46102, 'Resolved'],
      ['Issue', 'I-3', 'Raised after the status date', 'Lee', 46115, null, 'Open'],
    ])] }, settings());
    const out = raidLog(model, '2026-04-01');
    expect(out.map((r) => [r.id, r.ageDays, r.overdue, r.daysOverdue])).toEqual([
      ['I-1', 33, true, 11],
      ['I-3', null, false, null],
      ['A-1', 13, false, null],
      ['I-2', 33, false, null],
    ]);
    expect(out[0]).toMatchObject({ projectId: 'PLAT', raised: '2026-02-27', due: '2026-03-21', sheet: 'Platform Build' });
  });
});
