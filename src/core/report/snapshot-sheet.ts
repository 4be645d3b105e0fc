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
import { COLORS, HEADER_STYLE, TITLE_STYLE } from './styles';

export const SNAPSHOT_SHEET_NAME = 'Rollup Snapshot';
export const SNAPSHOT_HEADER_ROW = 3;

export function buildSnapshotSheet(rows: readonly SnapshotRow[], name: string = SNAPSHOT_SHEET_NAME): SheetPlan {
  const sheet = emptySheet('snapshot', name, COLORS.tabHistory);
  widths(sheet, [11, 24, 10, 12, 22, 30, 11, 11, 10, 7, 7, 9, 9, 50, 9, 8]);
  addBlock(sheet, 1, 0, [['Roll-up snapshots: what the next roll-up compares with (written by the add-in on every roll-up; edits here change what "changed" means)']]);
  sheet.formats.push({ range: 'A1', style: { ...TITLE_STYLE, fontSize: 12 } });
  const header = SNAPSHOT_HEADER_ROW;
  const last = SNAPSHOT_COLUMNS.length - 1;
  addBlock(sheet, header, 0, [[...SNAPSHOT_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(header, 0, header, last), style: HEADER_STYLE });
  // Empty text goes out as a blank cell: cells cost time in both renderers, and most rows fill few columns.
  const t = (s: string): string | null => (s === '' ? null : s);
  // Milestones and hand-offs are most of the rows: their name, project and baseline are left out (the
  // current roll-up has them, and the key names the project), which about halves the sheet.
  const values: PlanValue[][] = rows.map((r) => (r.kind === 'milestone' || r.kind === 'handoff'
    ? [r.statusDate, null, r.kind, null, r.key, null, r.forecast, null, r.value, null, null, null, t(r.status), null, null, null]
    : [r.statusDate, t(r.rollupAt), r.kind, t(r.project), r.key, t(r.name), r.forecast, r.baseline, r.value, r.spi, r.cpi, r.svtDays, t(r.status), t(r.reason), r.lateHandoffs ?? null, r.pmRag ?? null]));
  addBlock(sheet, header + 1, 0, values);
  sheet.freeze = { rows: header, columns: 0 };
  sheet.showGridlines = true;
  return sheet;
}
