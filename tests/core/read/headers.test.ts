import type { CellValue } from '../../../src/core/grid';
import { readProgram } from '../../../src/core/read';
import { EVM_HEADERS, RISK_HEADERS, TASK_HEADERS, matchTaskRow, normalizeHeader } from '../../../src/core/read/headers';
import type { TaskField } from '../../../src/core/read/headers';
import { grid, settings } from './helpers';

const taskCases = (Object.keys(TASK_HEADERS) as TaskField[]).flatMap((f) => TASK_HEADERS[f].map((name) => [f, name] as const));

describe('task header names', () => {
  test.each(taskCases)('%s is found under "%s", in any case and spacing', (field, name) => {
    // Pad the header with the other required columns, using names of other fields.
    const row: CellValue[] = ['', name];
    if (field !== 'name') row.push('Activity Name');
    if (!['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish'].includes(field)) row.push('Forecast Finish');
    const cols = matchTaskRow(row);
    expect(cols[field]).toBe(1);
    const shouty = ['', `  ${name.toUpperCase().replace(/ /g, '  ')} `, ...row.slice(2)];
    expect(matchTaskRow(shouty)[field]).toBe(1);
  });

  test('"Milestone" is the task name column unless another column names the task', () => {
    expect(matchTaskRow(['Milestone', 'Due'])).toMatchObject({ name: 0, finish: 1 });
    expect(matchTaskRow(['Task', 'Milestone', 'Due'])).toMatchObject({ name: 0, milestone: 1, finish: 2 });
    expect(matchTaskRow(['Task', 'Milestone?', 'Due'])).toMatchObject({ name: 0, milestone: 1 });
  });

  test('normalisation keeps % and # meaningful', () => {
    expect(normalizeHeader('% Complete')).toBe(normalizeHeader('Pct. complete'));
    expect(normalizeHeader('#')).toBe(normalizeHeader('No'));
    expect(normalizeHeader('Milestone?')).not.toBe(normalizeHeader('Milestone'));
  });
});

describe('risk and EVM header names, through the whole reader', () => {
  const base = (): CellValue[][] => [
    ['Task', 'Finish'],
    ['Design', 46037],
  ];
  test.each(RISK_HEADERS.title.map((t) => [t]))('risk title "%s"', (title) => {
    for (const prob of RISK_HEADERS.probability) {
      const m = readProgram({ grids: [grid('P', [...base(), [], [title, prob], ['Vendor late', 0.4]])] }, settings());
      expect(m.projects[0].risks).toHaveLength(1);
      expect(m.projects[0].risks[0]).toMatchObject({ title: 'Vendor late', probability: 0.4 });
    }
  });
  test.each(EVM_HEADERS.date.map((d) => [d]))('EVM date "%s"', (date) => {
    for (const pv of EVM_HEADERS.pv) for (const ev of EVM_HEADERS.ev) {
      const m = readProgram({ grids: [grid('P', [...base(), [], [date, pv, ev, 'AC'], [46030, 100, 80, 90]])] }, settings());
      expect(m.projects[0].evmPeriods).toEqual([{ date: 46030, pv: 100, ev: 80, ac: 90 }]);
    }
  });
});
