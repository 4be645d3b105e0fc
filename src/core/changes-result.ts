/**
 * What changed since the last roll-up: the `changes` field of the roll-up result (docs/result-schema.md).
 * Part of the public contract: add fields, never rename. Moves and deltas are "now − then": a positive finish
 * move is later, a positive slack change is more slack, a positive exposure change is more exposure.
 */
import type { HealthColor } from './settings';

export type HealthDirection = 'worse' | 'better' | 'same' | 'new' | 'gone';

export interface ProjectChange {
  /** Project ID, or "(program)" for the program row. */
  id: string;
  name: string;
  /** Health then and now; null when the project was not in that roll-up. */
  healthThen: HealthColor | null;
  healthNow: HealthColor | null;
  reasonThen: string | null;
  reasonNow: string | null;
  /** By health colour (green < amber < red; gray, unknown, compares as same). */
  direction: HealthDirection;
  finishThen: string | null;
  finishNow: string | null;
  /** Working days from the earlier forecast finish to this one; positive = later. */
  finishMoveDays: number | null;
  spiThen: number | null;
  spiNow: number | null;
  spiDelta: number | null;
  cpiThen: number | null;
  cpiNow: number | null;
  cpiDelta: number | null;
  svtThen: number | null;
  svtNow: number | null;
  svtDelta: number | null;
  /** The PM's own RAG (status block) then and now; null when the sheet had none. */
  pmRagThen: HealthColor | null;
  pmRagNow: HealthColor | null;
}

export type HandoffChangeKind = 'newly-late' | 'lost-slack' | 'recovered' | 'gained-slack' | 'new' | 'gone';

export interface HandoffChange {
  from: string;
  to: string;
  name: string;
  statusThen: string | null;
  statusNow: string | null;
  slackThen: number | null;
  slackNow: number | null;
  /** slackNow − slackThen in working days. */
  slackDelta: number | null;
  change: HandoffChangeKind;
}

export interface MilestoneChange {
  key: string;
  project: string;
  name: string;
  forecastThen: string | null;
  forecastNow: string | null;
  /** Working days; positive = later. Null for a milestone new or gone, or without a forecast. */
  moveDays: number | null;
  change: 'moved' | 'new' | 'gone';
}

export type RiskChangeKind = 'opened' | 'closed' | 'exposure up' | 'exposure down';

export interface RiskChange {
  project: string;
  id: string;
  title: string;
  exposureThen: number | null;
  exposureNow: number | null;
  exposureDelta: number;
  change: RiskChangeKind;
}

export interface DataIssueChange {
  change: 'new' | 'fixed';
  severity: string;
  code: string;
  sheet: string;
  cell: string | null;
  message: string;
}

export interface ChangesResult {
  /** Status date of the roll-up compared with. */
  since: string;
  /** When that roll-up ran (as recorded). */
  sinceRollupAt: string;
  /** One line for the summary: "Since 2026-11-06: 2 projects worse, 1 better; program finish +6 working days; 1 hand-off newly late". */
  headline: string;
  projectsWorse: number;
  projectsBetter: number;
  /** Program forecast finish move in working days; null when either forecast is unknown. */
  programFinishMoveDays: number | null;
  handoffsNewlyLate: number;
  handoffsLostSlack: number;
  milestonesMoved: number;
  risksOpened: number;
  risksClosed: number;
  issuesNew: number;
  issuesFixed: number;
  /** Projects whose PM changed their own RAG. */
  pmRagChanged: number;
  /** The program row first, then every project in either roll-up. */
  projects: ProjectChange[];
  /** Hand-offs whose status or slack changed, new or gone; newly late first. */
  handoffs: HandoffChange[];
  /** Milestones that moved (largest move first), then new and gone ones. */
  milestones: MilestoneChange[];
  /** Opened, closed, then exposure moves (largest first). */
  risks: RiskChange[];
  dataIssues: DataIssueChange[];
}

/** One milestone's forecast at each roll-up (the milestone trend analysis). */
export interface MilestoneTrendRow {
  key: string;
  project: string;
  name: string;
  /** Forecast finish at each of `MilestoneTrendResult.dates` (null when the milestone had none then). */
  forecasts: (string | null)[];
  /** Working days the forecast moved since the previous roll-up (null for the first, or when either is missing). */
  driftDays: (number | null)[];
  /** From the first known forecast to the last, in working days; positive = slipped. */
  slipDays: number | null;
}

export interface MilestoneTrendResult {
  /** Status dates of the roll-ups in the trend, oldest first (at most 13: this one and 12 before). */
  dates: string[];
  /** Milestones by slip, largest first; at most 250 (the Milestone Trend sheet lists them). */
  milestones: MilestoneTrendRow[];
  /** How many of them (the first) the chart draws: settings.milestoneTrendCount. */
  charted: number;
  /** Program finish variance (working days) and late hand-offs at each date; null where not recorded. */
  programFinishVarianceDays: (number | null)[];
  lateHandoffs: (number | null)[];
}
