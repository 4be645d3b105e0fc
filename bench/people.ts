/**
 * Benefits and shared people at program scale: the 100 × 2,000-task synthetic program of bench/analyze.ts
 * with every task assigned to one of 300 people shared across projects (every fifth task to two people at
 * 50 %), and a register of 50 benefits on random milestones. Times, in CPU ms of this process, analysis +
 * plan + file render with nobody named and no register (the roll-up as it was) against the same program
 * with them, so the cost of the two features reads as a ratio on a busy machine. Target: ≤ 1.2.
 * Run: npx tsx bench/people.ts
 */
import { analyzeProgram } from '../src/core/analyze';
import type { ProgramModel } from '../src/core/model';
import { buildWorkbookPlan } from '../src/core/report';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { renderPlanToXlsx } from '../src/xlsx/write';
import { syntheticProgram } from './analyze';

const PEOPLE = 300;
const NOW = new Date('2024-07-01T00:00:00Z');

function withPeople(m: ProgramModel): ProgramModel {
  const projects = m.projects.map((p, pi) => ({
    ...p,
    tasks: p.tasks.map((t, i) => {
      const who = `Person ${((pi * 37 + (i % 16)) % PEOPLE) + 1}`;
      const other = `Person ${((pi * 37 + 16 + (i % 3)) % PEOPLE) + 1}`;
      return { ...t, owner: i % 5 === 0 ? `${who}[50%]; ${other}[50%]` : who };
    }),
  }));
  const benefits = Array.from({ length: 50 }, (_, b) => ({
    id: `B${b + 1}`, name: `Benefit ${b + 1}`, owner: null, measure: null, unit: null, baseline: 0, target: 100, current: b,
    realisationStart: 45292 + 200 + b * 5, realisationTarget: 45292 + 400 + b * 5, value: 100_000 * (b + 1),
    enablers: [{ project: `P${b % projects.length}`, task: String(1 + ((b * 97) % 2000)), text: '' }, { project: `P${(b * 7) % projects.length}`, task: '1500', text: '' }],
    source: { sheet: 'Benefits', cell: `A${b + 2}` }, enablerSource: null,
  }));
  return { ...m, projects, benefits };
}

async function cpu(run: () => Promise<void>): Promise<number> {
  const c0 = process.cpuUsage();
  await run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

async function once(m: ProgramModel): Promise<{ ms: number; bytes: number; sheets: number }> {
  let bytes = 0;
  let sheets = 0;
  const ms = await cpu(async () => {
    const result = analyzeProgram(m, DEFAULT_SETTINGS, NOW);
    const plan = buildWorkbookPlan(result, DEFAULT_SETTINGS);
    sheets = plan.sheets.length;
    bytes = (await renderPlanToXlsx(plan)).length;
  });
  return { ms, bytes, sheets };
}

async function main(): Promise<void> {
  const plain = syntheticProgram(100);
  const shared = withPeople(plain);
  await once(syntheticProgram(2, 99));
  const runs: { plain: number; shared: number }[] = [];
  let last = { plain: { ms: 0, bytes: 0, sheets: 0 }, shared: { ms: 0, bytes: 0, sheets: 0 } };
  for (let k = 0; k < 3; k++) {
    const a = await once(plain);
    const b = await once(shared);
    runs.push({ plain: a.ms, shared: b.ms });
    last = { plain: a, shared: b };
  }
  const best = (f: (r: { plain: number; shared: number }) => number): number => Math.min(...runs.map(f));
  const p = best((r) => r.plain);
  const s = best((r) => r.shared);
  console.log(`people: 100 projects × 2,000 tasks, analysis + plan + xlsx render, best of 3, CPU ms`);
  console.log(`people: nobody named, no register   ${p.toFixed(0)} ms (${last.plain.sheets} sheets, ${(last.plain.bytes / 1024).toFixed(0)} KB)`);
  console.log(`people: ${PEOPLE} people + 50 benefits      ${s.toFixed(0)} ms (${last.shared.sheets} sheets, ${(last.shared.bytes / 1024).toFixed(0)} KB)`);
  console.log(`people: ratio ${(s / p).toFixed(2)} (target ≤ 1.2)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
