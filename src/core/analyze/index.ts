/**
 * Analyses the model: EVM, Earned Schedule, finish variance, the cross-project network, risk, health.
 * Pure: data in, data out; data problems become issues, never exceptions.
 */
import { WorkCalendar, dateToSerial, isoToSerial, serialToIso } from '../calendar';
import type { RollupIssue } from '../issues';
import { issue } from '../issues';
import type { LinkRef, ProgramModel, Project, RegisterDependency, Task } from '../model';
import type {
  DependencyResult, Metrics, MilestoneResult, ProgramResult, ProjectResult, RollupResult, SourceSheet, TaskForecast, TopRisk,
} from '../result';
import type { RollupSettings } from '../settings';
import { earnedSchedule } from './earned-schedule';
import type { PvCurve } from './earned-schedule';
import { pvAt } from './earned-schedule';
import { evmIndices } from './evm';
import { handoffFlat } from './handoffs';
import { healthOf } from './health';
import type { FlatNetwork, NetworkResult } from './network';
import { linkKind, scheduleFlat } from './network';
import { isFinished, projectEvmInputs } from './project-evm';
import { sanitizeModel } from './sanitize';
import type { ProjectEvmInputs } from './project-evm';
import { addHeatMaps, emptyHeatMap, projectRisks, rankRisks } from './risk';
import { analyzeBenefits } from './benefits';
import { analyzeResources } from './resources';
import { ScheduleView } from './schedule-view';

export { scheduleNetwork } from './network';

/** Where an edge came from: the predecessor cell's link, or the Dependencies register row. */
type EdgeOrigin = LinkRef | RegisterDependency;
const isRegister = (o: EdgeOrigin): o is RegisterDependency => 'fromProject' in o;

function resolveStatusDate(model: ProgramModel, settings: RollupSettings, now: Date, issues: RollupIssue[]): number {
  if (settings.statusDate) {
    const s = isoToSerial(settings.statusDate);
    if (s !== null) return s;
    issues.push(issue('warning', 'STATUS_DATE_INVALID', 'Settings', null,
      `The status date "${settings.statusDate}" in the settings is not a date (YYYY-MM-DD); using the sheets' status date or today.`));
  }
  if (model.statusDate !== null && Number.isFinite(model.statusDate)) return Math.floor(model.statusDate);
  return dateToSerial(now);
}

export function analyzeProgram(input: ProgramModel, settings: RollupSettings, now: Date): RollupResult {
  const issues: RollupIssue[] = [...input.issues];
  const model = sanitizeModel(input, issues);
  const cal = new WorkCalendar({ weekendDays: settings.weekendDays, holidays: model.holidays });
  const status = resolveStatusDate(model, settings, now, issues);
  const isoCache = new Map<number, string>();
  const iso = (s: number | null): string | null => {
    if (s === null || !Number.isFinite(s)) return null;
    let v = isoCache.get(s);
    if (v === undefined) {
      v = serialToIso(s);
      isoCache.set(s, v);
    }
    return v;
  };
  const isoOrdRaw = (o: number): string | null => (Number.isNaN(o) ? null : iso(cal.fromOrdinal(o)));
  // Set once the network is scheduled: ISO text per working-day ordinal of the program's span, so the
  // 200k forecasts skip the calendar and the serial-keyed Map (same strings, computed once per day).
  let ordIso: (string | undefined)[] = [];
  let ordLo = 0;
  const isoOrd = (o: number): string | null => {
    const k = o - ordLo;
    if (k >>> 0 !== k || k >= ordIso.length) return isoOrdRaw(o);
    let v = ordIso[k];
    if (v === undefined) {
      v = isoOrdRaw(o) as string;
      ordIso[k] = v;
    }
    return v;
  };

  // ---- the network ----
  // The per-task and per-link loops live in their own functions: V8 optimizes each on its own feedback,
  // where one large analyzeProgram body kept deoptimizing between loops on the first large programs.
  const { tasks, rowIndex, index } = indexTasks(model, issues);
  const { g, handoffEdges, handoffOrigins } = buildNetwork(model, tasks, index, issues);
  const net = scheduleFlat(g, cal);
  if (net.programStart !== null && net.programFinish !== null && net.programFinish - net.programStart < 100_000) {
    ordLo = net.programStart;
    ordIso = new Array<string | undefined>(net.programFinish - net.programStart + 1).fill(undefined);
  }

  const cycles = net.cycles.map((c) => c.map((i) => tasks[i].key));
  for (const c of cycles) {
    const first = tasks[index.get(c[0]) as number];
    issues.push(issue('warning', 'DEPENDENCY_CYCLE', first.source.sheet, first.source.cell,
      `Links form a loop: ${c.join(' → ')}. The loop's links are ignored when forecasting; break one of them.`));
  }

  // ---- dependencies (cross-project hand-offs) ----
  const dependencies: DependencyResult[] = [];
  const lateInto = new Map<string, number>();
  for (let h0 = 0; h0 < handoffEdges.length; h0++) {
    const ei = handoffEdges[h0];
    const o = handoffOrigins[h0];
    const from = g.eFrom[ei];
    const to = g.eTo[ei];
    const fromT = tasks[from];
    const toT = tasks[to];
    const reg = isRegister(o) ? o : null;
    const h = handoffFlat(cal, net, g.eFrom, from, to, o, settings.atRiskSlackDays);
    if (h.status === 'late') lateInto.set(toT.projectId, (lateInto.get(toT.projectId) ?? 0) + 1);
    dependencies.push({
      from: fromT.key,
      to: toT.key,
      type: o.type,
      lagDays: o.lag,
      lagUnit: o.lagUnit,
      fromName: fromT.name,
      toName: toT.name,
      predecessorFinish: h.predecessorEnd === null ? null : isoOrd(h.predecessorEnd),
      // The same own start the slack is measured against (actual start, else forecast, else baseline).
      successorStart: isoOrd(net.ownStart[to]),
      slackDays: h.slackDays,
      status: h.status,
      chain: h.chain.map((i) => tasks[i].key),
      origin: reg ? 'register' : 'predecessors',
      needBy: reg ? iso(reg.needBy) : null,
      sheet: o.source.sheet,
      cell: o.source.cell,
    });
  }

  // ---- forecasts overlay ----
  const forecasts = forecastRows(tasks, net, isoOrd);
  // Benefits and shared people read the propagated forecasts through one view of the scheduled network.
  const view = new ScheduleView(tasks, (p, t) => index.find(p, t), net, g.eFrom, cal);
  const benefits = analyzeBenefits(view, model.benefits ?? [], issues);
  const resources = analyzeResources(view, model.capacities ?? [], status);

  // ---- projects ----
  const allRisks: TopRisk[] = [];
  const heatMap = emptyHeatMap();
  const projectHeatMaps: Record<string, number[][]> = {};
  const evmInputs: ProjectEvmInputs[] = [];
  const projects: ProjectResult[] = model.projects.map((p, pi) => {
    const inputs = projectEvmInputs(p, cal, status);
    evmInputs.push(inputs);
    const risk = projectRisks(p);
    allRisks.push(...risk.risks);
    addHeatMaps(heatMap, risk.heatMap);
    projectHeatMaps[p.id] = risk.heatMap;
    const { forecastFinish, milestones } = projectForecast(p, rowIndex[pi], net.ef, cal, iso);
    const lateHandoffs = lateInto.get(p.id) ?? 0;
    const metrics = metricsFrom(inputs, forecastFinish, risk.exposure, risk.scheduleExposureDays, lateHandoffs, cal, iso, settings);
    return {
      ...metrics,
      id: p.id,
      name: p.name,
      sheet: p.sheet,
      manager: p.manager,
      hidden: p.hidden,
      taskCount: p.tasks.length,
      milestoneCount: milestones.length,
      openRisks: risk.openRisks,
      lateHandoffs,
      statusDate: iso(p.statusDate),
      milestones,
      evmSource: inputs.source,
    };
  });

  // ---- inherited risk: a risk on a task that feeds another project also shows in that project ----
  inheritRisks(allRisks, tasks, index, net, g.eTo);

  // ---- program ----
  const programInputs = programEvmInputs(evmInputs, cal, status);
  let programForecast: number | null = null;
  for (const p of projects) {
    const f = p.forecastFinish ? isoToSerial(p.forecastFinish) : null;
    if (f !== null && (programForecast === null || f > programForecast)) programForecast = f;
  }
  const lateHandoffs = dependencies.filter((d) => d.status === 'late').length;
  const riskExposure = projects.reduce((a, p) => a + p.riskExposure, 0);
  const scheduleExposure = projects.reduce((a, p) => a + p.scheduleExposureDays, 0);
  const programMetrics = metricsFrom(programInputs, programForecast, riskExposure, scheduleExposure, lateHandoffs, cal, iso, settings);
  const program: ProgramResult = {
    ...programMetrics,
    name: settings.programName ?? 'Program',
    lateHandoffs,
    atRiskHandoffs: dependencies.filter((d) => d.status === 'at-risk').length,
    openRisks: projects.reduce((a, p) => a + p.openRisks, 0),
    projectCount: projects.length,
  };

  const sources: SourceSheet[] = [
    ...model.projects.map((p): SourceSheet => ({
      sheet: p.sheet, kind: 'project', hidden: p.hidden, projectId: p.id, taskCount: p.tasks.length, riskCount: p.risks.length,
      reason: null, excluded: false,
    })),
    ...model.skipped.map((s): SourceSheet => ({
      sheet: s.sheet, kind: s.ownedRole ? 'program' : 'skipped', hidden: s.hidden, projectId: null, taskCount: 0, riskCount: 0,
      reason: s.reason, excluded: settings.excludedSheets.includes(s.sheet),
    })),
  ];

  return {
    statusDate: iso(status) ?? '',
    generatedAt: now.toISOString(),
    program,
    projects,
    dependencies,
    criticalPath: net.criticalPath.map((i) => tasks[i].key),
    cycles,
    topRisks: rankRisks(allRisks, settings.topRiskCount),
    heatMap,
    projectHeatMaps,
    forecasts,
    sources,
    history: model.history,
    issues,
    benefits: benefits.benefits,
    benefitsSummary: benefits.summary,
    resources,
  };
}

/** Program-wide task lookup: project ID, then task ID, without building a "PROJECT:TASK" string per link. */
class ProgramIndex {
  readonly byProject = new Map<string, TaskIds>();
  // Links mostly name the same project as the previous link: remember the last project's table.
  private lastProject: string | null = null;
  private lastIds: TaskIds | undefined;

  find(projectId: string, taskId: string): number | undefined {
    if (projectId !== this.lastProject) {
      this.lastProject = projectId;
      this.lastIds = this.byProject.get(projectId);
    }
    return this.lastIds?.get(taskId);
  }

  /** Lookup by program-wide key "PROJECT:TASK". */
  get(key: string): number | undefined {
    const c = key.indexOf(':');
    return c < 0 ? undefined : this.find(key.slice(0, c), key.slice(c + 1));
  }
}

/** The tasks as network nodes (first row of a duplicated ID only), with each project's row -> node map. */
function indexTasks(model: ProgramModel, issues: RollupIssue[]): { tasks: Task[]; rowIndex: Int32Array[]; index: ProgramIndex } {
  const tasks: Task[] = [];
  const index = new ProgramIndex();
  const byProject = index.byProject;
  /** Global node index of each project's task rows (-1 for a duplicate row). */
  const rowIndex: Int32Array[] = [];
  for (const p of model.projects) {
    const rows = new Int32Array(p.tasks.length).fill(-1);
    const list = p.tasks;
    // Consecutive tasks carry the same project ID: look its table up only when the ID changes.
    let idsFor: string | null = null;
    let ids: TaskIds | undefined;
    for (let k = 0; k < list.length; k++) {
      const t = list[k];
      if (ids === undefined || t.projectId !== idsFor) {
        idsFor = t.projectId;
        ids = byProject.get(t.projectId);
        if (!ids) {
          ids = new TaskIds(list.length);
          byProject.set(t.projectId, ids);
        }
      }
      if (ids.get(t.id) !== undefined) {
        issues.push(issue('warning', 'TASK_KEY_DUPLICATE', t.source.sheet, t.source.cell,
          `Task ID ${t.id} appears more than once in project ${t.projectId}; links to it use the first row.`));
        continue;
      }
      ids.set(t.id, tasks.length);
      rows[k] = tasks.length;
      tasks.push(t);
    }
    rowIndex.push(rows);
  }
  return { tasks, rowIndex, index };
}

/**
 * Nodes and edges straight into flat arrays (see FlatNetwork): no object per task or per link. Also lists
 * the hand-off candidates in edge order: cross-project predecessor links and every register row.
 */
function buildNetwork(
  model: ProgramModel, tasks: Task[], index: ProgramIndex, issues: RollupIssue[],
): { g: FlatNetwork; handoffEdges: number[]; handoffOrigins: EdgeOrigin[] } {
  const n = tasks.length;
  let linkCount = model.dependencies.length;
  for (let i = 0; i < n; i++) linkCount += tasks[i].predecessors.length;
  const g: FlatNetwork = {
    start: new Float64Array(n), finish: new Float64Array(n), fixed: new Uint8Array(n), started: new Uint8Array(n),
    eFrom: new Int32Array(linkCount), eTo: new Int32Array(linkCount), eKind: new Uint8Array(linkCount),
    eLag: new Float64Array(linkCount), eElapsed: new Uint8Array(linkCount),
  };
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    const fixed = isFinished(t);
    const start = t.actualStart ?? t.start ?? t.baselineStart;
    const finish = fixed ? (t.actualFinish ?? t.finish ?? t.baselineFinish) : (t.finish ?? t.baselineFinish);
    // Sanitized dates are finite or null, so NaN can stand for null.
    g.start[i] = start ?? NaN;
    g.finish[i] = finish ?? NaN;
    g.fixed[i] = fixed ? 1 : 0;
    g.started[i] = t.actualStart !== null ? 1 : 0;
  }
  const handoffEdges: number[] = [];
  const handoffOrigins: EdgeOrigin[] = [];
  let m = 0;
  const addEdge = (from: number, to: number, o: EdgeOrigin): void => {
    g.eFrom[m] = from;
    g.eTo[m] = to;
    g.eKind[m] = linkKind(o.type);
    g.eLag[m] = o.lag;
    g.eElapsed[m] = o.lagUnit === 'elapsed' ? 1 : 0;
    m++;
  };
  for (let ti = 0; ti < n; ti++) {
    const t = tasks[ti];
    const preds = t.predecessors;
    for (let j = 0; j < preds.length; j++) {
      const link = preds[j];
      const from = index.find(link.project, link.task);
      if (from === undefined) {
        issues.push(issue('warning', 'LINK_TARGET_MISSING', link.source.sheet, link.source.cell,
          `Predecessor "${link.text}" of task ${t.key} names a task that does not exist (${link.project}:${link.task}); the link is ignored.`));
        continue;
      }
      if (tasks[from].projectId !== t.projectId) {
        handoffEdges.push(m);
        handoffOrigins.push(link);
      }
      addEdge(from, ti, link);
    }
  }
  for (const reg of model.dependencies) {
    const from = index.find(reg.fromProject, reg.fromTask);
    const to = index.find(reg.toProject, reg.toTask);
    if (from === undefined || to === undefined) {
      const missing = from === undefined ? `${reg.fromProject}:${reg.fromTask}` : `${reg.toProject}:${reg.toTask}`;
      issues.push(issue('warning', 'LINK_TARGET_MISSING', reg.source.sheet, reg.source.cell,
        `The Dependencies row names task ${missing}, which does not exist; the hand-off is ignored.`));
      continue;
    }
    handoffEdges.push(m);
    handoffOrigins.push(reg);
    addEdge(from, to, reg);
  }
  if (m < linkCount) {
    g.eFrom = g.eFrom.subarray(0, m);
    g.eTo = g.eTo.subarray(0, m);
    g.eKind = g.eKind.subarray(0, m);
    g.eLag = g.eLag.subarray(0, m);
    g.eElapsed = g.eElapsed.subarray(0, m);
  }
  return { g, handoffEdges, handoffOrigins };
}

/** The forecast overlay row of every task. */
function forecastRows(tasks: Task[], net: NetworkResult, isoOrd: (o: number) => string | null): TaskForecast[] {
  const { es, ef, slack, pushed } = net;
  const out: TaskForecast[] = new Array<TaskForecast>(tasks.length);
  for (let i = 0; i < tasks.length; i++) {
    const s = slack[i];
    out[i] = {
      key: tasks[i].key,
      forecastStart: isoOrd(es[i]),
      forecastFinish: isoOrd(ef[i]),
      totalSlackDays: Number.isNaN(s) ? null : s,
      critical: !Number.isNaN(s) && s <= 0,
      pushed: pushed[i] === 1,
    };
  }
  return out;
}

function projectForecast(
  p: Project, rows: Int32Array, ef: Float64Array, cal: WorkCalendar, iso: (s: number | null) => string | null,
): { forecastFinish: number | null; milestones: MilestoneResult[] } {
  let forecastFinish = -Infinity;
  const milestones: MilestoneResult[] = [];
  p.tasks.forEach((t, k) => {
    const i = rows[k];
    const o = i < 0 ? NaN : ef[i];
    if (!t.isMilestone) {
      if (o > forecastFinish) forecastFinish = o;
      return;
    }
    if (o > forecastFinish) forecastFinish = o;
    const f = Number.isNaN(o) ? null : cal.fromOrdinal(o);
    milestones.push({
      key: t.key,
      name: t.name,
      baselineFinish: iso(t.baselineFinish),
      forecastFinish: iso(f),
      finishVarianceDays: f !== null && t.baselineFinish !== null ? cal.workdayDiff(cal.prevWorkday(t.baselineFinish), f) : null,
    });
  });
  // forecastFinish is an ordinal here; NaN comparisons are false, so tasks without dates never count.
  return { forecastFinish: forecastFinish === -Infinity ? null : cal.fromOrdinal(forecastFinish), milestones };
}

const MAX_FORECAST_WORKDAYS = 26_000;

function metricsFrom(
  x: ProjectEvmInputs, forecastFinish: number | null, riskExposure: number, scheduleExposureDays: number, lateHandoffs: number,
  cal: WorkCalendar, iso: (s: number | null) => string | null, settings: RollupSettings,
): Metrics {
  const reasons: Record<string, string> = {};
  if (x.bac === null) reasons.bac = 'no budget on any task or in the project header';
  if (x.pv === null) reasons.pv = x.baselineStart === null ? 'no baseline dates' : 'no budget to plan';
  if (x.ev === null) reasons.ev = 'no % complete or budget';
  if (x.ac === null) reasons.ac = 'no actual cost recorded';
  const idx = evmIndices({ bac: x.bac, pv: x.pv, ev: x.ev, ac: x.ac }, reasons);
  const es = earnedSchedule(x.curve, x.bac === null ? null : x.ev, x.at, reasons);
  const bs = x.baselineStart;
  const dayAt = (w: number | null, key: string): string | null => {
    if (w === null || bs === null || !Number.isFinite(w)) return null;
    // An index near 0 puts IEAC(t) centuries out; beyond ~100 years of working days it is no date at all.
    if (w > MAX_FORECAST_WORKDAYS) {
      reasons[key] = 'more than 100 years out: SPI(t) is almost 0';
      return null;
    }
    return iso(cal.workdayAdd(bs, Math.max(0, Math.ceil(w - 1e-9) - 1)));
  };
  if (bs === null) {
    for (const k of ['esDate', 'ieacDate', 'baselineStart']) reasons[k] = reasons[k] ?? 'no baseline dates';
  }
  const bf = x.baselineFinish;
  if (bf === null) reasons.baselineFinish = 'no baseline finish on any task';
  if (forecastFinish === null) reasons.forecastFinish = 'no task has forecast dates';
  const finishVarianceDays = bf !== null && forecastFinish !== null ? cal.workdayDiff(cal.prevWorkday(bf), forecastFinish) : null;
  if (finishVarianceDays === null) reasons.finishVarianceDays = 'needs baseline and forecast finish';
  const baselineDays = bs !== null && bf !== null ? cal.workdaysInclusive(bs, bf) : null;
  const h = healthOf({ spi: idx.spi, cpi: idx.cpi, finishVarianceDays, baselineDays, lateHandoffs }, settings.health);
  return {
    bac: x.bac,
    pv: x.pv,
    ev: x.ev,
    ac: x.ac,
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
    reasons,
  };
}

/** Program EVM: sums of PV, EV, AC, BAC (never averaged indices); the program PV curve is the sum of the projects'. */
function programEvmInputs(list: ProjectEvmInputs[], cal: WorkCalendar, status: number): ProjectEvmInputs {
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
  for (const x of list) {
    if (x.baselineStart !== null && (bs === null || x.baselineStart < bs)) bs = x.baselineStart;
    if (x.baselineFinish !== null && (bf === null || x.baselineFinish > bf)) bf = x.baselineFinish;
  }
  const finished = list.length > 0 && list.every((x) => x.finished);
  let actualFinish: number | null = null;
  if (finished) for (const x of list) if (x.actualFinish !== null && (actualFinish === null || x.actualFinish > actualFinish)) actualFinish = x.actualFinish;
  const curve: PvCurve = { x: [], pv: [] };
  let at: number | null = null;
  if (bs !== null) {
    const ord0 = cal.ordinal(bs);
    let len = 0;
    const offsets = list.map((x) => (x.baselineStart === null ? 0 : cal.ordinal(x.baselineStart) - ord0));
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
    at = cal.workdaysInclusive(bs, end);
  }
  return {
    bac: sum((x) => x.bac),
    pv: sum((x) => x.pv),
    ev: sum((x) => x.ev),
    ac: sum((x) => x.ac),
    baselineStart: bs,
    baselineFinish: bf,
    curve,
    at,
    finished,
    actualFinish,
    source: 'tasks',
  };
}

/**
 * A risk on a task "feeds" every other project reached from that task: downstream within its own project,
 * then across the first cross-project link (the receiving project inherits; the walk stops there).
 */
function inheritRisks(risks: TopRisk[], tasks: Task[], index: ProgramIndex, net: NetworkResult, eTo: Int32Array): void {
  if (!risks.some((r) => r.taskKey !== null)) return;
  // Successors from the network's compressed out-edge rows (same order as a pass over the edges would give).
  const { outStart, outList } = net;
  // seen[w] === stamp marks "visited for this risk": one typed array for all risks instead of a Set per risk.
  const seen = new Int32Array(tasks.length);
  let stamp = 0;
  for (const r of risks) {
    if (r.taskKey === null) continue;
    const first = index.get(r.taskKey);
    if (first === undefined) continue;
    stamp++;
    seen[first] = stamp;
    const queue = [first];
    const inherited = new Set<string>();
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi];
      for (let p = outStart[u]; p < outStart[u + 1]; p++) {
        const w = eTo[outList[p]];
        if (seen[w] === stamp) continue;
        seen[w] = stamp;
        const pid = tasks[w].projectId;
        if (pid !== r.projectId) inherited.add(pid);
        else queue.push(w);
      }
    }
    r.inheritedBy = [...inherited].sort();
  }
}

/** Parses a canonical whole number below cap ("0", "17"; not "017", "1.0", "+1", " 1"), else -1. */
function smallId(s: string, cap: number): number {
  const len = s.length;
  if (len === 0 || len > 9 || (len > 1 && s.charCodeAt(0) === 48)) return -1;
  let v = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v < cap ? v : -1;
}

/**
 * One project's task IDs -> node index, answering exactly as a Map<string, number> would. Task IDs are
 * nearly always row numbers ("1" … "2000"): those index a typed array (parsed from char codes), which spares
 * hashing a fresh string per link on 300k-link programs. Only canonical numbers go to the array, and each
 * has one spelling, so any other ID ("007", "A1", "1.5", huge numbers) lives in the Map without clashing.
 */
class TaskIds {
  private readonly cap: number;
  /** Node index + 1 per numeric ID (0 = absent). */
  private readonly nums: Int32Array;
  private readonly other = new Map<string, number>();

  constructor(taskCount: number) {
    this.cap = 2 * taskCount + 64;
    this.nums = new Int32Array(this.cap);
  }

  get(id: string): number | undefined {
    const k = smallId(id, this.cap);
    if (k < 0) return this.other.get(id);
    const v = this.nums[k];
    return v === 0 ? undefined : v - 1;
  }

  set(id: string, node: number): void {
    const k = smallId(id, this.cap);
    if (k < 0) this.other.set(id, node);
    else this.nums[k] = node + 1;
  }
}
