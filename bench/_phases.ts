/**
 * The command line's phases on one workbook, in CPU ms of this process (process.cpuUsage: user + system,
 * GC threads included): read the file (readXlsxGrids), read the program (readProgram), analyse, build the
 * plan, render the xlsx. Then the people's own share of the last three: the same model analysed, planned and
 * rendered with every task's resource cell blanked, so the difference is what shared people cost there.
 *
 * Run: npx tsx bench/_phases.ts FILE [ROOT]   (FILE from `npx tsx bench/e2e.ts --write FILE`; ROOT, default
 * this checkout, may be an older checkout to time its code on the same file: the people split is skipped when
 * that code has no Program Resources). bench/e2e.ts runs it after the command line.
 */
import { join } from 'node:path';

const ROOT = process.argv[3] ?? join(__dirname, '..');
const NOW = new Date('2026-11-13T12:00:00Z');

/* eslint-disable @typescript-eslint/no-require-imports -- modules of the checkout named on the command line */
const { readXlsxGrids } = require(join(ROOT, 'src', 'xlsx', 'read.ts'));
const { readProgram } = require(join(ROOT, 'src', 'core', 'read', 'index.ts'));
const { analyzeProgram } = require(join(ROOT, 'src', 'core', 'analyze', 'index.ts'));
const { buildWorkbookPlan } = require(join(ROOT, 'src', 'core', 'report', 'index.ts'));
const { renderPlanToXlsx } = require(join(ROOT, 'src', 'xlsx', 'write', 'index.ts'));
const { DEFAULT_SETTINGS } = require(join(ROOT, 'src', 'core', 'settings.ts'));
/* eslint-enable @typescript-eslint/no-require-imports */

interface Model {
  projects: { tasks: { owner: string | null }[] }[];
}

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

async function timed<T>(label: string, out: Record<string, number>, run: () => T | Promise<T>): Promise<T> {
  const c0 = cpuMs();
  const value = await run();
  out[label] = cpuMs() - c0;
  return value;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/_phases.ts FILE [ROOT]');
  const t: Record<string, number> = {};
  const start = cpuMs();
  const { input } = await timed('read xlsx', t, () => readXlsxGrids(file));
  const model = await timed('readProgram', t, () => readProgram(input, DEFAULT_SETTINGS)) as Model;
  const result = await timed('analyze', t, () => analyzeProgram(model, DEFAULT_SETTINGS, NOW));
  const plan = await timed('plan', t, () => buildWorkbookPlan(result, DEFAULT_SETTINGS));
  await timed('render', t, () => renderPlanToXlsx(plan, { linkableSheets: [] }));
  const total = cpuMs() - start;
  const row = Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | ');
  console.log(`phases: ${row} | total ${total.toFixed(0)} ms CPU`);
  const people = (result as { resources?: { people: unknown[]; conflicts: unknown[] } }).resources;
  if (people === undefined) return;
  // The same program with nobody named: what is left of analyze / plan / render without shared people.
  const blank = { ...model, projects: model.projects.map((p) => ({ ...p, tasks: p.tasks.map((x) => ({ ...x, owner: null })) })) };
  const b: Record<string, number> = {};
  const r0 = await timed('analyze', b, () => analyzeProgram(blank, DEFAULT_SETTINGS, NOW));
  const p0 = await timed('plan', b, () => buildWorkbookPlan(r0, DEFAULT_SETTINGS));
  await timed('render', b, () => renderPlanToXlsx(p0, { linkableSheets: [] }));
  // Again with people, warm like the blank run, for a like-for-like difference.
  const w: Record<string, number> = {};
  const r1 = await timed('analyze', w, () => analyzeProgram(model, DEFAULT_SETTINGS, NOW));
  const p1 = await timed('plan', w, () => buildWorkbookPlan(r1, DEFAULT_SETTINGS));
  await timed('render', w, () => renderPlanToXlsx(p1, { linkableSheets: [] }));
  const diff = Object.keys(b).map((k) => `${k} ${w[k].toFixed(0)} vs ${b[k].toFixed(0)}`).join(' | ');
  console.log(`phases: people (${people.people.length}, ${people.conflicts.length} conflicts) vs nobody named, warm: ${diff} ms CPU`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
