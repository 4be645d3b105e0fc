/**
 * Milestone trend analysis: each milestone's forecast at each roll-up, from the snapshots (this one and the
 * earlier ones kept on the Rollup Snapshot sheet). Milestones are the flagged and zero-duration tasks and the
 * tasks that hand off to another project. Ranked by slip, first known forecast to last.
 */
import type { MilestoneTrendResult, MilestoneTrendRow } from '../changes-result';
import type { WorkCalendar } from '../calendar';
import type { SnapshotRow } from '../snapshot';
import { SNAPSHOT_PROGRAM, snapshotDates, snapshotMilestones } from '../snapshot';
import { workdayMove } from './changes';

/** Rows the trend lists; the chart draws the first `charted`. */
export const MAX_TREND_ROWS = 250;

export function milestoneTrend(rows: readonly SnapshotRow[], cal: WorkCalendar, charted: number): MilestoneTrendResult {
  const dates = snapshotDates(rows);
  const byDate = new Map<string, SnapshotRow[]>();
  for (const r of rows) {
    const list = byDate.get(r.statusDate);
    if (list) list.push(r);
    else byDate.set(r.statusDate, [r]);
  }
  const series = new Map<string, { key: string; project: string; name: string; forecasts: (string | null)[] }>();
  const programFinishVarianceDays: (number | null)[] = [];
  const lateHandoffs: (number | null)[] = [];
  dates.forEach((d, i) => {
    const at = byDate.get(d) ?? [];
    for (const m of snapshotMilestones(at)) {
      let s = series.get(m.key);
      if (!s) {
        s = { key: m.key, project: m.project, name: m.name, forecasts: dates.map(() => null) };
        series.set(m.key, s);
      }
      // The latest name wins: a PM may rename a milestone between roll-ups.
      if (m.name !== '') s.name = m.name;
      s.forecasts[i] = m.forecast;
    }
    const program = at.find((r) => r.kind === 'program' && r.key === SNAPSHOT_PROGRAM);
    programFinishVarianceDays.push(program?.value ?? null);
    lateHandoffs.push(program?.lateHandoffs ?? null);
  });
  const out: MilestoneTrendRow[] = [];
  for (const s of series.values()) {
    const driftDays = s.forecasts.map((f, i) => (i === 0 ? null : workdayMove(s.forecasts[i - 1], f, cal)));
    const known = s.forecasts.filter((f): f is string => f !== null);
    const slipDays = known.length >= 2 ? workdayMove(known[0], known[known.length - 1], cal) : null;
    out.push({ ...s, name: s.name || s.key, driftDays, slipDays });
  }
  out.sort((a, b) => (b.slipDays ?? -Infinity) - (a.slipDays ?? -Infinity) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const milestones = out.slice(0, MAX_TREND_ROWS);
  return { dates, milestones, charted: Math.min(charted, milestones.length), programFinishVarianceDays, lateHandoffs };
}
