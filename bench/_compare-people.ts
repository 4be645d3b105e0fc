/**
 * Issue 14's acceptance figure: the command line on the same 100 × 2,000-task workbook with 300 people,
 * through an older checkout (before the people roll-up) and through this one, and this one on the same
 * program with the resource column empty. Runs are interleaved (old, new, new without people) and timed in
 * CPU seconds (user + system of the child, from /usr/bin/time when present, else wall), so a busy machine
 * skews all three alike; prints each run and the medians. Target: new ≤ 1.20 × old, and ≤ 1.20 × new without people.
 *
 * Run: npx tsx bench/_compare-people.ts OLD_CHECKOUT [RUNS=5]
 *   e.g. git worktree add /tmp/pre14 d942fa2 && ln -s "$PWD/node_modules" /tmp/pre14/node_modules
 * Env: BENCH_PROJECTS, BENCH_TASKS as for bench/e2e.ts (the workbooks are written once, to a temp dir).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

function writeBook(file: string, people: number): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'e2e.ts'), '--write', file], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_PEOPLE: String(people) },
  });
  if (r.status !== 0) throw new Error(`writing ${file} failed: ${r.stderr}`);
}

/** CPU seconds (user + sys) of one CLI run of `checkout` on `file`; wall seconds without /usr/bin/time. */
function cliSeconds(checkout: string, file: string, out: string): number {
  rmSync(out, { force: true });
  const args = [join(checkout, 'bin', 'program-rollup.js'), file, '--out', out];
  const timed = existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...args], { cwd: checkout, encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(process.execPath, args, { cwd: checkout, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${checkout} failed on ${file}: ${(r.stderr ?? '').slice(0, 2000)}`);
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return m ? Number(m[1]) + Number(m[2]) : wall;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function main(): void {
  const old = process.argv[2];
  const runs = Number(process.argv[3] ?? 5);
  if (!old || !existsSync(join(old, 'bin', 'program-rollup.js'))) throw new Error('usage: npx tsx bench/_compare-people.ts OLD_CHECKOUT [RUNS]');
  const dir = mkdtempSync(join(tmpdir(), 'pr-people-'));
  try {
    const with300 = join(dir, 'people300.xlsx');
    const with0 = join(dir, 'people0.xlsx');
    writeBook(with300, 300);
    writeBook(with0, 0);
    const out = join(dir, 'out.xlsx');
    const t = { old: [] as number[], now: [] as number[], none: [] as number[] };
    for (let k = 0; k < runs; k++) {
      t.old.push(cliSeconds(old, with300, out));
      t.now.push(cliSeconds(ROOT, with300, out));
      t.none.push(cliSeconds(ROOT, with0, out));
      console.log(`people: run ${k + 1}: old ${t.old[k].toFixed(2)} s | new ${t.now[k].toFixed(2)} s | new, nobody named ${t.none[k].toFixed(2)} s`);
    }
    const [o, n, z] = [median(t.old), median(t.now), median(t.none)];
    console.log(`people: medians of ${runs} (CPU s): old ${o.toFixed(2)} | new ${n.toFixed(2)} | new, nobody named ${z.toFixed(2)}`);
    console.log(`people: new / old = ${(n / o).toFixed(2)}, new / nobody named = ${(n / z).toFixed(2)} (target ≤ 1.20 each)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
