/**
 * Times this reader against another checkout's on the grids of bench/read.ts, in separate processes run
 * alternately (old, new, old, new, ...), so that load from other work on the machine falls on both alike.
 * Reports CPU time per readProgram (user + system, all threads: GC helpers included), the main-thread GC
 * pause share, and with --alloc the bytes allocated per read with the top allocation sites.
 *
 *   git worktree add ../rollup-425d235 425d235        (the reader before the rebuild of issue 10)
 *   npx tsx bench/_read-compare.ts ../rollup-425d235 [--procs 8] [--runs 5] [--alloc]
 *
 * The other checkout needs node_modules (a symlink to this one's will do). Options: --procs processes per
 * side, --runs timed reads per process after one warm-up read, --gc to collect garbage before each timed read
 * (as bench/read.ts does with --expose-gc), --alloc to sample allocations instead (slower; one process each),
 * --new <checkout> to time another checkout in place of this one.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { Session } from 'node:inspector';
import type { WorkbookInput } from '../src/core/grid';
import { benchGrids } from './_read-grids';

interface RunFigures {
  cpu: number;
  wall: number;
  gc: number;
}

type ReadProgram = (input: WorkbookInput, settings: unknown) => unknown;

function load(root: string): { read: ReadProgram; settings: unknown } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { readProgram } = require(resolve(root, 'src/core/read')) as { readProgram: ReadProgram };
  const { DEFAULT_SETTINGS } = require(resolve(root, 'src/core/settings')) as { DEFAULT_SETTINGS: unknown };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { read: readProgram, settings: DEFAULT_SETTINGS };
}

const tick = (): Promise<void> => new Promise((done) => setImmediate(done));

/** One process: a warm-up read, then `runs` timed reads; prints one JSON line of figures. */
async function child(root: string, runs: number, forceGc: boolean): Promise<void> {
  const { read, settings } = load(root);
  const grids = benchGrids();
  const gcs: { start: number; duration: number }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, duration: e.duration });
  });
  obs.observe({ entryTypes: ['gc'] });
  const gc = (globalThis as { gc?: () => void }).gc;
  read({ grids }, settings);
  const windows: { t0: number; t1: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) {
    if (forceGc && gc !== undefined) gc();
    await tick();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    read({ grids }, settings);
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    windows.push({ t0, t1, cpu: (c.user + c.system) / 1000 });
  }
  await tick();
  await tick();
  obs.disconnect();
  const figures: RunFigures[] = windows.map((w) => ({
    cpu: w.cpu, wall: w.t1 - w.t0,
    gc: gcs.filter((g) => g.start >= w.t0 && g.start < w.t1).reduce((s, g) => s + g.duration, 0),
  }));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}

/** One process: bytes allocated per read (sampled, garbage included) and where. */
async function allocChild(root: string, runs: number): Promise<void> {
  const { read, settings } = load(root);
  const grids = benchGrids();
  read({ grids }, settings);
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object): Promise<T> =>
    new Promise((done, fail) => session.post(method, params ?? {}, (e, r) => (e ? fail(e) : done(r as T))));
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let i = 0; i < runs; i++) read({ grids }, settings);
  const { profile } = await post<{ profile: { head: Node } }>('HeapProfiler.stopSampling');
  const sites = new Map<string, number>();
  let total = 0;
  const walk = (n: Node): void => {
    total += n.selfSize;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/src\//, 'src/')}:${f.lineNumber + 1}`;
    sites.set(key, (sites.get(key) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c);
  };
  walk(profile.head);
  const top = [...sites].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => ({ site: k, mb: v / runs / 1048576 }));
  process.stdout.write(`${JSON.stringify({ mb: total / runs / 1048576, top })}\n`);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function spawnChild(root: string, args: string[], expose: boolean): string {
  const flags = ['--import', 'tsx', ...(expose ? ['--expose-gc'] : [])];
  const r = spawnSync(process.execPath, [...flags, __filename, ...args], { cwd: resolve(__dirname, '..'), encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`child for ${root} failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').pop() ?? '';
}

function main(): void {
  const argv = process.argv.slice(2);
  const opt = (name: string, dflt: number): number => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  if (argv[0] === '--child') {
    void child(argv[1], Number(argv[2]), argv[3] === 'gc');
    return;
  }
  if (argv[0] === '--alloc-child') {
    void allocChild(argv[1], Number(argv[2]));
    return;
  }
  const other = argv.find((a, i) => !a.startsWith('--') && !['--procs', '--runs', '--new'].includes(argv[i - 1]));
  if (other === undefined) {
    console.error('usage: npx tsx bench/_read-compare.ts <other checkout> [--procs 8] [--runs 5] [--gc] [--alloc]');
    process.exitCode = 2;
    return;
  }
  const newRoot = argv.indexOf('--new') >= 0 ? argv[argv.indexOf('--new') + 1] : resolve(__dirname, '..');
  const sides = [{ name: 'old', root: resolve(other) }, { name: 'new', root: resolve(newRoot) }];
  const runs = opt('--runs', 5);
  if (argv.includes('--alloc')) {
    for (const s of sides) {
      const a = JSON.parse(spawnChild(s.root, ['--alloc-child', s.root, String(runs)], false)) as { mb: number; top: { site: string; mb: number }[] };
      console.log(`${s.name} (${s.root}): ${a.mb.toFixed(0)} MB allocated per read`);
      for (const t of a.top) console.log(`  ${t.mb.toFixed(1).padStart(7)} MB  ${t.site}`);
    }
    return;
  }
  const procs = opt('--procs', 8);
  const forceGc = argv.includes('--gc');
  const all = new Map<string, RunFigures[]>(sides.map((s) => [s.name, []]));
  const perProc = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  for (let p = 0; p < procs; p++) {
    // Alternate which side goes first, so neither always follows the other.
    for (const s of p % 2 === 0 ? sides : [...sides].reverse()) {
      const runsOf = JSON.parse(spawnChild(s.root, ['--child', s.root, String(runs), forceGc ? 'gc' : ''], forceGc)) as RunFigures[];
      for (const r of runsOf) all.get(s.name)?.push(r);
      perProc.get(s.name)?.push(median(runsOf.map((r) => r.cpu)));
      console.log(`${s.name} #${p + 1}: cpu ${runsOf.map((r) => r.cpu.toFixed(0)).join(' ')} ms`);
    }
  }
  const line = (name: string): { med: number; text: string } => {
    const rs = all.get(name) ?? [];
    const cpu = rs.map((r) => r.cpu);
    const gcShare = rs.reduce((s, r) => s + r.gc, 0) / rs.reduce((s, r) => s + r.wall, 0);
    const med = median(cpu);
    return {
      med,
      text: `${name}: cpu median ${med.toFixed(0)} ms, best ${Math.min(...cpu).toFixed(0)} ms, median of process medians ${median(perProc.get(name) ?? []).toFixed(0)} ms; wall median ${median(rs.map((r) => r.wall)).toFixed(0)} ms; GC pauses ${(100 * gcShare).toFixed(1)} % of wall (median ${median(rs.map((r) => r.gc)).toFixed(0)} ms)`,
    };
  };
  const o = line('old');
  const n = line('new');
  console.log(`\n${procs} processes per side, ${runs} timed reads each${forceGc ? ', gc() before each' : ''}, interleaved`);
  console.log(o.text);
  console.log(n.text);
  console.log(`new/old cpu median: ${(n.med / o.med).toFixed(3)}`);
}

main();
