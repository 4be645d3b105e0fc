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
  /** Outline (WBS) code when the sheet has one ("1.2.1"); the ID column may hold it too. */
  outline?: string;
  /** ID of the summary row (phase) this task sits under, when the sheet has an outline. */
  parent?: string;
}

/**
 * A summary row (phase) of an outlined task table: named in the output, never counted or summed, because
 * its dates and money repeat those of the tasks below it.
 */
export interface Phase {
  id: string;
  name: string;
  /** 1 = top level. */
  level: number;
  row: number;
  source: CellRef;
  start: number | null;
  finish: number | null;
  baselineStart: number | null;
  baselineFinish: number | null;
  percentComplete: number | null;
  /** IDs of the tasks (leaves) under it. */
  taskIds: string[];
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

/** Issues, actions and decisions: the rest of a RAID log (risks have their own register). */
export type RaidKind = 'issue' | 'action' | 'decision';

/** One row of an issues, actions or decisions log. Text is as written (PM text stays text). */
export interface RaidItem {
  kind: RaidKind;
  id: string;
  title: string;
  owner: string | null;
  /** Date raised (serial), when given. */
  raised: number | null;
  /** Due date (serial), when given. */
  due: number | null;
  status: string | null;
  /** Anything but closed / done / resolved / decided / cancelled. */
  isOpen: boolean;
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

export type StatusField = 'rag' | 'summary' | 'accomplishments' | 'nextSteps' | 'decisions' | 'escalations' | 'updated';

/** The PM's own status block on a project sheet (src/core/read/status-block.ts). Text is as written. */
export interface PmStatus {
  /** The PM's RAG; null when not given or not a colour (ragText then says what was written). */
  rag: import('./settings').HealthColor | null;
  ragText: string | null;
  summary: string | null;
  accomplishments: string | null;
  nextSteps: string | null;
  /** One item per line of the cell. */
  decisions: string[];
  escalations: string[];
  /** Status Updated date (serial). */
  updated: number | null;
  /** Where each value was read. */
  cells: Partial<Record<StatusField, CellRef>>;
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
  /** Summary rows (phases) of an outlined task table; empty when the table is flat. */
  phases?: Phase[];
  /** Workbook file name when several roll up together. */
  workbook?: string;
  /** The PM's status block, when the sheet has one. */
  status?: PmStatus;
  /** Issues, actions and decisions from a log on the sheet or a log sheet naming the project. */
  raid?: RaidItem[];
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

/** Which column of a sheet holds which task field, as read (see SheetReading). */
export interface ColumnReading {
  /** A TaskField name: id, name, start, finish, baselineStart, ... */
  field: string;
  /** Column letters, e.g. "C". */
  column: string;
  /** The heading as written (both rows of a two-row heading, joined by " / "). */
  heading: string;
}

/**
 * How one sheet was read: the answer to "how did you read my sheet?" before a user trusts its numbers.
 * `program-rollup --explain`, the pane's mapping review and the corpus report print these.
 */
export interface SheetReading {
  sheet: string;
  workbook?: string;
  /**
   * project: one project; projects: a tracker holding several; risk-log: a risk register attached to a
   * project; program: the Dependencies register, Holidays or the add-in's history; skipped: none of these.
   */
  kind: 'project' | 'projects' | 'risk-log' | 'program' | 'skipped';
  /** IDs of the projects read from this sheet (the project a risk log attaches to, for a risk-log). */
  projects: string[];
  /** 1-based worksheet row of the task (or register) header; the lower row of a two-row heading. */
  headerRow: number | null;
  /** 1-based top row of a two-row heading (a group row such as "Planned | Actual" above it). */
  headerTopRow?: number;
  columns: ColumnReading[];
  /** Columns set aside: a second column for a field already taken, an empty one, timeline cells. */
  ignoredColumns: { column: string; heading: string; reason: string }[];
  /** 'settings' when a saved mapping (or --mapping) chose the columns; else 'inferred'. */
  mappingSource: 'inferred' | 'settings';
  /** How task IDs were found: an ID column, WBS/outline codes, or the order of the rows. */
  idScheme: 'column' | 'wbs' | 'row-order' | 'sheet-row' | 'none';
  /** The date convention read per date column, e.g. "ISO", "serial", "d/m/yy", "yy/m/d", "weekday d.m.yy". */
  dateConventions: { column: string; heading: string; convention: string; note?: string }[];
  /** Task rows read (leaves), summary rows (phases) found. */
  taskCount: number;
  summaryCount: number;
  milestoneCount: number;
  linkCount: number;
  /** Rows inside the table that were not read as tasks, grouped by reason ("12-15": "blank template rows"). */
  skippedRows: { rows: string; reason: string }[];
  /** Plain sentences on inferences made (ID scheme, date order, money absent, ...). */
  notes: string[];
  /** For a skipped sheet: why, and what came closest ("found date columns ... but no task-name column"). */
  reason?: string;
}

/** A reference from a benefit to a milestone (or any task) that must land before the benefit can be realised. */
export interface EnablerRef {
  /** Project ID and task ID as written ("PLAT" and "12" for "PLAT:12"). */
  project: string;
  task: string;
  text: string;
}

/** One row of the program's Benefits register (see read/benefits.ts). */
export interface Benefit {
  id: string;
  name: string;
  owner: string | null;
  /** The KPI the benefit is measured by, and its unit. */
  measure: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
  realisationStart: number | null;
  realisationTarget: number | null;
  /** Money the benefit is worth, when given. */
  value: number | null;
  enablers: EnablerRef[];
  /** The benefit's ID cell. */
  source: CellRef;
  /** The enabling-milestones cell, so an unknown reference is reported where it was written. */
  enablerSource: CellRef | null;
}

/** One row of the optional Capacity table: how much of a person the program may plan on. */
export interface Capacity {
  person: string;
  /** Share of a full working week (1 = full time); hours per week are divided by 40 on reading. */
  capacity: number;
  /** Dates the person does not work (leave), as serials. */
  nonWorking: number[];
  source: CellRef;
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
  /** Rows of the add-in's Rollup Snapshot sheet as found (earlier roll-ups), for the comparison. */
  snapshot?: import('./snapshot').SnapshotRow[];
  issues: import('./issues').RollupIssue[];
  /** How each sheet was read, in workbook order. */
  readings?: SheetReading[];
  /** Rows of the Benefits register(s); absent or [] when the workbook keeps none. */
  benefits?: Benefit[];
  /** Rows of the Capacity table; people not listed are taken as full time. */
  capacities?: Capacity[];
}
