/**
 * Analyses the model: EVM, Earned Schedule, finish variance, the cross-project network, risk, health.
 * Pure: data in, data out; data problems become issues, never exceptions.
 */
import { WorkCalendar, dateToSerial, isoToSerial, serialToIso } from '../calendar';
import type { RollupIssue } from '../issues';
import { issue } from '../issues';
import type { LinkRef, Phase, ProgramModel, Project, RegisterDependency, Task } from '../model';
import { evmBasisLabel } from '../result';
import type {
  DependencyResult, EvmBasis, Metrics, MilestoneResult, PhaseResult, ProgramResult, ProjectResult, RollupResult, SourceSheet, TaskForecast,
  TaskReading, TopRisk,
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
import { sanitizeModel, usableSerial } from './sanitize';
import type { ProjectEvmInputs } from './project-evm';
import { addHeatMaps, emptyHeatMap, projectRisks, rankRisks } from './risk';
import { pushAll } from '../arrays';
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
    pushAll(allRisks, risk.risks);
    addHeatMaps(heatMap, risk.heatMap);
    projectHeatMaps[p.id] = risk.heatMap;
    const phaseNames = phaseNameMap(p);
    const { forecastFinish, milestones } = projectForecast(p, rowIndex[pi], net.ef, cal, iso, phaseNames);
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
      phases: phaseResults(p, index, net.ef, cal, iso),
    };
  });

  // ---- inherited risk: a risk on a task that feeds another project also shows in that project ----
  inheritRisks(allRisks, tasks, index, net, g.eTo);

  // ---- program ----
  const group = programEvmGroup(evmInputs);
  const programInputs = programEvmInputs(evmInputs, group.members, group.basis, cal, status);
  const inGroup = new Set(group.members);
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
    evmProjects: group.members.map((i) => projects[i].id),
    evmExcluded: projects.filter((p, i) => p.evmBasis !== null && !inGroup.has(i)).map((p) => p.id),
    evmNote: null,
  };
  if (program.evmExcluded.length > 0) {
    const them = program.evmExcluded.length === 1 ? 'is' : 'are';
    program.evmNote = `Program earned value sums only the ${evmBasisLabel(group.basis)} projects (${program.evmProjects.join(', ')}); ` +
      `${program.evmExcluded.join(', ')} ${them} weighted otherwise and left out: money and working days never share a sum.`;
  }

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

  const result: RollupResult = {
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
    tasks: [],
    sources,
    history: model.history,
    issues,
    benefits: benefits.benefits,
    benefitsSummary: benefits.summary,
    resources,
  };
  // The closure keeps the projects, the calendar and two numbers, not the network's arrays.
  const days = isoDaySpan(cal, net);
  const modelProjects = model.projects;
  lazyTasks(result, () => taskReadings(modelProjects, isoDayCache(days, iso)));
  return result;
}

/**
 * `tasks` is built on first read: 200k plain objects cost about a third of the analysis itself, and the pane
 * and the workbook plan never read them (`--json` does, through JSON.stringify, which reads getters; so do
 * spreads, structuredClone and jest's equality). After the first read it is an ordinary data property.
 * Until then the result keeps the model's projects alive: the price of not building 200k unread rows.
 */
function lazyTasks(result: RollupResult, build: () => TaskReading[]): void {
  const settle = (value: TaskReading[]): void => {
    Object.defineProperty(result, 'tasks', { value, enumerable: true, writable: true, configurable: true });
  };
  Object.defineProperty(result, 'tasks', {
    enumerable: true,
    configurable: true,
    get(): TaskReading[] {
      const value = build();
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** Serials around the program's span (a year either side) worth an ISO cache slot; empty when unbounded. */
function isoDaySpan(cal: WorkCalendar, net: NetworkResult): { lo: number; length: number } {
  const { programStart, programFinish } = net;
  if (programStart === null || programFinish === null || programFinish - programStart >= 100_000) return { lo: 0, length: 0 };
  const lo = cal.fromOrdinal(programStart) - 366;
  return { lo, length: cal.fromOrdinal(programFinish) + 366 - lo + 1 };
}

/** ISO text per serial in that span, computed once per day (as the forecasts' ordinal cache); others via iso. */
function isoDayCache(span: { lo: number; length: number }, iso: (s: number | null) => string | null): (s: number | null) => string | null {
  const { lo } = span;
  const days = new Array<string | undefined>(span.length).fill(undefined);
  return (s) => {
    if (s === null) return null;
    const k = s - lo;
    if (k >>> 0 !== k || k >= days.length) return iso(s);
    let v = days[k];
    if (v === undefined) {
      v = serialToIso(s);
      days[k] = v;
    }
    return v;
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
  phaseNames: Map<string, string> | null,
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
      phase: phaseNames !== null && t.parent !== undefined ? (phaseNames.get(t.parent) ?? null) : null,
    });
  });
  // forecastFinish is an ordinal here; NaN comparisons are false, so tasks without dates never count.
  return { forecastFinish: forecastFinish === -Infinity ? null : cal.fromOrdinal(forecastFinish), milestones };
}

/** Phase ID -> name, or null for a flat sheet (no map built for the common case). */
function phaseNameMap(p: Project): Map<string, string> | null {
  if (!p.phases || p.phases.length === 0) return null;
  const m = new Map<string, string>();
  for (const ph of p.phases) m.set(ph.id, ph.name);
  return m;
}

/** A phase's dates are the sheet's and are not sanitized with the tasks': use only real day serials. */
const phaseDate = (s: number | null): number | null => (s !== null && usableSerial(s) ? Math.floor(s) : null);

/** Each phase with the latest baseline and forecast finish of its tasks (the tasks' dates, not the row's). */
function phaseResults(
  p: Project, index: ProgramIndex, ef: Float64Array, cal: WorkCalendar, iso: (s: number | null) => string | null,
): PhaseResult[] {
  const phases = p.phases;
  if (!phases || phases.length === 0) return [];
  const tasks = p.tasks;
  const rowOf = new Map<string, number>();
  for (let k = 0; k < tasks.length; k++) if (!rowOf.has(tasks[k].id)) rowOf.set(tasks[k].id, k);
  return phases.map((ph): PhaseResult => {
    let ff = -Infinity;
    let bf: number | null = null;
    for (const id of ph.taskIds) {
      const node = index.find(p.id, id);
      const o = node === undefined ? NaN : ef[node];
      if (o > ff) ff = o;
      const k = rowOf.get(id);
      const b = k === undefined ? null : tasks[k].baselineFinish;
      if (b !== null && (bf === null || b > bf)) bf = b;
    }
    const forecast = ff === -Infinity ? phaseDate(ph.finish) : cal.fromOrdinal(ff);
    const baseline = bf ?? phaseDate(ph.baselineFinish);
    return {
      id: ph.id,
      name: ph.name,
      level: ph.level,
      taskCount: ph.taskIds.length,
      baselineFinish: iso(baseline),
      forecastFinish: iso(forecast),
      finishVarianceDays: baseline !== null && forecast !== null ? cal.workdayDiff(cal.prevWorkday(baseline), forecast) : null,
      sheet: ph.source.sheet,
      cell: ph.source.cell,
    };
  });
}

/** Outline depth of a WBS code ("1.2.1" -> 3), or null when there is none. */
function outlineDepth(code: string | undefined): number | null {
  if (code === undefined || code === '') return null;
  let depth = 1;
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 46) depth++;
  return depth;
}

/**
 * The task table as read, project by project: tasks and phases merged in row order. One plain loop per
 * project and one object per row (200k rows in the bench), dates through the shared per-day ISO cache.
 */
function taskReadings(projects: Project[], isoDay: (s: number | null) => string | null): TaskReading[] {
  let total = 0;
  for (const p of projects) total += p.tasks.length + (p.phases?.length ?? 0);
  const out = new Array<TaskReading>(total);
  let o = 0;
  for (const p of projects) {
    const tasks = p.tasks;
    const phases = p.phases && p.phases.length > 0 ? [...p.phases].sort((a, b) => a.row - b.row) : null;
    const levelOf = phases === null ? null : new Map<string, number>();
    let j = 0;
    // Enclosing phases of the current row, outermost first, for a phase's own parent.
    const stack: Phase[] = [];
    for (let k = 0; k < tasks.length; k++) {
      const t = tasks[k];
      while (phases !== null && levelOf !== null && j < phases.length && phases[j].row <= t.row) {
        const ph = phases[j++];
        while (stack.length > 0 && stack[stack.length - 1].level >= ph.level) stack.pop();
        out[o++] = phaseReading(p, ph, stack.length > 0 ? stack[stack.length - 1].id : null);
        stack.push(ph);
        levelOf.set(ph.id, ph.level);
      }
      const parent = t.parent ?? null;
      let level = outlineDepth(t.outline);
      if (level === null && parent !== null && levelOf !== null) {
        const pl = levelOf.get(parent);
        if (pl !== undefined) level = pl + 1;
      }
      out[o++] = {
        key: t.key,
        projectId: t.projectId,
        id: t.id,
        name: t.name,
        percentComplete: t.percentComplete,
        start: isoDay(t.start),
        finish: isoDay(t.finish),
        baselineStart: isoDay(t.baselineStart),
        baselineFinish: isoDay(t.baselineFinish),
        actualStart: isoDay(t.actualStart),
        actualFinish: isoDay(t.actualFinish),
        summary: false,
        level,
        childCount: null,
        milestone: t.isMilestone,
        parent,
        outline: t.outline ?? null,
        sheet: t.source.sheet,
        cell: t.source.cell,
      };
    }
    while (phases !== null && j < phases.length) {
      const ph = phases[j++];
      while (stack.length > 0 && stack[stack.length - 1].level >= ph.level) stack.pop();
      out[o++] = phaseReading(p, ph, stack.length > 0 ? stack[stack.length - 1].id : null);
      stack.push(ph);
    }
  }
  return out;

  function phaseReading(p: Project, ph: Phase, parent: string | null): TaskReading {
    return {
      key: `${p.id}:${ph.id}`,
      projectId: p.id,
      id: ph.id,
      name: ph.name,
      percentComplete: ph.percentComplete !== null && Number.isFinite(ph.percentComplete) ? ph.percentComplete : null,
      start: isoDay(phaseDate(ph.start)),
      finish: isoDay(phaseDate(ph.finish)),
      baselineStart: isoDay(phaseDate(ph.baselineStart)),
      baselineFinish: isoDay(phaseDate(ph.baselineFinish)),
      actualStart: null,
      actualFinish: null,
      summary: true,
      level: ph.level,
      childCount: ph.taskIds.length,
      milestone: false,
      parent,
      outline: null,
      sheet: ph.source.sheet,
      cell: ph.source.cell,
    };
  }
}

const MAX_FORECAST_WORKDAYS = 26_000;

/** The reason every cost figure is null on a duration basis. */
export const NO_COST_REASON = 'no cost data: earned value is duration-weighted';
/** Figures that need money on both sides (or a BAC in money), null on a duration basis. */
const COST_FIGURES = ['cv', 'cpi', 'eac', 'eacAtBudgetRate', 'eacCpiSpi', 'etc', 'vac', 'tcpi'] as const;

const isDurationBasis = (b: EvmBasis | null): boolean => b === 'duration' || b === 'duration-forecast-plan';

function metricsFrom(
  x: ProjectEvmInputs, forecastFinish: number | null, riskExposure: number, scheduleExposureDays: number, lateHandoffs: number,
  cal: WorkCalendar, iso: (s: number | null) => string | null, settings: RollupSettings,
): Metrics {
  const reasons: Record<string, string> = {};
  const byDuration = isDurationBasis(x.basis);
  const forecastPlan = x.basis === 'duration-forecast-plan';
  if (byDuration) {
    reasons.bac = NO_COST_REASON;
    reasons.ac = NO_COST_REASON;
  } else {
    if (x.bac === null) reasons.bac = 'no budget on any task or in the project header';
    if (x.ac === null) reasons.ac = 'no actual cost recorded';
    reasons.bacWorkDays = x.basis === null ? 'no task dates to weigh by duration' : 'earned value is weighted by cost, not duration';
  }
  if (x.pv === null) reasons.pv = x.planStart === null ? 'no baseline dates' : 'no budget to plan';
  if (x.ev === null) reasons.ev = 'no % complete or budget';
  const idx = evmIndices({ bac: x.bac, pv: x.pv, ev: x.ev, ac: byDuration ? null : x.ac }, reasons);
  if (byDuration) {
    for (const k of COST_FIGURES) {
      idx[k] = null;
      reasons[k] = NO_COST_REASON;
    }
  }
  const es = earnedSchedule(x.curve, x.bac === null ? null : x.ev, x.at, reasons);
  const ps = x.planStart;
  const dayAt = (w: number | null, key: string): string | null => {
    if (w === null || ps === null) return null;
    // An index near 0 puts IEAC(t) centuries out (or past Infinity); beyond ~100 years of working days it is no date at all.
    if (!Number.isFinite(w) || w > MAX_FORECAST_WORKDAYS) {
      reasons[key] = 'more than 100 years out: SPI(t) is almost 0';
      return null;
    }
    return iso(cal.workdayAdd(ps, Math.max(0, Math.ceil(w - 1e-9) - 1)));
  };
  if (ps === null) {
    for (const k of ['esDate', 'ieacDate']) reasons[k] = reasons[k] ?? 'no baseline dates';
  }
  const bs = x.baselineStart;
  const bf = x.baselineFinish;
  const noBaseline = forecastPlan ? 'no baseline dates: the forecast dates are the plan' : 'no baseline dates';
  if (bs === null) reasons.baselineStart = reasons.baselineStart ?? noBaseline;
  if (bf === null) reasons.baselineFinish = forecastPlan ? noBaseline : 'no baseline finish on any task';
  if (forecastFinish === null) reasons.forecastFinish = 'no task has forecast dates';
  const finishVarianceDays = bf !== null && forecastFinish !== null ? cal.workdayDiff(cal.prevWorkday(bf), forecastFinish) : null;
  if (finishVarianceDays === null) reasons.finishVarianceDays = 'needs baseline and forecast finish';
  const baselineDays = bs !== null && bf !== null ? cal.workdaysInclusive(bs, bf) : null;
  // Health names the weighting of the SPI it judges: a duration-weighted SPI is not a cost-weighted one.
  const spiName = forecastPlan ? 'SPI (duration-weighted, forecast as plan)' : byDuration ? 'SPI (duration-weighted)' : 'SPI';
  const h = healthOf({ spi: idx.spi, cpi: idx.cpi, finishVarianceDays, baselineDays, lateHandoffs, spiName }, settings.health);
  return {
    bac: byDuration ? null : x.bac,
    pv: x.pv,
    ev: x.ev,
    ac: byDuration ? null : x.ac,
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
    evmBasis: x.basis,
    bacWorkDays: byDuration ? x.bac : null,
    reasons,
  };
}

/**
 * Which projects the program's EVM sums: one unit only, never money and working days in one sum. Money
 * (task budgets or period tables) first, since only it gives CPI and EAC; else the baseline-duration
 * projects; else the forecast-as-plan ones (a baseline SPI and a "progress against today's forecast" SPI
 * are different measures, so they are not mixed either). The others are named, not silently dropped.
 */
function programEvmGroup(list: ProjectEvmInputs[]): { members: number[]; basis: EvmBasis | null } {
  const rank = (b: EvmBasis | null): number => (b === 'cost' || b === 'period-table' ? 3 : b === 'duration' ? 2 : b === 'duration-forecast-plan' ? 1 : 0);
  let best = 0;
  for (const x of list) best = Math.max(best, rank(x.basis));
  const members: number[] = [];
  if (best > 0) list.forEach((x, i) => {
    if (rank(x.basis) === best) members.push(i);
  });
  const basis: EvmBasis | null = best === 3 ? 'cost' : best === 2 ? 'duration' : best === 1 ? 'duration-forecast-plan' : null;
  return { members, basis };
}

/**
 * Program EVM over the chosen projects: sums of PV, EV, AC, BAC (never averaged indices); the program PV
 * curve is the sum of theirs. Baseline start and finish span every project that has a baseline, since the
 * program's finish variance compares the whole program's forecast with it.
 */
function programEvmInputs(all: ProjectEvmInputs[], members: number[], basis: EvmBasis | null, cal: WorkCalendar, status: number): ProjectEvmInputs {
  const list = members.map((i) => all[i]);
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
  for (const x of all) {
    if (x.baselineStart !== null && (bs === null || x.baselineStart < bs)) bs = x.baselineStart;
    if (x.baselineFinish !== null && (bf === null || x.baselineFinish > bf)) bf = x.baselineFinish;
  }
  let ps: number | null = null;
  for (const x of list) if (x.planStart !== null && (ps === null || x.planStart < ps)) ps = x.planStart;
  const finished = list.length > 0 && list.every((x) => x.finished);
  let actualFinish: number | null = null;
  if (finished) for (const x of list) if (x.actualFinish !== null && (actualFinish === null || x.actualFinish > actualFinish)) actualFinish = x.actualFinish;
  const curve: PvCurve = { x: [], pv: [] };
  let at: number | null = null;
  if (ps !== null) {
    const ord0 = cal.ordinal(ps);
    let len = 0;
    const offsets = list.map((x) => (x.planStart === null ? 0 : cal.ordinal(x.planStart) - ord0));
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
    at = cal.workdaysInclusive(ps, end);
  }
  return {
    bac: sum((x) => x.bac),
    pv: sum((x) => x.pv),
    ev: sum((x) => x.ev),
    ac: sum((x) => x.ac),
    baselineStart: bs,
    baselineFinish: bf,
    planStart: ps,
    curve,
    at,
    finished,
    actualFinish,
    source: 'tasks',
    basis,
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
