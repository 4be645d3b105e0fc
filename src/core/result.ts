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

export interface Metrics {
  bac: number | null;
  pv: number | null;
  ev: number | null;
  ac: number | null;
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
}
