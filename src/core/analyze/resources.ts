/**
 * Shared people across projects: each task's resource cell gives its people and their share of a day; each
 * person's load is spread over the working days of the task's dates, week by week, twice: from the
 * propagated forecasts (what will happen) and from the PMs' own dates (what each PM plans). Weeks where the
 * forecast load exceeds what the person has available are over-allocations; when the PMs' own dates did not
 * over-allocate those weeks, a slip carried through the cross-project links created the conflict, and the
 * conflict says so. No levelling: the roll-up reports, the PMs decide.
 */
import type { WorkCalendar } from '../calendar';
import { serialToIso, weekdayOfSerial } from '../calendar';
import type { Capacity, Task } from '../model';
import { PeopleDirectory, personKey } from '../read/assignments';
import type { ConflictTask, PersonLoad, ResourceConflict, ResourcesResult } from '../result';
import type { ScheduleView } from './schedule-view';

/** The heat map and the load arrays cover at most this many weeks from the status date's week. */
export const MAX_WEEKS = 52;
/** A conflict lists at most this many tasks (largest load first); `taskCount` has them all. */
const MAX_CONFLICT_TASKS = 20;
const EPS = 1e-9;

interface Person {
  key: string;
  name: string;
  capacity: number;
  listed: boolean;
  nonWorking: Set<number>;
  load: Float64Array;
  own: Float64Array;
  /** Node index and units of each assignment. */
  jobs: { node: number; units: number }[];
}

const iso = (s: number | null): string | null => (s === null ? null : serialToIso(s));
const pct = (x: number): string => `${Math.round(x * 100)} %`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Monday on or before the serial. */
export function mondayOf(serial: number): number {
  return serial - ((weekdayOfSerial(serial) + 6) % 7);
}

function isDone(t: Task): boolean {
  return t.actualFinish !== null || (t.percentComplete !== null && t.percentComplete >= 1);
}

/** Adds units × working days of [s, f] to each week of arr it touches. */
function spread(arr: Float64Array, cal: WorkCalendar, week0: number, s: number, f: number, units: number): void {
  const W = arr.length;
  const first = Math.max(0, Math.floor((s - week0) / 7));
  const last = Math.min(W - 1, Math.floor((f - week0) / 7));
  for (let w = first; w <= last; w++) {
    const ws = week0 + 7 * w;
    const days = cal.workdaysInclusive(Math.max(s, ws), Math.min(f, ws + 6));
    if (days > 0) arr[w] += units * days;
  }
}

/** Working days task node puts on a person over weeks [w0, w1], from the forecast dates. */
function loadIn(view: ScheduleView, node: number, units: number, week0: number, w0: number, w1: number): number {
  const s = view.forecastStart(node);
  const f = view.forecastFinish(node);
  if (s === null || f === null) return 0;
  const a = Math.max(s, week0 + 7 * w0);
  const b = Math.min(f, week0 + 7 * w1 + 6);
  return b < a ? 0 : units * view.cal.workdaysInclusive(a, b);
}

export function analyzeResources(view: ScheduleView, capacities: readonly Capacity[], status: number): ResourcesResult {
  const { tasks, cal } = view;
  const dir = new PeopleDirectory();
  const learned = new Set<string>();
  for (const t of tasks) {
    if (t.owner !== null && !learned.has(t.owner)) {
      learned.add(t.owner);
      dir.learn(t.owner);
    }
  }
  // After the task sheets, so a person is shown as the PMs spell them; the table's names still count as known.
  for (const c of capacities) dir.learn(c.person.includes(',') ? `${c.person};` : c.person);

  // Which tasks carry load, and the window they span.
  const week0 = mondayOf(Math.floor(status));
  let lastDay = week0;
  const work: { node: number; list: ReturnType<PeopleDirectory['resolve']> }[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    if (t.owner === null || t.isMilestone || isDone(t)) continue;
    const list = dir.resolve(t.owner);
    if (list.length === 0) continue;
    const f = view.forecastFinish(i);
    const o = view.ownFinish(i);
    if (f === null && o === null) continue;
    lastDay = Math.max(lastDay, f ?? lastDay, o ?? lastDay);
    work.push({ node: i, list });
  }
  const W = Math.max(1, Math.min(MAX_WEEKS, Math.floor((lastDay - week0) / 7) + 1));

  const people = new Map<string, Person>();
  const person = (key: string, name: string): Person => {
    let p = people.get(key);
    if (p === undefined) {
      p = { key, name, capacity: 1, listed: false, nonWorking: new Set(), load: new Float64Array(W), own: new Float64Array(W), jobs: [] };
      people.set(key, p);
    }
    return p;
  };
  for (const c of capacities) {
    // One person per row: a comma there is "Last, First" (the trailing ";" makes tokenize read it so).
    const key = dir.resolve(c.person.includes(',') ? `${c.person};` : c.person)[0]?.key ?? personKey(c.person);
    const p = person(key, dir.nameOf(key) === key ? c.person : dir.nameOf(key));
    p.capacity = c.capacity;
    p.listed = true;
    for (const d of c.nonWorking) p.nonWorking.add(Math.floor(d));
  }
  for (const { node, list } of work) {
    const fs = view.forecastStart(node);
    const ff = view.forecastFinish(node);
    const os = view.ownStart(node);
    const of = view.ownFinish(node);
    for (const a of list) {
      const p = person(a.key, a.name);
      p.jobs.push({ node, units: a.units });
      if (fs !== null && ff !== null) spread(p.load, cal, week0, fs, ff, a.units);
      if (os !== null && of !== null) spread(p.own, cal, week0, os, of, a.units);
    }
  }

  const weekDays = Array.from({ length: W }, (_, w) => cal.workdaysInclusive(week0 + 7 * w, week0 + 7 * w + 6));
  const loads: PersonLoad[] = [];
  const conflicts: ResourceConflict[] = [];
  const sorted = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const p of sorted) {
    const available = weekDays.map((days, w) => {
      let off = 0;
      for (let d = 0; d < 7; d++) {
        const s = week0 + 7 * w + d;
        if (p.nonWorking.has(s) && cal.isWorkday(s)) off++;
      }
      return Math.max(0, days - off) * p.capacity;
    });
    const over = (arr: Float64Array, w: number): boolean => arr[w] > available[w] + EPS;
    let overWeeks = 0;
    let peak: number | null = null;
    for (let w = 0; w < W; w++) {
      if (over(p.load, w)) overWeeks++;
      if (available[w] > 0) peak = Math.max(peak ?? 0, p.load[w] / available[w]);
    }
    const projects = [...new Set(p.jobs.map((j) => tasks[j.node].projectId))];
    loads.push({
      name: p.name, capacity: p.capacity, listed: p.listed, projects, taskCount: p.jobs.length,
      load: Array.from(p.load, round2), ownLoad: Array.from(p.own, round2), available: available.map(round2),
      overallocatedWeeks: overWeeks, peakUtilisation: peak === null ? null : round2(peak),
    });
    for (let w = 0; w < W; w++) {
      if (!over(p.load, w)) continue;
      let end = w;
      while (end + 1 < W && over(p.load, end + 1)) end++;
      conflicts.push(conflictOf(view, p, available, week0, w, end, over));
      w = end;
    }
  }
  conflicts.sort((a, b) => Number(b.crossProject) - Number(a.crossProject) || Number(b.causedBySlip) - Number(a.causedBySlip)
    || b.excessDays - a.excessDays || a.person.localeCompare(b.person) || a.fromWeek.localeCompare(b.fromWeek));

  const overPeople = loads.filter((l) => l.overallocatedWeeks > 0).length;
  const bySlip = conflicts.filter((c) => c.crossProject && c.causedBySlip).length;
  const cross = conflicts.filter((c) => c.crossProject).length;
  const line = `${overPeople} of ${loads.length} ${loads.length === 1 ? 'person' : 'people'} over-allocated`
    + (conflicts.length > 0 ? `; ${plural(cross, 'cross-project conflict')}, ${bySlip} created by a slip in another project` : '') + '.';
  return {
    weeks: Array.from({ length: W }, (_, w) => serialToIso(week0 + 7 * w)),
    people: loads, conflicts, assignedTasks: work.length, line,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function conflictOf(
  view: ScheduleView, p: Person, available: number[], week0: number, w0: number, w1: number,
  over: (arr: Float64Array, w: number) => boolean,
): ResourceConflict {
  const { tasks } = view;
  let excess = 0;
  let peak: number | null = null;
  let ownOver = false;
  for (let w = w0; w <= w1; w++) {
    excess += p.load[w] - available[w];
    if (available[w] > 0) peak = Math.max(peak ?? 0, p.load[w] / available[w]);
    if (over(p.own, w)) ownOver = true;
  }
  const involved: ConflictTask[] = [];
  for (const j of p.jobs) {
    const loadDays = loadIn(view, j.node, j.units, week0, w0, w1);
    if (loadDays <= 0) continue;
    const t = tasks[j.node];
    involved.push({
      key: t.key, projectId: t.projectId, name: t.name, units: j.units,
      forecastStart: iso(view.forecastStart(j.node)), forecastFinish: iso(view.forecastFinish(j.node)),
      ownStart: iso(view.ownStart(j.node)), ownFinish: iso(view.ownFinish(j.node)),
      pushed: view.pushed(j.node), chain: view.chain(j.node).map((n) => tasks[n].key), loadDays: round2(loadDays),
      sheet: t.source.sheet, cell: t.source.cell,
    });
  }
  involved.sort((a, b) => b.loadDays - a.loadDays || a.key.localeCompare(b.key));
  const projects = new Set(involved.map((t) => t.projectId));
  const causedBySlip = !ownOver && involved.some((t) => t.pushed);
  const slipSources = causedBySlip ? [...new Set(involved.filter((t) => t.pushed).map((t) => t.chain[0]))] : [];
  const fromWeek = serialToIso(week0 + 7 * w0);
  const toWeek = serialToIso(week0 + 7 * w1);
  const weeks = w1 - w0 + 1;
  const when = weeks === 1 ? `the week of ${fromWeek}` : `${weeks} weeks from ${fromWeek} to the week of ${toWeek}`;
  const list = involved.slice(0, 5).map((t) => `${t.key} "${t.name}" (${pct(t.units)})`).join(', ');
  let reason = `${p.name} is loaded up to ${peak === null ? 'beyond zero availability' : pct(peak)} of ${pct(p.capacity)} capacity in ${when}: ${list}${involved.length > 5 ? ` and ${involved.length - 5} more` : ''}.`;
  if (causedBySlip) {
    const moves = involved.filter((t) => t.pushed).slice(0, 3)
      .map((t) => `${t.key} moved from ${t.ownStart ?? '?'} to ${t.forecastStart ?? '?'}${t.chain.length > 1 ? ` by ${t.chain.slice(0, -1).join(' → ')}` : ''}`);
    reason += ` Created by a slip: ${moves.join('; ')}; on the PMs' own dates these weeks fit.`;
  }
  return {
    person: p.name, fromWeek, toWeek, weeks, peakUtilisation: peak === null ? null : round2(peak), excessDays: round2(excess),
    crossProject: projects.size >= 2, causedBySlip, slipSources, reason,
    tasks: involved.slice(0, MAX_CONFLICT_TASKS), taskCount: involved.length,
  };
}
