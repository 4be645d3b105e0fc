/**
 * The PM's status block: labels such as "Overall Status" or "RAG", "Summary", "Accomplishments", "Next Steps",
 * "Decisions Needed", "Escalations" and "Status Updated", each with its value in the next non-empty cell to the
 * right, as the metadata block is read. It may sit above the task table or beside it (right of its last
 * column). It is optional: a sheet without one simply has no PM status.
 */
import type { PmStatus, StatusField } from '../model';
import type { HealthColor } from '../settings';
import type { SheetContext } from './context';
import { isBlank } from './cells';
import { normalizeHeader } from './headers';

const LABELS: Record<StatusField, readonly string[]> = {
  rag: ['Overall Status', 'Overall RAG', 'RAG', 'RAG Status', 'Status RAG', 'Overall Health', 'PM RAG', 'Project RAG'],
  summary: ['Summary', 'Status Summary', 'Executive Summary', 'Overall Summary', 'Status Comment', 'Commentary'],
  accomplishments: ['Accomplishments', 'Key Accomplishments', 'Achievements', 'Completed This Period', 'Progress This Period'],
  nextSteps: ['Next Steps', 'Planned Next Period', 'Next Period'],
  decisions: ['Decisions Needed', 'Decisions Required', 'Decision Needed', 'Decisions Requested'],
  escalations: ['Escalations', 'Escalation', 'Issues For Escalation'],
  updated: ['Status Updated', 'Last Updated', 'Status Update Date', 'Last Update', 'Update Date'],
};

const LOOKUP = new Map<string, StatusField>();
for (const [field, labels] of Object.entries(LABELS) as [StatusField, readonly string[]][]) for (const l of labels) LOOKUP.set(normalizeHeader(l), field);

const RAG_WORDS: Record<string, HealthColor> = {
  green: 'green', g: 'green', ontrack: 'green',
  amber: 'amber', a: 'amber', yellow: 'amber', y: 'amber', atrisk: 'amber',
  red: 'red', r: 'red', offtrack: 'red',
};

/** "Red", "R", "amber – supplier late" -> the colour; null when no colour is said. */
export function ragOf(text: string): HealthColor | null {
  const whole = RAG_WORDS[normalizeHeader(text)];
  if (whole !== undefined) return whole;
  const first = /^[\s([]*([a-z]+(?:\s+track)?)/i.exec(text);
  return first ? (RAG_WORDS[normalizeHeader(first[1])] ?? null) : null;
}

/** One item per line; bullets and numbering are dropped. */
export function itemsOf(text: string): string[] {
  return text.split(/\r?\n|;\s+/).map((l) => l.replace(/^\s*(?:[•·\-*–]|\d+[.)])\s*/, '').trim()).filter((l) => l !== '');
}

/**
 * Reads the block from the rows above `headerRow` (all columns) and, beside the table, from the columns after
 * `lastTableCol` on every row. Null when no status label is found.
 */
export function readStatusBlock(ctx: SheetContext, headerRow: number, lastTableCol: number): PmStatus | null {
  const found = new Map<StatusField, { r: number; c: number }>();
  for (let r = 0; r < ctx.rows.length; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    const from = r < headerRow ? 0 : lastTableCol + 1;
    for (let c = from; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || v.length > 40) continue;
      const field = LOOKUP.get(normalizeHeader(v));
      if (field === undefined || found.has(field)) continue;
      let vc = c + 1;
      while (vc < row.length && isBlank(row[vc])) vc++;
      if (vc >= row.length) continue;
      // A label followed by another label is a header-like row, not a label/value pair.
      const next = row[vc];
      if (typeof next === 'string' && LOOKUP.has(normalizeHeader(next))) continue;
      found.set(field, { r, c: vc });
      c = vc;
    }
  }
  if (found.size === 0) return null;
  const text = (f: StatusField, what: string): string | null => {
    const at = found.get(f);
    return at ? ctx.text(at.r, at.c, what) : null;
  };
  const status: PmStatus = { rag: null, ragText: null, summary: text('summary', 'Summary'), accomplishments: text('accomplishments', 'Accomplishments'),
    nextSteps: text('nextSteps', 'Next Steps'), decisions: itemsOf(text('decisions', 'Decisions Needed') ?? ''), escalations: itemsOf(text('escalations', 'Escalations') ?? ''),
    updated: null, cells: {} };
  for (const [f, at] of found) status.cells[f] = { sheet: ctx.sheet, cell: ctx.addr(at.r, at.c) };
  const rag = found.get('rag');
  if (rag) {
    status.ragText = ctx.text(rag.r, rag.c, 'Overall Status');
    status.rag = status.ragText === null ? null : ragOf(status.ragText);
    if (status.ragText !== null && status.rag === null) {
      ctx.add('warning', 'STATUS_RAG_UNREADABLE', rag.r, rag.c, `Overall status "${status.ragText}" is not Green, Amber or Red; the PM's status is shown as given and not compared with the figures. Write Green, Amber or Red.`);
    }
  }
  const updated = found.get('updated');
  if (updated) status.updated = ctx.date(updated.r, updated.c, 'Status Updated');
  return status;
}
