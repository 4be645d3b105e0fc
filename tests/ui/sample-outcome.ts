/**
 * A hand-written roll-up outcome shaped like the sample program (5 projects, late hand-offs, data issues).
 * The pane only displays results, so its tests need a realistic result, not the core's arithmetic; where
 * each row lives (the anchors) comes from the real plan builder, as it does in Excel.
 */
import type { DependencyResult, Metrics, ProjectResult, RollupResult, SourceSheet } from '../../src/core/result';
import type { PlanAnchors, RenderReport } from '../../src/core/report/plan';
import { buildWorkbookPlan } from '../../src/core/report';
import { DEFAULT_SETTINGS, type HealthColor } from '../../src/core/settings';
import type { RollupOutcome } from '../../src/taskpane/actions';
import type { RollupIssue } from '../../src/core/issues';
import type { ColumnReading, SheetReading } from '../../src/core/model';
import { emptyReading } from '../../src/core/read/project';
import type { RunRollupResult } from '../../src/excel/run-rollup';

function metrics(over: Partial<Metrics> & { health: HealthColor; healthReason: string }): Metrics {
  return {
    bac: 1_000_000, pv: 500_000, ev: 480_000, ac: 510_000, sv: -20_000, spi: 0.96, cv: -30_000, cpi: 0.94,
    eac: 1_063_830, eacAtBudgetRate: 1_030_000, eacCpiSpi: 1_066_000, etc: 553_830, vac: -63_830, tcpi: 1.06,
    percentComplete: 0.48, esDate: '2026-03-20', svtDays: -8, spit: 0.93, ieacDate: '2026-12-18',
    baselineStart: '2025-10-01', baselineFinish: '2026-11-30', forecastFinish: '2026-12-11', finishVarianceDays: 9,
    riskExposure: 85_000, scheduleExposureDays: 12, evmBasis: 'cost', bacWorkDays: null, reasons: {}, ...over,
  };
}

function project(id: string, name: string, sheet: string, health: HealthColor, finishVarianceDays: number, healthReason: string): ProjectResult {
  return {
    ...metrics({ health, healthReason, finishVarianceDays }),
    id, name, sheet, manager: 'A. Manager', hidden: false, taskCount: 24, milestoneCount: 4, openRisks: 5,
    lateHandoffs: health === 'red' ? 1 : 0, statusDate: '2026-03-31', milestones: [], evmSource: 'tasks', phases: [],
  };
}

function dep(from: string, to: string, fromName: string, toName: string, slackDays: number, status: DependencyResult['status'], sheet: string, cell: string): DependencyResult {
  return {
    from, to, type: 'FS', lagDays: 0, lagUnit: 'working', fromName, toName, predecessorFinish: '2026-04-10', successorStart: '2026-04-06',
    slackDays, status, chain: [from], origin: 'predecessors', needBy: null, sheet, cell,
  };
}

export const SAMPLE_ISSUES: RollupIssue[] = [
  { severity: 'warning', code: 'DATE_UNREADABLE', sheet: 'Mobile App', cell: 'E14', message: 'The forecast finish "31/02/2026" is not a date; the task is left out of schedule variance.' },
  { severity: 'error', code: 'PREDECESSOR_UNKNOWN', sheet: 'Mobile App', cell: 'H9', message: 'Predecessor "PLT-99" does not exist; the link is ignored.' },
  { severity: 'info', code: 'SHEET_SKIPPED', sheet: 'Notes', cell: null, message: 'Notes has no task table, so it is not a project.' },
];

export const SAMPLE_SOURCES: SourceSheet[] = [
  { sheet: 'Platform', kind: 'project', hidden: false, projectId: 'PLT', taskCount: 32, riskCount: 6, reason: null, excluded: false },
  { sheet: 'Mobile App', kind: 'project', hidden: false, projectId: 'MOB', taskCount: 27, riskCount: 5, reason: null, excluded: false },
  { sheet: 'Web App', kind: 'project', hidden: false, projectId: 'WEB', taskCount: 25, riskCount: 4, reason: null, excluded: false },
  { sheet: 'Data Warehouse', kind: 'project', hidden: true, projectId: 'DWH', taskCount: 21, riskCount: 5, reason: null, excluded: false },
  { sheet: 'Rollout', kind: 'project', hidden: false, projectId: 'ROL', taskCount: 18, riskCount: 3, reason: null, excluded: false },
  { sheet: 'Holidays', kind: 'program', hidden: false, projectId: null, taskCount: 0, riskCount: 0, reason: 'Holiday list', excluded: false },
  { sheet: 'Notes', kind: 'skipped', hidden: false, projectId: null, taskCount: 0, riskCount: 0, reason: 'no task table found', excluded: false },
  { sheet: 'Risk Log', kind: 'skipped', hidden: false, projectId: null, taskCount: 0, riskCount: 0, reason: 'risk log (attached to PLT, MOB)', excluded: false },
];

const FIELDS_A_TO_P = ['id', 'name', 'owner', 'baselineStart', 'baselineFinish', 'start', 'finish', 'actualStart', 'actualFinish', 'percent', 'budget', 'actualCost', 'predecessors', 'milestone', 'status', 'notes'];

/** Columns A, B, C … with these headings, as the reader lists them for the sample's layout. */
function columnsAtoP(headings: string[]): ColumnReading[] {
  return FIELDS_A_TO_P.map((field, i) => ({ field, column: String.fromCharCode(65 + i), heading: headings[i] }));
}

function projectReading(sheet: string, id: string, headings: string[], taskCount: number, over: Partial<SheetReading> = {}): SheetReading {
  const columns = columnsAtoP(headings);
  const dateCol = (field: string) => columns.find((c) => c.field === field)!;
  return {
    sheet, kind: 'project', projects: [id], headerRow: 7, columns, ignoredColumns: [], mappingSource: 'inferred', idScheme: 'column',
    dateConventions: ['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish'].map((f) => ({ column: dateCol(f).column, heading: dateCol(f).heading, convention: 'serial' })),
    taskCount, summaryCount: 0, milestoneCount: 3, linkCount: 22,
    skippedRows: [{ rows: String(8 + taskCount + 2), reason: 'a label or note line (no task name, no date)' }], notes: [], ...over,
  };
}

const STANDARD = ['ID', 'Task Name', 'Owner', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', 'Actual Start', 'Actual Finish', '% Complete', 'Budget', 'Actual Cost', 'Predecessors', 'Milestone?', 'Status', 'Notes'];

/**
 * How the reader read the sample's sheets (in workbook order): projects with their columns and dates, the
 * Mobile App with a second finish column set aside, text dates, and a summary row; a Notes sheet that came
 * close to being a project; a risk log; the Holidays list.
 */
export const SAMPLE_READINGS: SheetReading[] = [
  projectReading('Platform', 'PLT', STANDARD, 32),
  projectReading(
    'Mobile App', 'MOB',
    ['Task ID', 'Task', 'Assigned To', 'BL Start', 'BL Finish', 'Forecast Start', 'Forecast Finish', 'Actual Start', 'Actual Finish', '% Done', 'Budget ($)', 'Spent', 'Depends On', 'Milestone', 'Status', 'Comments'],
    27,
    {
      summaryCount: 1,
      linkCount: 30,
      ignoredColumns: [{ column: 'Q', heading: 'Old Finish', reason: 'a second finish column; "Forecast Finish" is used' }],
      dateConventions: [
        { column: 'F', heading: 'Forecast Start', convention: 'serial' },
        { column: 'G', heading: 'Forecast Finish', convention: 'd/m/yyyy', note: '13/03/2026 = 2026-03-13 (from a day above 12)' },
        { column: 'D', heading: 'BL Start', convention: 'serial' },
        { column: 'E', heading: 'BL Finish', convention: 'serial' },
      ],
      skippedRows: [
        { rows: '20-22', reason: 'blank template rows' },
        { rows: '37', reason: 'a label or note line (no task name, no date)' },
      ],
      notes: ['1 summary row found by rows whose dates span exactly the rows below them: named as phases, kept out of counts, sums and earned value.'],
    },
  ),
  projectReading('Web App', 'WEB', ['#', 'Activity', 'Owner', 'Planned Start', 'Planned Finish', 'Start', 'Due Date', 'Act. Start', 'Act. Finish', 'Progress', 'BAC', 'Actual Cost', 'Predecessors', 'Milestone?', 'RAG', 'Notes'], 25),
  projectReading('Data Warehouse', 'DWH', STANDARD, 21),
  projectReading('Rollout', 'ROL', STANDARD, 18),
  { ...emptyReading('Holidays', 'program'), reason: 'program Holidays list (read as non-working days)' },
  {
    ...emptyReading('Notes', 'skipped'),
    reason: 'no task table: found date columns Due (C4) in row 4 but no task-name column; the nearest other heading is Topic in A4',
  },
  { ...emptyReading('Risk Log', 'risk-log'), projects: ['PLT', 'MOB'], headerRow: 3, reason: 'risk log (attached to PLT, MOB)' },
];

export function sampleResult(): RollupResult {
  return {
    statusDate: '2026-03-31',
    generatedAt: '2026-03-31T09:00:00Z',
    program: {
      ...metrics({ health: 'amber', healthReason: 'CPI 0.94 is below 0.95 and two hand-offs are late.', bac: 5_200_000, eac: 5_530_000, riskExposure: 412_000 }),
      name: 'Customer Platform Program', lateHandoffs: 2, atRiskHandoffs: 1, openRisks: 23, projectCount: 5,
      evmProjects: ['PLT', 'MOB', 'WEB', 'DWH', 'ROL'], evmExcluded: [], evmNote: null,
    },
    projects: [
      project('PLT', 'Platform', 'Platform', 'green', 0, 'On plan.'),
      project('MOB', 'Mobile App', 'Mobile App', 'red', 14, 'Finish 14 working days late (12% of duration).'),
      project('WEB', 'Web App', 'Web App', 'amber', 4, 'A late hand-off from Platform.'),
      project('DWH', 'Data Warehouse', 'Data Warehouse', 'amber', 6, 'SPI 0.92.'),
      project('ROL', 'Rollout', 'Rollout', 'gray', 0, 'No baseline yet.'),
    ],
    dependencies: [
      dep('PLT.12', 'MOB.4', 'Auth API ready', 'Login screens', -6, 'late', 'Mobile App', 'H6'),
      dep('DWH.8', 'WEB.15', 'Reporting views', 'Dashboards', -3, 'late', 'Web App', 'H17'),
      dep('PLT.20', 'ROL.2', 'Platform GA', 'Pilot rollout', 3, 'at-risk', 'Rollout', 'H4'),
    ],
    criticalPath: ['PLT.12', 'MOB.4'], cycles: [], topRisks: [],
    heatMap: [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
    projectHeatMaps: {}, forecasts: [], tasks: [], sources: SAMPLE_SOURCES, history: [], issues: SAMPLE_ISSUES,
  };
}

export const SAMPLE_REPORT: RenderReport = {
  sheetNames: { summary: 'Program Summary', dependencies: 'Program Dependencies', risks: 'Program Risks', issues: 'Rollup Issues', history: 'Rollup History', changes: 'Program Changes', snapshot: 'Rollup Snapshot', trend: 'Milestone Trend', status: 'Program Status', benefits: '', resources: '', raid: '' },
  notes: [],
};

/** Where the real plan builder puts the sample's projects and links (the pane only follows these). */
export const SAMPLE_ANCHORS: PlanAnchors = buildWorkbookPlan(sampleResult(), DEFAULT_SETTINGS).anchors;

/** What a finished roll-up hands the pane. */
export function sampleOutcome(): RollupOutcome {
  return { result: sampleResult(), report: SAMPLE_REPORT, anchors: SAMPLE_ANCHORS, readings: SAMPLE_READINGS };
}

/** What runRollupInExcel returns for the sample, as the ribbon command sees it (it never reads the plan). */
export function sampleRunResult(issues: RollupIssue[] = sampleResult().issues, over: Partial<RunRollupResult> = {}): RunRollupResult {
  return {
    output: {
      result: { ...sampleResult(), issues },
      model: {} as RunRollupResult['output']['model'],
      plan: { sheets: [], activeSheet: 'summary' } as unknown as RunRollupResult['output']['plan'],
    },
    report: { ...SAMPLE_REPORT, syncs: 1, batchBytes: [], refusedRequests: 0 },
    settings: DEFAULT_SETTINGS,
    settingsProblems: [],
    readSyncs: 2,
    writeSyncs: 1,
    ...over,
  };
}
