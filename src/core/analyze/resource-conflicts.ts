/**
 * Over-allocations of one person as conflicts: each run of weeks whose forecast load exceeds what the person
 * has, with the assignments whose forecast dates touch it, whether it spans projects, and whether a slip
 * carried through the cross-project links created it (the PMs' own dates kept those weeks within capacity).
 */
import type { ConflictTask, ResourceConflict } from '../result';
import { lazyProperty } from './lazy-property';
import { EPS, round2, type Person, type Weeks } from './load-weeks';
import type { ScheduleView } from './schedule-view';

/** A conflict lists at most this many tasks (largest load first); `taskCount` has them all. */
const MAX_CONFLICT_TASKS = 20;
/** A conflict's task shows the nearest links of its push chain (slipSources names where each chain starts). */
const MAX_CHAIN_SHOWN = 10;

const pct = (x: number): string => `${Math.round(x * 100)} %`;

/** The person's runs of over-allocated weeks, each with the assignments whose forecast weeks touch it, as conflicts. */
export function personConflicts(
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
 * A conflict's listed tasks and its reason are built on first read, as the result's task table is: the
 * workbook and the pane read the first 50 of thousands of conflicts; --json reads them all through
 * JSON.stringify (see lazyProperty). The reason is written from the tasks as built, never from a list a
 * reader may have changed since.
 */
function lazyDetails(c: ResourceConflict, listed: () => ConflictTask[], reason: (tasks: ConflictTask[]) => string): void {
  // Shared only when the reason is read first (as JSON.stringify and the sheets do): the tasks, once handed
  // out, are the reader's, and a reason read later gets a list of its own.
  let built: ConflictTask[] | undefined;
  lazyProperty(c, 'reason', () => reason(built ??= listed()));
  lazyProperty(c, 'tasks', () => {
    const value = built ?? listed();
    built = undefined;
    return value;
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
