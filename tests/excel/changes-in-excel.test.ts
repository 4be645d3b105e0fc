/**
 * The add-in path end to end through Microsoft's Office.js client and the test host: two roll-ups of the sample with a slipped milestone in
 * between. The second run reads back the Rollup Snapshot the first one wrote (found through its
 * PR_OWNED_snapshot marker), and the Program Changes sheet and the summary headline say what moved.
 */
import { join } from 'node:path';
import { runRollupInExcel } from '../../src/excel/run-rollup';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readXlsxGrids } from '../../src/xlsx/read';
import { ExcelHost } from './host/excel-host';
import { cellKey, fillSheet, newSheet, type FakeSheet } from './fake/model';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'sample-program.xlsx');
const supports = (): boolean => true;

function rows(sheet: FakeSheet): (string | number | boolean | null)[][] {
  const out: (string | number | boolean | null)[][] = [];
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(',').map(Number);
    (out[r] ??= [])[c] = cell.value;
  }
  return out;
}

describe('Program Changes through the Office.js renderer', () => {
  jest.setTimeout(60_000);

  it('reads its own snapshot back on the next run and shows the slipped milestone', async () => {
    const { input } = await readXlsxGrids(SAMPLE);
    // The project sheets only: the sample's own earlier roll-up is left out, so the first run here is the first.
    const excel = new ExcelHost(input.grids.filter((g) => g.ownedRole === undefined).map((g) => fillSheet(newSheet(g.sheet), g.values)));
    const first = await runRollupInExcel({ excelRun: excel.run, supports, settings: { ...DEFAULT_SETTINGS, statusDate: '2026-11-06' }, now: new Date(Date.UTC(2026, 10, 7)) });
    expect(first.output.result.changes).toBeNull();
    expect(excel.model.names.map((n) => n.name)).toEqual(expect.arrayContaining(['PR_OWNED_changes', 'PR_OWNED_snapshot']));

    // The Platform PM moves "Core API v2 released" (task 15, row 22) from 2027-01-20 to 2027-01-27.
    const platform = excel.model.sheets.find((s) => s.name === 'Platform');
    expect(platform?.cells.get(cellKey(21, 1))?.value).toBe('Core API v2 released');
    platform?.cells.set(cellKey(21, 5), { value: 46414 });
    platform?.cells.set(cellKey(21, 6), { value: 46414 });
    const second = await runRollupInExcel({ excelRun: excel.run, supports, settings: { ...DEFAULT_SETTINGS, statusDate: '2026-11-13' }, now: new Date(Date.UTC(2026, 10, 14)) });

    expect(second.output.result.changes?.since).toBe('2026-11-06');
    const changes = excel.model.sheets.find((s) => s.name === second.report.sheetNames.changes);
    const moved = rows(changes as FakeSheet).find((r) => r?.[0] === 'moved' && r[2] === 'PLAT:15');
    expect(moved?.[6]).toBe(5);
    expect(excel.cell('Program Summary', 'A5')?.value).toBe(second.output.result.changes?.headline);
    expect(excel.cell('Program Summary', 'A5')?.hyperlink?.documentReference).toBe("'Program Changes'!A1");
    // The Milestone Trend sheet: three native line charts, the MTA one with the diagonal and ten milestones.
    const trend = excel.model.sheets.find((s) => s.name === second.report.sheetNames.trend);
    expect(trend?.charts.map((c) => c.type)).toEqual(['LineMarkers', 'LineMarkers', 'LineMarkers']);
    const mta = trend?.charts[0];
    expect(mta?.series).toHaveLength(11);
    expect(mta?.series[0]).toMatchObject({ name: 'Reached (diagonal)' });
    expect(mta?.series[1].values).toMatch(/^'Milestone Trend'!\$C\$\d+:\$C\$\d+$/);
    expect(mta?.valueAxis.numberFormat).toBe('yyyy-mm-dd');
    expect(mta?.valueAxis.minimum).toBeLessThan(46332);
    // One snapshot sheet, holding both status dates; project sheets untouched apart from the PM's edit.
    expect(excel.model.sheets.filter((s) => s.name.startsWith('Rollup Snapshot'))).toHaveLength(1);
    const snap = rows(excel.model.sheets.find((s) => s.name === 'Rollup Snapshot') as FakeSheet);
    expect(new Set(snap.slice(3).map((r) => r?.[0]))).toEqual(new Set(['2026-11-06', '2026-11-13']));
  });
});
