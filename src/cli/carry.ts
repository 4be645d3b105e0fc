/**
 * The command line writes a new summary workbook each run, so what the add-in keeps in the workbook itself
 * (Rollup History and Rollup Snapshot) is carried over from an earlier summary: the one named by --previous,
 * else the --out file when it already exists. Only the add-in's own marked sheets are taken from it.
 */
import { basename } from 'node:path';
import type { Grid, OwnedSheetRole, WorkbookInput } from '../core/grid';
import { readXlsxGrids } from '../xlsx/read';

export const CARRIED_ROLES: readonly OwnedSheetRole[] = ['history', 'snapshot'];

/** The history and snapshot sheets of an earlier summary workbook; throws XlsxReadError when it cannot be read. */
export async function readCarried(path: string): Promise<{ grids: Grid[]; date1904: boolean }> {
  const { input } = await readXlsxGrids(path, { workbook: basename(path) });
  const grids = input.grids.filter((g) => g.ownedRole !== undefined && CARRIED_ROLES.includes(g.ownedRole));
  return { grids, date1904: input.date1904 === true };
}

/**
 * The input with the carried sheets in place of any history or snapshot the inputs hold themselves: the
 * earlier summary is the record the user chose, and reading both would count its rows twice.
 */
export function withCarried(input: WorkbookInput, carried: readonly Grid[]): WorkbookInput {
  if (carried.length === 0) return input;
  const roles = new Set(carried.map((g) => g.ownedRole));
  return { ...input, grids: [...input.grids.filter((g) => g.ownedRole === undefined || !roles.has(g.ownedRole)), ...carried] };
}
