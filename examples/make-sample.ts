/**
 * Writes examples/sample-program.xlsx: a five-project program as a PMO would keep it, status date 13-Nov-2026.
 *
 * The schedule is not typed in by hand: each task has a duration and the predecessors written in its sheet, and a
 * forward pass over working days (Mon–Fri minus the Holidays sheet) gives baseline and forecast dates. That keeps
 * every date consistent with the links a reader will parse. Two cross-project hand-offs are "stale": the receiving
 * PM planned against the predecessor's baseline and never re-planned, so they are late by construction.
 *
 * Run with `npm run sample`.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, WorkbookInput } from '../src/core/grid';
import { rollup } from '../src/core/rollup';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { quoteSheet } from '../src/core/report/a1-local';
import { readXlsxGrids } from '../src/xlsx/read';
import { writeSheet } from '../src/xlsx/write/sheet-writer';

const STATUS_DATE = utc(2026, 11, 13);
const DATE_FMT = 'dd-mmm-yyyy';
const MONEY_FMT = '$#,##0;[Red]-$#,##0';
const PCT_FMT = '0%';

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

// ---------------------------------------------------------------------------------------------- calendar
export const HOLIDAYS: [Date, string][] = [
  [utc(2026, 1, 1), "New Year's Day"], [utc(2026, 1, 19), 'Martin Luther King Jr. Day'], [utc(2026, 2, 16), "Presidents' Day"],
  [utc(2026, 5, 25), 'Memorial Day'], [utc(2026, 6, 19), 'Juneteenth'], [utc(2026, 7, 3), 'Independence Day (observed)'],
  [utc(2026, 9, 7), 'Labor Day'], [utc(2026, 10, 12), 'Columbus Day'], [utc(2026, 11, 11), 'Veterans Day'],
  [utc(2026, 11, 26), 'Thanksgiving Day'], [utc(2026, 12, 25), 'Christmas Day'],
  [utc(2027, 1, 1), "New Year's Day"], [utc(2027, 1, 18), 'Martin Luther King Jr. Day'], [utc(2027, 2, 15), "Presidents' Day"],
  [utc(2027, 5, 31), 'Memorial Day'], [utc(2027, 6, 18), 'Juneteenth (observed)'], [utc(2027, 7, 5), 'Independence Day (observed)'],
  [utc(2027, 9, 6), 'Labor Day'], [utc(2027, 10, 11), 'Columbus Day'], [utc(2027, 11, 11), 'Veterans Day'],
  [utc(2027, 11, 25), 'Thanksgiving Day'], [utc(2027, 12, 24), 'Christmas Day (observed)'],
];
const HOLIDAY_SET = new Set(HOLIDAYS.map(([d]) => d.getTime()));
const DAY = 86_400_000;
const DUR_SCALE = 1.6;

function isWorkday(d: Date): boolean {
  const w = d.getUTCDay();
  return w !== 0 && w !== 6 && !HOLIDAY_SET.has(d.getTime());
}
/** Moves n working days from d (n may be negative); n = 0 rolls forward to a working day. */
function addWorkdays(d: Date, n: number): Date {
  let t = new Date(d.getTime());
  while (!isWorkday(t)) t = new Date(t.getTime() + DAY);
  const step = n >= 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    t = new Date(t.getTime() + step * DAY);
    if (isWorkday(t)) left--;
  }
  return t;
}
/** Working days in [a, b], inclusive. */
function workdaysBetween(a: Date, b: Date): number {
  let n = 0;
  for (let t = a.getTime(); t <= b.getTime(); t += DAY) if (isWorkday(new Date(t))) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------- the program
interface TaskSpec {
  id: number;
  name: string;
  owner: string;
  /** Working days; 0 = milestone. */
  dur: number;
  /** Exactly as written in the sheet's predecessor column. */
  preds?: string;
  /** Extra working days the forecast needs beyond the baseline duration. */
  slip?: number;
  budget?: number;
  note?: string;
}
interface RiskSpec {
  id: string;
  title: string;
  probability: string | number;
  impact: string | number;
  cost: number;
  days: number;
  owner: string;
  status: string;
  task: string;
  mitigation: string;
}
interface ProjectSpec {
  sheet: string;
  id: string;
  name: string;
  manager: string;
  start: Date;
  /** Actual cost per unit of earned value: above 1 is over budget. */
  costFactor: number;
  headers: string[];
  riskHeaders: string[];
  /** Successor task ids whose cross-project links were planned against the predecessor's baseline. */
  stale?: number[];
  tasks: TaskSpec[];
  risks: RiskSpec[];
}

const STD_RISK_HEADERS = ['ID', 'Risk', 'Probability', 'Impact', 'Cost Impact', 'Schedule Impact (days)', 'Owner', 'Status', 'Task', 'Mitigation'];

export const PROJECTS: ProjectSpec[] = [
  {
    sheet: 'Platform', id: 'PLAT', name: 'Cloud Platform Modernisation', manager: 'Priya Raman', start: utc(2026, 3, 2), costFactor: 1.03,
    headers: ['ID', 'Task Name', 'Owner', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', 'Actual Start', 'Actual Finish', '% Complete', 'Budget', 'Actual Cost', 'Predecessors', 'Milestone?', 'Status', 'Notes'],
    riskHeaders: STD_RISK_HEADERS,
    tasks: [
      { id: 1, name: 'Architecture charter & kickoff', owner: 'Priya Raman', dur: 5, budget: 18000 },
      { id: 2, name: 'Target architecture design', owner: 'Tom Becker', dur: 15, preds: '1', budget: 62000 },
      { id: 3, name: 'Cloud landing zone', owner: 'Ana Souza', dur: 20, preds: '2', budget: 95000 },
      { id: 4, name: 'CI/CD pipelines', owner: 'Ana Souza', dur: 15, preds: '3SS+5d', budget: 48000 },
      { id: 5, name: 'Identity & auth service build', owner: 'Tom Becker', dur: 30, preds: '2', slip: 10, budget: 140000, note: 'SSO vendor API changed in June; rework of token exchange.' },
      { id: 6, name: 'Auth service security review', owner: 'Lena Fischer', dur: 10, preds: '5', slip: 6, budget: 30000, note: 'Pen-test findings: 2 high, fixed; retest booked.' },
      { id: 7, name: 'Auth service GA', owner: 'Tom Becker', dur: 0, preds: '6' },
      { id: 8, name: 'API gateway', owner: 'Ana Souza', dur: 25, preds: '3', budget: 85000 },
      { id: 9, name: 'Core API v1 (customers, orders)', owner: 'Raj Patel', dur: 35, preds: '8SS+10d', slip: 4, budget: 160000 },
      { id: 10, name: 'Core API v1 released', owner: 'Raj Patel', dur: 0, preds: '9' },
      { id: 11, name: 'Observability stack', owner: 'Ana Souza', dur: 15, preds: '4', budget: 42000 },
      { id: 12, name: 'Performance & load testing', owner: 'Lena Fischer', dur: 15, preds: '9, 11', slip: 3, budget: 38000 },
      { id: 13, name: 'Disaster recovery setup', owner: 'Ana Souza', dur: 20, preds: '3', budget: 70000 },
      { id: 14, name: 'Core API v2 (payments, notifications)', owner: 'Raj Patel', dur: 45, preds: '10', slip: 8, budget: 190000, note: 'Payments provider sandbox unstable.' },
      { id: 15, name: 'Core API v2 released', owner: 'Raj Patel', dur: 0, preds: '14' },
      { id: 16, name: 'Production hardening', owner: 'Lena Fischer', dur: 20, preds: '12,13', slip: 5, budget: 64000 },
      { id: 17, name: 'Production environment ready', owner: 'Priya Raman', dur: 0, preds: '16' },
      { id: 18, name: 'Runbooks & operations handover', owner: 'Ana Souza', dur: 10, preds: '17', budget: 26000 },
      { id: 19, name: 'Hypercare', owner: 'Tom Becker', dur: 30, preds: '18', budget: 55000 },
      { id: 20, name: 'Platform closed', owner: 'Priya Raman', dur: 0, preds: '19' },
    ],
    risks: [
      { id: 'R1', title: 'SSO vendor deprecates token API again', probability: 0.3, impact: 4, cost: 40000, days: 10, owner: 'Tom Becker', status: 'Open', task: '5', mitigation: 'Abstraction layer over vendor SDK; quarterly API review.' },
      { id: 'R2', title: 'Payments sandbox not production-like', probability: 0.5, impact: 3, cost: 25000, days: 8, owner: 'Raj Patel', status: 'Open', task: '14', mitigation: 'Contract tests against recorded traffic.' },
      { id: 'R3', title: 'Cloud cost overrun in non-prod', probability: 0.2, impact: 2, cost: 30000, days: 0, owner: 'Ana Souza', status: 'Mitigating', task: '3', mitigation: 'Auto-shutdown of dev clusters at night.' },
      { id: 'R4', title: 'Key SRE leaves before handover', probability: 0.1, impact: 4, cost: 20000, days: 15, owner: 'Priya Raman', status: 'Open', task: '18', mitigation: 'Pair on runbooks; retention bonus approved.' },
      { id: 'R5', title: 'Landing zone policy blocks deployments', probability: 0.05, impact: 3, cost: 5000, days: 5, owner: 'Ana Souza', status: 'Closed', task: '3', mitigation: 'Policy exceptions process agreed with security.' },
    ],
  },
  {
    sheet: 'Data Warehouse', id: 'DW', name: 'Enterprise Data Warehouse', manager: 'Marcus Oyelaran', start: utc(2026, 4, 1), costFactor: 1.24,
    headers: ['ID', 'Task Name', 'Resource', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', 'Actual Start', 'Actual Finish', '% Complete', 'Budget', 'Actual Cost', 'Predecessors', 'Milestone?', 'Status', 'Notes'],
    riskHeaders: ['ID', 'Risk', 'Likelihood', 'Impact', 'Cost Impact ($)', 'Schedule Impact (days)', 'Owner', 'Status', 'Task', 'Mitigation'],
    tasks: [
      { id: 1, name: 'Reporting requirements', owner: 'Marcus Oyelaran', dur: 15, budget: 45000 },
      { id: 2, name: 'Source system analysis', owner: 'Hannah Cole', dur: 20, preds: '1SS+5d', slip: 5, budget: 60000 },
      { id: 3, name: 'Dimensional data model', owner: 'Hannah Cole', dur: 20, preds: '2', slip: 5, budget: 70000 },
      { id: 4, name: 'ETL framework', owner: 'Diego Alvarez', dur: 25, preds: '2', budget: 90000, note: 'Consultants extended 6 weeks: main cost overrun.' },
      { id: 5, name: 'Ingest CRM', owner: 'Diego Alvarez', dur: 20, preds: '3,4', slip: 5, budget: 55000 },
      { id: 6, name: 'Ingest ERP', owner: 'Diego Alvarez', dur: 30, preds: '5SS+10d', slip: 10, budget: 85000, note: 'ERP extracts throttled by vendor; weekend loads only.' },
      { id: 7, name: 'Ingest customer & order events', owner: 'Wei Chen', dur: 15, preds: "'Platform':10", budget: 40000 },
      { id: 8, name: 'Data quality rules', owner: 'Hannah Cole', dur: 15, preds: '5', budget: 35000 },
      { id: 9, name: 'Staging layer complete', owner: 'Diego Alvarez', dur: 0, preds: '6,7,8' },
      { id: 10, name: 'Semantic layer', owner: 'Wei Chen', dur: 25, preds: '9', slip: 5, budget: 75000 },
      { id: 11, name: 'Reporting API', owner: 'Wei Chen', dur: 20, preds: '10SS+10d', budget: 60000 },
      { id: 12, name: 'Finance dashboards', owner: 'Hannah Cole', dur: 25, preds: '10', budget: 65000 },
      { id: 13, name: 'Customer 360 mart', owner: 'Wei Chen', dur: 20, preds: '10', budget: 55000 },
      { id: 14, name: 'Legacy data migration scripts', owner: 'Diego Alvarez', dur: 25, preds: '9', slip: 12, budget: 70000, note: 'Legacy codes need mapping table from Finance.' },
      { id: 15, name: 'User acceptance testing', owner: 'Marcus Oyelaran', dur: 15, preds: '12,13,14', budget: 40000 },
      { id: 16, name: 'Data warehouse go-live', owner: 'Marcus Oyelaran', dur: 0, preds: '15' },
      { id: 17, name: 'Decommission legacy reports', owner: 'Hannah Cole', dur: 15, preds: '16FS+10d', budget: 25000 },
    ],
    risks: [
      { id: 'DW-01', title: 'ERP vendor throttling continues', probability: 0.6, impact: 'High', cost: 45000, days: 15, owner: 'Diego Alvarez', status: 'Open', task: '6', mitigation: 'Negotiate bulk export window; incremental CDC.' },
      { id: 'DW-02', title: 'Finance mapping table late', probability: 0.4, impact: 'Medium', cost: 15000, days: 10, owner: 'Marcus Oyelaran', status: 'Open', task: '14', mitigation: 'Escalated to CFO office; interim mapping from 2025 audit.' },
      { id: 'DW-03', title: 'Consultant rates rise at renewal', probability: 0.7, impact: 'Medium', cost: 60000, days: 0, owner: 'Marcus Oyelaran', status: 'Open', task: '4', mitigation: 'Transfer ETL ownership to staff by Q1.' },
      { id: 'DW-04', title: 'Data quality below threshold for go-live', probability: 0.25, impact: 'Very High', cost: 35000, days: 20, owner: 'Hannah Cole', status: 'Mitigating', task: '15', mitigation: 'Weekly DQ scorecard with source owners.' },
    ],
  },
  {
    sheet: 'Web App', id: 'WEB', name: 'Customer Web Portal', manager: 'Sofia Marin', start: utc(2026, 5, 4), costFactor: 0.97,
    headers: ['#', 'Activity', 'Owner', 'Planned Start', 'Planned Finish', 'Start', 'Due Date', 'Act. Start', 'Act. Finish', 'Progress', 'BAC', 'Actual Cost', 'Predecessors', 'Milestone?', 'RAG', 'Notes'],
    riskHeaders: ['Risk ID', 'Risk', 'Likelihood', 'Impact (1-5)', 'Cost Impact', 'Delay Days', 'Owner', 'Status', 'Task', 'Mitigation'],
    tasks: [
      { id: 1, name: 'Discovery & user research', owner: 'Sofia Marin', dur: 20, budget: 50000 },
      { id: 2, name: 'Information architecture', owner: 'Jonas Berg', dur: 10, preds: '1', budget: 22000 },
      { id: 3, name: 'Design system', owner: 'Jonas Berg', dur: 25, preds: '2', budget: 60000 },
      { id: 4, name: 'Front-end scaffolding', owner: 'Emily Park', dur: 10, preds: '2', budget: 25000 },
      { id: 5, name: 'Design sign-off', owner: 'Sofia Marin', dur: 0, preds: '3' },
      { id: 6, name: 'Account & login pages', owner: 'Emily Park', dur: 20, preds: 'PLAT:10FS+2d', budget: 48000 },
      { id: 7, name: 'Product catalogue', owner: 'Emily Park', dur: 25, preds: '4,5', budget: 62000 },
      { id: 8, name: 'Checkout flow', owner: 'Carlos Ruiz', dur: 30, preds: '7SS+10d', budget: 80000 },
      { id: 9, name: 'Order history', owner: 'Carlos Ruiz', dur: 15, preds: '6', budget: 35000 },
      { id: 10, name: 'Payments integration', owner: 'Carlos Ruiz', dur: 15, preds: 'PLAT:15', budget: 40000 },
      { id: 11, name: 'Accessibility audit', owner: 'Jonas Berg', dur: 10, preds: '7', budget: 18000 },
      { id: 12, name: 'Beta release', owner: 'Sofia Marin', dur: 0, preds: '8,9,11' },
      { id: 13, name: 'Beta feedback fixes', owner: 'Emily Park', dur: 15, preds: '12', budget: 36000 },
      { id: 14, name: 'Account insights dashboard', owner: 'Emily Park', dur: 15, preds: "'Data Warehouse':11", budget: 30000 },
      { id: 15, name: 'Performance tuning', owner: 'Carlos Ruiz', dur: 10, preds: '13', budget: 20000 },
      { id: 16, name: 'Security testing', owner: 'Carlos Ruiz', dur: 10, preds: '10,13', budget: 24000 },
      { id: 17, name: 'Web portal launch', owner: 'Sofia Marin', dur: 0, preds: '14,15,16' },
      { id: 18, name: 'Post-launch support', owner: 'Emily Park', dur: 20, preds: '17', budget: 30000 },
    ],
    risks: [
      { id: 'W1', title: 'Design system adoption slow across teams', probability: 2, impact: 2, cost: 10000, days: 5, owner: 'Jonas Berg', status: 'Closed', task: '3', mitigation: 'Component office hours twice a week.' },
      { id: 'W2', title: 'Payments API v2 slips', probability: 4, impact: 4, cost: 30000, days: 15, owner: 'Carlos Ruiz', status: 'Open', task: '10', mitigation: 'Keep v1 payment redirect as fallback.' },
      { id: 'W3', title: 'Accessibility issues found late', probability: 3, impact: 3, cost: 15000, days: 7, owner: 'Jonas Berg', status: 'Open', task: '11', mitigation: 'Automated axe checks in CI from sprint 3.' },
      { id: 'W4', title: 'Browser support scope creep', probability: 2, impact: 3, cost: 12000, days: 5, owner: 'Sofia Marin', status: 'Open', task: '15', mitigation: 'Support matrix signed off by product.' },
    ],
  },
  {
    sheet: 'Mobile App', id: 'APP', name: 'Mobile App (iOS & Android)', manager: 'Daniel Okafor', start: utc(2026, 5, 4), costFactor: 1.06,
    headers: ['Task ID', 'Task', 'Assigned To', 'BL Start', 'BL Finish', 'Forecast Start', 'Forecast Finish', 'Actual Start', 'Actual Finish', '% Done', 'Budget ($)', 'Spent', 'Depends On', 'Milestone', 'Status', 'Comments'],
    riskHeaders: ['#', 'Risk Description', 'Prob.', 'Impact', 'Cost Impact', 'Schedule Impact (days)', 'Risk Owner', 'Status', 'Related Task', 'Mitigation / Response'],
    stale: [10],
    tasks: [
      { id: 1, name: 'Product definition & backlog', owner: 'Daniel Okafor', dur: 15, budget: 40000 },
      { id: 2, name: 'UX flows & prototypes', owner: 'Mei Tanaka', dur: 20, preds: '1', budget: 52000 },
      { id: 3, name: 'App architecture spike', owner: 'Luis Romero', dur: 10, preds: '1', budget: 24000 },
      { id: 4, name: 'Build pipeline (iOS + Android)', owner: 'Luis Romero', dur: 10, preds: '3', budget: 20000 },
      { id: 5, name: 'Shared component library', owner: 'Mei Tanaka', dur: 25, preds: '2,4', slip: 5, budget: 58000 },
      { id: 6, name: 'Onboarding screens', owner: 'Mei Tanaka', dur: 15, preds: '5', slip: 3, budget: 32000 },
      { id: 7, name: 'Catalogue & search', owner: 'Luis Romero', dur: 30, preds: '5', slip: 6, budget: 75000 },
      { id: 8, name: 'Offline cache', owner: 'Luis Romero', dur: 20, preds: '7SS+10d', slip: 4, budget: 46000 },
      { id: 9, name: 'Integrate auth SDK & login', owner: 'Grace Kim', dur: 15, preds: '6, PLAT:7FS+2d', budget: 38000 },
      { id: 10, name: 'Cart & checkout', owner: 'Grace Kim', dur: 25, preds: '7, PLAT:15', budget: 64000, note: 'Planned against the Core API v2 baseline date; not re-planned yet.' },
      { id: 11, name: 'Push notifications', owner: 'Grace Kim', dur: 15, preds: '9', budget: 30000 },
      { id: 12, name: 'Analytics events', owner: 'Luis Romero', dur: 10, preds: '7', budget: 18000 },
      { id: 13, name: 'Internal alpha', owner: 'Daniel Okafor', dur: 0, preds: '8,9,12' },
      { id: 14, name: 'Alpha bug fixing', owner: 'Luis Romero', dur: 15, preds: '13', budget: 34000 },
      { id: 15, name: 'Accessibility & localisation', owner: 'Mei Tanaka', dur: 15, preds: '14SS', budget: 28000 },
      { id: 16, name: 'Security & privacy review', owner: 'Grace Kim', dur: 10, preds: '10,11', budget: 22000 },
      { id: 17, name: 'Closed beta (TestFlight / Play)', owner: 'Daniel Okafor', dur: 20, preds: '14,16', budget: 26000 },
      { id: 18, name: 'App store submission', owner: 'Daniel Okafor', dur: 5, preds: '17,15', budget: 6000 },
      { id: 19, name: 'App store release candidate', owner: 'Daniel Okafor', dur: 0, preds: '18' },
      { id: 20, name: 'Launch marketing assets', owner: 'Mei Tanaka', dur: 10, preds: '17SS+5d', budget: 15000 },
      { id: 21, name: 'Public launch', owner: 'Daniel Okafor', dur: 0, preds: '19,20' },
    ],
    risks: [
      { id: '1', title: 'Auth GA slip delays login integration', probability: 'High', impact: 'High', cost: 25000, days: 20, owner: 'Grace Kim', status: 'Open', task: '9', mitigation: 'Stub auth for alpha; daily sync with Platform.' },
      { id: '2', title: 'App store review rejection', probability: 'Medium', impact: 'Medium', cost: 8000, days: 10, owner: 'Daniel Okafor', status: 'Open', task: '18', mitigation: 'Pre-submission checklist; privacy labels reviewed.' },
      { id: '3', title: 'Android device fragmentation bugs', probability: 'Medium', impact: 'Low', cost: 12000, days: 5, owner: 'Luis Romero', status: 'Open', task: '14', mitigation: 'Device farm on top 30 models.' },
      { id: '4', title: 'Offline sync conflicts', probability: 'Low', impact: 'High', cost: 15000, days: 8, owner: 'Luis Romero', status: 'Mitigating', task: '8', mitigation: 'Last-writer-wins with server audit log.' },
      { id: '5', title: 'Designer on parental leave in Q1', probability: 'High', impact: 'Low', cost: 6000, days: 3, owner: 'Mei Tanaka', status: 'Accepted', task: '15', mitigation: 'Contractor booked for Jan–Mar.' },
    ],
  },
  {
    sheet: 'Rollout', id: 'ROLL', name: 'Regional Rollout', manager: 'Claire Dubois', start: utc(2026, 8, 17), costFactor: 1.0,
    headers: ['ID', 'Deliverable', 'Owner', 'Baseline Start', 'Baseline Finish', 'Forecast Start', 'Forecast Finish', 'Actual Start', 'Actual Finish', '% Complete', 'Planned Cost', 'Actual Cost', 'Depends On', 'Milestone?', 'Status', 'Notes'],
    riskHeaders: ['ID', 'Risk', 'Probability', 'Impact', 'Cost Impact', 'Schedule Impact (days)', 'Owner', 'Status', 'Task', 'Mitigation'],
    stale: [8],
    tasks: [
      { id: 1, name: 'Rollout strategy & regions', owner: 'Claire Dubois', dur: 15, budget: 30000 },
      { id: 2, name: 'Change management plan', owner: 'Oliver Grant', dur: 15, preds: '1', budget: 28000 },
      { id: 3, name: 'Training curriculum', owner: 'Oliver Grant', dur: 20, preds: '2', budget: 40000 },
      { id: 4, name: 'Pilot region readiness', owner: 'Nadia Haddad', dur: 20, preds: '1', slip: 3, budget: 35000 },
      { id: 5, name: 'Pilot: mobile app enablement', owner: 'Nadia Haddad', dur: 10, preds: 'APP:19', budget: 20000 },
      // Grace Kim (Mobile App) is lent to the pilot right after her APP:16 on the PMs' dates; the stale APP:10
      // hand-off pushes APP:16 into these weeks, so the roll-up shows a conflict created by a slip.
      { id: 6, name: 'Pilot: web portal enablement', owner: 'Grace Kim[50%]; Haddad, Nadia[50%]', dur: 10, preds: 'WEB:17FS+5d', budget: 20000 },
      { id: 7, name: 'Train pilot super-users', owner: 'Oliver Grant', dur: 10, preds: '3,4', budget: 25000 },
      { id: 8, name: 'Pilot data cut-over', owner: 'Samir Naidu', dur: 10, preds: "'Data Warehouse':14, 4", budget: 30000, note: 'Assumes DW migration scripts done by baseline date.' },
      { id: 9, name: 'Pilot go-live', owner: 'Claire Dubois', dur: 0, preds: '5,6,7,8' },
      { id: 10, name: 'Pilot review & lessons learned', owner: 'Claire Dubois', dur: 10, preds: '9', budget: 12000 },
      { id: 11, name: 'Region 2 (EMEA) deployment', owner: 'Samir Naidu', dur: 25, preds: '10', budget: 70000 },
      { id: 12, name: 'Region 3 (APAC) deployment', owner: 'Samir Naidu', dur: 25, preds: '11SS+10d', budget: 75000 },
      { id: 13, name: 'Train regional users', owner: 'Oliver Grant', dur: 30, preds: '10', budget: 55000 },
      { id: 14, name: 'Support model transition', owner: 'Nadia Haddad', dur: 15, preds: '11', budget: 25000 },
      { id: 15, name: 'All regions live', owner: 'Claire Dubois', dur: 0, preds: '12,13,14' },
      { id: 16, name: 'Benefits realisation review', owner: 'Claire Dubois', dur: 10, preds: '15FS+20d', budget: 10000 },
    ],
    risks: [
      { id: 'RR-1', title: 'Regional works councils delay consultation', probability: '40%', impact: 'High', cost: 20000, days: 20, owner: 'Oliver Grant', status: 'Open', task: '11', mitigation: 'Start consultation in pilot phase.' },
      { id: 'RR-2', title: 'Upstream deliveries late (app, data)', probability: '70%', impact: 'High', cost: 35000, days: 25, owner: 'Claire Dubois', status: 'Open', task: '9', mitigation: 'Weekly program dependency review; phased pilot.' },
      { id: 'RR-3', title: 'Trainer availability in APAC', probability: '20%', impact: 'Medium', cost: 10000, days: 5, owner: 'Oliver Grant', status: 'Open', task: '13', mitigation: 'Train-the-trainer with local partners.' },
    ],
  },
];

/** Program-level hand-offs kept on the Dependencies sheet (in addition to the PMs' predecessor cells). */
export const REGISTER = [
  { from: 'PLAT', fromTask: 17, to: 'ROLL', toTask: 11, type: 'FS', lag: 0, needBy: utc(2027, 2, 1), owner: 'Priya Raman', notes: 'Production environment must be ready before the first regional deployment.' },
  { from: 'DW', fromTask: 16, to: 'ROLL', toTask: 13, type: 'FS', lag: 5, needBy: utc(2027, 3, 1), owner: 'Marcus Oyelaran', notes: 'Regional training uses the live DW dashboards.' },
  { from: 'WEB', fromTask: 12, to: 'APP', toTask: 17, type: 'SS', lag: 0, needBy: utc(2027, 1, 15), owner: 'Sofia Marin', notes: 'Closed beta shares the web beta feedback channel.' },
];

// ---------------------------------------------------------------------------------------------- scheduling
interface Scheduled {
  spec: TaskSpec;
  blStart: Date;
  blFinish: Date;
  fStart: Date;
  fFinish: Date;
  pct: number;
  actualStart: Date | null;
  actualFinish: Date | null;
  actualCost: number | null;
}

interface Link { project: string | null; id: number; type: 'FS' | 'SS' | 'FF' | 'SF'; lag: number }

/** Parses the generator's own predecessor texts: "3", "8SS+10d", "PLAT:10FS+2d", "'Data Warehouse':11". */
function parseLinks(text: string | undefined): Link[] {
  if (!text) return [];
  return text.split(',').map((raw) => {
    const m = /^(?:(?:'([^']+)'|([A-Z]+)):)?(\d+)(FS|SS|FF|SF)?([+-]\d+)?d?$/.exec(raw.trim());
    if (!m) throw new Error(`sample: bad predecessor "${raw}"`);
    const sheet = m[1] ? PROJECTS.find((p) => p.sheet === m[1])?.id : undefined;
    return { project: sheet ?? m[2] ?? null, id: Number(m[3]), type: (m[4] ?? 'FS') as Link['type'], lag: Number(m[5] ?? 0) };
  });
}

/** Deterministic noise so actual costs are not suspiciously round. */
function wobble(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return 0.92 + 0.16 * (x - Math.floor(x));
}

export function schedule(): Map<string, Scheduled[]> {
  const done = new Map<string, Scheduled[]>();
  const find = (project: string, id: number): Scheduled => {
    const t = done.get(project)?.find((s) => s.spec.id === id);
    if (!t) throw new Error(`sample: ${project}:${id} is not scheduled before its successor`);
    return t;
  };
  for (const p of PROJECTS) {
    const rows: Scheduled[] = [];
    done.set(p.id, rows);
    for (const spec of p.tasks) {
      // Durations in the specs are in "planning weeks-ish" units; the scale stretches the program to ~17 months.
      const dur = Math.round(spec.dur * DUR_SCALE);
      const span = Math.max(dur - 1, 0);
      const fSpan = dur === 0 ? 0 : span + Math.round((spec.slip ?? 0) * DUR_SCALE);
      let blStart = addWorkdays(p.start, 0);
      let fStart = blStart;
      for (const link of parseLinks(spec.preds)) {
        const pred = link.project && link.project !== p.id ? find(link.project, link.id) : rows.find((r) => r.spec.id === link.id);
        if (!pred) throw new Error(`sample: ${p.id}:${spec.id} refers to ${link.id} before it`);
        const cross = link.project !== null && link.project !== p.id;
        const stale = cross && (p.stale ?? []).includes(spec.id);
        const startFrom = (s: Date, f: Date, dur: number): Date => {
          // As MS Project does: a milestone and a task both finish at the end of their day, so an FS successor
          // starts on the next working day.
          const afterFinish = addWorkdays(f, 1);
          switch (link.type) {
            case 'SS': return addWorkdays(s, link.lag);
            case 'FF': return addWorkdays(afterFinish, link.lag - Math.max(dur, 1));
            case 'SF': return addWorkdays(s, link.lag - Math.max(dur, 1));
            default: return addWorkdays(afterFinish, link.lag);
          }
        };
        const b = startFrom(pred.blStart, pred.blFinish, dur);
        const f = stale ? b : startFrom(pred.fStart, pred.fFinish, dur);
        if (b > blStart) blStart = b;
        if (f > fStart) fStart = f;
      }
      const blFinish = addWorkdays(blStart, span);
      const fFinish = addWorkdays(fStart, fSpan);
      let pct = 0;
      if (fFinish <= STATUS_DATE && (spec.dur === 0 || fFinish < STATUS_DATE)) pct = 1;
      else if (fStart <= STATUS_DATE && spec.dur > 0) pct = Math.min(0.95, Math.round((workdaysBetween(fStart, STATUS_DATE) / (fSpan + 1)) * 20) / 20);
      const budget = spec.budget ?? 0;
      const actualCost = pct > 0 && budget > 0 ? Math.round((budget * pct * p.costFactor * wobble(spec.id + p.id.length * 31)) / 10) * 10 : null;
      rows.push({
        spec, blStart, blFinish, fStart, fFinish, pct,
        actualStart: pct > 0 ? fStart : null,
        actualFinish: pct === 1 ? fFinish : null,
        actualCost,
      });
    }
  }
  return done;
}

// ---------------------------------------------------------------------------------------------- workbook
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14, color: { argb: 'FF1F4E78' } };

function styleHeader(row: ExcelJS.Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', wrapText: true };
  }
  row.height = 30;
}

function statusText(s: Scheduled, web: boolean): string {
  const late = s.fFinish > s.blFinish;
  if (web) return s.pct === 1 ? 'Green' : late ? (s.fFinish.getTime() - s.blFinish.getTime() > 10 * DAY ? 'Red' : 'Amber') : 'Green';
  if (s.pct === 1) return 'Complete';
  if (s.pct > 0) return late ? 'In Progress - Late' : 'In Progress';
  return late ? 'Not Started - At Risk' : 'Not Started';
}

function riskProbabilityCell(cell: ExcelJS.Cell, v: string | number): void {
  cell.value = v;
  if (typeof v === 'number' && v < 1) cell.numFmt = PCT_FMT;
}

/**
 * Each PM's status block, beside the metadata above the task table (docs/sheet-format.md). Some PMs are more
 * hopeful than their figures and one update is old, so Program Status has something to flag.
 */
const PM_STATUS: Record<string, { rag: string; updated: Date; summary: string; accomplishments: string; next: string; decisions?: string; escalations?: string }> = {
  PLAT: { rag: 'Green', updated: utc(2026, 11, 12), summary: 'Core API v2 slipped with the payments sandbox; hardening on track.', accomplishments: 'Auth service GA; load tests passed.', next: 'Finish payments endpoints; start runbooks.', decisions: 'Approve a second payments sandbox licence ($12k)' },
  DW: { rag: 'Red', updated: utc(2026, 11, 11), summary: 'ERP extracts throttled; go-live at risk.', accomplishments: 'CRM and event ingest complete.', next: 'Weekend ERP loads; semantic layer design.', decisions: 'Fund CDC tooling for ERP extracts', escalations: 'Finance mapping table is three weeks late (risk DW-02)' },
  WEB: { rag: 'Amber', updated: utc(2026, 11, 13), summary: 'Checkout on track; payments integration waits for Core API v2.', accomplishments: 'Design sign-off; account pages live in test.', next: 'Beta release; accessibility fixes.' },
  APP: { rag: 'Green', updated: utc(2026, 10, 16), summary: 'Mobile build on plan.', accomplishments: 'Catalogue screens done.', next: 'Cart and checkout.', escalations: 'App store account still owned by the agency' },
  ROLL: { rag: 'Amber', updated: utc(2026, 11, 12), summary: 'Pilot plan agreed; depends on web, app and data.', accomplishments: 'Pilot stores chosen.', next: 'Training plan.', decisions: 'Confirm pilot start: January or February' },
};

function addStatusBlock(ws: ExcelJS.Worksheet, id: string): void {
  const s = PM_STATUS[id];
  if (!s) return;
  const pairs: [number, number, string, ExcelJS.CellValue, string?][] = [
    [1, 18, 'Overall Status:', s.rag], [2, 18, 'Status Updated:', s.updated, DATE_FMT], [3, 18, 'Summary:', s.summary], [4, 18, 'Accomplishments:', s.accomplishments],
    [5, 18, 'Next Steps:', s.next], [1, 21, 'Decisions Needed:', s.decisions ?? null], [2, 21, 'Escalations:', s.escalations ?? null],
  ];
  for (const [row, col, label, value, fmt] of pairs) {
    if (value === null) continue;
    ws.getCell(row, col).value = label;
    ws.getCell(row, col).font = { bold: true };
    ws.getCell(row, col + 1).value = value;
    if (fmt) ws.getCell(row, col + 1).numFmt = fmt;
  }
}

function addProjectSheet(wb: ExcelJS.Workbook, p: ProjectSpec, rows: Scheduled[]): void {
  const ws = wb.addWorksheet(p.sheet, { properties: { tabColor: { argb: 'FF2E75B6' } } });
  const budget = rows.reduce((s, r) => s + (r.spec.budget ?? 0), 0);
  const meta: [string, ExcelJS.CellValue, string?][] = [
    ['Project', p.name], ['Project ID', p.id], ['Manager', p.manager], ['Status Date', STATUS_DATE, DATE_FMT], ['Budget', budget, MONEY_FMT],
  ];
  meta.forEach(([label, value, fmt], i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = `${label}:`;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    if (fmt) row.getCell(2).numFmt = fmt;
    row.getCell(2).alignment = { horizontal: 'left' };
  });
  ws.getCell('D1').value = `${p.name} — schedule & cost tracker`;
  ws.getCell('D1').font = TITLE_FONT;
  addStatusBlock(ws, p.id);

  const headerRow = 7;
  const header = ws.getRow(headerRow);
  p.headers.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeader(header, 1, p.headers.length);
  const web = p.id === 'WEB';
  rows.forEach((s, i) => {
    const r = ws.getRow(headerRow + 1 + i);
    const milestone = s.spec.dur === 0;
    const values: ExcelJS.CellValue[] = [
      s.spec.id, s.spec.name, s.spec.owner, s.blStart, s.blFinish, s.fStart, s.fFinish, s.actualStart, s.actualFinish, s.pct,
      s.spec.budget ?? null, s.actualCost, s.spec.preds ?? null, milestone ? (p.id === 'APP' ? 'Y' : 'Yes') : null, statusText(s, web), s.spec.note ?? null,
    ];
    values.forEach((v, c) => {
      if (v !== null) r.getCell(c + 1).value = v;
    });
    for (const c of [4, 5, 6, 7, 8, 9]) r.getCell(c).numFmt = DATE_FMT;
    r.getCell(10).numFmt = PCT_FMT;
    r.getCell(11).numFmt = MONEY_FMT;
    r.getCell(12).numFmt = MONEY_FMT;
    if (milestone) r.getCell(2).font = { bold: true };
  });
  const widths = [7, 38, 18, 13, 13, 13, 13, 13, 13, 10, 12, 12, 22, 10, 20, 48];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow }];

  // Risk register below the tasks, after two blank rows.
  let row = headerRow + rows.length + 3;
  ws.getCell(row, 1).value = 'Risk Register';
  ws.getCell(row, 1).font = TITLE_FONT;
  row++;
  const rh = ws.getRow(row);
  p.riskHeaders.forEach((h, i) => (rh.getCell(i + 1).value = h));
  styleHeader(rh, 1, p.riskHeaders.length);
  for (const risk of p.risks) {
    row++;
    const r = ws.getRow(row);
    r.getCell(1).value = risk.id;
    r.getCell(2).value = risk.title;
    riskProbabilityCell(r.getCell(3), risk.probability);
    r.getCell(4).value = risk.impact;
    r.getCell(5).value = risk.cost;
    r.getCell(5).numFmt = MONEY_FMT;
    r.getCell(6).value = risk.days;
    r.getCell(7).value = risk.owner;
    r.getCell(8).value = risk.status;
    r.getCell(9).value = risk.task;
    r.getCell(10).value = risk.mitigation;
  }
  if (p.id === 'DW') addEvmTable(ws, row + 3, rows);
  if (p.id === 'PLAT') addRaidTable(ws, row + 3);
}

/** Platform keeps its issues, actions and decisions below the risk register (one overdue issue, one overdue action). */
function addRaidTable(ws: ExcelJS.Worksheet, top: number): void {
  ws.getCell(top, 1).value = 'Issues, Actions & Decisions';
  ws.getCell(top, 1).font = TITLE_FONT;
  const headers = ['Type', 'ID', 'Description', 'Owner', 'Date Raised', 'Due Date', 'Status'];
  const h = ws.getRow(top + 1);
  headers.forEach((x, i) => (h.getCell(i + 1).value = x));
  styleHeader(h, 1, headers.length);
  const items: [string, string, string, string, Date, Date | null, string][] = [
    ['Issue', 'I-01', 'Payments sandbox outage blocks contract tests', 'Raj Patel', utc(2026, 10, 20), utc(2026, 11, 6), 'Open'],
    ['Issue', 'I-02', '-40% test coverage on notifications (PM text, stays text)', 'Tom Becker', utc(2026, 11, 2), utc(2026, 11, 27), 'Open'],
    ['Action', 'A-01', 'Agree SSO token API roadmap with vendor', 'Tom Becker', utc(2026, 10, 1), utc(2026, 10, 30), 'In progress'],
    ['Action', 'A-02', 'Publish night auto-shutdown policy', 'Ana Souza', utc(2026, 9, 15), utc(2026, 10, 9), 'Done'],
    ['Decision', 'D-01', 'Keep two payment providers through launch', 'Priya Raman', utc(2026, 10, 12), null, 'Decided'],
  ];
  items.forEach((it, i) => {
    const r = ws.getRow(top + 2 + i);
    it.forEach((v, c) => (r.getCell(c + 1).value = v));
    r.getCell(5).numFmt = DATE_FMT;
    r.getCell(6).numFmt = DATE_FMT;
  });
}

/** A program-level RAID log on its own sheet: a Project column says whose each row is. */
function addRaidLog(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('RAID Log');
  ws.getCell(1, 1).value = 'RAID Log (issues, actions, decisions)';
  ws.getCell(1, 1).font = TITLE_FONT;
  const headers = ['Project', 'Type', 'Ref', 'Title', 'Owner', 'Raised', 'Due', 'Status'];
  const h = ws.getRow(3);
  headers.forEach((x, i) => (h.getCell(i + 1).value = x));
  styleHeader(h, 1, headers.length);
  const items: [string, string, string, string, string, Date, Date | null, string][] = [
    ['DW', 'Issue', 'DW-I1', 'Finance mapping table three weeks late', 'Marcus Oyelaran', utc(2026, 10, 16), utc(2026, 11, 6), 'Escalated'],
    ['DW', 'Decision', 'DW-D1', 'Fund CDC tooling for ERP extracts', 'Steering committee', utc(2026, 11, 11), utc(2026, 11, 20), 'Open'],
    ['WEB', 'Action', 'WEB-A1', 'Book accessibility audit slot', 'Sofia Marin', utc(2026, 11, 3), utc(2026, 11, 24), 'Open'],
    ['APP', 'Issue', 'APP-I1', 'App store review rejected build 0.9', 'Daniel Okafor', utc(2026, 11, 9), utc(2026, 11, 16), 'Open'],
    ['APP', 'Action', 'APP-A1', 'Renew push certificate', 'Daniel Okafor', utc(2026, 9, 28), utc(2026, 10, 28), 'Closed'],
  ];
  items.forEach((it, i) => {
    const r = ws.getRow(4 + i);
    it.forEach((v, c) => (r.getCell(c + 1).value = v));
    r.getCell(6).numFmt = DATE_FMT;
    r.getCell(7).numFmt = DATE_FMT;
  });
  [10, 10, 9, 44, 20, 13, 13, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** Cumulative PV/EV/AC at each month end: PV spreads each budget evenly over its baseline working days. */
function addEvmTable(ws: ExcelJS.Worksheet, top: number, rows: Scheduled[]): void {
  const p = PROJECTS.find((x) => x.id === 'DW');
  if (!p) throw new Error('sample: no DW project');
  const spread = (start: Date, finish: Date, budget: number, at: Date): number => {
    if (at < start) return 0;
    if (at >= finish) return budget;
    return (budget * workdaysBetween(start, at)) / workdaysBetween(start, finish);
  };
  ws.getCell(top, 1).value = 'Earned Value by Month (cumulative)';
  ws.getCell(top, 1).font = TITLE_FONT;
  const h = ws.getRow(top + 1);
  ['Period End', 'PV', 'EV', 'AC'].forEach((v, i) => (h.getCell(i + 1).value = v));
  styleHeader(h, 1, 4);
  const last = rows.reduce((m, r) => (r.blFinish > m ? r.blFinish : m), rows[0].blFinish);
  let r = top + 2;
  for (let m = p.start.getUTCMonth(), y = p.start.getUTCFullYear(); ; m++) {
    const end = new Date(Date.UTC(y, m + 1, 0));
    const pastStatus = end > STATUS_DATE;
    const at = pastStatus && end.getUTCMonth() === STATUS_DATE.getUTCMonth() ? STATUS_DATE : end;
    const pv = rows.reduce((s, t) => s + spread(t.blStart, t.blFinish, t.spec.budget ?? 0, at), 0);
    const row = ws.getRow(r++);
    row.getCell(1).value = at;
    row.getCell(1).numFmt = DATE_FMT;
    row.getCell(2).value = Math.round(pv);
    if (at <= STATUS_DATE) {
      const ev = rows.reduce((s, t) => s + (t.pct > 0 ? spread(t.fStart, t.fFinish, t.spec.budget ?? 0, at) : 0), 0);
      row.getCell(3).value = Math.round(ev);
      row.getCell(4).value = Math.round(ev * p.costFactor);
    }
    for (const c of [2, 3, 4]) row.getCell(c).numFmt = MONEY_FMT;
    if (end >= last) break;
  }
}

function addHolidays(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Holidays');
  ws.getRow(1).values = ['Date', 'Holiday'];
  styleHeader(ws.getRow(1), 1, 2);
  HOLIDAYS.forEach(([d, name], i) => {
    const r = ws.getRow(i + 2);
    r.getCell(1).value = d;
    r.getCell(1).numFmt = DATE_FMT;
    r.getCell(2).value = name;
  });
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 30;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function addDependencies(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Dependencies');
  const headers = ['From Project', 'From Task', 'To Project', 'To Task', 'Type', 'Lag', 'Need By', 'Owner', 'Notes'];
  ws.getRow(1).values = headers;
  styleHeader(ws.getRow(1), 1, headers.length);
  REGISTER.forEach((d, i) => {
    const r = ws.getRow(i + 2);
    r.values = [d.from, d.fromTask, d.to, d.toTask, d.type, d.lag ? `${d.lag}d` : 0, d.needBy, d.owner, d.notes];
    r.getCell(7).numFmt = DATE_FMT;
  });
  [14, 10, 12, 10, 7, 7, 13, 18, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The program's Benefits register: each benefit's KPI, when it starts paying, and the milestones it needs. */
export const BENEFITS: (string | number | Date | null)[][] = [
  ['B1', 'Self-service onboarding in the app', 'Daniel Okafor', 'Days to onboard a customer', 'days', 20, 5, 18, utc(2027, 6, 1), utc(2027, 12, 31), 1200000, 'APP:21'],
  ['B2', 'Legacy data centre retired', 'Priya Raman', 'Hosting cost per month', '$k', 180, 60, 175, utc(2027, 11, 1), utc(2028, 6, 30), 2100000, 'PLAT:20, ROLL:15'],
  ['B3', 'Single customer view for service agents', 'Marcus Oyelaran', 'First-contact resolution', '%', 62, 80, 64, utc(2027, 6, 1), utc(2027, 12, 31), 900000, 'DW:16; WEB:17'],
  ['B4', 'Weekly releases', 'Priya Raman', 'Releases per month', 'count', 1, 4, 2, utc(2027, 1, 4), utc(2027, 6, 30), null, 'PLAT:17'],
  ['B5', 'Regional revenue from the rollout', 'Claire Dubois', 'New-region revenue per quarter', '$k', 0, 1500, 0, utc(2027, 6, 15), utc(2028, 3, 31), 2500000, 'ROLL:9'],
];

function addBenefits(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Benefits');
  ws.getCell('A1').value = 'Program benefits register';
  ws.getCell('A1').font = TITLE_FONT;
  const headers = ['ID', 'Benefit', 'Owner', 'Measure (KPI)', 'Unit', 'Baseline', 'Target', 'Current', 'Realisation Start', 'Realisation Target', 'Value ($)', 'Enabling Milestones'];
  ws.getRow(3).values = headers;
  styleHeader(ws.getRow(3), 1, headers.length);
  BENEFITS.forEach((b, i) => {
    const r = ws.getRow(i + 4);
    r.values = b;
    r.getCell(9).numFmt = DATE_FMT;
    r.getCell(10).numFmt = DATE_FMT;
    r.getCell(11).numFmt = '#,##0';
  });
  [6, 38, 16, 28, 7, 9, 9, 9, 14, 14, 12, 22].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 3 }];
}

/** Capacity of the people the PMO tracks; everyone else is taken as full time. */
function addCapacity(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Capacity');
  const headers = ['Person', 'Capacity', 'Non-working Dates'];
  ws.getRow(1).values = headers;
  styleHeader(ws.getRow(1), 1, headers.length);
  const rows = [
    ['Grace Kim', '100%', '2027-04-05'],
    ['Haddad, Nadia', '50%', ''],
    ['Wei Chen', '32h', '2026-12-21 to 2027-01-01'],
    ['Carlos Ruiz', 1, ''],
  ];
  rows.forEach((v, i) => (ws.getRow(i + 2).values = v));
  [20, 10, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function addNotes(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Notes');
  const lines = [
    'Digital Customer Program — PMO notes',
    '',
    'Status date for this cycle: 13-Nov-2026 (data as of COB Friday).',
    'Each project sheet is owned by its PM; please do not re-order the columns without telling the PMO.',
    'Predecessors: same-project task IDs ("3", "8SS+10d"); other projects as PROJECT-ID:task ("PLAT:10FS+2d") or',
    "'Sheet name':task (\"'Data Warehouse':11\").",
    'Program-level hand-offs that are not in a PM sheet live on the Dependencies tab.',
    'Steering committee: 20-Nov-2026. Open action: Finance to deliver legacy code mapping table (DW risk DW-02).',
  ];
  lines.forEach((l, i) => (ws.getCell(i + 1, 1).value = l));
  ws.getCell('A1').font = TITLE_FONT;
  ws.getColumn(1).width = 110;
}

export async function buildSampleWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PMO';
  wb.created = new Date(Date.UTC(2026, 10, 13, 17, 0, 0));
  wb.modified = wb.created;
  const scheduled = schedule();
  addNotes(wb);
  for (const p of PROJECTS) addProjectSheet(wb, p, scheduled.get(p.id) ?? []);
  addDependencies(wb);
  addRaidLog(wb);
  addBenefits(wb);
  addCapacity(wb);
  addHolidays(wb);
  await addEarlierRollup(wb);
  return wb;
}

/** The week before: how the sheets stood at the roll-up of 2026-11-06 (see addEarlierRollup). */
function weekBefore(input: WorkbookInput): void {
  const rows = (sheet: string): CellValue[][] => input.grids.find((g) => g.sheet === sheet)?.values ?? [];
  const plat = rows('Platform');
  const at = (values: CellValue[][], test: (r: CellValue[]) => boolean): CellValue[] => values.find(test) ?? [];
  // Core API v2 (its build and its release) was forecast a week sooner; it has slipped since.
  const build = at(plat, (r) => r[1] === 'Core API v2 (payments, notifications)');
  if (typeof build[6] === 'number') build[6] -= 7;
  const api = at(plat, (r) => r[1] === 'Core API v2 released');
  if (typeof api[5] === 'number' && typeof api[6] === 'number') [api[5], api[6]] = [api[5] - 7, api[6] - 7];
  // Risk R5 was still open; it has been closed since.
  const r5 = at(plat, (r) => r[0] === 'R5');
  r5[7] = 'Open';
  // A PM had typed text into a cost cell; it has been fixed since.
  const identity = at(plat, (r) => r[1] === 'Identity & auth service build');
  identity[11] = 'about 139k';
  // The web PM reported Green; this week Amber.
  const web = rows('Web App');
  const rag = at(web, (r) => r[17] === 'Overall Status:');
  rag[18] = 'Green';
}

/**
 * An earlier roll-up in the sample's own history and snapshot, so the demo shows what changed and a trend
 * on its first run: the week before is rolled up with the real core, and its Rollup History and Rollup
 * Snapshot sheets are added, marked as the add-in's own (PR_OWNED_<role>), as the add-in would have left them.
 */
async function addEarlierRollup(wb: ExcelJS.Workbook): Promise<void> {
  const { input } = await readXlsxGrids(Buffer.from(await wb.xlsx.writeBuffer()));
  weekBefore(input);
  input.title = 'Digital Customer Program';
  const { plan } = rollup(input, { ...DEFAULT_SETTINGS, statusDate: '2026-11-06' }, new Date(Date.UTC(2026, 10, 6, 17)));
  for (const sheet of plan.sheets.filter((s) => s.role === 'history' || s.role === 'snapshot')) {
    writeSheet(wb, sheet, new Set());
    wb.definedNames.add(`${quoteSheet(sheet.name)}!$A$1`, `PR_OWNED_${sheet.role}`);
  }
}

/** One line per cross-project link: whether the successor's planned start honours the predecessor's forecast. */
export function crossLinkReport(): string[] {
  const s = schedule();
  const out: string[] = [];
  for (const p of PROJECTS) {
    for (const t of s.get(p.id) ?? []) {
      for (const l of parseLinks(t.spec.preds)) {
        if (!l.project || l.project === p.id) continue;
        const pred = (s.get(l.project) ?? []).find((x) => x.spec.id === l.id);
        if (!pred) continue;
        const late = l.type === 'FS' && t.fStart <= pred.fFinish;
        out.push(`${l.project}:${l.id} -> ${p.id}:${t.spec.id} ${late ? 'LATE' : 'ok'} (pred finish ${pred.spec.dur === 0 ? 'milestone ' : ''}${pred.fFinish.toISOString().slice(0, 10)}, succ start ${t.fStart.toISOString().slice(0, 10)})`);
      }
    }
  }
  return out;
}

if (require.main === module) {
  const file = join(__dirname, 'sample-program.xlsx');
  buildSampleWorkbook()
    .then((wb) => wb.xlsx.writeFile(file))
    .then(() => {
      for (const line of crossLinkReport()) console.log(line);
      const s = schedule();
      for (const p of PROJECTS) {
        const rows = s.get(p.id) ?? [];
        const bac = rows.reduce((a, r) => a + (r.spec.budget ?? 0), 0);
        const ev = rows.reduce((a, r) => a + (r.spec.budget ?? 0) * r.pct, 0);
        const ac = rows.reduce((a, r) => a + (r.actualCost ?? 0), 0);
        const blEnd = rows.reduce((m, r) => (r.blFinish > m ? r.blFinish : m), rows[0].blFinish);
        const fEnd = rows.reduce((m, r) => (r.fFinish > m ? r.fFinish : m), rows[0].fFinish);
        console.log(`${p.id}: ${rows.length} rows, BAC ${bac}, ${Math.round((ev / bac) * 100)}% earned, CPI ${(ev / ac).toFixed(2)}, finish ${blEnd.toISOString().slice(0, 10)} -> ${fEnd.toISOString().slice(0, 10)}`);
      }
      console.log(`wrote ${file}`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
