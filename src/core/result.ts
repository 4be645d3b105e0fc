/**
 * The roll-up result: what `--json` writes and what the plan is built from. Names here are a public
 * contract (docs/result-schema.md): add freely, never rename. Dates are ISO "YYYY-MM-DD"; money and ratios
 * are plain numbers; a value that cannot be computed is null and its reason is in `reasons`.
 */
import type { RollupIssue } from './issues';
import type { HealthColor } from './settings';
import type { LinkType, LagUnit } from './model';

/**
 * What earned value is weighted by. cost: task budgets (or the header budget spread over them), money;
 * period-table: the sheet's cumulative PV/EV/AC table, money; duration: no money anywhere, so each task
 * weighs its baseline working days (PV, EV, SV in working days; no CPI, EAC); duration-forecast-plan: the
 * same with the forecast dates as the plan, because the sheet has no baseline at all.
 */
export type EvmBasis = 'cost' | 'duration' | 'duration-forecast-plan' | 'period-table';

/** How the summary, the pane and messages name a basis ("duration-weighted"). */
export function evmBasisLabel(b: EvmBasis | null): string {
  switch (b) {
    case 'cost': return 'cost-weighted';
    case 'period-table': return 'period-table';
    case 'duration': return 'duration-weighted';
    case 'duration-forecast-plan': return 'duration-weighted (forecast as plan)';
    default: return 'no earned value';
  }
}

/** The EVM figures computed from BAC, PV, EV and AC (analyze/evm.ts). */
export interface EvmIndices {
  sv: number | null;
  spi: number | null;
  cv: number | null;
  cpi: number | null;
  /** BAC / CPI. */
  eac: number | null;
  /** AC + (BAC − EV). */
  eacAtBudgetRate: number | null;
  /** AC + (BAC − EV) / (CPI × SPI). */
  eacCpiSpi: number | null;
  etc: number | null;
  vac: number | null;
  /** (BAC − EV) / (BAC − AC). */
  tcpi: number | null;
  percentComplete: number | null;
}

export interface Metrics extends EvmIndices {
  bac: number | null;
  pv: number | null;
  ev: number | null;
  ac: number | null;
  /** Earned Schedule as a date. */
  esDate: string | null;
  /** SV(t) = ES − AT in working days. */
  svtDays: number | null;
  /** SPI(t) = ES / AT. */
  spit: number | null;
  /** IEAC(t) as a forecast finish date. */
  ieacDate: string | null;
  baselineStart: string | null;
  baselineFinish: string | null;
  forecastFinish: string | null;
  /** Forecast − baseline finish in working days; positive = late. */
  finishVarianceDays: number | null;
  /** Σ probability × cost impact over open risks. */
  riskExposure: number;
  /** Σ probability × schedule-impact days over open risks. */
  scheduleExposureDays: number;
  health: HealthColor;
  healthReason: string;
  /** What PV and EV are weighted by (money: bac; working days: bacWorkDays); null when there is nothing to weigh. */
  evmBasis: EvmBasis | null;
  /** Duration-weighted BAC: Σ planned working days of the tasks; set only on a duration basis (bac is money). */
  bacWorkDays: number | null;
  /** Why each null metric is null, keyed by metric name. */
  reasons: Record<string, string>;
}

export interface MilestoneResult {
  key: string;
  name: string;
  baselineFinish: string | null;
  forecastFinish: string | null;
  finishVarianceDays: number | null;
  /** Name of the phase (summary row) the milestone sits under; null on a flat sheet. */
  phase: string | null;
}

/** A phase (summary row) of a project: named, never counted or summed into the project's figures. */
export interface PhaseResult {
  id: string;
  name: string;
  /** 1 = top level. */
  level: number;
  /** Tasks (leaves) under it. */
  taskCount: number;
  baselineFinish: string | null;
  /** Latest network forecast finish of its tasks; the sheet's own phase dates when none has one. */
  forecastFinish: string | null;
  /** forecastFinish − baselineFinish in working days; positive = late. */
  finishVarianceDays: number | null;
  sheet: string;
  cell: string;
}

export interface ProjectResult extends Metrics {
  id: string;
  name: string;
  sheet: string;
  manager: string | null;
  hidden: boolean;
  taskCount: number;
  milestoneCount: number;
  openRisks: number;
  lateHandoffs: number;
  statusDate: string | null;
  milestones: MilestoneResult[];
  /** Where the project's EVM figures came from. */
  evmSource: 'tasks' | 'period-table';
  /** Phases (summary rows) in sheet order; empty for a flat task table. */
  phases: PhaseResult[];
}

export type HandoffStatus = 'ok' | 'at-risk' | 'late' | 'unknown';

export interface DependencyResult {
  from: string;
  to: string;
  type: LinkType;
  lagDays: number;
  lagUnit: LagUnit;
  fromName: string;
  toName: string;
  /** Forecast date of the predecessor's driving end (finish for FS/FF, start for SS/SF). */
  predecessorFinish: string | null;
  /** The successor's own planned (forecast) start as the PM keeps it. */
  successorStart: string | null;
  /** Working days between what the link requires and what the successor plans; negative = late. */
  slackDays: number | null;
  status: HandoffStatus;
  /** Keys of the chain of links that drives the predecessor, earliest first, ending at `from`. */
  chain: string[];
  /** "predecessors" (a PM's cell) or "register" (the program's Dependencies sheet). */
  origin: 'predecessors' | 'register';
  needBy: string | null;
  sheet: string;
  cell: string;
}

export interface TopRisk {
  projectId: string;
  id: string;
  title: string;
  probability: number;
  impactLevel: number | null;
  score: number | null;
  exposure: number;
  scheduleExposureDays: number;
  owner: string | null;
  status: string | null;
  taskKey: string | null;
  /** Projects that inherit this risk through cross-project links from its task. */
  inheritedBy: string[];
  sheet: string;
  cell: string;
}

export interface SourceSheet {
  sheet: string;
  kind: 'project' | 'skipped' | 'program';
  hidden: boolean;
  projectId: string | null;
  taskCount: number;
  riskCount: number;
  reason: string | null;
  excluded: boolean;
}

export interface ProgramResult extends Metrics {
  name: string;
  lateHandoffs: number;
  atRiskHandoffs: number;
  openRisks: number;
  projectCount: number;
  /** Projects whose PV/EV/AC/BAC the program's earned value sums (one evmBasis, never money with days). */
  evmProjects: string[];
  /** Projects with earned value on another basis, left out of the program's sums. */
  evmExcluded: string[];
  /** One sentence saying which projects the program's EVM covers, when some are left out; else null. */
  evmNote: string | null;
}

export interface TaskForecast {
  key: string;
  forecastStart: string | null;
  forecastFinish: string | null;
  totalSlackDays: number | null;
  critical: boolean;
  /** True when a predecessor pushed the task later than the PM's own forecast. */
  pushed: boolean;
}

/**
 * One row of a project's task table as read: a task, or a phase (summary row) with `summary: true`.
 * Dates are the sheet's own (ISO); the network's forecast for a task is in `forecasts`.
 */
export interface TaskReading {
  key: string;
  projectId: string;
  id: string;
  name: string;
  /** 0..1 or null. */
  percentComplete: number | null;
  start: string | null;
  finish: string | null;
  baselineStart: string | null;
  baselineFinish: string | null;
  actualStart: string | null;
  actualFinish: string | null;
  /** True for a phase (summary row): never counted in taskCount, budgets or EVM. */
  summary: boolean;
  /** Outline level (1 = top): a phase's own; a task's from its outline code, else its phase's level + 1; else null. */
  level: number | null;
  /** Phases: the number of tasks (leaves) under it; tasks: null. */
  childCount: number | null;
  milestone: boolean;
  /** ID of the enclosing phase, or null. */
  parent: string | null;
  /** Outline (WBS) code as written, or null. */
  outline: string | null;
  sheet: string;
  cell: string;
}

export type BenefitStatus = 'on-track' | 'at-risk' | 'unknown';

/** One enabling milestone of a benefit, with its propagated forecast. */
export interface BenefitEnablerResult {
  /** "PROJ:ID" as the program spells it; the text as written when it matched no task. */
  key: string;
  name: string | null;
  /** False when the reference names no task of the program (an issue says so at its cell). */
  found: boolean;
  /** The PM's own finish, and the forecast after propagation through the cross-project network. */
  ownFinish: string | null;
  forecastFinish: string | null;
  /** Working days the forecast lands after the benefit's realisation start; 0 = in time; null = unknown. */
  slipDays: number | null;
  /** True when the milestone is late only because a predecessor pushed it (its PM's own date is in time). */
  lateBySlip: boolean;
  /** Keys of the links that pushed it, earliest first, ending at this milestone (just itself when none). */
  chain: string[];
  sheet: string | null;
  cell: string | null;
}

export interface BenefitResult {
  id: string;
  name: string;
  owner: string | null;
  measure: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
  /** (current − baseline) / (target − baseline): 0 at baseline, 1 at target; null when not computable. */
  progress: number | null;
  realisationStart: string | null;
  realisationTarget: string | null;
  /** Planned dates moved by the slip (equal to the planned ones when on track). */
  forecastRealisationStart: string | null;
  forecastRealisationTarget: string | null;
  value: number | null;
  status: BenefitStatus;
  /** Working days the benefit's realisation slips (the latest enabler's); 0 when on track; null when unknown. */
  slipDays: number | null;
  /** The benefit's value when at risk, else 0. */
  valueAtRisk: number;
  /** Key of the enabler that sets the slip (the latest one), or null. */
  drivingEnabler: string | null;
  /** Plain sentence: which milestone and why (the way healthReason says it for projects). */
  reason: string;
  enablers: BenefitEnablerResult[];
  sheet: string;
  cell: string;
}

export interface BenefitsSummary {
  count: number;
  atRisk: number;
  unknown: number;
  /** Σ value of the at-risk benefits. */
  valueAtRisk: number;
  /** Median slip in working days over the at-risk benefits; null when none is at risk. */
  medianSlipDays: number | null;
  /** "3 of 9 benefits at risk; 1.2M of value delayed, median 20 working days." */
  line: string;
}

/** A person's weekly load across all projects. Loads and capacities are in person-days per week. */
export interface PersonLoad {
  name: string;
  /** Share of full time from the Capacity table (1 when not listed). */
  capacity: number;
  /** True when the Capacity table lists the person. */
  listed: boolean;
  projects: string[];
  taskCount: number;
  /** Per week of `ResourcesResult.weeks`: load from the propagated forecasts. */
  load: number[];
  /** Per week: load from the PMs' own dates (before propagation). */
  ownLoad: number[];
  /** Per week: working days × capacity, less the person's non-working dates. */
  available: number[];
  /** Weeks with load above what is available. */
  overallocatedWeeks: number;
  /** Highest load / available over the weeks (null when nothing is available). */
  peakUtilisation: number | null;
}

export interface ConflictTask {
  key: string;
  projectId: string;
  name: string;
  /** Share of the person's day on this task. */
  units: number;
  forecastStart: string | null;
  forecastFinish: string | null;
  ownStart: string | null;
  ownFinish: string | null;
  /** Moved later by a predecessor (its forecast is not its PM's own date). */
  pushed: boolean;
  /** Push chain, earliest first, ending at this task: its nearest 10 links at most (see slipSources for the start). */
  chain: string[];
  /** Person-days this task puts on the person in the conflict's weeks. */
  loadDays: number;
  sheet: string;
  cell: string;
}

/** A run of consecutive over-allocated weeks of one person. */
export interface ResourceConflict {
  person: string;
  /** Monday of the first and last over-allocated week. */
  fromWeek: string;
  toWeek: string;
  weeks: number;
  /** Highest load / available in the run (null when the person has no working day in it, e.g. on leave). */
  peakUtilisation: number | null;
  /** Person-days above what is available, summed over the run. */
  excessDays: number;
  /** The tasks come from two or more projects. */
  crossProject: boolean;
  /** On the PMs' own dates the person is not over-allocated in these weeks: a propagated slip made the conflict. */
  causedBySlip: boolean;
  /** Keys of the tasks whose push created it (origin of each chain first), when causedBySlip. */
  slipSources: string[];
  /** Plain sentence: who, when, how much, which tasks, and why. */
  reason: string;
  /** The overlapping tasks, largest load first (at most 20; `taskCount` says how many there are). */
  tasks: ConflictTask[];
  taskCount: number;
}

export interface ResourcesResult {
  /** Mondays of the weeks loaded, from the status date's week (at most 52). */
  weeks: string[];
  people: PersonLoad[];
  /** Cross-project conflicts first, then by excess; all over-allocations are listed. */
  conflicts: ResourceConflict[];
  /** Tasks with a resource cell, and how many people they name. */
  assignedTasks: number;
  /** "2 of 14 people over-allocated in 3 weeks; 1 conflict created by a slip in another project." */
  line: string;
}

export interface RollupResult {
  statusDate: string;
  generatedAt: string;
  program: ProgramResult;
  projects: ProjectResult[];
  dependencies: DependencyResult[];
  criticalPath: string[];
  cycles: string[][];
  topRisks: TopRisk[];
  /** 5 × 5 counts of open risks: heatMap[impact-1][probabilityLevel-1]. */
  heatMap: number[][];
  /** Per-project heat maps keyed by project id. */
  projectHeatMaps: Record<string, number[][]>;
  /** Forecast overlay per task (never written back to a PM sheet). */
  forecasts: TaskForecast[];
  /** Every task and phase row as read, project by project in sheet order. */
  tasks: TaskReading[];
  sources: SourceSheet[];
  history: import('./model').HistoryRow[];
  issues: RollupIssue[];
  /**
   * What changed since the last roll-up of an earlier status date (from the workbook's Rollup Snapshot, or
   * --previous); null when there is none to compare with. Absent only in results built outside `rollup()`.
   */
  changes?: import('./changes-result').ChangesResult | null;
  /** Each milestone's forecast at each roll-up kept in the snapshot (the Milestone Trend sheet). Set by `rollup()`. */
  milestoneTrend?: import('./changes-result').MilestoneTrendResult;
  /** The PMs' status blocks beside the computed health, one per project that has one. Set by `rollup()`. */
  pmStatus?: import('./status-result').PmStatusResult[];
  /** Issues, actions and decisions of all projects, with age and overdue at the status date (set by rollup()). */
  raid?: import('./raid-result').RaidResult[];
  /** The Benefits register with forecasts (always written by the analysis; [] without a register). */
  benefits?: BenefitResult[];
  benefitsSummary?: BenefitsSummary;
  /** Shared people: weekly load, over-allocation and conflicts (always written by the analysis). */
  resources?: ResourcesResult;
}
