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
import { handoff } from './handoffs';
import { healthOf } from './health';
import type { NetEdge, NetNode } from './network';
import { scheduleNetwork } from './network';
import { isFinished, projectEvmInputs } from './project-evm';
import { sanitizeModel } from './sanitize';
import type { ProjectEvmInputs } from './project-evm';
import { addHeatMaps, emptyHeatMap, projectRisks, rankRisks } from './risk';

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
  const isoOrd = (o: number): string | null => (Number.isNaN(o) ? null : iso(cal.fromOrdinal(o)));

  // ---- the network ----
  const tasks: Task[] = [];
  // Two-level lookup (project, then task ID) avoids building a string key per link on large programs.
  const byProject = new Map<string, Map<string, number>>();
  /** Global node index of each project's task rows (-1 for a duplicate row). */
  const rowIndex: Int32Array[] = [];
  for (const p of model.projects) {
    const rows = new Int32Array(p.tasks.length).fill(-1);
    p.tasks.forEach((t, k) => {
      let ids = byProject.get(t.projectId);
      if (!ids) {
        ids = new Map();
        byProject.set(t.projectId, ids);
      }
      if (ids.has(t.id)) {
        issues.push(issue('warning', 'TASK_KEY_DUPLICATE', t.source.sheet, t.source.cell,
          `Task ID ${t.id} appears more than once in project ${t.projectId}; links to it use the first row.`));
        return;
      }
      ids.set(t.id, tasks.length);
      rows[k] = tasks.length;
      tasks.push(t);
    });
    rowIndex.push(rows);
  }
  const find = (projectId: string, taskId: string): number | undefined => byProject.get(projectId)?.get(taskId);
  const index = { get: (key: string): number | undefined => {
    const c = key.indexOf(':');
    return c < 0 ? undefined : find(key.slice(0, c), key.slice(c + 1));
  } };
  const nodes: NetNode[] = tasks.map((t) => {
    const fixed = isFinished(t);
    const start = t.actualStart ?? t.start ?? t.baselineStart;
    const finish = fixed ? (t.actualFinish ?? t.finish ?? t.baselineFinish) : (t.finish ?? t.baselineFinish);
    return { key: t.key, start, finish, fixed, started: t.actualStart !== null };
  });
  const edges: NetEdge[] = [];
  const origins: EdgeOrigin[] = [];
  tasks.forEach((t, ti) => {
    for (const link of t.predecessors) {
      const from = find(link.project, link.task);
      if (from === undefined) {
        issues.push(issue('warning', 'LINK_TARGET_MISSING', link.source.sheet, link.source.cell,
          `Predecessor "${link.text}" of task ${t.key} names a task that does not exist (${link.project}:${link.task}); the link is ignored.`));
        continue;
      }
      edges.push({ from, to: ti, type: link.type, lag: link.lag, lagUnit: link.lagUnit });
      origins.push(link);
    }
  });
  for (const reg of model.dependencies) {
    const from = find(reg.fromProject, reg.fromTask);
    const to = find(reg.toProject, reg.toTask);
    if (from === undefined || to === undefined) {
      const missing = from === undefined ? `${reg.fromProject}:${reg.fromTask}` : `${reg.toProject}:${reg.toTask}`;
      issues.push(issue('warning', 'LINK_TARGET_MISSING', reg.source.sheet, reg.source.cell,
        `The Dependencies row names task ${missing}, which does not exist; the hand-off is ignored.`));
      continue;
    }
    edges.push({ from, to, type: reg.type, lag: reg.lag, lagUnit: reg.lagUnit });
    origins.push(reg);
  }
  const net = scheduleNetwork(nodes, edges, cal);

  const cycles = net.cycles.map((c) => c.map((i) => tasks[i].key));
  for (const c of cycles) {
    const first = tasks[index.get(c[0]) as number];
    issues.push(issue('warning', 'DEPENDENCY_CYCLE', first.source.sheet, first.source.cell,
      `Links form a loop: ${c.join(' → ')}. The loop's links are ignored when forecasting; break one of them.`));
  }

  // ---- dependencies (cross-project hand-offs) ----
  const dependencies: DependencyResult[] = [];
  const lateInto = new Map<string, number>();
  edges.forEach((e, ei) => {
    const o = origins[ei];
    const fromT = tasks[e.from];
    const toT = tasks[e.to];
    const reg = isRegister(o) ? o : null;
    if (!reg && fromT.projectId === toT.projectId) return;
    const h = handoff(cal, net, edges, e, settings.atRiskSlackDays);
    if (h.status === 'late') lateInto.set(toT.projectId, (lateInto.get(toT.projectId) ?? 0) + 1);
    dependencies.push({
      from: fromT.key,
      to: toT.key,
      type: e.type,
      lagDays: e.lag,
      lagUnit: e.lagUnit,
      fromName: fromT.name,
      toName: toT.name,
      predecessorFinish: h.predecessorEnd === null ? null : isoOrd(h.predecessorEnd),
      // The same own start the slack is measured against (actual start, else forecast, else baseline).
      successorStart: isoOrd(net.ownStart[e.to]),
      slackDays: h.slackDays,
      status: h.status,
      chain: h.chain.map((i) => tasks[i].key),
      origin: reg ? 'register' : 'predecessors',
      needBy: reg ? iso(reg.needBy) : null,
      sheet: o.source.sheet,
      cell: o.source.cell,
    });
  });

  // ---- forecasts overlay ----
  const forecasts: TaskForecast[] = tasks.map((t, i) => ({
    key: t.key,
    forecastStart: isoOrd(net.es[i]),
    forecastFinish: isoOrd(net.ef[i]),
    totalSlackDays: Number.isNaN(net.slack[i]) ? null : net.slack[i],
    critical: !Number.isNaN(net.slack[i]) && net.slack[i] <= 0,
    pushed: net.pushed[i] === 1,
  }));

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
  inheritRisks(allRisks, tasks, index, edges);

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
  };
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
function inheritRisks(risks: TopRisk[], tasks: Task[], index: { get: (key: string) => number | undefined }, edges: NetEdge[]): void {
  if (!risks.some((r) => r.taskKey !== null)) return;
  // Successor lists in compressed form (one pass, two typed arrays) rather than a Map of arrays.
  const n = tasks.length;
  const start = new Int32Array(n + 1);
  for (const e of edges) start[e.from + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const succ = new Int32Array(edges.length);
  for (const e of edges) succ[fill[e.from]++] = e.to;
  for (const r of risks) {
    if (r.taskKey === null) continue;
    const first = index.get(r.taskKey);
    if (first === undefined) continue;
    const seen = new Set<number>([first]);
    const queue = [first];
    const inherited = new Set<string>();
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi];
      for (let p = start[u]; p < start[u + 1]; p++) {
        const w = succ[p];
        if (seen.has(w)) continue;
        seen.add(w);
        const pid = tasks[w].projectId;
        if (pid !== r.projectId) inherited.add(pid);
        else queue.push(w);
      }
    }
    r.inheritedBy = [...inherited].sort();
  }
}
