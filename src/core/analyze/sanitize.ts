/**
 * Dates the analysis can trust: whole-day serials between 1900-01-01 and 9999-12-31. The reader should
 * already guarantee this; the check here keeps a stray NaN or 1e308 from growing the calendar without
 * bound. A task is only copied when one of its dates is unusable.
 */
import { issue } from '../issues';
import type { RollupIssue } from '../issues';
import type { ProgramModel, Task } from '../model';

const MAX_SERIAL = 2_958_465;
const DATE_FIELDS = ['baselineStart', 'baselineFinish', 'start', 'finish', 'actualStart', 'actualFinish'] as const;

export const usableSerial = (x: number | null): boolean => x === null || (Number.isFinite(x) && x >= 1 && x <= MAX_SERIAL);

/** DATE_FIELDS.every(usableSerial) spelled out field by field. */
function datesUsable(t: Task): boolean {
  return usableSerial(t.baselineStart) && usableSerial(t.baselineFinish) && usableSerial(t.start) && usableSerial(t.finish) &&
    usableSerial(t.actualStart) && usableSerial(t.actualFinish);
}

export function sanitizeModel(model: ProgramModel, issues: RollupIssue[]): ProgramModel {
  let changed = false;
  const projects = model.projects.map((p) => {
    // Nearly every task is clean: one plain pass over the fields first, and the task list is only copied
    // when some task needs fixing (a per-task closure over DATE_FIELDS was a visible cost at 200k tasks).
    let clean = true;
    for (const t of p.tasks) {
      if (!datesUsable(t)) {
        clean = false;
        break;
      }
    }
    let tasksChanged = false;
    const tasks = clean ? p.tasks : p.tasks.map((t) => {
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
