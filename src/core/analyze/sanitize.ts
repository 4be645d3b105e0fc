/**
 * Dates and money the analysis can trust: whole-day serials between 1900-01-01 and 9999-12-31, and amounts
 * within ±1e15 (a thousand trillion: no program's budget comes near it). The reader should already
 * guarantee dates; the checks here keep a stray NaN or 1e308 from growing the calendar without bound, or a
 * sum of budgets from overflowing to Infinity (printed as "BAC $∞", with nulls that could give no reason).
 * A task, risk or project is only copied when one of its values is unusable; each value set aside is an
 * issue at its row.
 */
import { issue } from '../issues';
import type { RollupIssue } from '../issues';
import type { ProgramModel, Project, Risk, Task } from '../model';

const MAX_SERIAL = 2_958_465;
const DATE_FIELDS = ['baselineStart', 'baselineFinish', 'start', 'finish', 'actualStart', 'actualFinish'] as const;

export const usableSerial = (x: number | null): boolean => x === null || (Number.isFinite(x) && x >= 1 && x <= MAX_SERIAL);

/** Largest amount of money (and of schedule-impact days, ×1e10 smaller) the analysis takes, either sign. */
export const MAX_MONEY = 1e15;
const MAX_IMPACT_DAYS = 1e5;
const usableMoney = (x: number | null): boolean => x === null || (Number.isFinite(x) && Math.abs(x) <= MAX_MONEY);
const MONEY_MESSAGE = `is not an amount between -1,000,000,000,000,000 and 1,000,000,000,000,000; it is treated as blank.`;

/** The task with out-of-range budget and actual cost set aside (the task itself when both are usable). */
function moneyChecked(t: Task, issues: RollupIssue[]): Task {
  if (usableMoney(t.budget) && usableMoney(t.actualCost)) return t;
  const copy: Task = { ...t };
  for (const f of ['budget', 'actualCost'] as const) {
    if (usableMoney(t[f])) continue;
    copy[f] = null;
    issues.push(issue('warning', 'MONEY_OUT_OF_RANGE', t.source.sheet, t.source.cell, `Task ${t.key} has ${f === 'budget' ? 'a budget' : 'an actual cost'} that ${MONEY_MESSAGE}`));
  }
  return copy;
}

function riskChecked(r: Risk, issues: RollupIssue[]): Risk {
  const days = r.scheduleImpactDays;
  const daysOk = days === null || (Number.isFinite(days) && Math.abs(days) <= MAX_IMPACT_DAYS);
  if (usableMoney(r.costImpact) && daysOk) return r;
  if (!usableMoney(r.costImpact)) issues.push(issue('warning', 'MONEY_OUT_OF_RANGE', r.source.sheet, r.source.cell, `Risk ${r.id} has a cost impact that ${MONEY_MESSAGE}`));
  if (!daysOk) issues.push(issue('warning', 'IMPACT_OUT_OF_RANGE', r.source.sheet, r.source.cell, `Risk ${r.id} has a schedule impact that is not between -100,000 and 100,000 days; it is treated as blank.`));
  return { ...r, costImpact: usableMoney(r.costImpact) ? r.costImpact : null, scheduleImpactDays: daysOk ? days : null };
}

/** The project's budget, risks and EVM periods with out-of-range amounts set aside (the project when none is). */
function projectMoneyChecked(p: Project, issues: RollupIssue[]): Project {
  let out = p;
  if (!usableMoney(p.budget)) {
    issues.push(issue('warning', 'MONEY_OUT_OF_RANGE', p.sheet, null, `The budget of project ${p.id} ${MONEY_MESSAGE}`));
    out = { ...out, budget: null };
  }
  const risks = p.risks.map((r) => riskChecked(r, issues));
  if (risks.some((r, i) => r !== p.risks[i])) out = { ...out, risks };
  if (p.evmPeriods) {
    const kept = p.evmPeriods.filter((r) => usableMoney(r.pv) && usableMoney(r.ev) && usableMoney(r.ac));
    if (kept.length < p.evmPeriods.length) {
      issues.push(issue('warning', 'MONEY_OUT_OF_RANGE', p.sheet, null,
        `${p.evmPeriods.length - kept.length} row(s) of the EVM period table of project ${p.id} hold a PV, EV or AC that is not an amount between -1,000,000,000,000,000 and 1,000,000,000,000,000; those rows are left out.`));
      out = { ...out, evmPeriods: kept.length > 0 ? kept : null };
    }
  }
  return out;
}

/** DATE_FIELDS.every(usableSerial) spelled out field by field. */
function datesUsable(t: Task): boolean {
  return usableSerial(t.baselineStart) && usableSerial(t.baselineFinish) && usableSerial(t.start) && usableSerial(t.finish) &&
    usableSerial(t.actualStart) && usableSerial(t.actualFinish);
}

/**
 * Nearly every task is clean: one plain pass over the fields first, and the task list is only copied when
 * some task needs fixing (a per-task closure over DATE_FIELDS was a visible cost at 200k tasks). An index
 * loop in a function of its own: it runs before V8 has optimized anything, where for-of allocates a result
 * per task.
 */
function allClean(tasks: readonly Task[]): boolean {
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    if (!datesUsable(t) || !usableMoney(t.budget) || !usableMoney(t.actualCost)) return false;
  }
  return true;
}

export function sanitizeModel(model: ProgramModel, issues: RollupIssue[]): ProgramModel {
  let changed = false;
  const projects = model.projects.map((original) => {
    const p = projectMoneyChecked(original, issues);
    if (p !== original) changed = true;
    let tasksChanged = false;
    const tasks = allClean(p.tasks) ? p.tasks : p.tasks.map((original) => {
      const t = moneyChecked(original, issues);
      if (t !== original) tasksChanged = true;
      if (datesUsable(t)) return t;
      tasksChanged = true;
      const copy: Task = { ...t };
      for (const f of DATE_FIELDS) {
        if (usableSerial(t[f])) continue;
        copy[f] = null;
        issues.push(issue('warning', 'DATE_OUT_OF_RANGE', t.source.sheet, t.source.cell,
          `Task ${t.key} has a ${f} that is not a date between 1900 and 9999; it is treated as blank.`));
      }
      return copy;
    });
    const periods = p.evmPeriods?.filter((r) => usableSerial(r.date)) ?? null;
    if (!tasksChanged && (periods?.length ?? 0) === (p.evmPeriods?.length ?? 0)) return p;
    changed = true;
    return { ...p, tasks, evmPeriods: periods && periods.length > 0 ? periods : null };
  });
  const holidays = model.holidays.filter((h) => h !== null && usableSerial(h));
  const statusDate = usableSerial(model.statusDate) ? model.statusDate : null;
  const dependencies = model.dependencies.map((r) => (usableSerial(r.needBy) ? r : { ...r, needBy: null }));
  if (!changed && holidays.length === model.holidays.length && statusDate === model.statusDate) return { ...model, dependencies };
  return { ...model, projects, holidays, statusDate, dependencies };
}
