/**
 * `npm run fuzz`: the fuzz suite with many more cases than `npm test` runs, and a fresh seed each time (like a
 * bench, it prints figures and is not part of the test run). Options: --cases N (per level, default 2000),
 * --seed S (repeat a run), --levels cells,parts,bytes. Exit code 1 when any case has a problem; each failing
 * case is printed with its label and the seed and path that replay it.
 */
import fc from 'fast-check';
import { byteCase, cellCase, partCase, type FuzzInput } from './arbitraries';
import { runCase } from './harness';

const LEVELS: Record<string, { arbitrary: fc.Arbitrary<FuzzInput>; xlsxEvery: number }> = {
  cells: { arbitrary: cellCase, xlsxEvery: 4 },
  parts: { arbitrary: partCase, xlsxEvery: 4 },
  bytes: { arbitrary: byteCase, xlsxEvery: 8 },
};

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main(): Promise<number> {
  const cases = Number(option('cases', '2000'));
  const seed = Number(option('seed', String(Date.now() % 2 ** 31)));
  const levels = option('levels', 'cells,parts,bytes').split(',');
  let failed = 0;
  for (const level of levels) {
    const spec = LEVELS[level];
    if (!spec) throw new Error(`unknown level ${level}; use cells, parts or bytes`);
    const counts = { cases: 0, rolledUp: 0, messages: 0, crashes: 0, hangs: 0, withProblems: 0 };
    let slowest = 0;
    let slowestLabel = '';
    let n = 0;
    const started = performance.now();
    const outcome = await fc.check(
      fc.asyncProperty(spec.arbitrary, async (input) => {
        const report = await runCase(await input.build(), { writeXlsx: n++ % spec.xlsxEvery === 0 });
        counts.cases++;
        if (report.ms > slowest) {
          slowest = report.ms;
          slowestLabel = input.label;
        }
        if (report.exitCode === 0) counts.rolledUp++;
        else if (report.exitCode === 1) counts.messages++;
        if (report.problems.some((p) => p.startsWith('crash'))) counts.crashes++;
        if (report.problems.some((p) => p.startsWith('hang'))) counts.hangs++;
        if (report.problems.length > 0) {
          counts.withProblems++;
          console.error(`\n[${level}] ${input.label}\n  ${report.problems.join('\n  ')}`);
        }
        return report.problems.length === 0;
      }),
      { numRuns: cases, seed, endOnFailure: false, interruptAfterTimeLimit: 3_600_000 },
    );
    const s = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${level}: ${counts.cases} cases in ${s} s (slowest ${Math.round(slowest)} ms): ${counts.rolledUp} rolled up, ${counts.messages} clear messages, ` +
      `${counts.crashes} crashes, ${counts.hangs} hangs, ${counts.withProblems} with problems (seed ${seed})\n  slowest: ${slowestLabel.slice(0, 200)}`);
    if (outcome.failed) {
      failed++;
      console.error(`${level}: replay the first failure with --seed ${seed} (fast-check path ${outcome.counterexamplePath ?? 'n/a'})`);
    }
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
