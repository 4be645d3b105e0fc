/**
 * The analysis as the command line runs it: once, cold, in a fresh process, on a model just read from the
 * file. Each checkout's reader and analysis are bundled (esbuild) so no transpiling runs in the timed part,
 * and the checkouts take turns round by round, so a busy machine slows them alike. Prints each run's CPU ms
 * (process.cpuUsage: user + system, GC and compiler threads included) and the medians.
 *
 * A warm or repeated run hides what costs most here: V8 compiling and re-compiling the hot loops, and the
 * interpreter running them meanwhile. So each figure is one run in its own process.
 *
 * Run: npx tsx bench/_analyze-cold.ts FILE [ROUNDS=5] [--blank] [ROOT ...]
 *   ROOT: checkouts to compare (default this one), e.g. /tmp/abase from `git worktree add /tmp/abase <commit>`.
 *   --blank: every task's resource cell emptied first (the analysis without shared people).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const NOW = '2026-11-13T12:00:00Z';

/** The child: read, optionally blank the resource cells, then time one analyzeProgram. */
function childSource(root: string): string {
  const src = (p: string): string => JSON.stringify(join(root, 'src', p));
  return `
import { readXlsxGrids } from ${src('xlsx/read')};
import { readProgram } from ${src('core/read/index')};
import { analyzeProgram } from ${src('core/analyze/index')};
import { DEFAULT_SETTINGS } from ${src('core/settings')};
async function main(): Promise<void> {
  const { input } = await readXlsxGrids(process.argv[2]);
  let model = readProgram(input, DEFAULT_SETTINGS);
  if (process.argv[3] === '--blank') {
    model = { ...model, projects: model.projects.map((p: { tasks: object[] }) => ({ ...p, tasks: p.tasks.map((t) => ({ ...t, owner: null })) })) };
  }
  const c0 = process.cpuUsage();
  analyzeProgram(model, DEFAULT_SETTINGS, new Date(${JSON.stringify(NOW)}));
  const c = process.cpuUsage(c0);
  console.log(((c.user + c.system) / 1000).toFixed(0));
}
void main();
`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function main(): void {
  const args = process.argv.slice(2);
  const blank = args.includes('--blank');
  const rest = args.filter((a) => a !== '--blank');
  const file = rest[0];
  if (!file) throw new Error('usage: npx tsx bench/_analyze-cold.ts FILE [ROUNDS=5] [--blank] [ROOT ...]');
  const rounds = /^\d+$/.test(rest[1] ?? '') ? Number(rest[1]) : 5;
  const roots = rest.slice(/^\d+$/.test(rest[1] ?? '') ? 2 : 1).map((r) => resolve(r));
  if (roots.length === 0) roots.push(join(__dirname, '..'));
  const dir = mkdtempSync(join(tmpdir(), 'analyze-cold-'));
  try {
    const bundles = roots.map((root, i) => {
      const entry = join(dir, `entry${i}.ts`);
      writeFileSync(entry, childSource(root));
      const outfile = join(dir, `child${i}.js`);
      buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
      return outfile;
    });
    const runs: number[][] = roots.map(() => []);
    for (let r = 0; r < rounds; r++) {
      bundles.forEach((bundle, i) => {
        const out = spawnSync(process.execPath, [bundle, file, ...(blank ? ['--blank'] : [])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (out.status !== 0) throw new Error(`${roots[i]}: exit ${out.status ?? out.signal}\n${out.stderr}`);
        runs[i].push(Number(out.stdout.trim().split('\n').pop()));
      });
    }
    roots.forEach((root, i) => {
      console.log(`analyze cold${blank ? ' (nobody named)' : ''}: ${root}: median ${median(runs[i]).toFixed(0)} ms CPU (runs ${runs[i].join(' ')})`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
