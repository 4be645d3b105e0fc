/**
 * Analysis benchmark: synthetic programs of 10, 100 and 500 projects × 2,000 tasks, each project a random
 * precedence network, plus 100 cross-project links per project (10,000 for the 100-project case) and a
 * few risks. Prints analysis time and heap growth. Run: npx tsx bench/analyze.ts [projects...]
 */
import os from 'os';
import { analyzeProgram } from '../src/core/analyze';
import type { LinkRef, ProgramModel, Project, Risk, Task } from '../src/core/model';
import { DEFAULT_SETTINGS } from '../src/core/settings';

const TASKS_PER_PROJECT = 2000;
const CROSS_LINKS_PER_PROJECT = 100;
const DAY0 = 45292; // 2024-01-01

/** Deterministic PRNG (mulberry32) so every run analyses the same program. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const src = (sheet: string, cell: string) => ({ sheet, cell });

export function syntheticProgram(projectCount: number, seed = 1): ProgramModel {
  const r = rng(seed);
  const projects: Project[] = [];
  for (let p = 0; p < projectCount; p++) {
    const pid = `P${p}`;
    const tasks: Task[] = [];
    for (let i = 0; i < TASKS_PER_PROJECT; i++) {
      const start = DAY0 + Math.floor(r() * 400);
      const len = 1 + Math.floor(r() * 15);
      const preds: LinkRef[] = [];
      const k = i === 0 ? 0 : 1 + Math.floor(r() * 2);
      for (let j = 0; j < k; j++) {
        const t = Math.floor(r() * i);
        preds.push({ project: pid, task: String(t + 1), type: 'FS', lag: 0, lagUnit: 'working', text: String(t + 1), source: src(pid, `H${i + 2}`) });
      }
      const pct = r();
      tasks.push({
        key: `${pid}:${i + 1}`, projectId: pid, id: String(i + 1), name: `Task ${i + 1}`, row: i + 2, source: src(pid, `A${i + 2}`),
        isMilestone: i % 200 === 0, baselineStart: start, baselineFinish: start + len, start: start + Math.floor(r() * 3), finish: start + len + Math.floor(r() * 5),
        actualStart: pct > 0.1 ? start : null, actualFinish: pct > 0.9 ? start + len : null, percentComplete: pct > 0.9 ? 1 : pct,
        budget: 1000 + Math.floor(r() * 9000), actualCost: Math.floor(r() * 5000), predecessors: preds, owner: null, status: null, notes: null,
      });
    }
    const risks: Risk[] = Array.from({ length: 10 }, (_, i) => ({
      id: `R${i}`, title: `Risk ${i}`, probability: r(), impactLevel: 1 + Math.floor(r() * 5), costImpact: Math.floor(r() * 100000),
      scheduleImpactDays: Math.floor(r() * 20), owner: null, status: 'Open', isOpen: true, taskId: String(1 + Math.floor(r() * TASKS_PER_PROJECT)),
      mitigation: null, row: 3000 + i, source: src(pid, `A${3000 + i}`),
    }));
    projects.push({ id: pid, name: `Project ${p}`, sheet: pid, hidden: false, manager: null, statusDate: DAY0 + 200, budget: null, tasks, risks, evmPeriods: null });
  }
  // Cross-project links: from a task of a lower-numbered project into a higher one (a few cycles are fine).
  for (let l = 0; l < CROSS_LINKS_PER_PROJECT * projectCount && projectCount > 1; l++) {
    const a = Math.floor(r() * (projectCount - 1));
    const b = a + 1 + Math.floor(r() * (projectCount - a - 1));
    const to = projects[b].tasks[Math.floor(r() * TASKS_PER_PROJECT)];
    const fromTask = String(1 + Math.floor(r() * TASKS_PER_PROJECT));
    to.predecessors.push({ project: `P${a}`, task: fromTask, type: 'FS', lag: Math.floor(r() * 3), lagUnit: 'working', text: `P${a}:${fromTask}`, source: src(to.projectId, 'H2') });
  }
  return { projects, skipped: [], dependencies: [], holidays: [DAY0 + 150, DAY0 + 358], statusDate: DAY0 + 200, history: [], issues: [] };
}

export interface BenchLine {
  projects: number;
  tasks: number;
  links: number;
  /** First analysis in this process for this size (includes JIT compilation, as a real roll-up click does). */
  ms: number;
  /** CPU time of this process (user + system) for that run: fairer than wall time on a shared, busy machine. */
  cpuMs: number;
  /** A second analysis of the same model: the steady-state figure. */
  warmMs: number;
  warmCpuMs: number;
  heapMB: number;
  /** Building `result.tasks` (one object per task and phase), paid on its first read, e.g. by --json. */
  tasksMs: number;
}

function timed(run: () => void): { ms: number; cpuMs: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  run();
  const c1 = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c1.user + c1.system) / 1000 };
}

export function benchAnalyze(projectCount: number): BenchLine {
  const m = syntheticProgram(projectCount);
  const links = m.projects.reduce((a, p) => a + p.tasks.reduce((b, t) => b + t.predecessors.length, 0), 0);
  const now = new Date('2024-07-01T00:00:00Z');
  // A tiny warm-up so module loading is not timed.
  analyzeProgram(syntheticProgram(2, 99), DEFAULT_SETTINGS, now);
  (globalThis as { gc?: () => void }).gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let projectsOut = 0;
  const cold = timed(() => {
    projectsOut = analyzeProgram(m, DEFAULT_SETTINGS, now).projects.length;
  });
  const heapMB = (process.memoryUsage().heapUsed - heap0) / 1e6;
  if (projectsOut !== projectCount) throw new Error('bench: wrong project count');
  const results: ReturnType<typeof analyzeProgram>[] = [];
  const warm = timed(() => {
    results.push(analyzeProgram(m, DEFAULT_SETTINGS, now));
  });
  let rows = 0;
  const tasksRead = timed(() => {
    rows = results[0].tasks.length;
  });
  if (rows !== projectCount * TASKS_PER_PROJECT) throw new Error('bench: wrong task count');
  return {
    projects: projectCount, tasks: projectCount * TASKS_PER_PROJECT, links, ms: cold.ms, cpuMs: cold.cpuMs, warmMs: warm.ms, warmCpuMs: warm.cpuMs, heapMB,
    tasksMs: tasksRead.ms,
  };
}

/** A fixed reference workload (10 M typed-array updates, about 10 ms on an idle core) to calibrate a busy machine. */
function referenceMs(): number {
  const a = new Int32Array(200_000);
  const t0 = performance.now();
  for (let k = 0; k < 50; k++) for (let i = 0; i < a.length; i++) a[i] += i & 7;
  return performance.now() - t0 + (a[7] === -1 ? 1 : 0);
}

function main(): void {
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const load = os.loadavg()[0];
  console.log(`load average ${load.toFixed(1)} on ${os.cpus().length} cores; reference workload ${referenceMs().toFixed(0)} ms (≈10 ms idle) — wall times inflate when the machine is busy`);
  for (const n of counts.length > 0 ? counts : [10, 100, 500]) {
    const b = benchAnalyze(n);
    console.log(
      `analyze ${String(b.projects).padStart(4)} projects × ${TASKS_PER_PROJECT} tasks (${b.tasks} tasks, ${b.links} links): ` +
        `first run ${b.ms.toFixed(0)} ms wall / ${b.cpuMs.toFixed(0)} ms CPU, second run ${b.warmMs.toFixed(0)} ms wall / ${b.warmCpuMs.toFixed(0)} ms CPU, ` +
        `heap +${b.heapMB.toFixed(0)} MB, ${((b.warmMs / b.tasks) * 1000).toFixed(2)} µs/task warm; result.tasks on first read ${b.tasksMs.toFixed(0)} ms`,
    );
  }
}

if (process.argv[1] && /analyze\.ts$/.test(process.argv[1])) main();
