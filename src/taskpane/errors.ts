/**
 * Turns whatever a roll-up threw into a plain message for the MessageBar. Office.js errors carry a `code`
 * (OfficeExtension.Error); our own adapters throw `{ code, message, debugInfo }`. The technical detail goes
 * to the console, never to the user.
 */
import { classifyOfficeError } from '../excel/errors';

export interface PaneError {
  code: string;
  /** Short title for the MessageBar. */
  title: string;
  /** What happened and what to do, in plain words. */
  message: string;
  intent: 'error' | 'warning' | 'info';
}

/** Short titles per code; the sentences themselves come from src/excel's classification. */
const TITLES: Record<string, string> = {
  InvalidOperationInCellEditMode: 'A cell is being edited',
  ItemNotFound: 'Something moved',
  ItemAlreadyExists: 'A name is taken',
  RequestPayloadSizeLimitExceeded: 'Too much data at once',
  ResponsePayloadSizeLimitExceeded: 'Too much data at once',
  AccessDenied: 'The workbook is protected',
  ApiNotFound: 'Excel is too old',
  Conflict: 'The workbook changed',
  ActivityLimitReached: 'Excel is busy',
  GeneralException: 'Excel reported an error',
  CommandTimeLimit: 'Out of time',
  SheetTooLarge: 'A sheet is too large',
};

function isAbort(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'AbortError' || code === 'Cancelled' || code === 'ABORTED';
}

export function classifyError(e: unknown): PaneError {
  if (isAbort(e)) {
    return { code: 'ABORTED', intent: 'info', title: 'Roll-up cancelled', message: 'Nothing was written to the workbook.' };
  }
  const classified = classifyOfficeError(e);
  const title = TITLES[classified.code];
  if (title) return { code: classified.code, intent: 'error', title, message: classified.message };
  // Unknown codes (our own adapters' errors among them) carry a message written for the user.
  const own = typeof e === 'object' && e !== null && !(e instanceof Error) ? (e as { message?: unknown }).message : undefined;
  return { code: classified.code, intent: 'error', title: 'The roll-up failed', message: typeof own === 'string' && own ? own : classified.message };
}

/** Logs the technical detail of a failure for whoever opens the developer console. */
export function logDebugInfo(context: string, e: unknown): void {
  const debugInfo = typeof e === 'object' && e !== null ? (e as { debugInfo?: unknown }).debugInfo : undefined;
  console.error(`[program-rollup] ${context}`, debugInfo ?? e);
}
