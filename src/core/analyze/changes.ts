/**
 * Compares this roll-up's snapshot with an earlier one: health flips, forecast finish moves, index deltas,
 * hand-offs, milestones, risks and data issues. Pure: two row lists and a working-day calendar in, the
 * `changes` result out. Moves are counted in working days on the program calendar.
 */
import type {
  ChangesResult, DataIssueChange, HandoffChange, HandoffChangeKind, HealthDirection, MilestoneChange, ProjectChange, RiskChange,
} from '../changes-result';
import type { WorkCalendar } from '../calendar';
import { isoToSerial } from '../calendar';
import type { HealthColor } from '../settings';
import type { SnapshotKind, SnapshotRow } from '../snapshot';
import { SNAPSHOT_PROGRAM, snapshotMilestones } from '../snapshot';

const RANK: Record<string, number | undefined> = { green: 0, amber: 1, red: 2 };
const COLORS: ReadonlySet<string> = new Set(['green', 'amber', 'red', 'gray']);
/** Index deltas below this are rounding noise, not a change. */
const EPS = 1e-9;

function health(s: string | undefined): HealthColor | null {
  const t = (s ?? '').trim().toLowerCase();
  return COLORS.has(t) ? (t as HealthColor) : null;
}

function delta(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : b - a;
}

/** Working days from one ISO date to another; null when either is unknown. */
export function workdayMove(then: string | null | undefined, now: string | null | undefined, cal: WorkCalendar): number | null {
  const a = then ? isoToSerial(then) : null;
  const b = now ? isoToSerial(now) : null;
  if (a === null || b === null) return null;
  return cal.workdayDiff(cal.nextWorkday(a), cal.nextWorkday(b));
}

function byKind(rows: readonly SnapshotRow[], kind: SnapshotKind, key: (r: SnapshotRow) => string = (r) => `${r.project}|${r.key}`): Map<string, SnapshotRow> {
  const m = new Map<string, SnapshotRow>();
  for (const r of rows) if (r.kind === kind && !m.has(key(r))) m.set(key(r), r);
  return m;
}

function direction(then: HealthColor | null, now: HealthColor | null, existed: boolean, exists: boolean): HealthDirection {
  if (!existed) return 'new';
  if (!exists) return 'gone';
  const a = then === null ? undefined : RANK[then];
  const b = now === null ? undefined : RANK[now];
  if (a === undefined || b === undefined || a === b) return 'same';
  return b > a ? 'worse' : 'better';
}

function projectChanges(then: readonly SnapshotRow[], now: readonly SnapshotRow[], cal: WorkCalendar): ProjectChange[] {
  const a = new Map([...byKind(then, 'program'), ...byKind(then, 'project')].map(([, r]) => [r.key, r]));
  const b = new Map([...byKind(now, 'program'), ...byKind(now, 'project')].map(([, r]) => [r.key, r]));
  const keys = [SNAPSHOT_PROGRAM, ...[...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))].filter((k) => k !== SNAPSHOT_PROGRAM)];
  const out: ProjectChange[] = [];
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    if (!x && !y) continue;
    const healthThen = health(x?.status);
    const healthNow = health(y?.status);
    out.push({
      id: key, name: y?.name ?? x?.name ?? key, healthThen, healthNow, reasonThen: x ? x.reason : null, reasonNow: y ? y.reason : null,
      direction: direction(healthThen, healthNow, x !== undefined, y !== undefined),
      finishThen: x?.forecast ?? null, finishNow: y?.forecast ?? null, finishMoveDays: workdayMove(x?.forecast, y?.forecast, cal),
      spiThen: x?.spi ?? null, spiNow: y?.spi ?? null, spiDelta: delta(x?.spi, y?.spi),
      cpiThen: x?.cpi ?? null, cpiNow: y?.cpi ?? null, cpiDelta: delta(x?.cpi, y?.cpi),
      svtThen: x?.svtDays ?? null, svtNow: y?.svtDays ?? null, svtDelta: delta(x?.svtDays, y?.svtDays),
      pmRagThen: health(x?.pmRag ?? undefined), pmRagNow: health(y?.pmRag ?? undefined),
    });
  }
  return out;
}

function handoffChanges(then: readonly SnapshotRow[], now: readonly SnapshotRow[]): HandoffChange[] {
  const a = byKind(then, 'handoff', (r) => r.key);
  const b = byKind(now, 'handoff', (r) => r.key);
  const out: HandoffChange[] = [];
  const push = (x: SnapshotRow | undefined, y: SnapshotRow | undefined, change: HandoffChangeKind): void => {
    const key = (y ?? x)?.key ?? '';
    const [from, to] = key.includes('>') ? [key.slice(0, key.indexOf('>')), key.slice(key.indexOf('>') + 1)] : [key, ''];
    out.push({
      from, to, name: (y ?? x)?.name ?? '', statusThen: x?.status ?? null, statusNow: y?.status ?? null,
      slackThen: x?.value ?? null, slackNow: y?.value ?? null, slackDelta: delta(x?.value, y?.value), change,
    });
  };
  for (const [key, y] of b) {
    const x = a.get(key);
    if (!x) {
      push(undefined, y, y.status === 'late' ? 'newly-late' : 'new');
      continue;
    }
    const d = delta(x.value, y.value);
    if (y.status === 'late' && x.status !== 'late') push(x, y, 'newly-late');
    else if (x.status === 'late' && y.status !== 'late') push(x, y, 'recovered');
    else if (d !== null && d < 0) push(x, y, 'lost-slack');
    else if (d !== null && d > 0) push(x, y, 'gained-slack');
  }
  for (const [key, x] of a) if (!b.has(key)) push(x, undefined, 'gone');
  const order: Record<HandoffChangeKind, number> = { 'newly-late': 0, 'lost-slack': 1, new: 2, recovered: 3, 'gained-slack': 4, gone: 5 };
  return out.sort((p, q) => order[p.change] - order[q.change] || (p.slackDelta ?? 0) - (q.slackDelta ?? 0));
}

function milestoneChanges(then: readonly SnapshotRow[], now: readonly SnapshotRow[], cal: WorkCalendar): MilestoneChange[] {
  const a = byKind(snapshotMilestones(then), 'milestone', (r) => r.key);
  const b = byKind(snapshotMilestones(now), 'milestone', (r) => r.key);
  const moved: MilestoneChange[] = [];
  const other: MilestoneChange[] = [];
  for (const [key, y] of b) {
    const x = a.get(key);
    if (!x) {
      other.push({ key, project: y.project, name: y.name, forecastThen: null, forecastNow: y.forecast, moveDays: null, change: 'new' });
      continue;
    }
    const move = workdayMove(x.forecast, y.forecast, cal);
    if (move !== null && move !== 0) moved.push({ key, project: y.project, name: y.name, forecastThen: x.forecast, forecastNow: y.forecast, moveDays: move, change: 'moved' });
  }
  for (const [key, x] of a) if (!b.has(key)) other.push({ key, project: x.project, name: x.name, forecastThen: x.forecast, forecastNow: null, moveDays: null, change: 'gone' });
  moved.sort((p, q) => Math.abs(q.moveDays ?? 0) - Math.abs(p.moveDays ?? 0) || (p.key < q.key ? -1 : 1));
  return [...moved, ...other];
}

function riskChanges(then: readonly SnapshotRow[], now: readonly SnapshotRow[]): RiskChange[] {
  const a = byKind(then, 'risk');
  const b = byKind(now, 'risk');
  const opened: RiskChange[] = [];
  const moved: RiskChange[] = [];
  for (const [k, y] of b) {
    const x = a.get(k);
    const exposureNow = y.value ?? 0;
    if (!x) {
      opened.push({ project: y.project, id: y.key, title: y.name, exposureThen: null, exposureNow, exposureDelta: exposureNow, change: 'opened' });
      continue;
    }
    const d = exposureNow - (x.value ?? 0);
    if (Math.abs(d) > EPS) moved.push({ project: y.project, id: y.key, title: y.name, exposureThen: x.value ?? 0, exposureNow, exposureDelta: d, change: d > 0 ? 'exposure up' : 'exposure down' });
  }
  const closed: RiskChange[] = [];
  for (const [k, x] of a) {
    if (b.has(k)) continue;
    const exposureThen = x.value ?? 0;
    closed.push({ project: x.project, id: x.key, title: x.name, exposureThen, exposureNow: null, exposureDelta: -exposureThen, change: 'closed' });
  }
  const big = (p: RiskChange, q: RiskChange): number => Math.abs(q.exposureDelta) - Math.abs(p.exposureDelta);
  return [...opened.sort(big), ...closed.sort(big), ...moved.sort(big)];
}

function issueChanges(then: readonly SnapshotRow[], now: readonly SnapshotRow[]): DataIssueChange[] {
  const key = (r: SnapshotRow): string => `${r.project}|${r.key}|${r.name}`;
  const a = byKind(then, 'issue', key);
  const b = byKind(now, 'issue', key);
  const row = (r: SnapshotRow, change: DataIssueChange['change']): DataIssueChange => ({
    change, severity: r.status, code: r.key, sheet: r.project, cell: r.name === '' ? null : r.name, message: r.reason,
  });
  return [...[...b].filter(([k]) => !a.has(k)).map(([, r]) => row(r, 'new')), ...[...a].filter(([k]) => !b.has(k)).map(([, r]) => row(r, 'fixed'))];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** "Since 2026-11-06: 2 projects worse, 1 better; program finish +6 working days; 1 hand-off newly late". */
export function changesHeadline(c: Omit<ChangesResult, 'headline'>): string {
  const parts = [`${plural(c.projectsWorse, 'project')} worse, ${c.projectsBetter} better`];
  parts.push(c.programFinishMoveDays === null ? 'program finish not comparable'
    : c.programFinishMoveDays === 0 ? 'program finish unchanged' : `program finish ${signed(c.programFinishMoveDays)} working ${Math.abs(c.programFinishMoveDays) === 1 ? 'day' : 'days'}`);
  parts.push(`${plural(c.handoffsNewlyLate, 'hand-off')} newly late`);
  if (c.risksOpened + c.risksClosed > 0) parts.push(`${plural(c.risksOpened, 'risk')} opened, ${c.risksClosed} closed`);
  if (c.pmRagChanged > 0) parts.push(`${plural(c.pmRagChanged, 'PM')} changed their RAG`);
  if (c.issuesNew + c.issuesFixed > 0) parts.push(`${plural(c.issuesNew, 'data issue')} new, ${c.issuesFixed} fixed`);
  return `Since ${c.since}: ${parts.join('; ')}`;
}

export function compareSnapshots(then: { statusDate: string; rows: readonly SnapshotRow[] }, now: readonly SnapshotRow[], cal: WorkCalendar): ChangesResult {
  const projects = projectChanges(then.rows, now, cal);
  const handoffs = handoffChanges(then.rows, now);
  const milestones = milestoneChanges(then.rows, now, cal);
  const risks = riskChanges(then.rows, now);
  const dataIssues = issueChanges(then.rows, now);
  const real = projects.filter((p) => p.id !== SNAPSHOT_PROGRAM);
  const program = projects.find((p) => p.id === SNAPSHOT_PROGRAM);
  const body: Omit<ChangesResult, 'headline'> = {
    since: then.statusDate,
    sinceRollupAt: then.rows.find((r) => r.kind === 'program')?.rollupAt ?? then.rows[0]?.rollupAt ?? '',
    projectsWorse: real.filter((p) => p.direction === 'worse').length,
    projectsBetter: real.filter((p) => p.direction === 'better').length,
    programFinishMoveDays: program?.finishMoveDays ?? null,
    handoffsNewlyLate: handoffs.filter((h) => h.change === 'newly-late').length,
    handoffsLostSlack: handoffs.filter((h) => h.change === 'lost-slack').length,
    milestonesMoved: milestones.filter((m) => m.change === 'moved').length,
    risksOpened: risks.filter((r) => r.change === 'opened').length,
    risksClosed: risks.filter((r) => r.change === 'closed').length,
    issuesNew: dataIssues.filter((i) => i.change === 'new').length,
    issuesFixed: dataIssues.filter((i) => i.change === 'fixed').length,
    pmRagChanged: real.filter((p) => p.pmRagThen !== null && p.pmRagNow !== null && p.pmRagThen !== p.pmRagNow).length,
    projects, handoffs, milestones, risks, dataIssues,
  };
  return { ...body, headline: changesHeadline(body) };
}
