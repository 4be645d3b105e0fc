/**
 * Turns whatever a roll-up threw into a plain message for the MessageBar. Office.js errors carry a `code`
 * (OfficeExtension.Error); our own adapters throw `{ code, message, debugInfo }`. The technical detail goes
 * to the console, never to the user.
 */
export interface PaneError {
  code: string;
  /** Short title for the MessageBar. */
  title: string;
  /** What happened and what to do, in plain words. */
  message: string;
  intent: 'error' | 'warning' | 'info';
}

const MESSAGES: Record<string, { title: string; message: string }> = {
  InvalidOperationInCellEditMode: {
    title: 'A cell is being edited',
    message: 'Finish editing the cell (press Enter or Esc), then roll up again.',
  },
  ItemNotFound: {
    title: 'Something moved',
    message: 'A sheet or range the roll-up needs is no longer there. Refresh the sources, then roll up again.',
  },
  RequestPayloadSizeLimitExceeded: {
    title: 'Too much data at once',
    message: 'Excel refused a request because it was too large. Exclude very large sheets from the sources and try again.',
  },
  PayloadTooLarge: {
    title: 'Too much data at once',
    message: 'Excel refused a request because it was too large. Exclude very large sheets from the sources and try again.',
  },
  AccessDenied: {
    title: 'The workbook is protected',
    message: 'Excel did not allow the change. Unprotect the workbook or the summary sheets, then roll up again.',
  },
  InvalidOperation: {
    title: 'Excel refused the operation',
    message: 'Excel could not complete the roll-up in its current state. Close any open dialog and try again.',
  },
  GeneralException: {
    title: 'Excel reported an error',
    message: 'Excel could not complete the roll-up. Try again; if it keeps failing, reload the add-in.',
  },
  SETTINGS_INVALID: {
    title: 'Settings need attention',
    message: 'Some settings are not valid. Check the Settings section.',
  },
};

function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && ((e as { name?: unknown }).name === 'AbortError' || (e as { code?: unknown }).code === 'ABORTED');
}

export function classifyError(e: unknown): PaneError {
  if (isAbort(e)) {
    return { code: 'ABORTED', intent: 'info', title: 'Roll-up cancelled', message: 'Nothing was written to the workbook.' };
  }
  const code = typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'Unknown';
  const known = MESSAGES[code];
  if (known) return { code, intent: 'error', ...known };
  const raw = e instanceof Error ? e.message : typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : String(e);
  return { code, intent: 'error', title: 'The roll-up failed', message: raw || 'An unexpected error occurred. Try again.' };
}

/** Logs the technical detail of a failure for whoever opens the developer console. */
export function logDebugInfo(context: string, e: unknown): void {
  const debugInfo = typeof e === 'object' && e !== null ? (e as { debugInfo?: unknown }).debugInfo : undefined;
  console.error(`[program-rollup] ${context}`, debugInfo ?? e);
}
