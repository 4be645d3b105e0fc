/**
 * Benefits against the schedule: each benefit's enabling milestones are looked up in the scheduled network,
 * and their propagated forecasts (not the PMs' own dates) decide whether the benefit can still start being
 * realised on time. A slip two projects upstream therefore reaches the benefit, and the reason names the
 * milestone and the chain that pushed it.
 */
import { serialToIso } from '../calendar';
import type { RollupIssue } from '../issues';
import { issue } from '../issues';
import type { Benefit } from '../model';
import type { BenefitEnablerResult, BenefitResult, BenefitStatus, BenefitsSummary } from '../result';
import type { ScheduleView } from './schedule-view';

const iso = (s: number | null): string | null => (s === null || !Number.isFinite(s) ? null : serialToIso(s));
const usable = (s: number | null): s is number => s !== null && Number.isFinite(s) && s > 0;

/** 1234567 -> "1.2M", 45000 -> "45k", 900 -> "900": the summary line's compact money. */
export function compactMoney(v: number): string {
  const a = Math.abs(v);
  const trim = (x: number): string => x.toFixed(1).replace(/\.0$/, '');
  if (a >= 1e9) return `${trim(v / 1e9)}B`;
  if (a >= 1e6) return `${trim(v / 1e6)}M`;
  if (a >= 1e3) return `${trim(v / 1e3)}k`;
  return String(Math.round(v));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function progressOf(b: Benefit): number | null {
  if (b.baseline === null || b.target === null || b.current === null || b.target === b.baseline) return null;
  const p = (b.current - b.baseline) / (b.target - b.baseline);
  // A KPI that falls towards its target gives -0 at baseline; the JSON and the sheet should read 0.
  return p === 0 ? 0 : p;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function enablerOf(view: ScheduleView, b: Benefit, ref: Benefit['enablers'][number], issues: RollupIssue[]): { result: BenefitEnablerResult; forecast: number | null } {
  const at = b.enablerSource ?? b.source;
  const i = view.node(ref.project, ref.task);
  if (i === undefined) {
    const project = view.project(ref.project);
    issues.push(issue('warning', 'BENEFIT_ENABLER_UNKNOWN', at.sheet, at.cell, project === undefined
      ? `Benefit ${b.id} names enabling milestone "${ref.text}", but no project has the ID "${ref.project}"; it is left out of the benefit's forecast. Use a project ID from the roll-up.`
      : `Benefit ${b.id} names enabling milestone "${ref.text}", but project ${project} has no task ${ref.task}; it is left out of the benefit's forecast. Check the task ID.`));
    return { result: { key: ref.text, name: null, found: false, ownFinish: null, forecastFinish: null, slipDays: null, lateBySlip: false, chain: [], sheet: null, cell: null }, forecast: null };
  }
  const t = view.tasks[i];
  const forecast = view.forecastFinish(i);
  const own = view.ownFinish(i);
  const start = b.realisationStart;
  let slipDays: number | null = null;
  let lateBySlip = false;
  if (usable(start) && forecast !== null) {
    // "Lands before the realisation start": finishing on the start day itself is in time.
    slipDays = forecast > start ? Math.max(1, view.cal.workdayDiff(start, forecast)) : 0;
    lateBySlip = slipDays > 0 && view.pushed(i) && own !== null && own <= start;
  }
  return {
    result: {
      key: t.key, name: t.name, found: true, ownFinish: iso(own), forecastFinish: iso(forecast), slipDays, lateBySlip,
      chain: view.chain(i).map((n) => view.tasks[n].key), sheet: t.source.sheet, cell: t.source.cell,
    },
    forecast,
  };
}

/** "PLAT:12 "Go-live" is forecast 2026-05-04, 12 working days after ...; pushed by CORE:3 → DATA:7 (its PM plans 2026-04-10)". */
function lateReason(e: BenefitEnablerResult, start: number): string {
  const name = e.name ? ` "${e.name}"` : '';
  let why = `${e.key}${name} is forecast ${e.forecastFinish ?? '?'}, ${plural(e.slipDays ?? 0, 'working day')} after realisation starts (${iso(start) ?? '?'})`;
  const upstream = e.chain.slice(0, -1);
  if (upstream.length > 0) {
    const projects = new Set(upstream.map((k) => k.slice(0, k.indexOf(':'))));
    projects.delete(e.key.slice(0, e.key.indexOf(':')));
    const reach = projects.size > 0 ? ` (${plural(projects.size, 'project')} upstream)` : '';
    why += `; pushed by ${upstream.join(' → ')}${reach}${e.lateBySlip ? `, while its own PM plans ${e.ownFinish ?? '?'}` : ''}`;
  }
  return why;
}

function analyzeOne(view: ScheduleView, b: Benefit, issues: RollupIssue[]): BenefitResult {
  const looked = b.enablers.map((ref) => enablerOf(view, b, ref, issues));
  const enablers = looked.map((l) => l.result);
  const start = b.realisationStart;
  const known = enablers.filter((e) => e.slipDays !== null);
  let status: BenefitStatus = 'unknown';
  let slipDays: number | null = null;
  let driving: BenefitEnablerResult | null = null;
  let reason: string;
  if (!usable(start)) {
    reason = 'No realisation start date: add one to check the enabling milestones against it.';
  } else if (b.enablers.length === 0) {
    reason = 'No enabling milestones: name them as PROJECT:TASK to check the benefit against the schedule.';
  } else if (known.length === 0) {
    reason = enablers.some((e) => e.found)
      ? 'The enabling milestones have no dates to forecast from.'
      : 'None of the enabling milestones is a task of the roll-up (see Rollup Issues).';
  } else {
    for (const e of known) if (driving === null || (e.slipDays as number) > (driving.slipDays as number)) driving = e;
    const d = driving as BenefitEnablerResult;
    slipDays = d.slipDays as number;
    const missing = enablers.length - known.length;
    const caveat = missing > 0 ? ` ${plural(missing, 'enabler')} could not be checked.` : '';
    if (slipDays > 0) {
      status = 'at-risk';
      const others = known.filter((e) => e !== d && (e.slipDays as number) > 0).map((e) => e.key);
      reason = `At risk: ${lateReason(d, start)}.${others.length > 0 ? ` Also late: ${others.join(', ')}.` : ''}${caveat}`;
    } else {
      status = 'on-track';
      let latest = looked[0];
      for (const l of looked) if (l.forecast !== null && (latest.forecast === null || l.forecast > latest.forecast)) latest = l;
      const spare = latest.forecast !== null ? view.cal.workdayDiff(latest.forecast, start) : null;
      reason = `On track: ${known.length === 1 ? 'its enabling milestone lands' : `all ${known.length} enabling milestones land`} by ${iso(start) ?? '?'} (latest ${latest.result.key} on ${latest.result.forecastFinish ?? '?'}${spare !== null ? `, ${plural(Math.max(0, spare), 'working day')} to spare` : ''}).${caveat}`;
    }
    driving = d;
  }
  const shift = (s: number | null): string | null => (!usable(s) ? null : iso(slipDays !== null && slipDays > 0 ? view.cal.workdayAdd(s, slipDays) : s));
  return {
    id: b.id, name: b.name, owner: b.owner, measure: b.measure, unit: b.unit, baseline: b.baseline, target: b.target, current: b.current,
    progress: progressOf(b),
    realisationStart: usable(start) ? iso(start) : null,
    realisationTarget: usable(b.realisationTarget) ? iso(b.realisationTarget) : null,
    forecastRealisationStart: shift(start),
    forecastRealisationTarget: shift(b.realisationTarget),
    value: b.value,
    status, slipDays,
    valueAtRisk: status === 'at-risk' && b.value !== null && Number.isFinite(b.value) ? b.value : 0,
    drivingEnabler: status === 'at-risk' && driving !== null ? driving.key : null,
    reason, enablers, sheet: b.source.sheet, cell: b.source.cell,
  };
}

export function summarizeBenefits(list: readonly BenefitResult[]): BenefitsSummary {
  const atRisk = list.filter((b) => b.status === 'at-risk');
  const valueAtRisk = atRisk.reduce((a, b) => a + b.valueAtRisk, 0);
  const medianSlipDays = median(atRisk.map((b) => b.slipDays as number));
  const unknown = list.filter((b) => b.status === 'unknown').length;
  let line = `${atRisk.length} of ${plural(list.length, 'benefit')} at risk`;
  if (atRisk.length > 0) {
    line += valueAtRisk > 0 ? `; ${compactMoney(valueAtRisk)} of value delayed` : '';
    line += `${valueAtRisk > 0 ? ',' : ';'} median ${plural(medianSlipDays ?? 0, 'working day')}`;
  }
  if (unknown > 0) line += `; ${unknown} cannot be checked`;
  return { count: list.length, atRisk: atRisk.length, unknown, valueAtRisk, medianSlipDays, line: `${line}.` };
}

export function analyzeBenefits(view: ScheduleView, benefits: readonly Benefit[], issues: RollupIssue[]): { benefits: BenefitResult[]; summary: BenefitsSummary } {
  const out = benefits.map((b) => analyzeOne(view, b, issues));
  return { benefits: out, summary: summarizeBenefits(out) };
}
