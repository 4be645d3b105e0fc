/**
 * A three-project chain for the benefits and shared-people oracles: CORE:1 slips a week on its PM's own
 * sheet, DATA:1 waits on it (FS), PLAT:5 "Go-live" waits on DATA:1 (FS). Every date is a weekday of 2026
 * with no holidays, so each figure can be counted on a calendar by hand.
 */
import type { CellValue, Grid } from '../../../src/core/grid';

export function sheet(sheetName: string, id: string, tasks: CellValue[][]): Grid {
  return {
    sheet: sheetName,
    values: [
      ['Project', sheetName],
      ['Project ID', id],
      ['Status Date', '2026-03-02'],
      [],
      ['ID', 'Task Name', 'Start', 'Finish', 'Predecessors', 'Resource Names'],
      ...tasks,
    ],
  };
}

/** CORE:1 runs 2026-03-02 .. 2026-03-20 (the PM's own, already a week late on its 03-13 plan). */
export const core = (): Grid => sheet('Core', 'CORE', [[1, 'Core API', '2026-03-02', '2026-03-20', '', 'Ana Souza']]);
/** DATA:1 planned 2026-03-16 .. 2026-03-27 (10 working days) after CORE:1: pushed to 03-23 .. 04-03. */
export const data = (): Grid => sheet('Data', 'DATA', [[1, 'Data migration', '2026-03-16', '2026-03-27', 'CORE:1', 'Bo Lee']]);
/** PLAT:5 "Go-live" milestone planned 2026-03-30 after DATA:1. */
export const plat = (): Grid => sheet('Platform', 'PLAT', [[5, 'Go-live', '2026-03-30', '2026-03-30', 'DATA:1', 'Bo Lee']]);
