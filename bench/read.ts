/**
 * Reader benchmark: 100 project sheets x 2,000 task rows, synthetic grids built in memory.
 * Run: npx tsx bench/read.ts   (steadier figures: NODE_OPTIONS=--expose-gc npx tsx bench/read.ts)
 * Against an older reader (issue 10's target: within 10 % of commit 425d235), timed in alternating processes:
 *   git worktree add ../rollup-425d235 425d235 && npx tsx bench/_read-compare.ts ../rollup-425d235
 */
import { readProgram } from '../src/core/read';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { ROWS, SHEETS, benchGrids } from './_read-grids';

const grids = benchGrids();
// With --expose-gc (see below) each run starts from a clean heap, so one run's garbage does not bill the next.
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
readProgram({ grids }, DEFAULT_SETTINGS); // warm-up
const runs = 5;
const times: number[] = [];
// Minor page faults per run: memory the run had to take fresh from the OS. On some machines each costs
// tens of microseconds, and how much the heap gives back after each gc() varies, so this explains most of
// the spread between runs.
const faults: number[] = [];
let tasks = 0;
let issues = 0;
for (let i = 0; i < runs; i++) {
  gc();
  const f0 = process.resourceUsage().minorPageFault;
  const t0 = performance.now();
  const m = readProgram({ grids }, DEFAULT_SETTINGS);
  times.push(performance.now() - t0);
  faults.push(process.resourceUsage().minorPageFault - f0);
  tasks = m.projects.reduce((n, p) => n + p.tasks.length, 0);
  issues = m.issues.length;
}
gc();
const before = process.memoryUsage().heapUsed;
const kept = readProgram({ grids }, DEFAULT_SETTINGS);
gc();
const modelMb = (process.memoryUsage().heapUsed - before) / 1048576;
const perRun = times.map((t, i) => `${t.toFixed(0)} ms/${(faults[i] / 1000).toFixed(1)}k`).join(', ');
times.sort((a, b) => a - b);
console.log(`read ${SHEETS} sheets x ${ROWS} rows (${tasks} tasks, ${issues} issues, ${kept.projects.length} projects)`);
console.log(`median ${times[Math.floor(runs / 2)].toFixed(0)} ms, best ${times[0].toFixed(0)} ms`);
console.log(`runs in order (time/page faults): ${perRun}`);
console.log(`model ${modelMb.toFixed(0)} MB retained${typeof (globalThis as { gc?: unknown }).gc === 'function' ? '' : ' (approximate: run with NODE_OPTIONS=--expose-gc for exact figures)'}, heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
