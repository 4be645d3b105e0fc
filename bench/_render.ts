/**
 * The render phase alone, in a fresh process: renderPlanToXlsx on a plan saved as JSON, timed in CPU ms
 * (process.cpuUsage) and wall ms, cold as the command line runs it once. Reading and planning a 2.2-million-cell
 * workbook takes several seconds, so the plan is built once and saved; every later run times only the render.
 *
 * Run:
 *   npx tsx bench/_render.ts --save FILE.xlsx PLAN.json      build the plan of FILE (as bench/_phases.ts does), save it
 *   npx tsx bench/_render.ts PLAN.json [ROOT] [--out OUT] [--profile DIR]
 * ROOT, default this checkout, may be an older checkout, to time its writer on the same plan. --profile writes a
 * .cpuprofile of the render alone (node:inspector) to DIR.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';

const NOW = new Date('2026-11-13T12:00:00Z');

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/* eslint-disable @typescript-eslint/no-require-imports -- modules of the checkout named on the command line */
async function save(file: string, out: string): Promise<void> {
  const root = join(__dirname, '..');
  const { readXlsxGrids } = require(join(root, 'src', 'xlsx', 'read.ts'));
  const { readProgram } = require(join(root, 'src', 'core', 'read', 'index.ts'));
  const { analyzeProgram } = require(join(root, 'src', 'core', 'analyze', 'index.ts'));
  const { buildWorkbookPlan } = require(join(root, 'src', 'core', 'report', 'index.ts'));
  const { DEFAULT_SETTINGS } = require(join(root, 'src', 'core', 'settings.ts'));
  const { input } = await readXlsxGrids(file);
  const plan = buildWorkbookPlan(analyzeProgram(readProgram(input, DEFAULT_SETTINGS), DEFAULT_SETTINGS, NOW), DEFAULT_SETTINGS);
  writeFileSync(out, JSON.stringify(plan));
  console.log(`plan of ${file} saved to ${out}`);
}

async function time(planFile: string): Promise<void> {
  const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const root = positional[1] ?? join(__dirname, '..');
  const { renderPlanToXlsx } = require(join(root, 'src', 'xlsx', 'write', 'index.ts'));
  const plan = JSON.parse(readFileSync(planFile, 'utf8'));
  const profileDir = option('--profile');
  const session = profileDir ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    // 0.1 ms samples instead of the default 1 ms: the render is under a second.
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
  }
  const c0 = cpuMs();
  const w0 = performance.now();
  const bytes: Buffer = await renderPlanToXlsx(plan, { linkableSheets: [] });
  const cpu = cpuMs() - c0;
  const wall = performance.now() - w0;
  if (session && profileDir) {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `render-${process.pid}.cpuprofile`), JSON.stringify(profile));
  }
  const out = option('--out');
  if (out) writeFileSync(out, bytes);
  console.log(`render: ${cpu.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall, ${bytes.length} bytes`);
}
/* eslint-enable @typescript-eslint/no-require-imports */

const args = process.argv.slice(2);
(args[0] === '--save' ? save(args[1], args[2]) : time(args[0])).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
