/**
 * The cross-project network: forward pass (forecast overlay), backward pass (total slack), critical path
 * and cycles. All arithmetic runs on working-day ordinals from the calendar, so a lag of L working days
 * is a plain "+ L". Tasks occupy whole working days [start, finish] inclusive.
 *
 * Link rules (checked against MS Project's own answers, reference/mspdi/msproject_link_semantics.csv):
 *   FS: succStart  >= predFinish + L + 1      SS: succStart  >= predStart + L
 *   FF: succFinish >= predFinish + L          SF: succFinish >= predStart + L - 1
 * Elapsed lags add calendar days to the predecessor's moment, then move to the next working time.
 */
import type { WorkCalendar } from '../calendar';
import type { LagUnit, LinkType } from '../model';
import { csr, loopThrough, stronglyConnected, topoOrder } from './graph';

export interface NetNode {
  key: string;
  /** PM's own forecast start/finish as serials (null = no dates: the task is not scheduled). */
  start: number | null;
  finish: number | null;
  /** Finished tasks are fixed at their dates. */
  fixed: boolean;
  /** Started tasks keep their actual start; finish links (FF, SF) stretch their finish. */
  started: boolean;
}

export interface NetEdge {
  from: number;
  to: number;
  type: LinkType;
  lag: number;
  lagUnit: LagUnit;
}

export interface NetworkResult {
  /** Forecast start/finish ordinals per node (NaN when the node has no dates). */
  es: Float64Array;
  ef: Float64Array;
  /** Own (un-pushed) start/finish ordinals. */
  ownStart: Float64Array;
  ownFinish: Float64Array;
  /** Total slack in working days (NaN when unknown). */
  slack: Float64Array;
  /** Index of the edge that pushed the node later than its own dates, or -1. */
  driver: Int32Array;
  /** Index of the edge that sets the node's forecast start (ties included), or -1. */
  binding: Int32Array;
  pushed: Uint8Array;
  /** Node indices on the critical path, earliest first. */
  criticalPath: number[];
  /** Each cycle as node indices, first node repeated at the end. */
  cycles: number[][];
  /** Edges inside a cycle (ignored for scheduling). */
  inCycleEdge: Uint8Array;
  programStart: number | null;
  programFinish: number | null;
  /** Outgoing edge indices per node (compressed rows: node v's are outList[outStart[v] .. outStart[v + 1])), in edge order. */
  outStart: Int32Array;
  outList: Int32Array;
}

/** Ordinal of a serial's last working day at or before it (a finish on a weekend counts as the Friday). */
function finishOrdinal(cal: WorkCalendar, serial: number): number {
  return cal.ordinal(Math.floor(serial) + 1) - 1;
}

/**
 * Earliest start ordinal the edge allows the successor, given predecessor forecast ordinals and the
 * successor's duration in working days.
 */
export function requiredStart(cal: WorkCalendar, e: NetEdge, ps: number, pf: number, dur: number): number {
  const f = requiredEnd(cal, e, ps, pf);
  return e.type === 'FS' || e.type === 'SS' ? f : f - dur + 1;
}

/** The link fields requiredEnd reads: a NetEdge, or the LinkRef / register row it came from. */
export type LinkShape = Pick<NetEdge, 'type' | 'lag' | 'lagUnit'>;

/** Link type as a small integer (0 FS, 1 SS, 2 FF, 3 SF) for the flat edge arrays. */
export function linkKind(type: LinkType): number {
  return type === 'FS' ? 0 : type === 'SS' ? 1 : type === 'FF' ? 2 : 3;
}

/** What the edge requires of the successor: a start ordinal (FS, SS) or a finish ordinal (FF, SF). */
export function requiredEnd(cal: WorkCalendar, e: LinkShape, ps: number, pf: number): number {
  const L = e.lag;
  if (e.lagUnit === 'elapsed') return elapsedEnd(cal, linkKind(e.type), L, ps, pf);
  const l = Math.round(L);
  switch (e.type) {
    case 'FS':
      return pf + l + 1;
    case 'SS':
      return ps + l;
    case 'FF':
      return pf + l;
    case 'SF':
      return ps + l - 1;
  }
}

/** requiredEnd for an elapsed lag L (unrounded), by link kind: calendar-day arithmetic, then the next working time. */
function elapsedEnd(cal: WorkCalendar, kind: number, L: number, ps: number, pf: number): number {
  // Calendar-day arithmetic from the predecessor's moment, then the next working time.
  const startDay = cal.fromOrdinal(ps);
  const finishDay = cal.fromOrdinal(pf);
  switch (kind) {
    case 0:
      return cal.ordinal(finishDay + 1 + L); // finish is the end of the day = next day's morning
    case 1:
      return cal.ordinal(startDay + L);
    case 2:
      return cal.ordinal(finishDay + L);
    default:
      // Start morning + L days. A finish "at that morning" is the end of the last working day before it,
      // whether or not that day is itself a working day (ordinal() of a non-working day is the next
      // working day's). Rounding a weekend up instead once let a later predecessor give an earlier finish.
      return cal.ordinal(startDay + L) - 1;
  }
}

/**
 * The network as flat arrays, one slot per node / edge. The analysis builds this directly from the tasks:
 * on a 200k-task program, one object per node and per link was a large share of the run (allocation and GC).
 */
export interface FlatNetwork {
  /** PM's own forecast start/finish serials per node; NaN = no date (null in NetNode). */
  start: Float64Array;
  finish: Float64Array;
  fixed: Uint8Array;
  started: Uint8Array;
  eFrom: Int32Array;
  eTo: Int32Array;
  /** linkKind of the edge's type. */
  eKind: Uint8Array;
  /** The lag as given (unrounded: elapsed lags use it as is). */
  eLag: Float64Array;
  eElapsed: Uint8Array;
}

/** NetNode / NetEdge objects -> the flat form. */
export function flatten(nodes: NetNode[], edges: NetEdge[]): FlatNetwork {
  const n = nodes.length;
  const m = edges.length;
  const g: FlatNetwork = {
    start: new Float64Array(n), finish: new Float64Array(n), fixed: new Uint8Array(n), started: new Uint8Array(n),
    eFrom: new Int32Array(m), eTo: new Int32Array(m), eKind: new Uint8Array(m), eLag: new Float64Array(m), eElapsed: new Uint8Array(m),
  };
  for (let i = 0; i < n; i++) {
    const nd = nodes[i];
    g.start[i] = nd.start ?? NaN;
    g.finish[i] = nd.finish ?? NaN;
    g.fixed[i] = nd.fixed ? 1 : 0;
    g.started[i] = nd.started ? 1 : 0;
  }
  for (let i = 0; i < m; i++) {
    const e = edges[i];
    g.eFrom[i] = e.from;
    g.eTo[i] = e.to;
    g.eKind[i] = linkKind(e.type);
    g.eLag[i] = e.lag;
    g.eElapsed[i] = e.lagUnit === 'elapsed' ? 1 : 0;
  }
  return g;
}

export function scheduleNetwork(nodes: NetNode[], edges: NetEdge[], cal: WorkCalendar): NetworkResult {
  return scheduleFlat(flatten(nodes, edges), cal);
}

/**
 * Incoming edges in row order (node v's are slots inStart[v] .. inStart[v + 1]), each slot carrying the fields
 * the passes read. The forward and backward passes then read their edges sequentially; going through the
 * edge index into five edge-ordered arrays was a cache miss per field on a 300k-edge program.
 */
interface InRows {
  start: Int32Array;
  /** Edge index of the slot (driver and binding report edge indices). */
  edge: Int32Array;
  from: Int32Array;
  kind: Uint8Array;
  /** Working lag, rounded. */
  lag: Float64Array;
  elapsed: Uint8Array;
  /** 1 = the edge is inside a cycle: data, not a constraint. */
  skip: Uint8Array;
}

function inRows(g: FlatNetwork, inc: { start: Int32Array; list: Int32Array }, inCycleEdge: Uint8Array): InRows {
  const m = inc.list.length;
  const rows: InRows = {
    start: inc.start, edge: inc.list, from: new Int32Array(m), kind: new Uint8Array(m), lag: new Float64Array(m),
    elapsed: new Uint8Array(m), skip: new Uint8Array(m),
  };
  for (let p = 0; p < m; p++) {
    const ei = inc.list[p];
    rows.from[p] = g.eFrom[ei];
    rows.kind[p] = g.eKind[ei];
    rows.lag[p] = Math.round(g.eLag[ei]);
    rows.elapsed[p] = g.eElapsed[ei];
    rows.skip[p] = inCycleEdge[ei];
  }
  return rows;
}

/** requiredEnd for incoming slot p; elapsed lags go through the calendar with the unrounded lag. */
function slotEnd(cal: WorkCalendar, g: FlatNetwork, rows: InRows, p: number, ps: number, pf: number): number {
  const kind = rows.kind[p];
  if (rows.elapsed[p]) return elapsedEnd(cal, kind, g.eLag[rows.edge[p]], ps, pf);
  const l = rows.lag[p];
  return kind === 0 ? pf + l + 1 : kind === 1 ? ps + l : kind === 2 ? pf + l : ps + l - 1;
}

/** Own (un-pushed) start/finish ordinals and working-day durations. */
function ownDates(g: FlatNetwork, cal: WorkCalendar): { ownStart: Float64Array; ownFinish: Float64Array; dur: Float64Array } {
  const n = g.start.length;
  const ownStart = new Float64Array(n).fill(NaN);
  const ownFinish = new Float64Array(n).fill(NaN);
  const dur = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // NaN stands for "no date" in the flat form (the reader's dates are finite), so this is NetNode's ?? chain.
    const s = Number.isNaN(g.start[i]) ? g.finish[i] : g.start[i];
    const f = Number.isNaN(g.finish[i]) ? g.start[i] : g.finish[i];
    if (Number.isNaN(s) || Number.isNaN(f)) continue;
    const so = cal.ordinal(s);
    const fo = Math.max(so, finishOrdinal(cal, f));
    ownStart[i] = so;
    ownFinish[i] = fo;
    dur[i] = fo - so + 1;
  }
  return { ownStart, ownFinish, dur };
}

export function scheduleFlat(g: FlatNetwork, cal: WorkCalendar): NetworkResult {
  const n = g.start.length;
  const { eFrom, eTo, fixed, started } = g;
  const m = eFrom.length;
  const out = csr(n, eFrom);
  const outStart = out.start;
  const outList = out.list;
  // Successor node per out-row slot, so the SCC and Kahn walks read it in sequence.
  const outTo = new Int32Array(m);
  for (let p = 0; p < m; p++) outTo[p] = eTo[outList[p]];

  // Cycles: components with more than one node, or a self-loop. Their inner edges are data, not constraints.
  const comp = stronglyConnected(n, outStart, outTo);
  const compSize = new Int32Array(n);
  for (let i = 0; i < n; i++) compSize[comp[i]]++;
  const inCycleEdge = new Uint8Array(m);
  const cycles: number[][] = [];
  const reported = new Set<number>();
  for (let i = 0; i < m; i++) {
    const from = eFrom[i];
    const to = eTo[i];
    if (comp[from] !== comp[to]) continue;
    if (from !== to && compSize[comp[from]] < 2) continue;
    inCycleEdge[i] = 1;
    if (from === to) {
      cycles.push([from, from]);
    } else if (!reported.has(comp[from])) {
      reported.add(comp[from]);
      cycles.push(loopThrough(from, comp, outStart, outList, eTo));
    }
  }
  const { ownStart, ownFinish, dur } = ownDates(g, cal);
  const order = topoOrder(n, outStart, outList, outTo, inCycleEdge);
  const rows = inRows(g, csr(n, eTo), inCycleEdge);

  const es = new Float64Array(n).fill(NaN);
  const ef = new Float64Array(n).fill(NaN);
  const driver = new Int32Array(n).fill(-1);
  const binding = new Int32Array(n).fill(-1);
  const pushed = new Uint8Array(n);
  forwardPass(cal, g, rows, order, ownStart, dur, fixed, started, es, ef, driver, binding, pushed);

  let programStart: number | null = null;
  let programFinish: number | null = null;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(es[i])) continue;
    if (programStart === null || es[i] < programStart) programStart = es[i];
    if (programFinish === null || ef[i] > programFinish) programFinish = ef[i];
  }

  const slack = new Float64Array(n).fill(NaN);
  if (programFinish !== null) backwardPass(cal, g, rows, order, programFinish, dur, es, ef, slack);

  // Critical path: from the task that finishes last, walk back through the links that set each start.
  const criticalPath: number[] = [];
  if (programFinish !== null) {
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (ef[i] === programFinish && (last === -1 || slack[i] < slack[last])) last = i;
    }
    const seen = new Set<number>();
    let v = last;
    while (v !== -1 && !seen.has(v)) {
      seen.add(v);
      criticalPath.push(v);
      const b = binding[v];
      v = b === -1 ? -1 : eFrom[b];
    }
    criticalPath.reverse();
  }

  return {
    es, ef, ownStart, ownFinish, slack, driver, binding, pushed, criticalPath, cycles, inCycleEdge, programStart, programFinish, outStart, outList,
  };
}

/** Forward pass in topological order: forecast start/finish, the driving and binding edges. */
function forwardPass(
  cal: WorkCalendar, g: FlatNetwork, rows: InRows, order: Int32Array, ownStart: Float64Array, dur: Float64Array, fixed: Uint8Array,
  started: Uint8Array, es: Float64Array, ef: Float64Array, driver: Int32Array, binding: Int32Array, pushed: Uint8Array,
): void {
  const { start: inStart, from: inFrom, kind: inKind, skip, edge } = rows;
  for (let k = 0; k < order.length; k++) {
    const v = order[k];
    if (Number.isNaN(ownStart[v])) continue;
    let start = ownStart[v];
    let bindingStart = -Infinity;
    let bind = -1;
    if (!fixed[v]) {
      const isStarted = started[v] === 1;
      for (let p = inStart[v]; p < inStart[v + 1]; p++) {
        if (skip[p]) continue;
        const u = inFrom[p];
        if (Number.isNaN(es[u])) continue;
        // A started task keeps its start: only finish-type links (FF, SF) can still move it.
        const kind = inKind[p];
        if (isStarted && kind < 2) continue;
        const end = slotEnd(cal, g, rows, p, es[u], ef[u]);
        const req = kind < 2 ? end : end - dur[v] + 1;
        if (req > bindingStart) {
          bindingStart = req;
          bind = edge[p];
        }
      }
      if (isStarted) {
        // Work already began: a finish link stretches the remaining work instead of moving the start.
        if (bindingStart > start) {
          dur[v] += bindingStart - start;
          driver[v] = bind;
          pushed[v] = 1;
        }
        if (bindingStart >= start) binding[v] = bind;
      } else {
        if (bindingStart > start) {
          start = bindingStart;
          driver[v] = bind;
          pushed[v] = 1;
        }
        if (bindingStart === start) binding[v] = bind;
      }
    }
    es[v] = start;
    ef[v] = start + dur[v] - 1;
  }
}

/** Backward pass in reverse topological order: latest finish, then total slack = LF − EF. */
function backwardPass(
  cal: WorkCalendar, g: FlatNetwork, rows: InRows, order: Int32Array, programFinish: number, dur: Float64Array, es: Float64Array,
  ef: Float64Array, slack: Float64Array,
): void {
  const lf = new Float64Array(es.length).fill(Infinity);
  const { start: inStart, from: inFrom, kind: inKind, skip } = rows;
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k];
    if (Number.isNaN(es[v])) continue;
    lf[v] = Math.min(lf[v], programFinish);
    slack[v] = lf[v] - ef[v];
    for (let p = inStart[v]; p < inStart[v + 1]; p++) {
      if (skip[p]) continue;
      const u = inFrom[p];
      if (Number.isNaN(es[u])) continue;
      // Effective working lag as the forward pass saw it, so elapsed lags stay consistent: the
      // predecessor may move later by exactly the room the successor's latest dates leave.
      const end = slotEnd(cal, g, rows, p, es[u], ef[u]);
      const room = inKind[p] < 2 ? lf[v] - dur[v] + 1 - end : lf[v] - end;
      const limit = ef[u] + room;
      if (limit < lf[u]) lf[u] = limit;
    }
  }
}
