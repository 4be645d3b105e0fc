/**
 * Rollup Snapshot: the compact record a later roll-up compares with (src/core/snapshot.ts). It is the
 * add-in's own sheet, replaced on every run and read back first; plain values with no table, because it is
 * for the add-in, and a table over thousands of rows would only slow the write.
 */
import type { SnapshotRow } from '../snapshot';
import { SNAPSHOT_COLUMNS } from '../snapshot';
import type { PlanValue, SheetPlan } from './plan';
import { rangeA1 } from './a1-local';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { COLORS, FORMATS, HEADER_STYLE, TITLE_STYLE } from './styles';

export const SNAPSHOT_SHEET_NAME = 'Rollup Snapshot';
export const SNAPSHOT_HEADER_ROW = 3;

export function buildSnapshotSheet(rows: readonly SnapshotRow[], name: string = SNAPSHOT_SHEET_NAME): SheetPlan {
  const sheet = emptySheet('snapshot', name, COLORS.tabHistory);
  widths(sheet, [11, 24, 10, 12, 22, 30, 11, 11, 10, 7, 7, 9, 9, 50]);
  addBlock(sheet, 1, 0, [['Roll-up snapshots: what the next roll-up compares with (written by the add-in on every roll-up; edits here change what "changed" means)']]);
  sheet.formats.push({ range: 'A1', style: { ...TITLE_STYLE, fontSize: 12 } });
  const header = SNAPSHOT_HEADER_ROW;
  const last = SNAPSHOT_COLUMNS.length - 1;
  addBlock(sheet, header, 0, [[...SNAPSHOT_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(header, 0, header, last), style: HEADER_STYLE });
  const values: PlanValue[][] = rows.map((r) => [r.statusDate, r.rollupAt, r.kind, r.project, r.key, r.name, r.forecast, r.baseline, r.value, r.spi, r.cpi, r.svtDays, r.status, r.reason]);
  const end = addBlock(sheet, header + 1, 0, values) - 1;
  if (values.length > 0) sheet.formats.push({ range: rangeA1(header + 1, 8, end, 11), numberFormat: FORMATS.ratio });
  sheet.freeze = { rows: header, columns: 0 };
  sheet.showGridlines = true;
  return sheet;
}
