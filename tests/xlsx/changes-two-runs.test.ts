/**
 * Two real roll-ups of the sample with edited sheets in between. The first run (status date 2026-11-06) is
 * written to a file by the file renderer; the second (2026-11-13) reads that file's Rollup Snapshot back,
 * as the add-in reads its own sheet or the command line reads --previous. Each edit must appear on the
 * Program Changes sheet of the second file with the right figure.
 */
import { join } from 'node:path';
import type { CellValue, Grid, WorkbookInput } from '../../src/core/grid';
import { rollup, type RollupOutput } from '../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readXlsxGrids } from '../../src/xlsx/read';
import { renderPlanToXlsx } from '../../src/xlsx/write';
import { SNAPSHOT_HEADER_ROW } from '../../src/core/report/snapshot-sheet';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'sample-program.xlsx');
const NOW1 = new Date(Date.UTC(2026, 10, 7, 9));
const NOW2 = new Date(Date.UTC(2026, 10, 14, 9));

function clone(input: WorkbookInput): WorkbookInput {
  return { ...input, grids: input.grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) })) };
}

function sheet(input: WorkbookInput, name: string): CellValue[][] {
  const g = input.grids.find((x) => x.sheet === name);
  if (!g) throw new Error(`no sheet ${name}`);
  return g.values;
}

/** Row index (0-based) of the task with this ID in column A, below the header. */
function taskRow(values: CellValue[][], id: number | string): number {
  const i = values.findIndex((r, k) => k > 6 && r[0] === id);
  if (i < 0) throw new Error(`no task ${id}`);
  return i;
}

describe('what changed between two roll-ups of the sample', () => {
  jest.setTimeout(60_000);
  let first: RollupOutput;
  let second: RollupOutput;
  let written: Grid[];
  let changes: CellValue[][];
  let file2: Buffer;

  beforeAll(async () => {
    const { input } = await readXlsxGrids(SAMPLE);
    // Run 1: a PM typed text into an Actual Cost cell, so that run has a data issue.
    const before = clone(input);
    const plat1 = sheet(before, 'Platform');
    plat1[taskRow(plat1, 5)][11] = 'about 139k';
    first = rollup(before, { ...DEFAULT_SETTINGS, statusDate: '2026-11-06' }, NOW1);
    const file1 = await renderPlanToXlsx(first.plan);
    const carried = (await readXlsxGrids(file1)).input.grids.filter((g) => g.ownedRole === 'history' || g.ownedRole === 'snapshot');

    // Run 2, a week later: the cost cell is fixed, "Core API v2 released" slips 5 working days (so its
    // hand-off to the web portal, with no slack, becomes late), and the payments-sandbox risk R2 is closed.
    const after = clone(input);
    const plat = sheet(after, 'Platform');
    const m = taskRow(plat, 15);
    expect(plat[m][1]).toBe('Core API v2 released');
    plat[m][5] = 46414;
    plat[m][6] = 46414;
    const r2 = plat.findIndex((r) => r[0] === 'R2');
    plat[r2][7] = 'Closed';
    // And the web PM now reports Red instead of Amber.
    const web = sheet(after, 'Web App');
    const rag = web.find((r) => r[17] === 'Overall Status:');
    expect(rag?.[18]).toBe('Amber');
    if (rag) rag[18] = 'Red';
    // The first run's file replaces the history and snapshot the sample itself holds, as --previous does.
    after.grids = [...after.grids.filter((g) => g.ownedRole === undefined), ...carried];
    second = rollup(after, { ...DEFAULT_SETTINGS, statusDate: '2026-11-13' }, NOW2);
    file2 = await renderPlanToXlsx(second.plan);
    written = (await readXlsxGrids(file2)).input.grids;
    changes = written.find((g) => g.ownedRole === 'changes')?.values ?? [];
  });

  const rowWith = (a: CellValue, col: number, b: CellValue): CellValue[] | undefined => changes.find((r) => r[0] === a && r[col] === b);

  it('has nothing to compare with on the first run, and says so', () => {
    expect(first.result.changes).toBeNull();
    const sheet1 = first.plan.sheets.find((s) => s.role === 'changes');
    expect(JSON.stringify(sheet1?.blocks)).toContain('Nothing to compare with yet');
  });

  it('reads the first run back from its file and compares with its status date', () => {
    expect(second.model.snapshot?.every((r) => r.statusDate === '2026-11-06')).toBe(true);
    expect(second.result.changes?.since).toBe('2026-11-06');
    expect(second.result.changes?.sinceRollupAt).toBe(NOW1.toISOString());
  });

  it('shows the slipped milestone with its move in working days', () => {
    const row = rowWith('moved', 2, 'PLAT:15');
    expect(row).toBeDefined();
    expect(row?.[1]).toBe('Core API v2 released');
    expect(row?.[6]).toBe(5);
    expect(second.result.changes?.milestonesMoved).toBeGreaterThanOrEqual(1);
  });

  it('shows the hand-off that became late, with its slack then and now', () => {
    const row = changes.find((r) => r[0] === 'newly-late' && r[2] === 'PLAT:15' && r[3] === 'WEB:10');
    expect(row).toBeDefined();
    expect(row?.slice(4, 9)).toEqual(['at-risk', 'late', 0, -5, -5]);
    // The other hand-off of the same milestone was already late and lost five more days.
    const lost = changes.find((r) => r[0] === 'lost-slack' && r[2] === 'PLAT:15' && r[3] === 'APP:10');
    expect(lost?.slice(6, 9)).toEqual([-16, -21, -5]);
    // The slip also travels through the web portal to its launch, which now hands off late to the rollout.
    const pushed = changes.find((r) => r[0] === 'newly-late' && r[2] === 'WEB:17' && r[3] === 'ROLL:6');
    expect(pushed?.slice(6, 9)).toEqual([0, -5, -5]);
    expect(second.result.changes?.handoffsNewlyLate).toBe(2);
  });

  it('shows the closed risk with the exposure it took away', () => {
    const row = changes.find((r) => r[0] === 'closed' && r[3] === 'R2');
    expect(row).toBeDefined();
    expect(row?.slice(1, 7)).toEqual(['Payments sandbox not production-like', 'PLAT', 'R2', 12_500, null, -12_500]);
    expect(second.result.changes?.risksClosed).toBe(1);
    expect(second.result.changes?.risksOpened).toBe(0);
  });

  it('shows the data issue that was fixed, with its sheet and cell', () => {
    const issue = first.result.issues.find((i) => i.sheet === 'Platform' && i.cell === 'L12');
    expect(issue).toBeDefined();
    const row = changes.find((r) => r[0] === 'fixed' && r[2] === 'Platform' && r[3] === 'L12');
    expect(row?.[4]).toBe(issue?.code);
    expect(second.result.changes?.issuesFixed).toBe(1);
    expect(second.result.changes?.issuesNew).toBe(0);
  });

  it('moves the web portal forecast finish by the slip it inherits, and reports SPI deltas per project', () => {
    const web = second.result.changes?.projects.find((p) => p.id === 'WEB');
    const webNow = second.result.projects.find((p) => p.id === 'WEB');
    const webThen = first.result.projects.find((p) => p.id === 'WEB');
    expect(web?.finishThen).toBe(webThen?.forecastFinish);
    expect(web?.finishNow).toBe(webNow?.forecastFinish);
    expect(web?.spiDelta).toBeCloseTo((webNow?.spi ?? 0) - (webThen?.spi ?? 0), 12);
    const row = changes.find((r) => r[0] === 'WEB');
    expect(row?.[7]).toBe(web?.finishMoveDays);
    // The program row comes first.
    expect(second.result.changes?.projects[0].id).toBe('(program)');
  });

  it('puts the one-line summary on Program Summary, linked to the Changes sheet', () => {
    const headline = second.result.changes?.headline ?? '';
    expect(headline).toMatch(/^Since 2026-11-06: \d+ projects? worse, \d+ better; program finish \+5 working days; 2 hand-offs newly late; 0 risks opened, 1 closed; 1 PM changed their RAG; 0 data issues new, 1 fixed$/);
    const summary = written.find((g) => g.ownedRole === 'summary');
    expect(summary?.values[4][0]).toBe(headline);
    const link = second.plan.sheets.find((s) => s.role === 'summary')?.hyperlinks.find((h) => h.cell === 'A5');
    expect(link?.sheet).toBe('Program Changes');
  });

  it("shows a PM's RAG that changed", () => {
    const row = changes.find((r) => r[0] === 'WEB');
    expect(row?.slice(19, 21)).toEqual(['Amber', 'Red']);
    expect(second.result.changes?.pmRagChanged).toBe(1);
    expect(second.result.pmStatus?.find((s) => s.projectId === 'WEB')).toMatchObject({ pmRag: 'red' });
  });

  it('keeps the earlier snapshot beside the new one, so the next run can compare again', () => {
    const snap = written.find((g) => g.ownedRole === 'snapshot');
    const dates = new Set(snap?.values.slice(SNAPSHOT_HEADER_ROW).map((r) => r[0]));
    expect([...dates].sort()).toEqual(['2026-11-06', '2026-11-13']);
  });

  it('charts the milestone trend: the slipped milestone first, its drift per period in the table', () => {
    const trend = second.result.milestoneTrend;
    expect(trend?.dates).toEqual(['2026-11-06', '2026-11-13']);
    // The slip travels downstream, so several milestones slipped 5 days; ties are listed by key.
    expect(trend?.milestones[0].slipDays).toBe(5);
    expect(trend?.milestones.find((m) => m.key === 'PLAT:15')).toMatchObject({ name: 'Core API v2 released', slipDays: 5, driftDays: [null, 5], forecasts: ['2027-01-20', '2027-01-27'] });
    expect(trend?.milestones.find((m) => m.key === 'PLAT:7')).toMatchObject({ slipDays: 0, driftDays: [null, 0] });
    expect(trend?.charted).toBe(10);
    const sheet = written.find((g) => g.ownedRole === 'trend')?.values ?? [];
    const header = sheet.findIndex((r) => r[0] === 'Milestone' && r[1] === 'Key');
    expect(sheet[header].slice(0, 6)).toEqual(['Milestone', 'Key', 'Project', 'Slip (wd)', 'Forecast now', 'To 2026-11-13']);
    expect(sheet.find((r) => r[1] === 'PLAT:15')?.slice(0, 6)).toEqual(['Core API v2 released', 'PLAT:15', 'PLAT', 5, 46414, 5]);
  });

  it('writes the trend charts as native line charts over the chart data, dates on both axes of the MTA chart', async () => {
    const plan = second.plan.sheets.find((s) => s.role === 'trend');
    expect(plan?.charts.map((c) => c.id)).toEqual(['milestoneTrend', 'finishVarianceTrend', 'lateHandoffsTrend']);
    const all = second.plan.sheets.flatMap((s) => s.charts);
    const zip = await JSZip.loadAsync(file2);
    const index = all.findIndex((c) => c.id === 'milestoneTrend') + 1;
    const xml = await zip.file(`xl/charts/chart${index}.xml`)!.async('string');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<c:lineChart>');
    // The diagonal plus the ten milestones that slipped most.
    expect(xml.match(/<c:ser>/g)).toHaveLength(11);
    expect(xml).toContain('<c:f>&apos;Milestone Trend&apos;!$A$');
    expect(xml).toMatch(/<c:valAx>.*<c:numFmt formatCode="yyyy-mm-dd"/s);
    expect(xml).toMatch(/<c:catAx>.*<c:numFmt formatCode="yyyy-mm-dd"/s);
    const mta = plan?.charts[0];
    expect(mta?.valueAxis?.min).toBeLessThan(46332);
    expect(mta?.valueAxis?.max).toBeGreaterThan(46414);
    expect(mta?.series[0]).toMatchObject({ name: 'Reached (diagonal)', lineOnly: true });
    expect(mta?.series.map((x) => x.name)).toContain('PLAT:15 Core API v2 released');
  });
});
