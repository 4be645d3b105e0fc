import type { CellValue, Grid } from '../../../src/core/grid';
import { rollup } from '../../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { isoToSerial } from '../../../src/core/calendar';
import { DAYS_1900_TO_1904, isDateFormat, planForDateSystem } from '../../../src/core/report/date-system';
import type { PlanValue, WorkbookPlan } from '../../../src/core/report/plan';

const NOW = new Date(Date.UTC(2026, 10, 20, 9, 0, 0));
const d = (iso: string): number => isoToSerial(iso) as number;

/** Two small projects with a cross-project link, dates given as 1900-system serials shifted by `offset`. */
function grids(offset: number): Grid[] {
  const day = (iso: string): number => d(iso) - offset;
  const header = ['ID', 'Task', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', 'Actual Start', '% Complete', 'Budget', 'Actual Cost', 'Predecessors'];
  const sheet = (id: string, rows: CellValue[][]): Grid => ({
    sheet: id,
    values: [['Project', `Project ${id}`], ['Project ID', id], ['Status Date', day('2026-11-13')], [], header, ...rows],
  });
  return [
    sheet('A', [
      [1, 'Design', day('2026-10-01'), day('2026-10-20'), day('2026-10-01'), day('2026-10-27'), day('2026-10-01'), 1, 1000, 1100, ''],
      [2, 'Build', day('2026-10-21'), day('2026-11-30'), day('2026-10-28'), day('2026-12-09'), day('2026-10-28'), 0.4, 4000, 2100, '1'],
    ]),
    sheet('B', [[1, 'Launch', day('2026-12-01'), day('2026-12-11'), day('2026-12-01'), day('2026-12-11'), '', 0, 500, 0, 'A:2']]),
  ];
}

function cells(plan: WorkbookPlan): Map<string, PlanValue> {
  const out = new Map<string, PlanValue>();
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      const m = /^([A-Z]+)(\d+)$/.exec(block.address);
      if (!m) throw new Error(block.address);
      block.values.forEach((row, i) => row.forEach((v, j) => out.set(`${sheet.name}!${m[1]}+${j}:${Number(m[2]) + i}`, v)));
    }
  }
  return out;
}

describe('date formats', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['mmm yy', true],
    ['d/m/yyyy h:mm', true],
    ['[$-409]dd mmm', true],
    ['0.00', false],
    ['#,##0', false],
    ['0%', false],
    ['0;-0;""', false],
    ['0 "days"', false],
    ['General', false],
  ])('%s is a date format: %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe('a workbook in the 1904 date system', () => {
  const in1900 = rollup({ grids: grids(0) }, DEFAULT_SETTINGS, NOW);
  const in1904 = rollup({ grids: grids(DAYS_1900_TO_1904), date1904: true }, DEFAULT_SETTINGS, NOW);

  it('reads to the same dates and figures', () => {
    expect(in1904.result).toEqual(in1900.result);
    expect(in1904.model.issues).toEqual([]);
    expect(in1904.result.statusDate).toBe('2026-11-13');
  });

  it('gets every date of its summary in its own system, and nothing else changed', () => {
    expect(in1900.plan.date1904).toBeUndefined();
    expect(in1904.plan.date1904).toBe(true);
    const a = cells(in1900.plan);
    const b = cells(in1904.plan);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const shifted: string[] = [];
    for (const [key, v] of a) {
      const w = b.get(key);
      if (w === v) continue;
      expect(typeof v === 'number' && w === v - DAYS_1900_TO_1904).toBe(true);
      shifted.push(key);
    }
    // Status date, the projects' baseline and forecast finishes, the hand-off dates, the timeline starts, history.
    const statusSerial = d('2026-11-13');
    const statusCells = [...a].filter(([k, v]) => v === statusSerial && shifted.includes(k));
    expect(statusCells.length).toBeGreaterThanOrEqual(2);
    expect(shifted.some((k) => k.startsWith(`${DEFAULT_SETTINGS.outputNames.dependencies}!`))).toBe(true);
    expect(shifted.some((k) => k.startsWith(`${DEFAULT_SETTINGS.outputNames.history}!`))).toBe(true);
    expect(shifted.length).toBeGreaterThanOrEqual(10);
    // A date axis moves with its dates.
    const gantt = (p: WorkbookPlan) => p.sheets[0].charts.find((c) => c.valueAxis?.numberFormat === 'mmm yy');
    expect(gantt(in1904.plan)?.valueAxis?.min).toBe((gantt(in1900.plan)?.valueAxis?.min as number) - DAYS_1900_TO_1904);
  });

  it('leaves a 1900-system plan as it is', () => {
    expect(planForDateSystem(in1900.plan, false)).toBe(in1900.plan);
  });
});
