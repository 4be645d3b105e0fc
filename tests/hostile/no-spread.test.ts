/**
 * Issue 12: "150,000 issue rows crash the CLI's issue table (Math.max(...rows): maximum call stack), and
 * 150,000 risks end the run the same way". Nothing may spread a data-sized array into arguments.
 */
import { formatIssueTable } from '../../src/cli/format';
import { maxOf, minOf, pushAll } from '../../src/core/arrays';
import { issue } from '../../src/core/issues';
import { rollup } from '../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readXlsxGrids } from '../../src/xlsx/read';
import { SAMPLE } from './sample-edit';

const MANY = 150_000;

describe('150,000 issue rows crashed the CLI issue table (Math.max spread)', () => {
  it('prints a table of 150,000 issues, widest WHERE column first', () => {
    const issues = Array.from({ length: MANY }, (_, i) => issue('warning', 'X', `Sheet${i % 7}`, `A${i + 1}`, `message ${i}`));
    const table = formatIssueTable(issues);
    const lines = table.split('\n');
    expect(lines).toHaveLength(MANY + 1);
    expect(lines[0]).toMatch(/^SEVERITY\s+WHERE\s+MESSAGE$/);
    // The WHERE column is as wide as the widest address ("Sheet0!A150000" is 14 characters).
    expect(lines[0].indexOf('MESSAGE')).toBe(10 + 14 + 2);
  });
  it('the helpers take a huge list without the stack', () => {
    const xs = Array.from({ length: 500_000 }, (_, i) => i);
    expect(maxOf(xs, -1)).toBe(499_999);
    expect(minOf(xs, 10)).toBe(0);
    const into: number[] = [];
    pushAll(into, xs);
    expect(into).toHaveLength(500_000);
  });
});

describe('150,000 risks ended the run (push spread)', () => {
  it('rolls up a project with 150,000 risks and ranks them', async () => {
    jest.setTimeout(60_000);
    const { input } = await readXlsxGrids(SAMPLE);
    const rollout = input.grids.find((g) => g.sheet === 'Rollout')!;
    const width = rollout.values[0].length;
    for (let i = 0; i < MANY; i++) {
      const row: (string | number | null)[] = [`RX-${i}`, `Risk ${i}`, '40%', 'High', 1000, 2, 'Owner', 'Open', '11', 'Watch.'];
      rollout.values.push([...row, ...Array<null>(width - row.length).fill(null)]);
    }
    const { result, plan } = rollup(input, { ...DEFAULT_SETTINGS, statusDate: '2026-11-13' }, new Date(Date.UTC(2026, 10, 14)));
    const roll = result.projects.find((p) => p.id === 'ROLL')!;
    expect(roll.openRisks).toBeGreaterThanOrEqual(MANY);
    expect(plan.sheets.map((s) => s.role)).toContain('risks');
  });
});
