/**
 * How the add-in marks the sheets it writes: a workbook-scoped defined name PR_OWNED_<role> pointing at the
 * owned sheet's A1 (ExcelApi 1.4). A defined name follows a sheet rename and turns into #REF! when the user
 * deletes the sheet, so ownership cannot leak onto a user's sheet that merely shares the name.
 */
import type { OwnedSheetRole } from '../core/grid';

export const OWNED_NAME_PREFIX = 'PR_OWNED_';
export const OWNED_ROLES: readonly OwnedSheetRole[] = ['summary', 'dependencies', 'risks', 'issues', 'history', 'changes', 'snapshot', 'trend', 'status', 'benefits', 'resources', 'raid'];

export interface OwnedSheetInfo {
  role: OwnedSheetRole;
  /** Current name of the owned sheet. */
  sheetName: string;
  /** The defined name that marks it. */
  marker: string;
}

export function ownedMarkerName(role: OwnedSheetRole): string {
  return `${OWNED_NAME_PREFIX}${role}`;
}

/** The role a marker name stands for, or null when it is not one of ours. */
export function roleOfMarker(name: string): OwnedSheetRole | null {
  if (!name.startsWith(OWNED_NAME_PREFIX)) return null;
  const role = name.slice(OWNED_NAME_PREFIX.length);
  return (OWNED_ROLES as readonly string[]).includes(role) ? (role as OwnedSheetRole) : null;
}

/** "='Program Summary'!$A$1" -> "Program Summary"; null for #REF! or anything that is not a sheet reference. */
export function sheetOfReference(formula: string): string | null {
  const text = formula.startsWith('=') ? formula.slice(1) : formula;
  const quoted = /^'((?:[^']|'')+)'!/.exec(text);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const bare = /^([^'!#=]+)!/.exec(text);
  return bare ? bare[1] : null;
}

/** The names staging sheets take ("~PR_new_0", "~PR_new_0_1"): reserved for the add-in (docs/output.md). */
const STAGING_SHEET = /^~PR_new_\d+(_\d+)?$/;

/** True for a sheet the writer builds a summary in before it takes its final name. */
export function isStagingSheet(name: string): boolean {
  return STAGING_SHEET.test(name);
}

/**
 * Sheet name as it must appear in a reference: always quoted. Unquoted, a name that reads as a cell address
 * (CRM1, P001, AB12) or in R1C1 (R2C3) is taken for one and the reference points nowhere; quoting any name
 * is valid, and the file renderer does the same.
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'Sheet'!$B$2:$B$9" into sheet and local address; null when there is no sheet part. */
export function splitReference(ref: string): { sheet: string; address: string } | null {
  const sheet = sheetOfReference(ref);
  if (sheet === null) return null;
  return { sheet, address: ref.slice(ref.lastIndexOf('!') + 1) };
}
