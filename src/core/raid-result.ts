/** One row of the program's issues, actions and decisions (result.raid; docs/result-schema.md). */
export interface RaidResult {
  projectId: string;
  projectName: string;
  kind: 'issue' | 'action' | 'decision';
  id: string;
  title: string;
  owner: string | null;
  /** ISO dates, as written on the log. */
  raised: string | null;
  due: string | null;
  status: string | null;
  isOpen: boolean;
  /** Calendar days from raised to the status date; null without a raised date or when raised after it. */
  ageDays: number | null;
  /** Open with a due date before the status date. */
  overdue: boolean;
  /** Calendar days past due at the status date (overdue items only). */
  daysOverdue: number | null;
  sheet: string;
  cell: string;
}
