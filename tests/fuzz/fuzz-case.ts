/**
 * The fuzz suite's jest side: a fixed number of cases with a fixed seed, so `npm test` is repeatable and a
 * red run replays exactly (`npm run fuzz` runs many more with fresh seeds). Every case must have no problem
 * (harness.ts); the outcome counts are checked so a generator that stopped reaching the roll-up (or stopped
 * producing damage) fails too.
 */
import fc from 'fast-check';
import type { FuzzInput } from './arbitraries';
import { runCase } from './harness';

export interface FuzzFigures {
  cases: number;
  rolledUp: number;
  messages: number;
}

export async function fuzz(arbitrary: fc.Arbitrary<FuzzInput>, numRuns: number, seed: number, xlsxEvery: number): Promise<FuzzFigures> {
  const figures: FuzzFigures = { cases: 0, rolledUp: 0, messages: 0 };
  let n = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const report = await runCase(await input.build(), { writeXlsx: n++ % xlsxEvery === 0 });
      figures.cases++;
      if (report.exitCode === 0) figures.rolledUp++;
      if (report.exitCode === 1) figures.messages++;
      if (report.problems.length > 0) throw new Error(`${input.label}\n${report.problems.join('\n')}`);
    }),
    // Shrinking re-runs whole roll-ups; the label already says what the case was.
    { numRuns, seed, endOnFailure: true },
  );
  return figures;
}
