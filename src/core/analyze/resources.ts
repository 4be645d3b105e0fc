/**
 * Shared people across projects: each task's resource cell gives its people and their share of a day; each
 * person's load is spread over the working days of the task's dates, week by week, twice: from the
 * propagated forecasts (what will happen) and from the PMs' own dates (what each PM plans). Weeks where the
 * forecast load exceeds what the person has available are over-allocations; when the PMs' own dates did not
 * over-allocate those weeks, a slip carried through the cross-project links created the conflict, and the
 * conflict says so (resource-conflicts.ts). No levelling: the roll-up reports, the PMs decide.
 */
import type { WorkCalendar } from '../calendar';
import type { Capacity, Task } from '../model';
import { PeopleDirectory, personKey } from '../read/assignments';
import type { Assignment } from '../read/assignments';
import type { PersonLoad, ResourceConflict, ResourcesResult } from '../result';
import { EPS, mondayOf, round2, Weeks, type Person } from './load-weeks';
import { personConflicts } from './resource-conflicts';
import type { ScheduleView } from './schedule-view';


/** The heat map and the load arrays cover at most this many weeks from the status date's week. */
export const MAX_WEEKS = 52;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Same order as String.prototype.localeCompare with no arguments (ECMA-402), without a collator per call. */
const compareText = new Intl.Collator().compare;

function isDone(t: Task): boolean {
  return t.actualFinish !== null || (t.percentComplete !== null && t.percentComplete >= 1);
}

/**
 * `iso`: the analysis's cached serial -> ISO date (dates repeat across the conflicts' tasks).
 *
 * Each pass over the tasks, the assignments or the people is a function of its own: V8 compiles a hot loop
 * with the whole function around it, so loops sharing one large body were compiled again and again (each
 * new loop deoptimized the code made for the previous one, for want of feedback), costing more CPU than the
 * loops themselves on a 143k-task program run once.
 */
export function analyzeResources(
  view: ScheduleView, capacities: readonly Capacity[], status: number, iso: (serial: number | null) => string | null,
): ResourcesResult {
  const { cal } = view;
  const dir = new PeopleDirectory();
  const { cells, candNodes, candCells } = numberCells(view.tasks, dir);
  // After the task sheets, so a person is shown as the PMs spell them; the table's names still count as known.
  for (const c of capacities) dir.learn(c.person.includes(',') ? `${c.person};` : c.person);
  const cellLists = cells.map((text) => dir.resolve(text));

  // Which tasks carry load, and the window they span.
  const week0 = mondayOf(Math.floor(status));
  const { nodes, nodeCells, lastOrd } = loadedTasks(view, candNodes, candCells, cellLists);
  const lastDay = Number.isFinite(lastOrd) ? Math.max(week0, cal.fromOrdinal(lastOrd)) : week0;
  const W = Math.max(1, Math.min(MAX_WEEKS, Math.floor((lastDay - week0) / 7) + 1));

  const people = new Map<string, Person>();
  const person = (key: string, name: string): Person => {
    let p = people.get(key);
    if (p === undefined) {
      p = {
        key, name, capacity: 1, listed: false, nonWorking: new Set(), load: new Float64Array(W), own: new Float64Array(W),
        jobNodes: [], jobUnits: [], projects: new Set(), lastProject: null,
      };
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
  const weeks = new Weeks(cal, week0, W);
  assignLoads(view, nodes, nodeCells, cellLists, person, weeks);

  const weekDays = Array.from({ length: W }, (_, w) => weeks.bounds[w + 1] - weeks.bounds[w]);
  const loads: PersonLoad[] = [];
  const conflicts: ResourceConflict[] = [];
  const runOf = new Int32Array(W);
  const sorted = [...people.values()].sort((a, b) => compareText(a.name, b.name));
  for (const p of sorted) {
    const available = availableOf(p, weekDays, week0, cal);
    const load = personLoad(p, available);
    loads.push(load);
    if (load.overallocatedWeeks === 0) continue;
    personConflicts(view, p, available, weeks, week0, runOf, iso, conflicts);
  }
  conflicts.sort((a, b) => Number(b.crossProject) - Number(a.crossProject) || Number(b.causedBySlip) - Number(a.causedBySlip)
    || b.excessDays - a.excessDays || compareText(a.person, b.person) || compareText(a.fromWeek, b.fromWeek));

  const overPeople = loads.filter((l) => l.overallocatedWeeks > 0).length;
  const bySlip = conflicts.filter((c) => c.crossProject && c.causedBySlip).length;
  const cross = conflicts.filter((c) => c.crossProject).length;
  const line = `${overPeople} of ${loads.length} ${loads.length === 1 ? 'person' : 'people'} over-allocated`
    + (conflicts.length > 0 ? `; ${plural(cross, 'cross-project conflict')}, ${bySlip} created by a slip in another project` : '') + '.';
  return {
    weeks: Array.from({ length: W }, (_, w) => iso(week0 + 7 * w) as string),
    people: loads, conflicts, assignedTasks: nodes.length, line,
  };
}

/**
 * One pass over the tasks: each distinct resource cell is numbered (and learned) at its first appearance;
 * the tasks that may carry load keep that number, so each cell is resolved once, after all are learned.
 */
function numberCells(tasks: readonly Task[], dir: PeopleDirectory): { cells: string[]; candNodes: Int32Array; candCells: Int32Array } {
  const cellIndex = new Map<string, number>();
  const cells: string[] = [];
  const candNodes = new Int32Array(tasks.length);
  const candCells = new Int32Array(tasks.length);
  let n = 0;
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    const owner = t.owner;
    if (owner === null) continue;
    let c = cellIndex.get(owner);
    if (c === undefined) {
      c = cells.length;
      cellIndex.set(owner, c);
      cells.push(owner);
      dir.learn(owner);
    }
    if (t.isMilestone || isDone(t)) continue;
    candNodes[n] = i;
    candCells[n] = c;
    n++;
  }
  return { cells, candNodes: candNodes.subarray(0, n), candCells: candCells.subarray(0, n) };
}

/** The tasks that carry load (someone named, some dates) beside their cell's number, and their last ordinal. */
function loadedTasks(
  view: ScheduleView, candNodes: Int32Array, candCells: Int32Array, cellLists: readonly Assignment[][],
): { nodes: Int32Array; nodeCells: Int32Array; lastOrd: number } {
  const { forecastFinishOrd: ff, ownFinishOrd: of } = view;
  const nodes = new Int32Array(candNodes.length);
  const nodeCells = new Int32Array(candNodes.length);
  let n = 0;
  let lastOrd = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < candNodes.length; k++) {
    const i = candNodes[k];
    const c = candCells[k];
    if (cellLists[c].length === 0) continue;
    const f = ff[i];
    const o = of[i];
    if (Number.isNaN(f) && Number.isNaN(o)) continue;
    if (f > lastOrd) lastOrd = f;
    if (o > lastOrd) lastOrd = o;
    nodes[n] = i;
    nodeCells[n] = c;
    n++;
  }
  return { nodes: nodes.subarray(0, n), nodeCells: nodeCells.subarray(0, n), lastOrd };
}

/** Files each loaded task under its people and adds its load, forecast and own, to their weeks. */
function assignLoads(
  view: ScheduleView, nodes: Int32Array, nodeCells: Int32Array, cellLists: readonly Assignment[][],
  person: (key: string, name: string) => Person, weeks: Weeks,
): void {
  const { tasks, forecastStartOrd: fs, forecastFinishOrd: ff, ownStartOrd: os, ownFinishOrd: of } = view;
  // A cell's people are looked up once per distinct cell, not once per task.
  const peopleOf: (Person[] | undefined)[] = new Array<Person[] | undefined>(cellLists.length);
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k];
    const c = nodeCells[k];
    const list = cellLists[c];
    let who = peopleOf[c];
    if (who === undefined) {
      who = list.map((a) => person(a.key, a.name));
      peopleOf[c] = who;
    }
    // Assignments run in task order, project by project: a run of one project is added to the set once.
    const projectId = tasks[node].projectId;
    for (let j = 0; j < list.length; j++) {
      const p = who[j];
      const units = list[j].units;
      p.jobNodes.push(node);
      p.jobUnits.push(units);
      if (projectId !== p.lastProject) {
        p.projects.add(projectId);
        p.lastProject = projectId;
      }
      weeks.spread(p.load, fs[node], ff[node], units);
      weeks.spread(p.own, os[node], of[node], units);
    }
  }
}

/** Working days the person has in each week: the calendar's, less their own days off, times their capacity. */
function availableOf(p: Person, weekDays: readonly number[], week0: number, cal: WorkCalendar): number[] {
  if (p.nonWorking.size === 0) return weekDays.map((days) => days * p.capacity);
  return weekDays.map((days, w) => {
    let off = 0;
    for (let d = 0; d < 7; d++) {
      const s = week0 + 7 * w + d;
      if (p.nonWorking.has(s) && cal.isWorkday(s)) off++;
    }
    return Math.max(0, days - off) * p.capacity;
  });
}

function personLoad(p: Person, available: readonly number[]): PersonLoad {
  let overWeeks = 0;
  let peak: number | null = null;
  for (let w = 0; w < available.length; w++) {
    if (p.load[w] > available[w] + EPS) overWeeks++;
    if (available[w] > 0) peak = Math.max(peak ?? 0, p.load[w] / available[w]);
  }
  return {
    name: p.name, capacity: p.capacity, listed: p.listed, projects: [...p.projects], taskCount: p.jobNodes.length,
    load: Array.from(p.load, round2), ownLoad: Array.from(p.own, round2), available: available.map(round2),
    overallocatedWeeks: overWeeks, peakUtilisation: peak === null ? null : round2(peak),
  };
}
