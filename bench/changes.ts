/**
 * What the roll-up snapshot and the comparison with the previous roll-up cost, and how big the snapshot is,
 * at 100 projects × 2,000 tasks, in two shapes:
 * - typical: 1 task in 200 a milestone (1,000), 8 cross-project hand-offs per project (as bench/e2e.ts);
 * - heavy: 1 task in 20 a milestone (10,000) and the 10,000 cross-project links of bench/analyze.ts.
 * Compared with the rest of the roll-up after reading (analysis, plan, file render). Reading the 2.2 M cells
 * (bench/e2e.ts) comes on top, so the share of a whole roll-up is smaller than printed.
 * Run: npx tsx bench/changes.ts [typical|heavy]
 */
import JSZip from 'jszip';
import { analyzeProgram } from '../src/core/analyze';
import { compareSnapshots } from '../src/core/analyze/changes';
import { WorkCalendar } from '../src/core/calendar';
import { buildWorkbookPlan } from '../src/core/report';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { currentSnapshot, mergeSnapshots, previousSnapshot } from '../src/core/snapshot';
import { renderPlanToXlsx } from '../src/xlsx/write';
import { syntheticProgram } from './analyze';

async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await run();
  return { value, ms: performance.now() - t0 };
}

async function run(shape: 'typical' | 'heavy'): Promise<void> {
  const projects = 100;
  const model = syntheticProgram(projects);
  for (const p of model.projects) {
    p.tasks.forEach((t, i) => {
      t.isMilestone = i % (shape === 'heavy' ? 20 : 200) === 0;
    });
    if (shape === 'typical') {
      let cross = 0;
      for (const t of p.tasks) t.predecessors = t.predecessors.filter((l) => l.project === p.id || cross++ < 8);
    }
  }
  const settings = DEFAULT_SETTINGS;
  const now = new Date('2024-07-20T00:00:00Z');
  const result = analyzeProgram(model, settings, now);
  // The previous run: the same program a week earlier, every milestone three days sooner.
  const earlier = currentSnapshot(model, result).map((r) => ({ ...r, statusDate: '2024-07-12', forecast: r.kind === 'milestone' && r.forecast ? r.forecast.replace(/-(\d\d)$/, (_m, d: string) => `-${String(Math.max(1, Number(d) - 3)).padStart(2, '0')}`) : r.forecast }));

  // Baseline: what a roll-up did before (analysis, plan, render); analysis is timed again to include JIT.
  const analysis = await timed(() => analyzeProgram(model, settings, now));
  const bare = { ...analysis.value };
  delete bare.changes;
  const basePlan = await timed(() => buildWorkbookPlan(bare, settings));
  const baseRender = await timed(() => renderPlanToXlsx(basePlan.value));

  // Added: snapshot, comparison, and the two extra sheets in the plan and the file.
  const added = await timed(() => {
    const snap = currentSnapshot(model, analysis.value);
    const previous = previousSnapshot(earlier, analysis.value.statusDate);
    const cal = new WorkCalendar({ weekendDays: settings.weekendDays, holidays: model.holidays });
    const changes = previous === null ? null : compareSnapshots(previous, snap, cal);
    return { snap, changes, merged: mergeSnapshots(earlier, snap, analysis.value.statusDate) };
  });
  const full = { ...analysis.value, changes: added.value.changes };
  const fullPlan = await timed(() => buildWorkbookPlan(full, settings, { snapshot: added.value.merged }));
  const fullRender = await timed(() => renderPlanToXlsx(fullPlan.value));

  const base = analysis.ms + basePlan.ms + baseRender.ms;
  const extra = added.ms + (fullPlan.ms - basePlan.ms) + (fullRender.ms - baseRender.ms);
  const one = added.value.snap;
  const counts = new Map<string, number>();
  for (const r of one) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const kinds = [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
  const zip = await JSZip.loadAsync(fullRender.value);
  const snapIndex = fullPlan.value.sheets.findIndex((s) => s.role === 'snapshot') + 1;
  const part = zip.file(`xl/worksheets/sheet${snapIndex}.xml`);
  const xmlBytes = part ? (await part.async('uint8array')).length : 0;
  const blocks = fullPlan.value.sheets[snapIndex - 1].blocks;
  const officeBytes = JSON.stringify(blocks.map((b) => b.values)).length;
  const cells = blocks.reduce((n, b) => n + b.values.reduce((m, r) => m + r.filter((v) => v !== null).length, 0), 0);
  console.log(`changes (${shape}): ${projects} projects × 2000 tasks; one snapshot = ${one.length} rows (${kinds})`);
  console.log(`changes (${shape}): the sheet holds two snapshots, ${added.value.merged.length} rows, ${cells} filled cells: ${(officeBytes / 1e6).toFixed(2)} MB as Office.js values, ${(xmlBytes / 1e6).toFixed(2)} MB of sheet XML (whole file ${(fullRender.value.length / 1e6).toFixed(2)} MB zipped vs ${(baseRender.value.length / 1e6).toFixed(2)} MB without)`);
  console.log(`changes (${shape}): ${added.value.changes?.milestonesMoved ?? 0} milestones moved, ${added.value.changes?.handoffs.length ?? 0} hand-off changes`);
  console.log(`changes (${shape}): roll-up after reading ${base.toFixed(0)} ms (analysis ${analysis.ms.toFixed(0)}, plan ${basePlan.ms.toFixed(0)}, render ${baseRender.ms.toFixed(0)}); snapshot + comparison add ${extra.toFixed(0)} ms ` +
    `(core ${added.ms.toFixed(0)}, plan ${(fullPlan.ms - basePlan.ms).toFixed(0)}, render ${(fullRender.ms - baseRender.ms).toFixed(0)}) = ${((extra / base) * 100).toFixed(1)} % (target < 10 %, before the read of the cells)`);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const shape of ['typical', 'heavy'] as const) if (only === undefined || only === shape) await run(shape);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
