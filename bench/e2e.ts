/**
 * End to end at program scale: 100 projects × 2,000 tasks (about 2.2 million cells).
 *
 * 1. Writes the workbook to a temp dir with ExcelJS's streaming writer.
 * 2. Times ExcelJS alone reading it (new ExcelJS.Workbook().xlsx.readFile) in a fresh process.
 * 3. Times the command line on it in a fresh process (node bin/program-rollup.js FILE --out OUT), with peak RSS
 *    from /usr/bin/time -v when available, else from the child's own resource usage.
 * 4. Prints the ratio CLI / ExcelJS read, measured in this one run. Target: ≤ 1.5, peak memory < 1.5 GB.
 * 5. Prints the CLI's phases in CPU ms (bench/_phases.ts): read xlsx, readProgram, analyze, plan, render, and
 *    what the people roll-up adds to the last three. bench/_compare-people.ts compares with an older checkout.
 *
 * Tasks are assigned to BENCH_PEOPLE people (default 300) shared across projects, some at 50 % in MS Project's
 * Resource Names syntax, so the shared-people roll-up runs at scale too. BENCH_PEOPLE=0 leaves the column empty:
 * the roll-up without people, to compare with (issue 14: within +20 %).
 *
 * Env: BENCH_PROJECTS, BENCH_TASKS, BENCH_PEOPLE to scale down for a quick look.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const ROOT = join(__dirname, '..');
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100);
const TASKS = Number(process.env.BENCH_TASKS ?? 2000);
const PEOPLE = Math.max(0, Number(process.env.BENCH_PEOPLE ?? 300));
const DAY = 86_400_000;
const STATUS = Date.UTC(2026, 10, 13);

function workdayAfter(t: number, n: number): number {
  let d = t;
  for (let left = n; left > 0; ) {
    d += DAY;
    const w = new Date(d).getUTCDay();
    if (w !== 0 && w !== 6) left--;
  }
  return d;
}

export async function writeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const owners = ['Priya Raman', 'Tom Becker', 'Ana Souza', 'Raj Patel', 'Lena Fischer', 'Wei Chen'];
  const people = Array.from({ length: PEOPLE }, (_, i) => `Person ${i + 1}`);
  // Each person works in a few projects at once: the cross-project load the resources roll-up exists for.
  const assignee = (p: number, t: number): string | null => {
    if (PEOPLE === 0) return null;
    const who = people[(p * 37 + (t % 16)) % PEOPLE];
    return t % 5 === 0 ? `${who}[50%]; ${people[(p * 37 + 16 + (t % 3)) % PEOPLE]}[50%]` : who;
  };
  for (let p = 1; p <= PROJECTS; p++) {
    const id = `P${String(p).padStart(3, '0')}`;
    const ws = wb.addWorksheet(`Project ${p}`);
    ws.addRow(['Project', `Project ${p}`]).commit();
    ws.addRow(['Project ID', id]).commit();
    ws.addRow(['Manager', owners[p % owners.length]]).commit();
    const status = ws.addRow(['Status Date', new Date(STATUS)]);
    status.getCell(2).numFmt = 'dd-mmm-yyyy';
    status.commit();
    ws.addRow([]).commit();
    ws.addRow(['ID', 'Task Name', 'Owner', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', '% Complete', 'Budget', 'Actual Cost', 'Predecessors']).commit();
    let start = Date.UTC(2026, 0, 5) + (p % 20) * 7 * DAY;
    for (let t = 1; t <= TASKS; t++) {
      // Chains of 3-day tasks, four parallel streams per project; every 250th task waits on the previous project.
      if (t % 4 === 1 && t > 1) start = workdayAfter(start, 1);
      const finish = workdayAfter(start, 2);
      const slip = t % 7 === 0 ? 2 : 0;
      const fStart = workdayAfter(start, slip);
      const fFinish = workdayAfter(finish, slip);
      const pct = fFinish < STATUS ? 1 : fStart < STATUS ? 0.5 : 0;
      const budget = 1000 + (t % 13) * 250;
      const preds = [t > 4 ? String(t - 4) : '', p > 1 && t % 250 === 0 ? `P${String(p - 1).padStart(3, '0')}:${t}` : ''].filter(Boolean).join(', ');
      const row = ws.addRow([t, `Task ${t} of ${id}`, assignee(p, t), new Date(start), new Date(finish), new Date(fStart), new Date(fFinish), pct, budget, pct > 0 ? Math.round(budget * pct * 1.05) : null, preds || null]);
      for (const c of [4, 5, 6, 7]) row.getCell(c).numFmt = 'dd-mmm-yyyy';
      row.getCell(8).numFmt = '0%';
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}

interface Run {
  seconds: number;
  peakMb: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs node with args; wall time from here, peak RSS from /usr/bin/time -v when it exists. */
function timeNode(args: string[]): Run {
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-v', process.execPath, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return { seconds, peakMb: rss ? Number(rss[1]) / 1024 : null, code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

async function mainBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pr-bench-'));
  const file = join(dir, 'program.xlsx');
  try {
    const t0 = Date.now();
    await writeWorkbook(file);
    const mb = statSync(file).size / 1024 / 1024;
    console.log(`e2e: wrote ${PROJECTS} projects × ${TASKS} tasks (${((PROJECTS * (TASKS + 1) * 11) / 1e6).toFixed(2)} M cells, ${mb.toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const readScript = `const E=require('exceljs');const t=Date.now();new E.Workbook().xlsx.readFile(${JSON.stringify(file)}).then(()=>console.log((Date.now()-t)/1000))`;
    const exceljs = timeNode(['-e', readScript]);
    if (exceljs.code !== 0) throw new Error(`ExcelJS read failed: ${exceljs.stderr.slice(0, 2000)}`);
    // Our reader alone, for the breakdown (the CLI = read + core + write).
    const ourRead = timeNode(['--import', 'tsx', '-e', `require(${JSON.stringify(join(ROOT, 'src', 'xlsx', 'read.ts'))}).readXlsxGrids(${JSON.stringify(file)})`]);
    if (ourRead.code !== 0) throw new Error(`readXlsxGrids failed: ${ourRead.stderr.slice(0, 2000)}`);
    const out = join(dir, 'summary.xlsx');
    const cli = timeNode([join(ROOT, 'bin', 'program-rollup.js'), file, '--out', out]);
    if (cli.code !== 0) throw new Error(`CLI failed (exit ${cli.code}): ${cli.stderr.slice(0, 2000)}`);
    const fmt = (r: Run): string => `${r.seconds.toFixed(2)} s${r.peakMb === null ? '' : `, peak ${Math.round(r.peakMb)} MB`}`;
    console.log(`e2e: ExcelJS readFile alone   ${fmt(exceljs)}`);
    console.log(`e2e: readXlsxGrids alone      ${fmt(ourRead)}`);
    console.log(`e2e: program-rollup CLI       ${fmt(cli)} (summary ${(statSync(out).size / 1024).toFixed(0)} KB): ${cli.stdout.split('\n')[0]}`);
    const ratio = cli.seconds / exceljs.seconds;
    console.log(`e2e: ratio CLI / ExcelJS read = ${ratio.toFixed(2)} (target ≤ 1.5)${cli.peakMb !== null ? `; CLI peak ${Math.round(cli.peakMb)} MB (target < 1536 MB)` : ''}`);
    // Where the CLI's time goes, phase by phase, and what shared people add (bench/_phases.ts, CPU ms).
    const phases = timeNode(['--import', 'tsx', join(ROOT, 'bench', '_phases.ts'), file]);
    if (phases.code !== 0) throw new Error(`bench/_phases.ts failed: ${phases.stderr.slice(0, 2000)}`);
    for (const line of phases.stdout.trim().split('\n')) console.log(`e2e: ${line}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  // `--write FILE` only writes the workbook (to time old and new code on the same file, bench/_compare-people.ts).
  const at = process.argv.indexOf('--write');
  (at >= 0 ? writeWorkbook(process.argv[at + 1]) : mainBench()).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
