/**
 * Office errors turned into plain user messages, classified by `error.code` (never by message text, which
 * is localised). The original code and debugInfo are kept for the log and the "details" view.
 */
export interface ClassifiedError {
  code: string;
  /** What the user should read (one sentence, with what to do). */
  message: string;
  /** True when trying again as-is may work. */
  retryable: boolean;
  debugInfo?: unknown;
}

const MESSAGES: Record<string, { message: string; retryable: boolean }> = {
  InvalidOperationInCellEditMode: { message: 'Finish editing the cell, then roll up again.', retryable: true },
  ItemNotFound: {
    message: 'A sheet or name the roll-up needed was removed while it ran. Roll up again.',
    retryable: true,
  },
  ItemAlreadyExists: {
    message: 'A sheet or table with the same name was created while the roll-up ran. Roll up again.',
    retryable: true,
  },
  RequestPayloadSizeLimitExceeded: {
    message: 'The summary is too large to write in one go in Excel on the web. Exclude some sheets or use Excel desktop.',
    retryable: false,
  },
  ResponsePayloadSizeLimitExceeded: {
    message: 'The workbook is too large to read in one go in Excel on the web. Exclude some sheets or use Excel desktop.',
    retryable: false,
  },
  AccessDenied: {
    message: 'Excel refused the change: the workbook or a sheet is protected or read-only. Unprotect it, then roll up again.',
    retryable: false,
  },
  InvalidArgument: { message: 'Excel rejected part of the summary as invalid. Please report this with the details below.', retryable: false },
  InvalidOperation: { message: 'Excel could not perform an operation the roll-up needed. Please report this with the details below.', retryable: false },
  ApiNotFound: {
    message: 'This version of Excel lacks a feature the roll-up needs. Update Office or use Excel on the web.',
    retryable: false,
  },
  Conflict: { message: 'Someone else changed the workbook at the same time. Roll up again.', retryable: true },
  ActivityLimitReached: { message: 'Excel is busy. Wait a moment, then roll up again.', retryable: true },
  GeneralException: { message: 'Excel reported an internal error. Roll up again; if it persists, reopen the workbook.', retryable: true },
  Cancelled: { message: 'The roll-up was cancelled before anything was written.', retryable: true },
  CommandTimeLimit: {
    message:
      'The roll-up would not finish within the 5 minutes Office gives a ribbon command, so it stopped. Open the Rollup pane (Home tab) and roll up from there.',
    retryable: false,
  },
};

function field(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined;
}

/**
 * What a failed write left behind, from the `workbookUnchanged` mark the writer puts on its errors
 * (see applyPlan): the user must know whether the previous summary is still the one they see.
 */
function writeOutcome(e: unknown): string {
  const unchanged = field(e, 'workbookUnchanged');
  if (unchanged === true) return ' The workbook was left as it was before this roll-up.';
  if (unchanged === false) return ' The summary sheets may be incomplete: roll up again to rebuild them.';
  return '';
}

/** Classifies anything thrown during a roll-up. Unknown errors keep their own message. */
export function classifyOfficeError(e: unknown): ClassifiedError {
  const code = typeof field(e, 'code') === 'string' ? (field(e, 'code') as string) : 'Unknown';
  const debugInfo = field(e, 'debugInfo');
  const known = MESSAGES[code];
  const after = writeOutcome(e);
  if (known) return { code, message: known.message + after, retryable: known.retryable, ...(debugInfo !== undefined ? { debugInfo } : {}) };
  const raw = e instanceof Error ? e.message : String(e);
  return {
    code,
    message: `The roll-up failed: ${raw}${after}`,
    retryable: false,
    ...(debugInfo !== undefined ? { debugInfo } : {}),
  };
}

/**
 * The error a ribbon command's roll-up stops with when Office's 5-minute limit for function commands is near:
 * before the write phase, or between write requests (the staging sheets are then removed).
 */
export class CommandTimeLimitError extends Error {
  readonly code = 'CommandTimeLimit';
  constructor() {
    super(MESSAGES.CommandTimeLimit.message);
    this.name = 'CommandTimeLimitError';
  }
}

/** The error thrown when the user cancels before the write phase. */
export class RollupCancelledError extends Error {
  readonly code = 'Cancelled';
  constructor() {
    super('The roll-up was cancelled before anything was written.');
    this.name = 'RollupCancelledError';
  }
}
