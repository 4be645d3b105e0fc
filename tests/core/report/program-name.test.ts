import type { Grid } from '../../../src/core/grid';
import { rollup } from '../../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { isoToSerial } from '../../../src/core/calendar';

const NOW = new Date(Date.UTC(2026, 10, 20, 9, 0, 0));
const d = (iso: string): number => isoToSerial(iso) as number;
const grids = (): Grid[] => [
  {
    sheet: 'Alpha',
    values: [
      ['Project', 'Alpha'],
      ['Status Date', d('2026-11-13')],
      [],
      ['ID', 'Task', 'Baseline Finish', 'Finish', '% Complete'],
      [1, 'Design', d('2026-10-20'), d('2026-10-27'), 1],
    ],
  },
];

describe('the program name', () => {
  const input = { grids: grids(), title: 'Q3 Portfolio' };
  it('comes from the workbook when the settings name none, and the summary title says it', () => {
    const out = rollup(input, DEFAULT_SETTINGS, NOW);
    expect(out.result.program.name).toBe('Q3 Portfolio');
    expect(out.plan.sheets[0].blocks.flatMap((b) => b.values.flat())).toContain('Q3 Portfolio — program summary');
  });
  it('comes from the settings when they name one', () => {
    expect(rollup(input, { ...DEFAULT_SETTINGS, programName: 'Mobile First' }, NOW).result.program.name).toBe('Mobile First');
  });
  it('is "Program" when nothing names it', () => {
    expect(rollup({ grids: grids() }, DEFAULT_SETTINGS, NOW).result.program.name).toBe('Program');
  });
});
