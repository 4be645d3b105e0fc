/**
 * The Office.js renderer: applies a WorkbookPlan verbatim. Everything is queued first as "steps" with an
 * estimated request size, then sent in as few context.sync calls as the 5 MB request limit of Excel on the
 * web allows: normally one write sync (plus one to list sheets when the caller has not already read them).
 *
 * Safety: only sheets marked as ours (PR_OWNED_<role> names) are replaced; a user's sheet that holds a
 * wanted name is left alone and our sheet takes a suffixed name, reported in the notes. Project sheets are
 * never touched. Every string is written so Excel keeps it as literal text.
 *
 * No half-written output: Office.js does not roll back a failed batch (operations before the failing one
 * stay applied), so the new sheets are built under staging names ("~PR_new_0", tables "PRstaged_0") while
 * the previous summary stays intact, and only a short swap at the very end renames them into place,
 * re-points the ownership markers and deletes the old sheets. When a write sync fails before any new sheet
 * has taken its final name, a cleanup pass deletes the staging sheets and gives moved-aside sheets their
 * names back, so the workbook is as it was; the error says which (see undoStaging).
 *
 * Requirement sets: ExcelApi 1.7 is the floor (charts from ranges, series.setValues, freeze panes,
 * hyperlinks, tab colours); newer features are gated with isSetSupported and degrade with a note.
 */
import type { OwnedSheetRole } from '../core/grid';
import type { RenderReport, WorkbookPlan } from '../core/report/plan';
import type { SheetRef } from './read-workbook';
import { isStagingSheet, ownedMarkerName, OWNED_ROLES, type OwnedSheetInfo } from './ownership';

import { PlanWriter, claimFreeName, oneShot } from './plan-writer';
import { DEFAULT_REQUEST_BUDGET, REQUEST_BASE_BYTES, batchSteps, bytesOf, isRequestTooLarge } from './request-size';
import { renameClashingTables, resolveSheetNames } from './output-names';

export { DEFAULT_REQUEST_BUDGET, DESKTOP_REQUEST_BUDGET, OP_BYTES, REQUEST_BASE_BYTES, batchSteps, bytesOf } from './request-size';
export { renameClashingTables, resolveSheetNames } from './output-names';
export { boxOf, needsQuotePrefix, toExcelValue } from './cell-values';
export { EMPTY_CHART_SOURCE, charsToPoints } from './plan-writer';

export interface ApplyOptions {
  /** All sheets now in the workbook (name, id), from readWorkbookGrids; when absent one extra sync lists them. */
  existingSheets?: SheetRef[];
  /** Tables now in the workbook with their sheets, from readWorkbookGrids (to avoid table-name clashes). */
  existingTables?: { sheet: string; name: string }[];
  /** Defined names now in the workbook: tables share their namespace, so a table may not take one. */
  existingNames?: string[];
  /** isSetSupported('ExcelApi', version); defaults to Office.context.requirements. */
  supports?: (version: string) => boolean;
  /** Request size budget in bytes (tests lower it to exercise splitting). */
  requestBudget?: number;
  /**
   * Stops the write between requests when aborted (the ribbon command's time limit): the staging sheets are
   * removed and the abort reason is thrown, so Office never ends the run with a half-written summary.
   */
  signal?: AbortSignal;
}

export interface ApplyReport extends RenderReport {
  /** context.sync calls made by applyPlan. */
  syncs: number;
  /** Estimated request bytes per write sync that Excel accepted (the last one activates the summary). */
  batchBytes: number[];
  /** Write requests Excel refused as too large and that were sent again in halves (each counted in syncs). */
  refusedRequests: number;
}

function officeSupports(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    // Office.context is absent outside a host (tests, previews): assume only the manifest's floor.
    return false;
  }
}

/** What the writer created or moved, so a failed write can be undone. */
interface StagingRecord {
  /** Ids of the sheets the workbook had before the write. */
  idsBefore: Set<string>;
  stagingNames: string[];
  finalNames: string[];
  /** Old summary sheets moved aside by the swap: temporary name and the name to give back. */
  oldRenames: { temp: string; original: string }[];
}

/**
 * After a failed write sync, puts the workbook back as it was when it can (two syncs: list, then fix).
 * Office.js keeps the operations of a failed batch that ran before the failing one, so the state is read
 * back: the new summary has begun to show once a final name is held by a sheet that did not exist before
 * (told apart by worksheet id). Until then the old summary is
 * complete: staging sheets are deleted and moved-aside sheets get their names back. The original error is
 * returned, marked `workbookUnchanged`. A failing cleanup is logged, and the mark then says "changed".
 */
async function undoStaging(context: Excel.RequestContext, record: StagingRecord, error: unknown): Promise<unknown> {
  let workbookUnchanged = false;
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id');
    await context.sync();
    const present = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const shown = record.finalNames.some((name) => {
      const ws = present.get(name.toLowerCase());
      return ws !== undefined && !record.idsBefore.has(ws.id);
    });
    for (const n of record.stagingNames) present.get(n.toLowerCase())?.delete();
    if (!shown) {
      for (const { temp, original } of record.oldRenames) {
        const ws = present.get(temp.toLowerCase());
        if (ws) ws.name = original;
      }
    }
    await context.sync();
    workbookUnchanged = !shown;
  } catch (cleanupError) {
    console.error('[program-rollup] Removing the partly written summary failed', cleanupError);
  }
  const marked = typeof error === 'object' && error !== null ? error : new Error(String(error));
  return Object.assign(marked, { workbookUnchanged });
}

export async function applyPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  owned: OwnedSheetInfo[],
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const supports = options.supports ?? officeSupports;
  const budget = options.requestBudget ?? DEFAULT_REQUEST_BUDGET;
  let syncs = 0;

  let sheetsBefore = options.existingSheets;
  if (!sheetsBefore) {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id');
    await context.sync();
    syncs += 1;
    sheetsBefore = sheets.items.map((s) => ({ name: s.name, id: s.id }));
  }
  const existing = sheetsBefore.map((s) => s.name);

  const { finalNames, notes } = resolveSheetNames(plan, existing, owned);
  // Belt and braces: a user's or PM's sheet must never be a write target, whatever resolveSheetNames does.
  const ours = new Set(owned.filter((o) => o.sheetName !== '').map((o) => o.sheetName.toLowerCase()));
  const clash = finalNames.find((n) => existing.some((e) => e.toLowerCase() === n.toLowerCase()) && !ours.has(n.toLowerCase()));
  if (clash !== undefined) {
    throw Object.assign(new Error(`Refusing to write over the sheet "${clash}", which the add-in does not own.`), { code: 'InvalidOperation' });
  }
  const finalNameOf = (planName: string): string => {
    const i = plan.sheets.findIndex((s) => s.name === planName);
    return i >= 0 ? finalNames[i] : planName;
  };
  const writePlan = renameClashingTables(plan, existing, owned, options.existingTables ?? [], notes, options.existingNames ?? []);
  // Staging sheets an interrupted run left behind (Office ended it between write requests): removed first.
  const leftovers = sheetsBefore.filter((s) => isStagingSheet(s.name));
  const lowerExisting = new Set(existing.filter((n) => !isStagingSheet(n)).map((n) => n.toLowerCase()));
  const freeName = (base: string): string => claimFreeName(base, lowerExisting);
  const tablesTaken = new Set([...(options.existingTables ?? []).map((t) => t.name), ...(options.existingNames ?? [])].map((n) => n.toLowerCase()));
  const writer = new PlanWriter(context, supports, budget, tablesTaken);
  const worksheets = context.workbook.worksheets;

  for (const sheet of leftovers) {
    writer.step(bytesOf(sheet.id, 2), () => {
      worksheets.getItem(sheet.id).delete();
    });
  }
  if (leftovers.length > 0) {
    notes.push(`Removed ${leftovers.length} unfinished sheet(s) an interrupted roll-up had left behind.`);
  }

  // 1. Build the new sheets under staging names; the previous summary is not touched yet.
  const stagingNames = plan.sheets.map((_, i) => freeName(`~PR_new_${i}`));
  const newSheets = stagingNames.map((staging, i) => {
    let proxy: Excel.Worksheet | null = null;
    writer.step(bytesOf(staging, 2), () => {
      proxy = worksheets.add(staging);
    });
    const get = (): Excel.Worksheet => {
      if (!proxy) throw new Error(`Internal: sheet "${finalNames[i]}" used before it was added`);
      return proxy;
    };
    writer.register(plan.sheets[i].name, get);
    return get;
  });
  writePlan.sheets.forEach((sheet, i) => writer.sheetContent(sheet, newSheets[i], finalNameOf));

  // 2. The swap, last and short: old sheets step aside, new ones take the final names and the markers.
  const replacedRoles = new Set(plan.sheets.map((s) => s.role));
  const oldSheets = owned.filter((o) => o.sheetName !== '' && replacedRoles.has(o.role) && existing.includes(o.sheetName));
  const oldRenames: { temp: string; original: string }[] = [];
  const oldProxies = oldSheets.map((o, i) => {
    const temp = freeName(`~PR_old_${i}`);
    oldRenames.push({ temp, original: o.sheetName });
    let proxy: Excel.Worksheet | null = null;
    const get = (): Excel.Worksheet => (proxy ??= worksheets.getItem(o.sheetName));
    writer.step(bytesOf(temp, 2), () => {
      get().name = temp;
    });
    return get;
  });
  newSheets.forEach((get, i) => {
    const name = finalNames[i];
    writer.step(bytesOf(name, 1), () => {
      get().name = name;
    });
  });
  // Markers of replaced roles, and markers pointing nowhere (#REF!), give way to the new ones.
  for (const o of owned) {
    if (o.sheetName !== '' && !replacedRoles.has(o.role)) continue;
    const marker = o.marker;
    writer.step(bytesOf(marker, 3), () => {
      context.workbook.names.getItem(marker).delete();
    });
  }
  plan.sheets.forEach((sheet, i) => {
    const marker = ownedMarkerName(sheet.role);
    writer.step(bytesOf(marker, 5), () => {
      context.workbook.names.add(marker, oneShot(newSheets[i]().getRange('A1')));
    });
  });
  // Deleting the old sheets frees their table names for the staged tables.
  for (const get of oldProxies) {
    writer.step(bytesOf(null, 1), () => {
      get().delete();
    });
  }
  for (const staged of writer.stagedTables) {
    const name = staged.finalName;
    writer.step(bytesOf(name, 2), () => {
      staged.get().name = name;
    });
  }

  // Each request also re-sends the paths of the objects it starts from (workbook, sheets): a fixed part.
  const queue = batchSteps(writer.steps, budget - REQUEST_BASE_BYTES);
  const batchBytes: number[] = [];
  let parts = 0;
  let retries = 0;
  const record: StagingRecord = { idsBefore: new Set(sheetsBefore.map((s) => s.id)), stagingNames, finalNames, oldRenames };
  for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
    if (options.signal?.aborted) throw await undoStaging(context, record, options.signal.reason);
    if (supports('1.6')) context.application.suspendApiCalculationUntilNextSync();
    for (const s of batch) s.run();
    const bytes = REQUEST_BASE_BYTES + batch.reduce((n, s) => n + s.bytes, 0);
    try {
      // Deliberate: each batch is one request kept under the 5 MB limit; a normal plan is a single batch.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      syncs += 1;
      // Excel refused the request unread (so nothing of it was applied): send it again in two halves.
      if (isRequestTooLarge(e) && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        queue.unshift(batch.slice(0, half), batch.slice(half));
        retries += 1;
        continue;
      }
      throw await undoStaging(context, record, e);
    }
    syncs += 1;
    parts += 1;
    batchBytes.push(bytes);
  }
  // Activation gets a request of its own: Excel on the web has been seen to ignore activating a sheet added
  // in the same request.
  const active = plan.sheets.findIndex((s) => s.role === plan.activeSheet);
  if (active >= 0) {
    newSheets[active]().activate();
    try {
      await context.sync();
    } catch (e) {
      syncs += 1;
      throw await undoStaging(context, record, e);
    }
    syncs += 1;
    batchBytes.push(REQUEST_BASE_BYTES + bytesOf(null, 1));
  }
  if (parts > 1) {
    notes.push(`The summary was large, so it was written in ${parts} parts.`);
  }

  const sheetNames = {} as Record<OwnedSheetRole, string>;
  for (const role of OWNED_ROLES) {
    const i = plan.sheets.findIndex((s) => s.role === role);
    sheetNames[role] = i >= 0 ? finalNames[i] : (owned.find((o) => o.role === role && o.sheetName !== '')?.sheetName ?? '');
  }
  return { sheetNames, notes: [...notes, ...writer.notes], syncs, batchBytes, refusedRequests: retries };
}
