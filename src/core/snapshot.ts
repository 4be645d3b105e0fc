/**
 * The roll-up snapshot: what a later roll-up needs to say what changed. One row per program, project,
 * milestone (flagged, zero-duration or hand-off task), hand-off, open risk and data issue; nothing per
 * ordinary task, so it stays small (docs/output.md gives the size for 100 projects × 2,000 tasks).
 *
 * It lives on the add-in's own Rollup Snapshot sheet and is read back each run like the history. Dates are
 * ISO text, not serials, so a 1904-system workbook or a reformatted column cannot shift them.
 */
import type { ProgramModel } from './model';
import type { RollupResult } from './result';
import { projectRisks } from './analyze/risk';

export type SnapshotKind = 'program' | 'project' | 'milestone' | 'handoff' | 'risk' | 'issue';
export const SNAPSHOT_KINDS: readonly SnapshotKind[] = ['program', 'project', 'milestone', 'handoff', 'risk', 'issue'];

/** Project column of the program's own row. */
export const SNAPSHOT_PROGRAM = '(program)';

/**
 * One snapshot row. Fields by kind:
 * - program/project: forecast/baseline finish, value = finish variance (working days), spi, cpi, svtDays,
 *   status = health colour, reason = health reason;
 * - milestone: key = task key, forecast/baseline finish, value = finish variance;
 * - handoff: key = "FROM>TO" task keys, forecast = predecessor's driving date, baseline = need-by date,
 *   value = slack (working days), status = ok | at-risk | late | unknown;
 * - risk (open risks only): key = risk ID, value = exposure, status = the risk's status text;
 * - issue: project = sheet, key = code, name = cell, status = severity, reason = message.
 */
export interface SnapshotRow {
  statusDate: string;
  rollupAt: string;
  kind: SnapshotKind;
  project: string;
  key: string;
  name: string;
  forecast: string | null;
  baseline: string | null;
  value: number | null;
  spi: number | null;
  cpi: number | null;
  svtDays: number | null;
  /** Late hand-offs (program and project rows); null elsewhere and in snapshots written before it existed. */
  lateHandoffs?: number | null;
  /** The PM's own RAG from the sheet's status block (project rows); null or absent when none. */
  pmRag?: string | null;
  status: string;
  reason: string;
}

/** Written on the program row only: the comparison reads it from there. */
export const SNAPSHOT_COLUMNS = [
  'Status date', 'Roll-up at', 'Kind', 'Project', 'Key', 'Name', 'Forecast', 'Baseline', 'Value', 'SPI', 'CPI', 'SV(t) days', 'Status', 'Reason', 'Late hand-offs', 'PM RAG',
] as const;

/** Long issue messages are cut: the snapshot only needs to recognise an issue again, not to repeat it. */
const MAX_REASON = 240;

function clip(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}

/** Key of a hand-off in the snapshot and in the comparison. */
export function handoffKey(from: string, to: string): string {
  return `${from}>${to}`;
}

/** This roll-up's snapshot rows, built from the model (risks) and the result (everything computed). */
export function currentSnapshot(model: ProgramModel, result: RollupResult): SnapshotRow[] {
  const base = { statusDate: result.statusDate, rollupAt: '' };
  const blank = { forecast: null, baseline: null, value: null, spi: null, cpi: null, svtDays: null, status: '', reason: '' };
  const rows: SnapshotRow[] = [];
  const g = result.program;
  rows.push({
    ...base, rollupAt: result.generatedAt, kind: 'program', project: SNAPSHOT_PROGRAM, key: SNAPSHOT_PROGRAM, name: g.name, forecast: g.forecastFinish, baseline: g.baselineFinish,
    value: g.finishVarianceDays, spi: g.spi, cpi: g.cpi, svtDays: g.svtDays, lateHandoffs: g.lateHandoffs, status: g.health, reason: clip(g.healthReason),
  });
  const milestoneKeys = new Set<string>();
  const pmRag = new Map(model.projects.map((p) => [p.id, p.status?.rag ?? null]));
  for (const p of result.projects) {
    rows.push({
      ...base, kind: 'project', project: p.id, key: p.id, name: p.name, forecast: p.forecastFinish, baseline: p.baselineFinish,
      value: p.finishVarianceDays, spi: p.spi, cpi: p.cpi, svtDays: p.svtDays, lateHandoffs: p.lateHandoffs, pmRag: pmRag.get(p.id) ?? null, status: p.health, reason: clip(p.healthReason),
    });
    for (const m of p.milestones) {
      if (milestoneKeys.has(m.key)) continue;
      milestoneKeys.add(m.key);
      rows.push({ ...base, ...blank, kind: 'milestone', project: p.id, key: m.key, name: m.name, forecast: m.forecastFinish, baseline: m.baselineFinish, value: m.finishVarianceDays });
    }
  }
  // A hand-off's row carries its predecessor's forecast, so a task that hands off to another project is
  // tracked like a milestone without a row of its own (see snapshotMilestones).
  const handoffKeys = new Set<string>();
  for (const d of result.dependencies) {
    const key = handoffKey(d.from, d.to);
    if (handoffKeys.has(key)) continue;
    handoffKeys.add(key);
    rows.push({
      ...base, ...blank, kind: 'handoff', project: d.from.split(':')[0], key, name: `${d.fromName} → ${d.toName}`,
      forecast: d.predecessorFinish, baseline: d.needBy, value: d.slackDays, status: d.status,
    });
  }
  for (const p of model.projects) {
    for (const r of projectRisks(p).risks) {
      rows.push({ ...base, ...blank, kind: 'risk', project: p.id, key: r.id, name: r.title, value: r.exposure, status: r.status ?? 'Open' });
    }
  }
  for (const i of result.issues) {
    rows.push({ ...base, ...blank, kind: 'issue', project: i.sheet, key: i.code, name: i.cell ?? '', status: i.severity, reason: clip(i.message) });
  }
  return rows;
}

/**
 * Milestone rows of a snapshot, with the tasks that hand off to another project added from the hand-off
 * rows (their forecast is the predecessor's driving date) when the PM did not flag them as milestones.
 */
export function snapshotMilestones(rows: readonly SnapshotRow[]): SnapshotRow[] {
  const out = rows.filter((r) => r.kind === 'milestone');
  const seen = new Set(out.map((r) => r.key));
  for (const r of rows) {
    if (r.kind !== 'handoff') continue;
    const from = r.key.slice(0, r.key.indexOf('>'));
    if (from === '' || seen.has(from)) continue;
    seen.add(from);
    out.push({ ...r, kind: 'milestone', key: from, name: r.name.split(' → ')[0], baseline: null, value: null, status: '' });
  }
  return out;
}

/** Status dates in the rows, oldest first. */
export function snapshotDates(rows: readonly SnapshotRow[]): string[] {
  return [...new Set(rows.map((r) => r.statusDate))].sort();
}

/**
 * The snapshot to compare with: the rows of the latest status date before `statusDate` (a re-run on the same
 * status date compares with the run before it, not with itself). Null when there is none.
 */
export function previousSnapshot(rows: readonly SnapshotRow[], statusDate: string): { statusDate: string; rows: SnapshotRow[] } | null {
  const earlier = snapshotDates(rows).filter((d) => d < statusDate);
  if (earlier.length === 0) return null;
  const date = earlier[earlier.length - 1];
  return { statusDate: date, rows: rows.filter((r) => r.statusDate === date) };
}

/** Earlier status dates whose milestone forecasts are kept for the milestone trend (a quarter of weekly roll-ups). */
export const MILESTONE_TREND_PERIODS = 12;

/**
 * The snapshot written back: this run's rows replace any of the same status date; the comparison base (the
 * latest earlier date) and any later dates are kept whole; older dates keep their program and project rows,
 * and their milestone rows for the last MILESTONE_TREND_PERIODS dates, which the trends need. So the sheet
 * holds two full snapshots plus a bounded milestone history, however many roll-ups ran.
 */
export function mergeSnapshots(found: readonly SnapshotRow[], current: readonly SnapshotRow[], statusDate: string): SnapshotRow[] {
  const base = previousSnapshot(found, statusDate)?.statusDate ?? null;
  const earlier = snapshotDates(found).filter((d) => d < statusDate);
  const trend = new Set(earlier.slice(-MILESTONE_TREND_PERIODS));
  const keep = (r: SnapshotRow): boolean => {
    if (r.statusDate === statusDate) return false;
    if (base === null || r.statusDate >= base || r.kind === 'program' || r.kind === 'project') return true;
    return r.kind === 'milestone' && trend.has(r.statusDate);
  };
  const kept = found.filter(keep);
  return [...kept, ...current].sort((a, b) => (a.statusDate < b.statusDate ? -1 : a.statusDate > b.statusDate ? 1 : 0));
}
