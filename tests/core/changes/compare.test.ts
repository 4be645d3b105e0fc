import { WorkCalendar, isoToSerial } from '../../../src/core/calendar';
import { compareSnapshots, workdayMove } from '../../../src/core/analyze/changes';
import { milestoneTrend } from '../../../src/core/analyze/milestone-trend';
import { MILESTONE_TREND_PERIODS, mergeSnapshots, previousSnapshot, type SnapshotRow } from '../../../src/core/snapshot';
import { readSnapshot } from '../../../src/core/read/snapshot';
import { SheetContext, AddressCache } from '../../../src/core/read/context';
import { buildSnapshotSheet } from '../../../src/core/report/snapshot-sheet';
import type { RollupIssue } from '../../../src/core/issues';
import type { CellValue } from '../../../src/core/grid';

const blank = { rollupAt: '', name: '', forecast: null, baseline: null, value: null, spi: null, cpi: null, svtDays: null, status: '', reason: '' };
function row(statusDate: string, kind: SnapshotRow['kind'], project: string, key: string, extra: Partial<SnapshotRow> = {}): SnapshotRow {
  return { ...blank, statusDate, kind, project, key, ...extra };
}
const cal = new WorkCalendar({ holidays: [isoToSerial('2026-12-25') ?? 0] });

describe('compareSnapshots', () => {
  const then = [
    row('2026-11-06', 'program', '(program)', '(program)', { forecast: '2027-03-01', status: 'amber', reason: 'Amber: SPI 0.93 < 0.95', spi: 0.93 }),
    row('2026-11-06', 'project', 'A', 'A', { name: 'Alpha', forecast: '2026-12-21', status: 'green', reason: 'on track', spi: 1, cpi: 1, svtDays: 0 }),
    row('2026-11-06', 'project', 'B', 'B', { name: 'Beta', forecast: '2027-01-04', status: 'red', reason: 'Red: SPI 0.84 < 0.90', spi: 0.84 }),
    row('2026-11-06', 'project', 'C', 'C', { name: 'Gamma', status: 'green' }),
    row('2026-11-06', 'risk', 'A', 'R1', { name: 'Vendor', value: 1000 }),
    row('2026-11-06', 'risk', 'A', 'R2', { name: 'Staff', value: 500 }),
    row('2026-11-06', 'issue', 'Alpha', 'DATE_UNREADABLE', { name: 'F9', status: 'warning', reason: 'bad date' }),
  ];
  const now = [
    row('2026-11-13', 'program', '(program)', '(program)', { forecast: '2027-03-08', status: 'red', reason: 'Red', spi: 0.88 }),
    // Five working days later across Christmas: 21, 22, 23, 24, (25 is a holiday), 28.
    row('2026-11-13', 'project', 'A', 'A', { name: 'Alpha', forecast: '2026-12-28', status: 'amber', reason: 'Amber: finish 5 working days late', spi: 0.96, cpi: 1.02, svtDays: -2 }),
    row('2026-11-13', 'project', 'B', 'B', { name: 'Beta', forecast: '2027-01-04', status: 'amber', reason: 'Amber', spi: 0.92 }),
    row('2026-11-13', 'project', 'D', 'D', { name: 'Delta', status: 'green' }),
    row('2026-11-13', 'risk', 'A', 'R1', { name: 'Vendor', value: 3000 }),
    row('2026-11-13', 'risk', 'B', 'R9', { name: 'New one', value: 200 }),
    row('2026-11-13', 'issue', 'Alpha', 'NUMBER_UNREADABLE', { name: 'K4', status: 'warning', reason: 'bad number' }),
  ];
  const c = compareSnapshots({ statusDate: '2026-11-06', rows: then }, now, cal);

  it('counts health flips by colour and keeps both reasons', () => {
    const a = c.projects.find((p) => p.id === 'A');
    expect(a).toMatchObject({ healthThen: 'green', healthNow: 'amber', direction: 'worse', reasonThen: 'on track', reasonNow: 'Amber: finish 5 working days late' });
    expect(c.projects.find((p) => p.id === 'B')?.direction).toBe('better');
    expect(c.projects.find((p) => p.id === 'C')?.direction).toBe('gone');
    expect(c.projects.find((p) => p.id === 'D')?.direction).toBe('new');
    expect([c.projectsWorse, c.projectsBetter]).toEqual([1, 1]);
  });

  it('moves finishes in working days on the program calendar, holidays included', () => {
    expect(c.projects.find((p) => p.id === 'A')?.finishMoveDays).toBe(4);
    expect(c.projects.find((p) => p.id === 'B')?.finishMoveDays).toBe(0);
    expect(c.programFinishMoveDays).toBe(5);
    expect(workdayMove('2026-12-28', '2026-12-21', cal)).toBe(-4);
    expect(workdayMove(null, '2026-12-21', cal)).toBeNull();
  });

  it('gives index deltas as now − then, null when either side is missing', () => {
    const a = c.projects.find((p) => p.id === 'A');
    expect(a?.spiDelta).toBeCloseTo(-0.04, 12);
    expect(a?.cpiDelta).toBeCloseTo(0.02, 12);
    expect(a?.svtDelta).toBe(-2);
    expect(c.projects.find((p) => p.id === 'B')?.cpiDelta).toBeNull();
  });

  it('lists risks opened, closed and moved with their exposure change', () => {
    expect(c.risks.map((r) => [r.change, r.project, r.id, r.exposureDelta])).toEqual([
      ['opened', 'B', 'R9', 200], ['closed', 'A', 'R2', -500], ['exposure up', 'A', 'R1', 2000],
    ]);
  });

  it('lists data issues new and fixed', () => {
    expect(c.dataIssues.map((i) => [i.change, i.code, i.cell])).toEqual([['new', 'NUMBER_UNREADABLE', 'K4'], ['fixed', 'DATE_UNREADABLE', 'F9']]);
    expect(c.headline).toBe('Since 2026-11-06: 1 project worse, 1 better; program finish +5 working days; 0 hand-offs newly late; 1 risk opened, 1 closed; 1 data issue new, 1 fixed');
  });
});

describe('snapshot retention and reading back', () => {
  const rows = (d: string): SnapshotRow[] => (['program', 'project', 'milestone', 'handoff', 'risk', 'issue'] as const).map((k) => row(d, k, 'A', `${k}-key`));

  it('compares with the latest earlier status date, never with its own', () => {
    const all = [...rows('2026-10-30'), ...rows('2026-11-06'), ...rows('2026-11-13')];
    expect(previousSnapshot(all, '2026-11-13')?.statusDate).toBe('2026-11-06');
    expect(previousSnapshot(all, '2026-10-30')).toBeNull();
  });

  it('replaces its own status date, keeps the comparison base whole and thins older ones', () => {
    const found = [...rows('2026-10-30'), ...rows('2026-11-06'), ...rows('2026-11-13')];
    const merged = mergeSnapshots(found, rows('2026-11-13').map((r) => ({ ...r, name: 'rerun' })), '2026-11-13');
    const kinds = (d: string): string[] => merged.filter((r) => r.statusDate === d).map((r) => r.kind);
    expect(kinds('2026-10-30')).toEqual(['program', 'project', 'milestone']);
    expect(kinds('2026-11-06')).toHaveLength(6);
    expect(merged.filter((r) => r.statusDate === '2026-11-13').every((r) => r.name === 'rerun')).toBe(true);
  });

  it('keeps milestone forecasts of older roll-ups for the trend window only', () => {
    const dates = Array.from({ length: 15 }, (_, i) => `2026-${String(1 + Math.floor(i / 2)).padStart(2, '0')}-${i % 2 === 0 ? '05' : '19'}`);
    const found = dates.flatMap(rows);
    const merged = mergeSnapshots(found, rows('2026-12-01'), '2026-12-01');
    const milestoneDates = new Set(merged.filter((r) => r.kind === 'milestone').map((r) => r.statusDate));
    expect(milestoneDates.size).toBe(MILESTONE_TREND_PERIODS + 1);
    expect(milestoneDates.has(dates[0])).toBe(false);
    expect(new Set(merged.filter((r) => r.kind === 'program').map((r) => r.statusDate)).size).toBe(16);
    expect(merged.filter((r) => r.kind === 'risk').map((r) => r.statusDate)).toEqual([dates[14], '2026-12-01']);
  });

  it('reads back what the sheet plan writes, and skips rows it cannot place', () => {
    const original = [
      row('2026-11-06', 'risk', 'A', 'R7', { name: '=HYPERLINK("x")', value: 3 }), row('2026-11-06', 'issue', 'Alpha', 'X', { reason: '-1 is not a date' }),
      row('2026-11-06', 'milestone', 'PLAT', 'PLAT:7', { name: 'Auth GA', forecast: '2026-12-01', baseline: '2026-11-20', value: 8 }),
    ];
    const sheet = buildSnapshotSheet(original);
    const values: CellValue[][] = [];
    for (const b of sheet.blocks) {
      const r0 = Number(/\d+/.exec(b.address)?.[0]) - 1;
      b.values.forEach((r, i) => {
        values[r0 + i] = r.map((v) => (typeof v === 'object' && v !== null ? null : v));
      });
    }
    for (let i = 0; i < values.length; i++) values[i] ??= [];
    values.push(['not a date', '', 'milestone', 'A', 'A:9'], ['2026-11-06', '', 'mystery', 'A', 'A:9'], [46332, '', 'risk', 'A', 'R1', 'From a serial', null, null, 10]);
    const issues: RollupIssue[] = [];
    const ctx = new SheetContext({ sheet: 'Rollup Snapshot', values }, { dateOrder: 'MDY', date1904: false }, issues, new AddressCache());
    const back = readSnapshot(ctx);
    expect(back.slice(0, 2)).toEqual(original.slice(0, 2));
    // A milestone is written without name, project and baseline; its key names the project.
    expect(back[2]).toEqual({ ...original[2], name: '', baseline: null });
    expect(back[3]).toMatchObject({ statusDate: '2026-11-06', kind: 'risk', key: 'R1', value: 10 });
    expect(back).toHaveLength(4);
    expect(issues).toEqual([]);
  });
});

describe('milestoneTrend', () => {
  const m = (d: string, key: string, forecast: string | null, name = ''): SnapshotRow => row(d, 'milestone', key.split(':')[0], key, { forecast, name });
  const rows = [
    row('2026-11-06', 'program', '(program)', '(program)', { value: 3, lateHandoffs: 1 }),
    m('2026-11-06', 'A:1', '2026-12-01'), m('2026-11-06', 'B:2', '2026-12-10'),
    m('2026-11-13', 'A:1', '2026-12-03'),
    row('2026-11-20', 'program', '(program)', '(program)', { value: 8, lateHandoffs: 2 }),
    m('2026-11-20', 'A:1', '2026-12-08', 'Go-live'), m('2026-11-20', 'B:2', '2026-12-09', 'Cut-over'),
    row('2026-11-20', 'handoff', 'C', 'C:5>A:2', { forecast: '2026-12-15', name: 'Data ready → Load' }),
  ];
  const t = milestoneTrend(rows, new WorkCalendar(), 1);

  it('gives each milestone its forecast per roll-up, drift per period and slip, largest slip first', () => {
    expect(t.dates).toEqual(['2026-11-06', '2026-11-13', '2026-11-20']);
    expect(t.milestones.map((x) => [x.key, x.name, x.slipDays])).toEqual([['A:1', 'Go-live', 5], ['B:2', 'Cut-over', -1], ['C:5', 'Data ready', null]]);
    expect(t.milestones[0].driftDays).toEqual([null, 2, 3]);
    // B:2 has no forecast on 2026-11-13: no drift into or out of the gap.
    expect(t.milestones[1].forecasts).toEqual(['2026-12-10', null, '2026-12-09']);
    expect(t.milestones[1].driftDays).toEqual([null, null, null]);
    expect(t.charted).toBe(1);
  });

  it('carries the program finish variance and late hand-offs per date, null where not recorded', () => {
    expect(t.programFinishVarianceDays).toEqual([3, null, 8]);
    expect(t.lateHandoffs).toEqual([1, null, 2]);
  });
});

describe('a snapshot sheet that lost its ownership marker', () => {
  it('is still read as the snapshot, never as a project with a task table', async () => {
    const { readProgram } = await import('../../../src/core/read');
    const { DEFAULT_SETTINGS } = await import('../../../src/core/settings');
    const sheet = buildSnapshotSheet([
      row('2026-11-06', 'program', '(program)', '(program)', { name: 'Program', forecast: '2027-01-04', status: 'amber', rollupAt: '2026-11-06T17:00:00.000Z' }),
      row('2026-11-06', 'project', 'A', 'A', { name: 'Alpha', forecast: '2026-12-21', status: 'green', reason: 'Red: SPI 0.85 < 0.90' }),
    ]);
    const values: CellValue[][] = [];
    for (const b of sheet.blocks) {
      const r0 = Number(/\d+/.exec(b.address)?.[0]) - 1;
      b.values.forEach((r, i) => {
        values[r0 + i] = r.map((v) => (typeof v === 'object' && v !== null ? null : v));
      });
    }
    for (let i = 0; i < values.length; i++) values[i] ??= [];
    const model = readProgram({ grids: [{ sheet: 'Rollup Snapshot', values }] }, DEFAULT_SETTINGS);
    expect(model.projects).toEqual([]);
    expect(model.issues).toEqual([]);
    expect(model.snapshot?.map((r) => r.kind)).toEqual(['program', 'project']);
    expect(model.skipped[0]).toMatchObject({ sheet: 'Rollup Snapshot', reason: expect.stringMatching(/snapshot/) });
  });
});
