/**
 * Office.js round trips per roll-up, through Microsoft's own client (@microsoft/office-js, in jsdom) and the
 * test host (tests/excel/host): syncs, and the real request and response bytes the client sends and receives,
 * for 5, 20 and 100 projects × 2,000 tasks, and 100 projects with 30,000 issue rows, under the desktop setting
 * (no payload limit) and the web setting (5 MB per request and per response).
 *
 * Targets (issue 11): the 30,000-issue roll-up succeeds on the web with every request under 5 MB; on the
 * desktop a roll-up takes at most 4 syncs. The process exits 1 when a target is missed.
 *
 * Picked up by bench/run.ts like every bench/*.ts.
 * Env: BENCH_TASKS (default 2000) to scale down for a quick look; BENCH_SCENARIOS="5,20" to pick project counts.
 */
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { runRollupInExcel } from '../src/excel/run-rollup';
import { ExcelHost, WEB_PAYLOAD_LIMIT, type HostSetting } from '../tests/excel/host/excel-host';
import { newSheet, type FakeSheet } from '../tests/excel/fake/model';

const TASKS = Number(process.env.BENCH_TASKS ?? 2000);
const STATUS = 46339; // 2026-11-13
const NOW = new Date(Date.UTC(2026, 10, 13));

interface Scenario {
  projects: number;
  issueRows: number;
}

const SCENARIOS: Scenario[] = (process.env.BENCH_SCENARIOS ?? '5,20,100,100i')
  .split(',')
  .map((s) => ({ projects: Number(s.replace('i', '')), issueRows: s.endsWith('i') ? 30_000 : 0 }));

/** A project sheet as a PM would have typed it; `tbd` of its Start cells hold "TBD" (one issue row each). */
function projectSheet(p: number, tasks: number, tbd: number): FakeSheet {
  const sheet = newSheet(`Project ${p}`);
  const set = (r: number, c: number, value: string | number): void => {
    sheet.cells.set(`${r},${c}`, { value });
  };
  const id = `P${String(p).padStart(3, '0')}`;
  [['Project', `Project ${p}`], ['Project ID', id], ['Manager', 'Priya Raman'], ['Status Date', STATUS]].forEach((row, r) =>
    row.forEach((v, c) => set(r, c, v)),
  );
  ['ID', 'Task Name', 'Owner', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', '% Complete', 'Budget', 'Actual Cost', 'Predecessors'].forEach(
    (h, c) => set(5, c, h),
  );
  const owners = ['Priya Raman', 'Tom Becker', 'Ana Souza', 'Raj Patel', 'Lena Fischer', 'Wei Chen'];
  for (let t = 1; t <= tasks; t++) {
    const r = 5 + t;
    const start = 46030 + Math.floor((t - 1) / 4) * 3 + (p % 20) * 7;
    const slip = t % 7 === 0 ? 2 : 0;
    const pct = start + slip + 2 < STATUS ? 1 : start + slip < STATUS ? 0.5 : 0;
    const budget = 1000 + (t % 13) * 250;
    const row: (string | number | null)[] = [
      t,
      `Task ${t} of ${id}`,
      owners[t % owners.length],
      start,
      start + 2,
      t <= tbd ? 'TBD' : start + slip,
      start + 2 + slip,
      pct,
      budget,
      pct > 0 ? Math.round(budget * pct * 1.05) : null,
      [t > 4 ? String(t - 4) : '', p > 1 && t % 250 === 0 ? `P${String(p - 1).padStart(3, '0')}:${t}` : ''].filter(Boolean).join(', ') || null,
    ];
    row.forEach((v, c) => {
      if (v !== null) set(r, c, v);
    });
  }
  return sheet;
}

interface Figures {
  ok: boolean;
  error?: string;
  readSyncs: number;
  writeSyncs: number;
  requests: number;
  refused: number;
  cleanup: number;
  cleanupBytes: number;
  maxRequest: number;
  totalRequest: number;
  maxResponse: number;
  totalResponse: number;
  issues: number;
  seconds: number;
}

async function rollUp(s: Scenario, setting: HostSetting): Promise<Figures> {
  const tbd = Math.ceil(s.issueRows / s.projects);
  const excel = new ExcelHost(
    Array.from({ length: s.projects }, (_, i) => projectSheet(i + 1, TASKS, tbd)),
    { setting },
  );
  const t0 = performance.now();
  let readSyncs = 0;
  let writeSyncs = 0;
  let issues = 0;
  let error: string | undefined;
  try {
    const r = await runRollupInExcel({ excelRun: excel.run, settings: DEFAULT_SETTINGS, now: NOW, supports: () => true, platform: setting });
    readSyncs = r.readSyncs;
    writeSyncs = r.writeSyncs;
    issues = r.output.result.issues.length;
  } catch (e) {
    error = `${(e as { code?: string }).code ?? ''} ${e instanceof Error ? e.message : String(e)}`;
  }
  const seconds = (performance.now() - t0) / 1000;
  const ctx = excel.contexts[0];
  const accepted = ctx.requestBytesPerSync.filter((_, i) => ctx.errorPerSync[i] === null);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  return {
    ok: error === undefined,
    ...(error ? { error } : {}),
    readSyncs,
    writeSyncs,
    requests: ctx.syncCount,
    refused: ctx.errorPerSync.filter((e) => e !== null).length,
    cleanup: ctx.cleanupRequests,
    cleanupBytes: ctx.cleanupBytes,
    maxRequest: Math.max(0, ...accepted),
    totalRequest: sum(ctx.requestBytesPerSync),
    maxResponse: Math.max(0, ...ctx.responseBytesPerSync),
    totalResponse: sum(ctx.responseBytesPerSync),
    issues,
    seconds,
  };
}

const mb = (n: number): string => (n / 1024 / 1024).toFixed(2);

async function main(): Promise<void> {
  console.log(`Office.js round trips per roll-up (${TASKS} tasks per project; bytes are the real client's, MB = 2^20 bytes)`);
  console.log('scenario                       setting  syncs r+w  requests refused  max req  total req  max resp  total resp  clean-up  issues   time');
  const misses: string[] = [];
  for (const s of SCENARIOS) {
    for (const setting of ['desktop', 'web'] as const) {
      const f = await rollUp(s, setting);
      const label = `${s.projects} projects${s.issueRows ? `, ${s.issueRows} issue rows` : ''}`.padEnd(31);
      console.log(
        `${label}${setting.padEnd(9)}${`${f.readSyncs}+${f.writeSyncs}`.padStart(9)}${String(f.requests).padStart(10)}${String(f.refused).padStart(8)}` +
          `${mb(f.maxRequest).padStart(9)}${mb(f.totalRequest).padStart(11)}${mb(f.maxResponse).padStart(10)}${mb(f.totalResponse).padStart(12)}` +
          `${(f.cleanup === 0 ? '-' : `${f.cleanup}×${mb(f.cleanupBytes)}`).padStart(10)}` +
          `${String(f.issues).padStart(8)}${f.seconds.toFixed(1).padStart(6)} s${f.ok ? '' : `  FAILED: ${f.error ?? ''}`}`,
      );
      if (!f.ok) misses.push(`${label.trim()} (${setting}) failed`);
      if (setting === 'web' && f.maxRequest >= WEB_PAYLOAD_LIMIT) misses.push(`${label.trim()}: a ${mb(f.maxRequest)} MB request on the web`);
      if (setting === 'desktop' && f.readSyncs + f.writeSyncs > 4) misses.push(`${label.trim()}: ${f.readSyncs + f.writeSyncs} syncs on the desktop (target 4)`);
    }
  }
  console.log('syncs r+w: the adapter\'s read + write context.sync calls; requests: what reached Excel (refused ones included);');
  console.log('clean-up: requests Excel.run sends after the batch to release ranges it kept (none: the adapter untracks them).');
  if (misses.length > 0) {
    console.error(`Targets missed:\n- ${misses.join('\n- ')}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
