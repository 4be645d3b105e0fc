/**
 * The optional EVM period table: cumulative PV / EV / AC at each period end. Rows without a date or a PV
 * cannot place a point on the curve, so they are reported and left out.
 */
import type { EvmPeriod } from '../model';
import type { SheetContext } from './context';
import type { ColumnMap, EvmField } from './headers';
import { rowIsBlank } from './tables';

export function readEvmTable(ctx: SheetContext, cols: ColumnMap<EvmField>, from: number, to: number): EvmPeriod[] {
  const periods: EvmPeriod[] = [];
  const used = Object.values(cols) as number[];
  for (let r = from; r < to; r++) {
    if (rowIsBlank(ctx.rows[r], used)) continue;
    const date = ctx.date(r, cols.date, 'Period end');
    const pv = ctx.money(r, cols.pv, 'PV');
    const ev = ctx.money(r, cols.ev, 'EV');
    const ac = ctx.money(r, cols.ac, 'AC');
    if (date === null || pv === null) {
      ctx.add('warning', 'EVM_ROW_INCOMPLETE', r, date === null ? (cols.date ?? 0) : (cols.pv ?? 0),
        `EVM period row ${ctx.sheetRow(r)} needs both a period end date and a cumulative PV; it is left out.`);
      continue;
    }
    periods.push({ date, pv, ev, ac });
  }
  periods.sort((a, b) => a.date - b.date);
  return periods;
}
