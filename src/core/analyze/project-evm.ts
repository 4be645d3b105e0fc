/**
 * Per-project planned value curve and EVM inputs. Without a period table, each task's budget is spread
 * linearly over its baseline working days (x = working days since the project's baseline start, x = k is
 * the end of the k-th working day). With a period table, its cumulative rows are the curve.
 *
 * Without any money (no task budget, no header budget, no period table) each task weighs its baseline
 * working days instead, so PV and EV are in working days and SPI, SV(t), SPI(t) still exist: most real
 * sheets carry dates and % complete but no budget. Without any baseline either, the forecast dates are the
 * plan (SPI then measures progress against the PM's current schedule, and says so through `basis`).
 */
import type { WorkCalendar } from '../calendar';
import type { Project, Task } from '../model';
import type { EvmBasis } from '../result';
import type { PvCurve } from './earned-schedule';
import { pvAt } from './earned-schedule';


export interface ProjectEvmInputs {
  /** In the basis' unit: money for cost and period-table, working days for the duration bases. */
  bac: number | null;
  pv: number | null;
  ev: number | null;
  ac: number | null;
  /** Serial of the baseline start (x = 0 is the morning of this day), or null. */
  baselineStart: number | null;
  baselineFinish: number | null;
  /** Origin of the PV curve (x = 0): the baseline start, or the forecast start when the forecast is the plan. */
  planStart: number | null;
  curve: PvCurve;
  /** Actual time in working days since baseline start (stopped at the actual finish of a finished project). */
  at: number | null;
  finished: boolean;
  actualFinish: number | null;
  source: 'tasks' | 'period-table';
  /** null when there is nothing to weigh: no money and no task dates at all. */
  basis: EvmBasis | null;
}

const num = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

export function isFinished(t: Task): boolean {
  return t.actualFinish !== null || (t.percentComplete !== null && t.percentComplete >= 1);
}

/** Effective task budgets: the tasks' own, else the project budget shared by baseline working days. */
function taskBudgets(p: Project, cal: WorkCalendar): { budgets: number[]; bac: number | null } {
  const own = p.tasks.map((t) => num(t.budget));
  const anyOwn = own.some((b) => b !== null);
  if (anyOwn) {
    const budgets = own.map((b) => b ?? 0);
    return { budgets, bac: budgets.reduce((a, b) => a + b, 0) };
  }
  const header = num(p.budget);
  if (header === null) return { budgets: p.tasks.map(() => 0), bac: null };
  const days = p.tasks.map((t) =>
    t.baselineStart !== null && t.baselineFinish !== null ? Math.max(1, cal.workdaysInclusive(t.baselineStart, t.baselineFinish)) : 0,
  );
  const total = days.reduce((a, b) => a + b, 0);
  return { budgets: days.map((d) => (total > 0 ? (header * d) / total : 0)), bac: header };
}

/**
 * Duration weights: a task weighs its planned working days (a one-day task 1, a milestone 0, a task with a
 * missing or reversed plan date 0: it has no planned duration to earn).
 */
function durationWeights(starts: (number | null)[], finishes: (number | null)[], tasks: Task[], cal: WorkCalendar): { budgets: number[]; bac: number } {
  const budgets = new Array<number>(tasks.length);
  let bac = 0;
  for (let i = 0; i < tasks.length; i++) {
    const s = starts[i];
    const f = finishes[i];
    const w = tasks[i].isMilestone || s === null || f === null || f < s ? 0 : Math.max(1, cal.workdaysInclusive(s, f));
    budgets[i] = w;
    bac += w;
  }
  return { budgets, bac };
}

/** Earliest start and latest finish of a list of plan dates (a missing end stands in for the other). */
function span(starts: (number | null)[], finishes: (number | null)[]): { lo: number | null; hi: number | null } {
  let lo: number | null = null;
  let hi: number | null = null;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] ?? finishes[i];
    const f = finishes[i] ?? starts[i];
    if (s !== null && (lo === null || s < lo)) lo = s;
    if (f !== null && (hi === null || f > hi)) hi = f;
  }
  return { lo, hi };
}

export function projectEvmInputs(p: Project, cal: WorkCalendar, status: number): ProjectEvmInputs {
  const tasks = p.tasks;
  const n = tasks.length;
  const baseStarts = new Array<number | null>(n);
  const baseFinishes = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    baseStarts[i] = tasks[i].baselineStart;
    baseFinishes[i] = tasks[i].baselineFinish;
  }
  const { lo: bs, hi: bf } = span(baseStarts, baseFinishes);
  let finished = n > 0;
  let actualFinish: number | null = null;
  for (const t of tasks) {
    if (!isFinished(t)) {
      finished = false;
      continue;
    }
    const f = t.actualFinish ?? t.finish ?? t.baselineFinish;
    if (f !== null && (actualFinish === null || f > actualFinish)) actualFinish = f;
  }
  if (!finished) actualFinish = null;

  // Which plan and which weights: money when there is any, else working days of the baseline, else
  // working days of the forecast (with no baseline at all, the forecast dates are the only plan there is).
  let { budgets, bac: taskBac } = taskBudgets(p, cal);
  const hasPeriods = p.evmPeriods !== null && p.evmPeriods.length > 0;
  let basis: EvmBasis | null = hasPeriods ? 'period-table' : taskBac !== null ? 'cost' : null;
  let planStarts = baseStarts;
  let planFinishes = baseFinishes;
  let ps = bs;
  let pf = bf;
  if (basis === null) {
    if (bs === null) {
      planStarts = new Array<number | null>(n);
      planFinishes = new Array<number | null>(n);
      for (let i = 0; i < n; i++) {
        const t = tasks[i];
        planStarts[i] = t.start ?? t.actualStart;
        planFinishes[i] = t.finish ?? t.actualFinish;
      }
      ({ lo: ps, hi: pf } = span(planStarts, planFinishes));
      if (ps !== null) basis = 'duration-forecast-plan';
    } else basis = 'duration';
    if (basis !== null) ({ budgets, bac: taskBac } = durationWeights(planStarts, planFinishes, tasks, cal));
  }
  const money = basis === 'cost' || basis === 'period-table';

  let ev: number | null = null;
  let ac: number | null = null;
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    const pct = isFinished(t) ? 1 : num(t.percentComplete);
    if (pct !== null) ev = (ev ?? 0) + budgets[i] * Math.min(1, Math.max(0, pct));
    // Actual cost against working-day weights would make CPI a ratio of days to money: not summed.
    const cost = money || basis === null ? num(t.actualCost) : null;
    if (cost !== null) ac = (ac ?? 0) + cost;
  }
  if (ev === null && taskBac !== null) ev = 0;

  if (hasPeriods) return periodInputs(p, cal, status, bs, bf, taskBac, finished, actualFinish);

  const curve: PvCurve = { x: [], pv: [] };
  let at: number | null = null;
  if (ps !== null && pf !== null) {
    const ord0 = cal.ordinal(ps);
    const days = Math.max(0, cal.workdaysInclusive(ps, pf));
    const diff = new Float64Array(days + 2);
    for (let i = 0; i < n; i++) {
      const b = budgets[i];
      const s = planStarts[i];
      const f = planFinishes[i];
      if (b === 0 || s === null || f === null) continue;
      const a = cal.ordinal(s) - ord0;
      const z = Math.max(a, cal.ordinal(f + 1) - 1 - ord0);
      const rate = b / (z - a + 1);
      diff[a] += rate;
      diff[z + 1] -= rate;
    }
    curve.x.push(0);
    curve.pv.push(0);
    let rate = 0;
    let cum = 0;
    for (let d = 0; d < days; d++) {
      rate += diff[d];
      cum += rate;
      curve.x.push(d + 1);
      curve.pv.push(cum);
    }
    at = actualTime(cal, ps, status, actualFinish);
  }
  const pv = ps !== null && taskBac !== null && at !== null ? pvAt(curve, at) : null;
  return {
    bac: taskBac, pv, ev, ac, baselineStart: bs, baselineFinish: bf, planStart: ps, curve, at, finished, actualFinish, source: 'tasks', basis,
  };
}

function actualTime(cal: WorkCalendar, bs: number, status: number, actualFinish: number | null): number {
  const end = actualFinish !== null && actualFinish < status ? actualFinish : status;
  return cal.workdaysInclusive(bs, end);
}

/** Linear interpolation of a cumulative series (null entries skipped) at working-day position x. */
function seriesAt(xs: number[], ys: (number | null)[], x: number): number | null {
  const px: number[] = [];
  const py: number[] = [];
  xs.forEach((xx, i) => {
    const y = ys[i];
    if (y !== null && Number.isFinite(y)) {
      px.push(xx);
      py.push(y);
    }
  });
  if (px.length === 0) return null;
  if (x < px[0]) return (py[0] * Math.max(0, x)) / Math.max(1, px[0]);
  return pvAt({ x: px, pv: py }, x);
}

function periodInputs(
  p: Project, cal: WorkCalendar, status: number, taskBs: number | null, taskBf: number | null, taskBac: number | null,
  finished: boolean, actualFinish: number | null,
): ProjectEvmInputs {
  const rows = [...(p.evmPeriods ?? [])].filter((r) => Number.isFinite(r.date) && Number.isFinite(r.pv)).sort((a, b) => a.date - b.date);
  // The curve starts at the baseline start when tasks give one, else the day after the first period ends
  // minus that period's length is unknown, so the first period end itself is the origin.
  const bs = taskBs !== null && taskBs <= rows[0].date ? taskBs : rows[0].date;
  const xs = rows.map((r) => cal.workdaysInclusive(bs, r.date));
  const curve: PvCurve = { x: [], pv: [] };
  if (xs[0] > 0) {
    curve.x.push(0);
    curve.pv.push(0);
  }
  rows.forEach((r, i) => {
    curve.x.push(xs[i]);
    curve.pv.push(r.pv);
  });
  const at = actualTime(cal, bs, status, actualFinish);
  const pv = pvAt(curve, at);
  const ev = seriesAt(xs, rows.map((r) => r.ev), at);
  const ac = seriesAt(xs, rows.map((r) => r.ac), at);
  const bac = num(p.budget) ?? taskBac ?? rows[rows.length - 1].pv;
  const bf = taskBf ?? rows[rows.length - 1].date;
  return {
    bac, pv, ev, ac, baselineStart: bs, baselineFinish: bf, planStart: bs, curve, at, finished, actualFinish, source: 'period-table',
    basis: 'period-table',
  };
}
