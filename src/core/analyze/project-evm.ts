/**
 * Per-project planned value curve and EVM inputs. Without a period table, each task's budget is spread
 * linearly over its baseline working days (x = working days since the project's baseline start, x = k is
 * the end of the k-th working day). With a period table, its cumulative rows are the curve.
 */
import type { WorkCalendar } from '../calendar';
import type { Project, Task } from '../model';
import type { PvCurve } from './earned-schedule';
import { pvAt } from './earned-schedule';

export interface ProjectEvmInputs {
  bac: number | null;
  pv: number | null;
  ev: number | null;
  ac: number | null;
  /** Serial of the baseline start (x = 0 is the morning of this day), or null. */
  baselineStart: number | null;
  baselineFinish: number | null;
  curve: PvCurve;
  /** Actual time in working days since baseline start (stopped at the actual finish of a finished project). */
  at: number | null;
  finished: boolean;
  actualFinish: number | null;
  source: 'tasks' | 'period-table';
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

export function projectEvmInputs(p: Project, cal: WorkCalendar, status: number): ProjectEvmInputs {
  let bs: number | null = null;
  let bf: number | null = null;
  for (const t of p.tasks) {
    const s = t.baselineStart ?? t.baselineFinish;
    const f = t.baselineFinish ?? t.baselineStart;
    if (s !== null && (bs === null || s < bs)) bs = s;
    if (f !== null && (bf === null || f > bf)) bf = f;
  }
  let finished = p.tasks.length > 0;
  let actualFinish: number | null = null;
  for (const t of p.tasks) {
    if (!isFinished(t)) {
      finished = false;
      continue;
    }
    const f = t.actualFinish ?? t.finish ?? t.baselineFinish;
    if (f !== null && (actualFinish === null || f > actualFinish)) actualFinish = f;
  }
  if (!finished) actualFinish = null;

  const { budgets, bac: taskBac } = taskBudgets(p, cal);
  let ev: number | null = null;
  let ac: number | null = null;
  p.tasks.forEach((t, i) => {
    const pct = isFinished(t) ? 1 : num(t.percentComplete);
    if (pct !== null) ev = (ev ?? 0) + budgets[i] * Math.min(1, Math.max(0, pct));
    const cost = num(t.actualCost);
    if (cost !== null) ac = (ac ?? 0) + cost;
  });
  if (ev === null && taskBac !== null) ev = 0;

  if (p.evmPeriods && p.evmPeriods.length > 0) return periodInputs(p, cal, status, bs, bf, taskBac, finished, actualFinish);

  const curve: PvCurve = { x: [], pv: [] };
  let at: number | null = null;
  if (bs !== null && bf !== null) {
    const ord0 = cal.ordinal(bs);
    const days = Math.max(0, cal.workdaysInclusive(bs, bf));
    const diff = new Float64Array(days + 2);
    p.tasks.forEach((t, i) => {
      const b = budgets[i];
      if (b === 0 || t.baselineStart === null || t.baselineFinish === null) return;
      const a = cal.ordinal(t.baselineStart) - ord0;
      const z = Math.max(a, cal.ordinal(t.baselineFinish + 1) - 1 - ord0);
      const rate = b / (z - a + 1);
      diff[a] += rate;
      diff[z + 1] -= rate;
    });
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
    at = actualTime(cal, bs, status, actualFinish);
  }
  const pv = bs !== null && taskBac !== null && at !== null ? pvAt(curve, at) : null;
  return { bac: taskBac, pv, ev, ac, baselineStart: bs, baselineFinish: bf, curve, at, finished, actualFinish, source: 'tasks' };
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
  return { bac, pv, ev, ac, baselineStart: bs, baselineFinish: bf, curve, at, finished, actualFinish, source: 'period-table' };
}
