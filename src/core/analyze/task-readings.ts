/**
 * The per-task rows of the result: the forecast overlay, each project's milestones and phases, and the task
 * table as read (built lazily). Data in, data out; dates through shared per-day ISO caches.
 */
import { serialToIso } from '../calendar';
import type { WorkCalendar } from '../calendar';
import type { Phase, Project, Task } from '../model';
import type { MilestoneResult, PhaseResult, RollupResult, TaskForecast, TaskReading } from '../result';
import type { NetworkResult } from './network';
import type { ProgramIndex } from './program-index';
import { lazyProperty } from './lazy-property';
import { usableSerial } from './sanitize';

/**
 * `tasks` is built on first read (lazyProperty): 200k plain objects cost about a third of the analysis itself,
 * and the pane and the workbook plan never read them. Until then the result keeps the model's projects alive:
 * the price of not building 200k unread rows.
 */
export function lazyTasks(result: RollupResult, build: () => TaskReading[]): void {
  lazyProperty(result, 'tasks', build);
}

/** Serials around the program's span (a year either side) worth an ISO cache slot; empty when unbounded. */
export function isoDaySpan(cal: WorkCalendar, net: NetworkResult): { lo: number; length: number } {
  const { programStart, programFinish } = net;
  if (programStart === null || programFinish === null || programFinish - programStart >= 100_000) return { lo: 0, length: 0 };
  const lo = cal.fromOrdinal(programStart) - 366;
  return { lo, length: cal.fromOrdinal(programFinish) + 366 - lo + 1 };
}

/** ISO text per serial in that span, computed once per day (as the forecasts' ordinal cache); others via iso. */
export function isoDayCache(span: { lo: number; length: number }, iso: (s: number | null) => string | null): (s: number | null) => string | null {
  const { lo } = span;
  const days = new Array<string | undefined>(span.length).fill(undefined);
  return (s) => {
    if (s === null) return null;
    const k = s - lo;
    if (k >>> 0 !== k || k >= days.length) return iso(s);
    let v = days[k];
    if (v === undefined) {
      v = serialToIso(s);
      days[k] = v;
    }
    return v;
  };
}

/** The forecast overlay row of every task. */
export function forecastRows(tasks: Task[], net: NetworkResult, isoOrd: (o: number) => string | null): TaskForecast[] {
  const { es, ef, slack, pushed } = net;
  const out: TaskForecast[] = new Array<TaskForecast>(tasks.length);
  for (let i = 0; i < tasks.length; i++) {
    const s = slack[i];
    out[i] = {
      key: tasks[i].key,
      forecastStart: isoOrd(es[i]),
      forecastFinish: isoOrd(ef[i]),
      totalSlackDays: Number.isNaN(s) ? null : s,
      critical: !Number.isNaN(s) && s <= 0,
      pushed: pushed[i] === 1,
    };
  }
  return out;
}

export function projectForecast(
  p: Project, rows: Int32Array, ef: Float64Array, cal: WorkCalendar, iso: (s: number | null) => string | null,
): { forecastFinish: number | null; milestones: MilestoneResult[] } {
  let forecastFinish = -Infinity;
  const milestones: MilestoneResult[] = [];
  // Phase names only for a milestone under a phase: most projects have few milestones and many phases.
  let phaseNames: Map<string, string> | null | undefined;
  p.tasks.forEach((t, k) => {
    const i = rows[k];
    const o = i < 0 ? NaN : ef[i];
    if (!t.isMilestone) {
      if (o > forecastFinish) forecastFinish = o;
      return;
    }
    if (o > forecastFinish) forecastFinish = o;
    const f = Number.isNaN(o) ? null : cal.fromOrdinal(o);
    milestones.push({
      key: t.key,
      name: t.name,
      baselineFinish: iso(t.baselineFinish),
      forecastFinish: iso(f),
      finishVarianceDays: f !== null && t.baselineFinish !== null ? cal.workdayDiff(cal.prevWorkday(t.baselineFinish), f) : null,
      phase: t.parent !== undefined && (phaseNames ??= phaseNameMap(p)) !== null ? (phaseNames.get(t.parent) ?? null) : null,
    });
  });
  // forecastFinish is an ordinal here; NaN comparisons are false, so tasks without dates never count.
  return { forecastFinish: forecastFinish === -Infinity ? null : cal.fromOrdinal(forecastFinish), milestones };
}

/** Phase ID -> name, or null for a flat sheet (no map built for the common case). */
export function phaseNameMap(p: Project): Map<string, string> | null {
  if (!p.phases || p.phases.length === 0) return null;
  const m = new Map<string, string>();
  for (const ph of p.phases) m.set(ph.id, ph.name);
  return m;
}

/** A phase's dates are the sheet's and are not sanitized with the tasks': use only real day serials. */
const phaseDate = (s: number | null): number | null => (s !== null && usableSerial(s) ? Math.floor(s) : null);

/**
 * Each phase with the latest baseline and forecast finish of its tasks (the tasks' dates, not the row's).
 * `pi` is the project's position in the model and `nodes` the program's tasks by node index: when the index
 * answers from this project's rows alone, its node is the task (no table of the project's IDs is built).
 */
export function phaseResults(
  p: Project, pi: number, index: ProgramIndex, nodes: readonly Task[], ef: Float64Array, cal: WorkCalendar,
  iso: (s: number | null) => string | null,
): PhaseResult[] {
  const phases = p.phases;
  if (!phases || phases.length === 0) return [];
  const baselineOf = index.ownRows(pi, p.id)
    ? (_id: string, node: number | undefined): number | null => (node === undefined ? null : nodes[node].baselineFinish)
    : firstRowBaseline(p.tasks);
  return phases.map((ph): PhaseResult => {
    let ff = -Infinity;
    let bf: number | null = null;
    for (const id of ph.taskIds) {
      const node = index.find(p.id, id);
      const o = node === undefined ? NaN : ef[node];
      if (o > ff) ff = o;
      const b = baselineOf(id, node);
      if (b !== null && (bf === null || b > bf)) bf = b;
    }
    const forecast = ff === -Infinity ? phaseDate(ph.finish) : cal.fromOrdinal(ff);
    const baseline = bf ?? phaseDate(ph.baselineFinish);
    return {
      id: ph.id,
      name: ph.name,
      level: ph.level,
      taskCount: ph.taskIds.length,
      baselineFinish: iso(baseline),
      forecastFinish: iso(forecast),
      finishVarianceDays: baseline !== null && forecast !== null ? cal.workdayDiff(cal.prevWorkday(baseline), forecast) : null,
      sheet: ph.source.sheet,
      cell: ph.source.cell,
    };
  });
}

/** The baseline finish of the first row with each ID, through a table of the project's own rows. */
function firstRowBaseline(tasks: readonly Task[]): (id: string) => number | null {
  const rowOf = new Map<string, number>();
  for (let k = 0; k < tasks.length; k++) if (!rowOf.has(tasks[k].id)) rowOf.set(tasks[k].id, k);
  return (id) => {
    const k = rowOf.get(id);
    return k === undefined ? null : tasks[k].baselineFinish;
  };
}

/** Outline depth of a WBS code ("1.2.1" -> 3), or null when there is none. */
function outlineDepth(code: string | undefined): number | null {
  if (code === undefined || code === '') return null;
  let depth = 1;
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 46) depth++;
  return depth;
}

/**
 * The task table as read, project by project: tasks and phases merged in row order. One plain loop per
 * project and one object per row (200k rows in the bench), dates through the shared per-day ISO cache.
 */
export function taskReadings(projects: Project[], isoDay: (s: number | null) => string | null): TaskReading[] {
  let total = 0;
  for (const p of projects) total += p.tasks.length + (p.phases?.length ?? 0);
  const out = new Array<TaskReading>(total);
  let o = 0;
  for (const p of projects) {
    const tasks = p.tasks;
    const phases = p.phases && p.phases.length > 0 ? [...p.phases].sort((a, b) => a.row - b.row) : null;
    const levelOf = phases === null ? null : new Map<string, number>();
    let j = 0;
    // Enclosing phases of the current row, outermost first, for a phase's own parent.
    const stack: Phase[] = [];
    for (let k = 0; k < tasks.length; k++) {
      const t = tasks[k];
      while (phases !== null && levelOf !== null && j < phases.length && phases[j].row <= t.row) {
        const ph = phases[j++];
        while (stack.length > 0 && stack[stack.length - 1].level >= ph.level) stack.pop();
        out[o++] = phaseReading(p, ph, stack.length > 0 ? stack[stack.length - 1].id : null);
        stack.push(ph);
        levelOf.set(ph.id, ph.level);
      }
      const parent = t.parent ?? null;
      let level = outlineDepth(t.outline);
      if (level === null && parent !== null && levelOf !== null) {
        const pl = levelOf.get(parent);
        if (pl !== undefined) level = pl + 1;
      }
      out[o++] = {
        key: t.key,
        projectId: t.projectId,
        id: t.id,
        name: t.name,
        percentComplete: t.percentComplete,
        start: isoDay(t.start),
        finish: isoDay(t.finish),
        baselineStart: isoDay(t.baselineStart),
        baselineFinish: isoDay(t.baselineFinish),
        actualStart: isoDay(t.actualStart),
        actualFinish: isoDay(t.actualFinish),
        summary: false,
        level,
        childCount: null,
        milestone: t.isMilestone,
        parent,
        outline: t.outline ?? null,
        sheet: t.source.sheet,
        cell: t.source.cell,
      };
    }
    while (phases !== null && j < phases.length) {
      const ph = phases[j++];
      while (stack.length > 0 && stack[stack.length - 1].level >= ph.level) stack.pop();
      out[o++] = phaseReading(p, ph, stack.length > 0 ? stack[stack.length - 1].id : null);
      stack.push(ph);
    }
  }
  return out;

  function phaseReading(p: Project, ph: Phase, parent: string | null): TaskReading {
    return {
      key: `${p.id}:${ph.id}`,
      projectId: p.id,
      id: ph.id,
      name: ph.name,
      percentComplete: ph.percentComplete !== null && Number.isFinite(ph.percentComplete) ? ph.percentComplete : null,
      start: isoDay(phaseDate(ph.start)),
      finish: isoDay(phaseDate(ph.finish)),
      baselineStart: isoDay(phaseDate(ph.baselineStart)),
      baselineFinish: isoDay(phaseDate(ph.baselineFinish)),
      actualStart: null,
      actualFinish: null,
      summary: true,
      level: ph.level,
      childCount: ph.taskIds.length,
      milestone: false,
      parent,
      outline: null,
      sheet: ph.source.sheet,
      cell: ph.source.cell,
    };
  }
}
