/**
 * A SheetReading in the pane's words (the command line's --explain says the same in src/cli/explain.ts, for
 * a terminal). Pure, so the sentences are tested without rendering.
 */
import type { SheetReading } from '../core/model';

/** The one-line verdict beside a sheet's name. */
export function readingVerdict(r: SheetReading): string {
  switch (r.kind) {
    case 'project': {
      const id = r.projects[0];
      const tasks = `${r.taskCount} task${r.taskCount === 1 ? '' : 's'}`;
      return id === undefined ? `Project, ${tasks}` : `Project ${id}, ${tasks}`;
    }
    case 'projects':
      return `${r.projects.length} projects (${r.projects.join(', ')})`;
    case 'risk-log': {
      // The reader's reason names the kind of log ("risk log", "RAID log", "issues, actions and decisions log").
      const what = r.reason !== undefined && !r.reason.startsWith('risk log') ? (r.reason.startsWith('RAID') ? 'RAID log' : 'Issues, actions and decisions log') : 'Risk log';
      return r.projects.length > 0 ? `${what} for ${r.projects.join(', ')}` : `${what}, not attached`;
    }
    case 'program':
      return 'Program sheet';
    case 'skipped':
      return 'Skipped';
  }
}

export const ID_SCHEME_TEXT: Record<SheetReading['idScheme'], string> = {
  column: 'from the ID column',
  wbs: 'the WBS / outline codes',
  'row-order': 'numbered 1, 2, 3 … in row order, summary rows included (as MS Project numbers them)',
  'sheet-row': 'the worksheet row numbers (as Smartsheet numbers rows)',
  none: 'none',
};

/** "row 7", or "rows 6–7" for a two-row heading; null when no header was found. */
export function headerRowText(r: SheetReading): string | null {
  if (r.headerRow === null) return null;
  return r.headerTopRow !== undefined ? `rows ${r.headerTopRow}–${r.headerRow}` : `row ${r.headerRow}`;
}

/** A date convention as a user knows it: "serial" is what Excel itself stores. */
export function conventionText(convention: string): string {
  return convention === 'serial' ? 'Excel dates' : convention;
}

/** "20 tasks, 1 summary row, 3 milestones, 30 links". */
export function countsText(r: SheetReading): string {
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  return [n(r.taskCount, 'task', 'tasks'), n(r.summaryCount, 'summary row', 'summary rows'), n(r.milestoneCount, 'milestone', 'milestones'), n(r.linkCount, 'link', 'links')].join(', ');
}

/** React keys from texts: the text itself, and its occurrence number for the rare exact repeat. */
export function stableKeys(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((t) => {
    const n = seen.get(t) ?? 0;
    seen.set(t, n + 1);
    return n === 0 ? t : `${t}#${n}`;
  });
}
