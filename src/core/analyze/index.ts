/**
 * Analyses the model: EVM, Earned Schedule, finish variance, the cross-project network, risk, health.
 * Pure: data in, data out; data problems become issues, never exceptions.
 */
import { WorkCalendar, dateToSerial, isoToSerial, serialToIso } from '../calendar';
import type { RollupIssue } from '../issues';
import { issue } from '../issues';
import type { ProgramModel, Task } from '../model';
import { evmBasisLabel } from '../result';
import type { DependencyResult, ProgramResult, ProjectResult, RollupResult, SourceSheet, TopRisk } from '../result';
import type { RollupSettings } from '../settings';
import { pushAll } from '../arrays';
import { analyzeBenefits } from './benefits';
import { handoffFlat } from './handoffs';
import type { NetworkResult } from './network';
import { scheduleFlat } from './network';
import { metricsFrom, programEvmGroup, programEvmInputs } from './program-evm';
import { buildNetwork, indexTasks, isRegister } from './program-index';
import type { ProgramIndex } from './program-index';
import { projectEvmInputs } from './project-evm';
import type { ProjectEvmInputs } from './project-evm';
import { analyzeResources } from './resources';
import { addHeatMaps, emptyHeatMap, projectRisks, rankRisks } from './risk';
import { sanitizeModel } from './sanitize';
import { ScheduleView } from './schedule-view';
import { forecastRows, isoDayCache, isoDaySpan, lazyTasks, phaseResults, projectForecast, taskReadings } from './task-readings';

export { scheduleNetwork } from './network';
export { NO_COST_REASON } from './program-evm';

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
  const resources = analyzeResources(view, model.capacities ?? [], status, iso);

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
      phases: phaseResults(p, pi, index, tasks, net.ef, cal, iso),
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

