/**
 * The program model: what the reader makes of the grids. Dates are whole-day Excel serials in the 1900
 * date system (1904 workbooks are converted on reading); money is a plain number; ratios are 0..1.
 */

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';
/** Lag units after parsing: "d" and "w" become working days, "ed" stays elapsed (calendar) days. */
export type LagUnit = 'working' | 'elapsed';

/** Where a value came from, so issues and the task pane can point at it. */
export interface CellRef {
  sheet: string;
  /** A1 address. */
  cell: string;
}

export interface LinkRef {
  /** Project ID of the predecessor; the task's own project when the text named none. */
  project: string;
  /** Task ID of the predecessor within that project. */
  task: string;
  type: LinkType;
  /** Lag in `lagUnit` (negative = lead). Weeks are already converted to 5 working days each. */
  lag: number;
  lagUnit: LagUnit;
  /** The original text of this one predecessor, e.g. "PLAT:12FS+2d". */
  text: string;
  source: CellRef;
}

export interface Task {
  /** Program-wide key "PROJECTID:TASKID", e.g. "PLAT:12". */
  key: string;
  projectId: string;
  id: string;
  name: string;
  /** 1-based worksheet row of the task. */
  row: number;
  source: CellRef;
  isMilestone: boolean;
  baselineStart: number | null;
  baselineFinish: number | null;
  /** Forecast (current) start and finish as the PM keeps them. */
  start: number | null;
  finish: number | null;
  actualStart: number | null;
  actualFinish: number | null;
  /** 0..1; null when blank. */
  percentComplete: number | null;
  budget: number | null;
  actualCost: number | null;
  predecessors: LinkRef[];
  owner: string | null;
  status: string | null;
  notes: string | null;
}

export interface Risk {
  id: string;
  title: string;
  /** Normalised 0..1, or null when unreadable. */
  probability: number | null;
  /** Impact level 1..5, or null when not given. */
  impactLevel: number | null;
  costImpact: number | null;
  scheduleImpactDays: number | null;
  owner: string | null;
  status: string | null;
  /** Open, or another state that still threatens the plan (anything but closed / mitigated / realized). */
  isOpen: boolean;
  /** Task ID (within the project) the risk threatens, if named. */
  taskId: string | null;
  mitigation: string | null;
  row: number;
  source: CellRef;
}

/** One row of an optional EVM period table: cumulative values at a period end. */
export interface EvmPeriod {
  date: number;
  pv: number;
  ev: number | null;
  ac: number | null;
}

export interface Project {
  id: string;
  name: string;
  sheet: string;
  hidden: boolean;
  manager: string | null;
  statusDate: number | null;
  /** Project-level budget from the metadata block (BAC), if given. */
  budget: number | null;
  tasks: Task[];
  risks: Risk[];
  /** Present when the sheet holds an EVM period table; then it is the project's EVM source. */
  evmPeriods: EvmPeriod[] | null;
  /** Workbook file name when several roll up together. */
  workbook?: string;
}

/** A hand-off tracked by the program manager on the Dependencies sheet. */
export interface RegisterDependency {
  fromProject: string;
  fromTask: string;
  toProject: string;
  toTask: string;
  type: LinkType;
  lag: number;
  lagUnit: LagUnit;
  needBy: number | null;
  owner: string | null;
  notes: string | null;
  source: CellRef;
}

export interface SkippedSheet {
  sheet: string;
  /** Plain-English reason, e.g. "no task table (needs a Task Name column and a date column)". */
  reason: string;
  hidden: boolean;
  /** Set when the sheet is one of the add-in's own outputs. */
  ownedRole?: string;
}

/** Rows of the Rollup History sheet as found in the workbook (read back so they are kept, never rewritten). */
export interface HistoryRow {
  rollupAt: string;
  statusDate: string;
  projectId: string;
  projectName: string;
  spi: number | null;
  cpi: number | null;
  svtDays: number | null;
  finishVarianceDays: number | null;
  riskExposure: number | null;
  health: string;
}

export interface ProgramModel {
  projects: Project[];
  skipped: SkippedSheet[];
  dependencies: RegisterDependency[];
  /** Holiday serials from the Holidays sheet. */
  holidays: number[];
  /** Status date found on the sheets (latest of the project status dates), if any. */
  statusDate: number | null;
  history: HistoryRow[];
  issues: import('./issues').RollupIssue[];
}
