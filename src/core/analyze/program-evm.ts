/**
 * Metrics from EVM inputs (a project's or the program's), and the program's EVM: which projects it sums and
 * their summed PV, EV, AC, BAC and PV curve. Indices come from the sums, never from averaged indices.
 */
import type { WorkCalendar } from '../calendar';
import type { EvmBasis, Metrics } from '../result';
import type { RollupSettings } from '../settings';
import { earnedSchedule, pvAt } from './earned-schedule';
import type { PvCurve } from './earned-schedule';
import { evmIndices } from './evm';
import { healthOf } from './health';
import type { ProjectEvmInputs } from './project-evm';

const MAX_FORECAST_WORKDAYS = 26_000;

/** The reason every cost figure is null on a duration basis. */
export const NO_COST_REASON = 'no cost data: earned value is duration-weighted';
/** Figures that need money on both sides (or a BAC in money), null on a duration basis. */
const COST_FIGURES = ['cv', 'cpi', 'eac', 'eacAtBudgetRate', 'eacCpiSpi', 'etc', 'vac', 'tcpi'] as const;

const isDurationBasis = (b: EvmBasis | null): boolean => b === 'duration' || b === 'duration-forecast-plan';

export function metricsFrom(
  x: ProjectEvmInputs, forecastFinish: number | null, riskExposure: number, scheduleExposureDays: number, lateHandoffs: number,
  cal: WorkCalendar, iso: (s: number | null) => string | null, settings: RollupSettings,
): Metrics {
  const reasons: Record<string, string> = {};
  const byDuration = isDurationBasis(x.basis);
  const forecastPlan = x.basis === 'duration-forecast-plan';
  if (byDuration) {
    reasons.bac = NO_COST_REASON;
    reasons.ac = NO_COST_REASON;
  } else {
    if (x.bac === null) reasons.bac = 'no budget on any task or in the project header';
    if (x.ac === null) reasons.ac = 'no actual cost recorded';
    reasons.bacWorkDays = x.basis === null ? 'no task dates to weigh by duration' : 'earned value is weighted by cost, not duration';
  }
  if (x.pv === null) reasons.pv = x.planStart === null ? 'no baseline dates' : 'no budget to plan';
  if (x.ev === null) reasons.ev = 'no % complete or budget';
  const idx = evmIndices({ bac: x.bac, pv: x.pv, ev: x.ev, ac: byDuration ? null : x.ac }, reasons);
  if (byDuration) {
    for (const k of COST_FIGURES) {
      idx[k] = null;
      reasons[k] = NO_COST_REASON;
    }
  }
  const es = earnedSchedule(x.curve, x.bac === null ? null : x.ev, x.at, reasons);
  const ps = x.planStart;
  const dayAt = (w: number | null, key: string): string | null => {
    if (w === null || ps === null) return null;
    // An index near 0 puts IEAC(t) centuries out (or past Infinity); beyond ~100 years of working days it is no date at all.
    if (!Number.isFinite(w) || w > MAX_FORECAST_WORKDAYS) {
      reasons[key] = 'more than 100 years out: SPI(t) is almost 0';
      return null;
    }
    return iso(cal.workdayAdd(ps, Math.max(0, Math.ceil(w - 1e-9) - 1)));
  };
  if (ps === null) {
    for (const k of ['esDate', 'ieacDate']) reasons[k] = reasons[k] ?? 'no baseline dates';
  }
  const bs = x.baselineStart;
  const bf = x.baselineFinish;
  const noBaseline = forecastPlan ? 'no baseline dates: the forecast dates are the plan' : 'no baseline dates';
  if (bs === null) reasons.baselineStart = reasons.baselineStart ?? noBaseline;
  if (bf === null) reasons.baselineFinish = forecastPlan ? noBaseline : 'no baseline finish on any task';
  if (forecastFinish === null) reasons.forecastFinish = 'no task has forecast dates';
  const finishVarianceDays = bf !== null && forecastFinish !== null ? cal.workdayDiff(cal.prevWorkday(bf), forecastFinish) : null;
  if (finishVarianceDays === null) reasons.finishVarianceDays = 'needs baseline and forecast finish';
  const baselineDays = bs !== null && bf !== null ? cal.workdaysInclusive(bs, bf) : null;
  // Health names the weighting of the SPI it judges: a duration-weighted SPI is not a cost-weighted one.
  const spiName = forecastPlan ? 'SPI (duration-weighted, forecast as plan)' : byDuration ? 'SPI (duration-weighted)' : 'SPI';
  const h = healthOf({ spi: idx.spi, cpi: idx.cpi, finishVarianceDays, baselineDays, lateHandoffs, spiName }, settings.health);
  return {
    bac: byDuration ? null : x.bac,
    pv: x.pv,
    ev: x.ev,
    ac: byDuration ? null : x.ac,
    ...idx,
    esDate: dayAt(es.es, 'esDate'),
    svtDays: es.svt,
    spit: es.spit,
    ieacDate: dayAt(es.ieac, 'ieacDate'),
    baselineStart: iso(bs),
    baselineFinish: iso(bf),
    forecastFinish: iso(forecastFinish),
    finishVarianceDays,
    riskExposure,
    scheduleExposureDays,
    health: h.health,
    healthReason: h.healthReason,
    evmBasis: x.basis,
    bacWorkDays: byDuration ? x.bac : null,
    reasons,
  };
}

/**
 * Which projects the program's EVM sums: one unit only, never money and working days in one sum. Money
 * (task budgets or period tables) first, since only it gives CPI and EAC; else the baseline-duration
 * projects; else the forecast-as-plan ones (a baseline SPI and a "progress against today's forecast" SPI
 * are different measures, so they are not mixed either). The others are named, not silently dropped.
 */
export function programEvmGroup(list: ProjectEvmInputs[]): { members: number[]; basis: EvmBasis | null } {
  const rank = (b: EvmBasis | null): number => (b === 'cost' || b === 'period-table' ? 3 : b === 'duration' ? 2 : b === 'duration-forecast-plan' ? 1 : 0);
  let best = 0;
  for (const x of list) best = Math.max(best, rank(x.basis));
  const members: number[] = [];
  if (best > 0) list.forEach((x, i) => {
    if (rank(x.basis) === best) members.push(i);
  });
  const basis: EvmBasis | null = best === 3 ? 'cost' : best === 2 ? 'duration' : best === 1 ? 'duration-forecast-plan' : null;
  return { members, basis };
}

/**
 * Program EVM over the chosen projects: sums of PV, EV, AC, BAC (never averaged indices); the program PV
 * curve is the sum of theirs. Baseline start and finish span every project that has a baseline, since the
 * program's finish variance compares the whole program's forecast with it.
 */
export function programEvmInputs(all: ProjectEvmInputs[], members: number[], basis: EvmBasis | null, cal: WorkCalendar, status: number): ProjectEvmInputs {
  const list = members.map((i) => all[i]);
  const sum = (pick: (x: ProjectEvmInputs) => number | null): number | null => {
    let total: number | null = null;
    for (const x of list) {
      const v = pick(x);
      if (v !== null) total = (total ?? 0) + v;
    }
    return total;
  };
  let bs: number | null = null;
  let bf: number | null = null;
  for (const x of all) {
    if (x.baselineStart !== null && (bs === null || x.baselineStart < bs)) bs = x.baselineStart;
    if (x.baselineFinish !== null && (bf === null || x.baselineFinish > bf)) bf = x.baselineFinish;
  }
  let ps: number | null = null;
  for (const x of list) if (x.planStart !== null && (ps === null || x.planStart < ps)) ps = x.planStart;
  const finished = list.length > 0 && list.every((x) => x.finished);
  let actualFinish: number | null = null;
  if (finished) for (const x of list) if (x.actualFinish !== null && (actualFinish === null || x.actualFinish > actualFinish)) actualFinish = x.actualFinish;
  const curve: PvCurve = { x: [], pv: [] };
  let at: number | null = null;
  if (ps !== null) {
    const ord0 = cal.ordinal(ps);
    let len = 0;
    const offsets = list.map((x) => (x.planStart === null ? 0 : cal.ordinal(x.planStart) - ord0));
    list.forEach((x, i) => {
      if (x.curve.x.length > 0) len = Math.max(len, offsets[i] + x.curve.x[x.curve.x.length - 1]);
    });
    const total = new Float64Array(len + 1);
    list.forEach((x, i) => {
      const c = x.curve;
      if (c.x.length === 0) return;
      const off = offsets[i];
      const daily = c.x.length === c.x[c.x.length - 1] + 1 && c.x[0] === 0;
      const last = c.pv[c.pv.length - 1];
      for (let d = off; d <= len; d++) {
        const k = d - off;
        total[d] += daily ? (k < c.pv.length ? c.pv[k] : last) : pvAt(c, k);
      }
    });
    for (let d = 0; d <= len; d++) {
      curve.x.push(d);
      curve.pv.push(total[d]);
    }
    const end = actualFinish !== null && actualFinish < status ? actualFinish : status;
    at = cal.workdaysInclusive(ps, end);
  }
  return {
    bac: sum((x) => x.bac),
    pv: sum((x) => x.pv),
    ev: sum((x) => x.ev),
    ac: sum((x) => x.ac),
    baselineStart: bs,
    baselineFinish: bf,
    planStart: ps,
    curve,
    at,
    finished,
    actualFinish,
    source: 'tasks',
    basis,
  };
}
