import type { CellValue, Grid } from '../../../src/core/grid';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { RollupSettings } from '../../../src/core/settings';

export const settings = (over: Partial<RollupSettings> = {}): RollupSettings => ({ ...DEFAULT_SETTINGS, ...over });

export function grid(sheet: string, values: CellValue[][], extra: Partial<Grid> = {}): Grid {
  return { sheet, values, ...extra };
}

/** A small, clean project sheet: metadata block, a blank row, the task table, then a risk register. */
export function platformSheet(): Grid {
  return grid('Platform Build', [
    ['Project', 'Platform Build'],
    ['Project ID', 'PLAT'],
    ['Manager', 'Dana Ruiz'],
    ['Status Date', 46112],
    ['Budget', '$250,000'],
    [],
    ['ID', 'Task Name', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', 'Actual Start', '% Complete', 'Budget', 'Actual Cost', 'Predecessors', 'Owner'],
    [1, 'Design', 46023, 46037, 46023, 46037, 46023, 1, 50000, 48000, '', 'Dana'],
    [2, 'Build', 46038, 46080, 46038, 46090, 46038, 0.5, 150000, 90000, '1', 'Lee'],
    [],
    [3, 'Launch', 46081, 46081, 46091, 46091, null, 0, 0, null, '2FS+2d', 'Dana'],
    [],
    ['Risk ID', 'Risk', 'Probability', 'Impact', 'Cost Impact', 'Status', 'Task'],
    ['R1', 'Vendor slips', 'High', 4, '$20,000', 'Open', '2'],
    ['R2', 'Scope creep', '30%', 'Low', 5000, 'Closed', null],
  ]);
}

export function appSheet(): Grid {
  return grid('Mobile App', [
    ['Project ID:', 'APP'],
    ['Task', 'Plan Start', 'Plan Finish', 'Start Date', 'End Date', 'Progress', 'Depends On'],
    ['UI', '2026-01-05', '2026-02-06', '2026-01-05', '2026-02-06', '20%', ''],
    ['Release', '2026-03-02', '2026-03-02', '2026-03-09', '2026-03-09', '', "1; 'Platform Build':3FS+1w"],
  ]);
}
