/**
 * The reader benchmark's workbook: 100 project sheets x 2,000 task rows, synthetic grids built in memory.
 * Shared by bench/read.ts and bench/_read-compare.ts (which times this reader against an older checkout).
 */
import type { CellValue, Grid } from '../src/core/grid';

export const SHEETS = 100;
export const ROWS = 2000;

const EPOCH_MS = Date.UTC(1899, 11, 30);
/** ISO text of a 1900-system serial (as isoFromSerial; own copy so an older reader can be timed on the same grids). */
const iso = (serial: number): string => new Date(EPOCH_MS + serial * 86400000).toISOString().slice(0, 10);

function sheet(p: number): Grid {
  const values: CellValue[][] = [
    ['Project', `Project ${p}`],
    ['Project ID', `P${p}`],
    ['Status Date', 46112],
    [],
    ['ID', 'Task Name', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', 'Actual Start', '% Complete', 'Budget', 'Actual Cost', 'Predecessors', 'Owner', 'Notes'],
  ];
  for (let i = 1; i <= ROWS; i++) {
    const s = 46000 + i;
    const preds = i === 1 ? '' : i % 50 === 0 && p > 0 ? `${i - 1}, P${p - 1}:${i}FS+2d` : i % 7 === 0 ? `${i - 1}SS+1d` : String(i - 1);
    values.push([i, `Task ${i}`, s, s + 5, s + 1, i % 3 === 0 ? iso(s + 6) : s + 6, s, i % 4 === 0 ? '50%' : 0.25, i % 5 === 0 ? '$1,200' : 1000, 300, preds, 'Owner', i % 11 === 0 ? 'n/a' : '']);
  }
  values.push([], ['Risk ID', 'Risk', 'Probability', 'Impact', 'Cost Impact']);
  for (let r = 1; r <= 20; r++) values.push([`R${r}`, `Risk ${r}`, 'High', 3, 5000]);
  return { sheet: `Project ${p}`, values };
}

export function benchGrids(): Grid[] {
  return Array.from({ length: SHEETS }, (_, i) => sheet(i));
}
