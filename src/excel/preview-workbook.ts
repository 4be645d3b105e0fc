/**
 * A cheap look at the open workbook for the pane's Sources list (issue 11: opening the pane must not read the
 * whole workbook). Sync 1 lists the sheets (name, visibility), the markers of our own sheets and each used
 * range's address and size, without values. Then only the first PREVIEW_ROWS × PREVIEW_COLS of each used range
 * are read, in requests sized by bytes (a request Excel refuses as too large is split in two): enough for the
 * core to find a task header (it scans TASK_HEADER_SCAN_ROWS rows) and say "project" or "skipped, because…".
 * Task and risk counts from a preview count the previewed rows only; `truncated` names the sheets with more.
 */
import type { CellValue, Grid, WorkbookInput } from '../core/grid';
import { TASK_HEADER_SCAN_ROWS } from '../core/read/tables';
import { isStagingSheet, roleOfMarker, sheetOfReference } from './ownership';
import { originOfAddress, READ_BYTES_PER_CELL_GUESS } from './read-workbook';

/** The header scan plus a few task rows, so a project sheet still shows tasks under its header. */
export const PREVIEW_ROWS = TASK_HEADER_SCAN_ROWS + 10;
/** A task table is rarely wider than this; columns past it do not decide what a sheet is. */
export const PREVIEW_COLS = 40;
/** Estimated answer bytes per preview request: far under Excel on the web's 5 MB response limit. */
export const PREVIEW_TARGET_BYTES = 1024 * 1024;

export interface WorkbookPreview {
  input: WorkbookInput;
  /** Sheets with rows or columns past the preview: their counts are not the whole sheet's. */
  truncated: Set<string>;
  syncs: number;
}

interface Part {
  index: number;
  rows: number;
  cols: number;
}

function toCellValues(values: unknown[][]): CellValue[][] {
  return values.map((row) => row.map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null)));
}

function isResponseTooLarge(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ResponsePayloadSizeLimitExceeded';
}

/** Groups the previews into requests of at most PREVIEW_TARGET_BYTES (estimated), in sheet order. */
function batchesOf(parts: Part[]): Part[][] {
  const batches: Part[][] = [];
  let batch: Part[] = [];
  let bytes = 0;
  for (const p of parts) {
    const b = p.rows * p.cols * READ_BYTES_PER_CELL_GUESS;
    if (batch.length > 0 && bytes + b > PREVIEW_TARGET_BYTES) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(p);
    bytes += b;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** The first rows and columns of a used range, by index (the used-range proxy is untracked, not reusable). */
function previewRange(ws: Excel.Worksheet, address: string, p: Part): Excel.Range {
  const origin = originOfAddress(address);
  // Untracked: read in this request only, so Office.js keeps no reference to release after the run.
  return ws.getRangeByIndexes(origin.row, origin.col, p.rows, p.cols).untrack();
}

export async function previewWorkbook(context: Excel.RequestContext): Promise<WorkbookPreview> {
  let syncs = 0;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  await context.sync();
  syncs += 1;

  // Sizes only: a used range's address and counts cost a few bytes whatever the sheet holds.
  // Untracked: Office.js would otherwise keep every range by reference and release them all after the run.
  const used = worksheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).untrack().load('address,rowCount,columnCount'));
  await context.sync();
  syncs += 1;

  const values: CellValue[][][] = worksheets.items.map(() => []);
  const truncated = new Set<string>();
  const parts: Part[] = [];
  used.forEach((r, index) => {
    if (r.isNullObject) return;
    const rows = Math.min(r.rowCount, PREVIEW_ROWS);
    const cols = Math.min(r.columnCount, PREVIEW_COLS);
    if (rows < r.rowCount || cols < r.columnCount) truncated.add(worksheets.items[index].name);
    parts.push({ index, rows, cols });
  });

  const queue = batchesOf(parts);
  for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
    const loaded = batch.map((p) => ({
      p,
      r: previewRange(worksheets.items[p.index], used[p.index].address, p).load('values'),
    }));
    try {
      syncs += 1;
      // Deliberate: each batch is its own request so every answer stays well under the 5 MB response limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      // Text-heavy first rows cost more than guessed: split the batch; a single preview that is still too large
      // is a real failure, passed on with Excel's code.
      if (!isResponseTooLarge(e) || batch.length === 1) throw e;
      const half = Math.ceil(batch.length / 2);
      queue.unshift(batch.slice(0, half), batch.slice(half));
      continue;
    }
    for (const { p, r } of loaded) values[p.index] = r.values === null ? [] : toCellValues(r.values);
  }

  const sheetNames = worksheets.items.map((ws) => ws.name);
  const ownedRole = new Map<string, NonNullable<ReturnType<typeof roleOfMarker>>>();
  for (const item of names.items) {
    const role = roleOfMarker(item.name);
    const sheet = role ? sheetOfReference(item.formula) : null;
    if (role && sheet !== null && sheetNames.includes(sheet)) ownedRole.set(sheet, role);
  }
  const grids: Grid[] = worksheets.items.flatMap((ws, i) => {
    if (isStagingSheet(ws.name)) return [];
    const role = ownedRole.get(ws.name);
    const r = used[i];
    return [
      {
        sheet: ws.name,
        values: values[i],
        ...(ws.visibility !== 'Visible' ? { hidden: true } : {}),
        ...(r.isNullObject ? {} : { origin: originOfAddress(r.address) }),
        ...(role ? { ownedRole: role } : {}),
      },
    ];
  });
  return { input: { grids }, truncated, syncs };
}
