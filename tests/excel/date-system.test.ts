import { isoToSerial } from '../../src/core/calendar';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { DAYS_1900_TO_1904 } from '../../src/core/report/date-system';
import { runRollupInExcel } from '../../src/excel/run-rollup';
import { ExcelHost } from './host/excel-host';
import { fillSheet, newSheet } from './fake/model';

const d = (iso: string): number => isoToSerial(iso) as number;

/** One project sheet with dates typed in the workbook's own system. */
function workbook(date1904: boolean): ExcelHost {
  const day = (iso: string): number => d(iso) - (date1904 ? DAYS_1900_TO_1904 : 0);
  const sheet = fillSheet(newSheet('Alpha'), [
    ['Project', 'Alpha'],
    ['Status Date', day('2026-11-13')],
    [],
    ['ID', 'Task', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', '% Complete', 'Budget'],
    [1, 'Design', day('2026-10-01'), day('2026-10-20'), day('2026-10-01'), day('2026-10-27'), 1, 1000],
    [2, 'Build', day('2026-10-21'), day('2026-11-30'), day('2026-10-28'), day('2026-12-09'), 0.4, 4000],
  ]);
  const excel = new ExcelHost([sheet]);
  excel.model.date1904 = date1904;
  return excel;
}

describe('the add-in in a workbook that uses the 1904 date system', () => {
  it('reads its dates right and writes the summary dates in the same system', async () => {
    const now = new Date(Date.UTC(2026, 10, 20));
    const runs = await Promise.all(
      [false, true].map(async (date1904) => {
        const excel = workbook(date1904);
        const r = await runRollupInExcel({ excelRun: excel.run, settings: DEFAULT_SETTINGS, supports: () => true, now });
        return { excel, r };
      }),
    );
    const [mac, win] = [runs[1], runs[0]];
    expect(mac.r.output.result.statusDate).toBe('2026-11-13');
    expect(mac.r.output.result.program.forecastFinish).toBe(win.r.output.result.program.forecastFinish);
    expect(mac.r.readSyncs).toBe(2);
    // The summary's status date cell holds the workbook's own serial, so Excel shows 2026-11-13 in both.
    const summary = DEFAULT_SETTINGS.outputNames.summary;
    const sheet = mac.excel.sheet(summary);
    const statusCell = [...sheet.cells.entries()].find(([, c]) => c.value === d('2026-11-13') - DAYS_1900_TO_1904);
    expect(statusCell).toBeDefined();
    expect(statusCell?.[1].numberFormat).toBe('yyyy-mm-dd');
    expect(win.excel.sheet(summary).cells.get(statusCell![0])?.value).toBe(d('2026-11-13'));
  });
});
