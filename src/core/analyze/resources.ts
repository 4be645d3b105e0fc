/**
 * Shared people across projects: each task's resource cell gives its people and their share of a day; each
 * person's load is spread over the working days of the task's dates, week by week, twice: from the
 * propagated forecasts (what will happen) and from the PMs' own dates (what each PM plans). Weeks where the
 * forecast load exceeds what the person has available are over-allocations; when the PMs' own dates did not
 * over-allocate those weeks, a slip carried through the cross-project links created the conflict, and the
 * conflict says so. No levelling: the roll-up reports, the PMs decide.
 */
import type { WorkCalendar } from '../calendar';
import { weekdayOfSerial } from '../calendar';
import type { Capacity, Task } from '../model';
import { PeopleDirectory, personKey } from '../read/assignments';
import type { Assignment } from '../read/assignments';
import type { ConflictTask, PersonLoad, ResourceConflict, ResourcesResult } from '../result';
import type { ScheduleView } from './schedule-view';

/** The heat map and the load arrays cover at most this many weeks from the status date's week. */
export const MAX_WEEKS = 52;
/** A conflict lists at most this many tasks (largest load first); `taskCount` has them all. */
const MAX_CONFLICT_TASKS = 20;
const EPS = 1e-9;
/** A conflict's task shows the nearest links of its push chain (slipSources names where each chain starts). */
const MAX_CHAIN_SHOWN = 10;

interface Person {
  key: string;
  name: string;
  capacity: number;
  listed: boolean;
  nonWorking: Set<number>;
  load: Float64Array;
  own: Float64Array;
  /** Node index and units of each assignment, as two parallel arrays (no object per assignment). */
  jobNodes: number[];
  jobUnits: number[];
  /** The projects of its assignments, in order of first appearance; lastProject is the latest one added. */
  projects: Set<string>;
  lastProject: string | null;
}

const pct = (x: number): string => `${Math.round(x * 100)} %`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Same order as String.prototype.localeCompare with no arguments (ECMA-402), without a collator per call. */
const compareText = new Intl.Collator().compare;

/** Monday on or before the serial. */
export function mondayOf(serial: number): number {
  return serial - ((weekdayOfSerial(serial) + 6) % 7);
}

function isDone(t: Task): boolean {
  return t.actualFinish !== null || (t.percentComplete !== null && t.percentComplete >= 1);
}

/**
 * The window's weeks as working-day ordinals: week w holds ordinals [bounds[w], bounds[w + 1]). Tasks are
 * spans of ordinals too (ScheduleView), so a task's working days in a week are an integer overlap.
 */
class Weeks {
  readonly bounds: Int32Array;
  /** Week index of each ordinal in the window, by ordinal − bounds[0]. */
  private readonly weekOf: Int32Array;

  constructor(cal: WorkCalendar, week0: number, readonly count: number) {
    this.bounds = new Int32Array(count + 1);
    for (let w = 0; w <= count; w++) this.bounds[w] = cal.ordinal(week0 + 7 * w);
    this.weekOf = new Int32Array(Math.max(0, this.bounds[count] - this.bounds[0]));
    for (let w = 0; w < count; w++) for (let o = this.bounds[w]; o < this.bounds[w + 1]; o++) this.weekOf[o - this.bounds[0]] = w;
  }

  /** Week index of an ordinal inside the window. */
  weekAt(ord: number): number {
    return this.weekOf[ord - this.bounds[0]];
  }

  /** Adds units × working days of ordinals [s, f] to each week of arr. */
  spread(arr: Float64Array, s: number, f: number, units: number): void {
    const b = this.bounds;
    const lo = Math.max(s, b[0]);
    const hi = Math.min(f, b[this.count] - 1);
    if (Number.isNaN(lo) || Number.isNaN(hi) || hi < lo) return;
    const first = this.weekOf[lo - b[0]];
    const last = this.weekOf[hi - b[0]];
    for (let w = first; w <= last; w++) {
      const days = Math.min(hi, b[w + 1] - 1) - Math.max(lo, b[w]) + 1;
      arr[w] += units * days;
    }
  }
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

/** The person's runs of over-allocated weeks, each with the assignments whose forecast weeks touch it, as conflicts. */
function personConflicts(
  view: ScheduleView, p: Person, available: number[], weeks: Weeks, week0: number, runOf: Int32Array,
  iso: (serial: number | null) => string | null, conflicts: ResourceConflict[],
): void {
  const W = weeks.count;
  const { forecastStartOrd: fs, forecastFinishOrd: ff } = view;
  const firstOrd = weeks.bounds[0];
  const endOrd = weeks.bounds[W] - 1;
  const from: number[] = [];
  const to: number[] = [];
  runOf.fill(-1);
  for (let w = 0; w < W; w++) {
    if (!(p.load[w] > available[w] + EPS)) continue;
    let end = w;
    while (end + 1 < W && p.load[end + 1] > available[end + 1] + EPS) end++;
    for (let x = w; x <= end; x++) runOf[x] = from.length;
    from.push(w);
    to.push(end);
    w = end;
  }
  const hits: Hits[] = from.map(() => ({ nodes: [], units: [], loadDays: [] }));
  const { jobNodes, jobUnits } = p;
  for (let k = 0; k < jobNodes.length; k++) {
    const node = jobNodes[k];
    const s = fs[node];
    const f = ff[node];
    const lo = Math.max(s, firstOrd);
    const hi = Math.min(f, endOrd);
    if (!(hi >= lo)) continue;
    const last = weeks.weekAt(hi);
    let prior = -1;
    for (let w = weeks.weekAt(lo); w <= last; w++) {
      const r = runOf[w];
      if (r < 0 || r === prior) continue;
      prior = r;
      // Working days of the assignment inside the run: an integer overlap of ordinals.
      const days = Math.min(f, weeks.bounds[to[r] + 1] - 1) - Math.max(s, weeks.bounds[from[r]]) + 1;
      if (days > 0) {
        const h = hits[r];
        h.nodes.push(node);
        h.units.push(jobUnits[k]);
        h.loadDays.push(jobUnits[k] * days);
      }
    }
  }
  for (let r = 0; r < from.length; r++) conflicts.push(conflictOf(view, p, available, week0, from[r], to[r], hits[r], iso));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A conflict's overlapping assignments as parallel arrays: node, units, load in the conflict's weeks. */
interface Hits {
  nodes: number[];
  units: number[];
  loadDays: number[];
}

/** One over-allocation: weeks w0..w1 of person p, with every assignment that has forecast working days in them. */
function conflictOf(
  view: ScheduleView, p: Person, available: number[], week0: number, w0: number, w1: number, hits: Hits,
  iso: (serial: number | null) => string | null,
): ResourceConflict {
  const { tasks } = view;
  let excess = 0;
  let peak: number | null = null;
  let ownOver = false;
  for (let w = w0; w <= w1; w++) {
    excess += p.load[w] - available[w];
    if (available[w] > 0) peak = Math.max(peak ?? 0, p.load[w] / available[w]);
    if (p.own[w] > available[w] + EPS) ownOver = true;
  }
  // Figures for every overlapping task first; objects (dates, chains) only for the few listed.
  const { nodes } = hits;
  const count = nodes.length;
  const order = hitOrder(hits);
  // Cross-project as soon as a second project shows up among the overlapping tasks.
  let crossProject = false;
  for (let k = 1; k < count && !crossProject; k++) crossProject = tasks[nodes[order[k]]].projectId !== tasks[nodes[order[0]]].projectId;
  let pushedAny = false;
  for (let k = 0; k < count && !pushedAny; k++) pushedAny = view.pushed(nodes[k]);
  // A slip creates a conflict when it makes tasks overlap that the PMs' dates kept apart: one task that alone
  // needs more than the person has is over-allocated wherever it lands, so it is not "created" by the move.
  const causedBySlip = !ownOver && pushedAny && count >= 2;
  const slipSources = causedBySlip ? slipSourcesOf(view, nodes, order) : [];
  const fromWeek = iso(week0 + 7 * w0) as string;
  const toWeek = iso(week0 + 7 * w1) as string;
  const span = w1 - w0 + 1;
  const { name, capacity } = p;
  const conflict: ResourceConflict = {
    person: name, fromWeek, toWeek, weeks: span, peakUtilisation: peak === null ? null : round2(peak), excessDays: round2(excess),
    crossProject, causedBySlip, slipSources, reason: '', tasks: [], taskCount: count,
  };
  const listed = (): ConflictTask[] => {
    const involved: ConflictTask[] = [];
    for (let k = 0; k < count && k < MAX_CONFLICT_TASKS; k++) {
      const h = order[k];
      involved.push(conflictTask(view, nodes[h], hits.units[h], hits.loadDays[h], iso));
    }
    return involved;
  };
  lazyDetails(conflict, listed, (involved) => conflictReason(name, capacity, peak, fromWeek, toWeek, span, involved, count, causedBySlip));
  return conflict;
}

/**
 * A conflict's listed tasks and its reason are built on first read, as the result's task table is (see
 * lazyTasks): the workbook and the pane read the first 50 of thousands of conflicts; --json reads them all
 * through JSON.stringify, which reads getters (so do spreads, structuredClone and jest's equality). The
 * placeholders keep the keys' order; after its first read each is an ordinary data property. The reason is
 * written from the tasks as built, never from a list a reader may have changed since.
 */
function lazyDetails(c: ResourceConflict, listed: () => ConflictTask[], reason: (tasks: ConflictTask[]) => string): void {
  // Shared only when the reason is read first (as JSON.stringify and the sheets do): the tasks, once handed
  // out, are the reader's, and a reason read later gets a list of its own.
  let built: ConflictTask[] | undefined;
  const settle = (key: 'reason' | 'tasks', value: unknown): void => {
    Object.defineProperty(c, key, { value, enumerable: true, writable: true, configurable: true });
  };
  Object.defineProperty(c, 'reason', {
    enumerable: true,
    configurable: true,
    get(): string {
      const value = reason(built ??= listed());
      settle('reason', value);
      return value;
    },
    set: (value: string) => settle('reason', value),
  });
  Object.defineProperty(c, 'tasks', {
    enumerable: true,
    configurable: true,
    get(): ConflictTask[] {
      const value = built ?? listed();
      built = undefined;
      settle('tasks', value);
      return value;
    },
    set: (value: ConflictTask[]) => settle('tasks', value),
  });
}

/**
 * Indices of the hits, largest load first, then task order. Conflicts list a handful of tasks: an insertion
 * sort on a typed array, not a comparator over a boxed array per conflict (a long list still gets the sort).
 */
function hitOrder(hits: Hits): Int32Array {
  const { nodes, loadDays: days } = hits;
  if (nodes.length > 64) {
    return Int32Array.from(Array.from({ length: nodes.length }, (_, k) => k).sort((a, b) => days[b] - days[a] || nodes[a] - nodes[b]));
  }
  const order = new Int32Array(nodes.length);
  for (let k = 0; k < order.length; k++) {
    let j = k;
    while (j > 0 && (days[order[j - 1]] < days[k] || (days[order[j - 1]] === days[k] && nodes[order[j - 1]] > nodes[k]))) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = k;
  }
  return order;
}

/** One listed task of a conflict: its dates, push and the nearest links of its chain. */
function conflictTask(
  view: ScheduleView, node: number, units: number, loadDays: number, iso: (serial: number | null) => string | null,
): ConflictTask {
  const { tasks } = view;
  const t = tasks[node];
  return {
    key: t.key, projectId: t.projectId, name: t.name, units,
    forecastStart: iso(view.forecastStart(node)), forecastFinish: iso(view.forecastFinish(node)),
    ownStart: iso(view.ownStart(node)), ownFinish: iso(view.ownFinish(node)),
    pushed: view.pushed(node), chain: view.chain(node, MAX_CHAIN_SHOWN).map((n) => tasks[n].key), loadDays: round2(loadDays),
    sheet: t.source.sheet, cell: t.source.cell,
  };
}

/** Where each pushed task's chain starts, over all overlapping tasks (not only those listed); at most 10. */
function slipSourcesOf(view: ScheduleView, nodes: readonly number[], order: Int32Array): string[] {
  const { tasks } = view;
  const slipSources: string[] = [];
  for (let k = 0; k < nodes.length; k++) {
    if (slipSources.length >= 10) break;
    const node = nodes[order[k]];
    if (!view.pushed(node)) continue;
    const key = tasks[view.origin(node)].key;
    if (!slipSources.includes(key)) slipSources.push(key);
  }
  return slipSources;
}

function conflictReason(
  name: string, capacity: number, peak: number | null, fromWeek: string, toWeek: string, span: number, involved: readonly ConflictTask[],
  count: number, causedBySlip: boolean,
): string {
  const when = span === 1 ? `the week of ${fromWeek}` : `${span} weeks from ${fromWeek} to the week of ${toWeek}`;
  const list = involved.slice(0, 5).map((t) => `${t.key} "${t.name}" (${pct(t.units)})`).join(', ');
  let reason = `${name} is loaded up to ${peak === null ? 'beyond zero availability' : pct(peak)} of ${pct(capacity)} capacity in ${when}: ${list}${count > 5 ? ` and ${count - 5} more` : ''}.`;
  if (causedBySlip) {
    const moves = involved.filter((t) => t.pushed).slice(0, 3)
      .map((t) => `${t.key} moved from ${t.ownStart ?? '?'} to ${t.forecastStart ?? '?'}${t.chain.length > 1 ? ` by ${t.chain.slice(0, -1).join(' → ')}` : ''}`);
    reason += ` Created by a slip: ${moves.join('; ')}; on the PMs' own dates these weeks fit.`;
  }
  return reason;
}
