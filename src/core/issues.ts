/** Data problems are values, not exceptions: every one names its sheet and cell and says what to fix. */
export type Severity = 'error' | 'warning' | 'info';

export interface RollupIssue {
  severity: Severity;
  /** Stable machine code, e.g. "DATE_UNREADABLE"; documented in docs/sheet-format.md. */
  code: string;
  sheet: string;
  /** A1 address or range within the sheet, or null when the issue is about the whole sheet. */
  cell: string | null;
  /** Plain-English message that says what is wrong and what to fix. */
  message: string;
}

export function issue(severity: Severity, code: string, sheet: string, cell: string | null, message: string): RollupIssue {
  return { severity, code, sheet, cell, message };
}
