/**
 * Header matching: PMs name columns many ways. Names are compared after normalising case, spaces and
 * punctuation ("% Complete", "%complete" and "PCT. complete" are one name); "%" and "#" carry meaning so
 * they become words first.
 */
import type { CellValue } from '../grid';

export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/%/g, ' pct ')
    .replace(/#/g, ' no ')
    .replace(/\?/g, ' q ')
    .replace(/[^a-z0-9]+/g, '');
}

export type TaskField =
  | 'id' | 'name' | 'start' | 'finish' | 'baselineStart' | 'baselineFinish' | 'actualStart' | 'actualFinish'
  | 'percent' | 'budget' | 'actualCost' | 'predecessors' | 'milestone' | 'owner' | 'status' | 'notes';

export type RiskField = 'id' | 'title' | 'probability' | 'impact' | 'costImpact' | 'scheduleImpact' | 'owner' | 'status' | 'task' | 'mitigation';
export type EvmField = 'date' | 'pv' | 'ev' | 'ac';
export type DependencyField = 'fromProject' | 'fromTask' | 'toProject' | 'toTask' | 'type' | 'lag' | 'needBy' | 'owner' | 'notes';
export type HistoryField = 'rollupAt' | 'statusDate' | 'projectId' | 'projectName' | 'spi' | 'cpi' | 'svtDays' | 'finishVarianceDays' | 'riskExposure' | 'health';
export type MetaField = 'name' | 'id' | 'manager' | 'statusDate' | 'budget';

/** The header names of the sheet format (docs/sheet-format.md); tests iterate over these tables. */
export const TASK_HEADERS: Record<TaskField, string[]> = {
  id: ['ID', 'Task ID', '#', 'No', 'No.', 'WBS', 'Task #', 'Task No'],
  name: ['Task', 'Task Name', 'Name', 'Activity', 'Activity Name', 'Milestone', 'Deliverable', 'Description'],
  start: ['Start', 'Start Date', 'Forecast Start', 'Current Start'],
  finish: ['Finish', 'Finish Date', 'End', 'End Date', 'Forecast Finish', 'Forecast End', 'Due', 'Due Date', 'Current Finish'],
  baselineStart: ['Baseline Start', 'BL Start', 'Planned Start', 'Plan Start', 'Target Start', 'Original Start'],
  baselineFinish: ['Baseline Finish', 'BL Finish', 'Planned Finish', 'Plan Finish', 'Plan End', 'Target End', 'Target Finish', 'Baseline End', 'Planned End', 'Original Finish'],
  actualStart: ['Actual Start', 'Actual Start Date'],
  actualFinish: ['Actual Finish', 'Actual End', 'Actual Finish Date', 'Actual End Date'],
  percent: ['% Complete', 'Percent Complete', 'Pct Complete', 'Progress', '% Done', 'Complete', 'Percent Done'],
  budget: ['Budget', 'Baseline Cost', 'Planned Cost', 'BAC', 'Budget At Completion'],
  actualCost: ['Actual Cost', 'Actuals', 'AC', 'Spent', 'Actual Spend', 'ACWP'],
  predecessors: ['Predecessors', 'Predecessor', 'Depends On', 'Dependencies', 'Dependency', 'Preds'],
  milestone: ['Milestone?', 'Is Milestone', 'Milestone Flag', 'Is Milestone?'],
  owner: ['Owner', 'Assigned To', 'Resource', 'Resource Names', 'Responsible'],
  status: ['Status', 'RAG', 'State'],
  notes: ['Notes', 'Comments', 'Comment', 'Note', 'Remarks'],
};

export const RISK_HEADERS: Record<RiskField, string[]> = {
  id: ['ID', 'Risk ID', '#', 'No', 'Ref'],
  title: ['Risk', 'Title', 'Description', 'Risk Title', 'Risk Description', 'Risk Name'],
  probability: ['Probability', 'Likelihood', 'Prob', 'Probability %', 'Chance'],
  impact: ['Impact', 'Severity', 'Impact Level', 'Impact (1-5)'],
  costImpact: ['Cost Impact', 'Financial Impact', 'Cost Exposure', 'Cost'],
  scheduleImpact: ['Schedule Impact', 'Schedule Impact Days', 'Schedule Impact (days)', 'Delay', 'Delay Days', 'Days'],
  owner: ['Owner', 'Risk Owner'],
  status: ['Status', 'Risk Status', 'State'],
  task: ['Task', 'Task ID', 'Affected Task', 'Affects Task', 'Linked Task'],
  mitigation: ['Mitigation', 'Mitigation Plan', 'Response', 'Response Plan', 'Action'],
};

export const EVM_HEADERS: Record<EvmField, string[]> = {
  date: ['Period End', 'As Of', 'Date', 'Period', 'Period Ending', 'Period End Date', 'Month'],
  pv: ['PV', 'Planned Value', 'BCWS', 'Cumulative PV', 'Cum PV'],
  ev: ['EV', 'Earned Value', 'BCWP', 'Cumulative EV', 'Cum EV'],
  ac: ['AC', 'Actual Cost', 'ACWP', 'Cumulative AC', 'Cum AC'],
};

export const DEPENDENCY_HEADERS: Record<DependencyField, string[]> = {
  fromProject: ['From Project', 'Predecessor Project', 'Supplier Project'],
  fromTask: ['From Task', 'Predecessor Task', 'Supplier Task'],
  toProject: ['To Project', 'Successor Project', 'Receiver Project'],
  toTask: ['To Task', 'Successor Task', 'Receiver Task'],
  type: ['Type', 'Link Type', 'Dependency Type'],
  lag: ['Lag', 'Lag Days', 'Lead/Lag'],
  needBy: ['Need By', 'Needed By', 'Need Date', 'Required By'],
  owner: ['Owner'],
  notes: ['Notes', 'Comments'],
};

export const HISTORY_HEADERS: Record<HistoryField, string[]> = {
  rollupAt: ['Roll-up at', 'Rollup At', 'Rolled Up', 'Run At'],
  statusDate: ['Status date', 'As Of'],
  projectId: ['Project ID'],
  projectName: ['Project', 'Project Name'],
  spi: ['SPI'],
  cpi: ['CPI'],
  svtDays: ['SV(t) days', 'SVt Days', 'SV(t)'],
  finishVarianceDays: ['Finish variance (d)', 'Finish Variance', 'Finish Variance Days'],
  riskExposure: ['Risk exposure'],
  health: ['Health', 'RAG'],
};

export const META_LABELS: Record<MetaField, string[]> = {
  name: ['Project', 'Project Name', 'Program', 'Name'],
  id: ['Project ID', 'Key', 'Code', 'Project Key', 'Project Code', 'ID'],
  manager: ['Manager', 'PM', 'Owner', 'Project Manager', 'Project Owner'],
  statusDate: ['Status Date', 'As Of', 'Data Date', 'As Of Date', 'Report Date'],
  budget: ['Budget', 'BAC', 'Project Budget', 'Total Budget'],
};

export type Lookup<F extends string> = Map<string, F>;

export function buildLookup<F extends string>(table: Record<F, string[]>): Lookup<F> {
  const map = new Map<string, F>();
  for (const field of Object.keys(table) as F[]) {
    for (const name of table[field]) {
      const key = normalizeHeader(name);
      if (!map.has(key)) map.set(key, field);
    }
  }
  return map;
}

export const TASK_LOOKUP = buildLookup(TASK_HEADERS);
export const RISK_LOOKUP = buildLookup(RISK_HEADERS);
export const EVM_LOOKUP = buildLookup(EVM_HEADERS);
export const DEPENDENCY_LOOKUP = buildLookup(DEPENDENCY_HEADERS);
export const HISTORY_LOOKUP = buildLookup(HISTORY_HEADERS);
export const META_LOOKUP = buildLookup(META_LABELS);

/** Field -> zero-based column within the grid, for one header row. First column wins a repeated name. */
export type ColumnMap<F extends string> = Partial<Record<F, number>>;

export function matchRow<F extends string>(row: readonly CellValue[], lookup: Lookup<F>): { cols: ColumnMap<F>; count: number } {
  const cols: ColumnMap<F> = {};
  let count = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v.length > 60) continue;
    const field = lookup.get(normalizeHeader(v));
    if (field !== undefined && cols[field] === undefined) {
      cols[field] = c;
      count++;
    }
  }
  return { cols, count };
}

/** Task header: "Milestone" names the task column only when no other column does; otherwise it is the flag. */
export function matchTaskRow(row: readonly CellValue[]): ColumnMap<TaskField> {
  const cols: ColumnMap<TaskField> = {};
  let milestoneCol: number | undefined;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v.length > 60) continue;
    const key = normalizeHeader(v);
    if (key === 'milestone') {
      if (milestoneCol === undefined) milestoneCol = c;
      continue;
    }
    const field = TASK_LOOKUP.get(key);
    if (field !== undefined && cols[field] === undefined) cols[field] = c;
  }
  if (milestoneCol !== undefined) {
    if (cols.name === undefined) cols.name = milestoneCol;
    else if (cols.milestone === undefined) cols.milestone = milestoneCol;
  }
  return cols;
}

export function hasDateColumn(cols: ColumnMap<TaskField>): boolean {
  return (['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish'] as const).some((f) => cols[f] !== undefined);
}
