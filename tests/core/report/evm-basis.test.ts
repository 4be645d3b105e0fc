/** The summary says when earned value is duration-weighted, from real analysis results (issue 10). */
import { analyzeProgram } from '../../../src/core/analyze';
import { buildWorkbookPlan } from '../../../src/core/report';
import { evmBasisNote } from '../../../src/core/report/evm-note';
import type { SheetPlan } from '../../../src/core/report/plan';
import type { Task } from '../../../src/core/model';
import type { RollupResult } from '../../../src/core/result';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { SAMPLE_RESULT } from '../../fixtures/result-sample';
import { d, model, project, settings, task, NOW } from '../analyze/fixtures';
import { valueAt } from './plan-helpers';

const planned = (pid: string, budget: number | null, fields: Partial<Task> = {}): Task[] => [
  task(pid, '1', { baselineStart: d('2024-05-06'), baselineFinish: d('2024-05-10'), start: d('2024-05-06'), finish: d('2024-05-10'), percentComplete: 0.5, budget, ...fields }),
];
const run = (projects: ReturnType<typeof project>[]): RollupResult => analyzeProgram(model(projects), settings({ statusDate: '2024-05-08' }), NOW);
const summaryOf = (r: RollupResult): SheetPlan => buildWorkbookPlan(r, DEFAULT_SETTINGS).sheets.find((s) => s.role === 'summary')!;

describe('duration-weighted earned value in the summary', () => {
  it('says nothing when every project is cost-weighted', () => {
    expect(evmBasisNote(SAMPLE_RESULT)).toBeNull();
    const s = summaryOf(SAMPLE_RESULT);
    expect(valueAt(s, 'A10')).toBeUndefined();
    expect(valueAt(s, 'I7')).toBe('SPI');
  });

  it('names the duration-weighted projects and what the program sums, in row 10 under the KPIs', () => {
    const r = run([project('C', planned('C', 1000)), project('D', planned('D', null)), project('F', planned('F', null, { baselineStart: null, baselineFinish: null }))]);
    const note = evmBasisNote(r) as string;
    expect(note).toContain('duration-weighted for D (no cost data');
    expect(note).toContain('on the forecast dates for F (no baseline');
    expect(note).toContain(r.program.evmNote as string);
    const s = summaryOf(r);
    expect(valueAt(s, 'A10')).toBe(note);
    expect(s.merges).toContain('A10:P10');
    // The program sums money here, so its SPI header stays plain.
    expect(valueAt(s, 'I7')).toBe('SPI');
  });

  it('labels the program SPI duration-weighted when the program sums working days', () => {
    const r = run([project('D', planned('D', null)), project('E', planned('E', null))]);
    expect(r.program.evmBasis).toBe('duration');
    const s = summaryOf(r);
    expect(valueAt(s, 'I7')).toBe('SPI (duration-weighted)');
    expect(valueAt(s, 'I8')).toBeCloseTo(2.5 / 3, 12);
    expect(String(valueAt(s, 'A10'))).toMatch(/duration-weighted for D, E .*Program SPI is duration-weighted too\.$/);
  });
});
