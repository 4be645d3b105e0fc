/**
 * Issues, actions and decisions logs (the I, A and D of RAID; risks have their own register). The kind comes
 * from the Type column, row by row, else from the title heading ("Issue", "Action Item"). Text is kept as
 * written; a row whose type is not one of the three is reported and left out rather than guessed.
 */
import type { RaidItem, RaidKind } from '../model';
import type { SheetContext } from './context';
import type { ColumnMap, RaidField } from './headers';
import { rowIsBlank } from './tables';

const KIND_WORDS: Record<string, RaidKind> = {
  issue: 'issue', issues: 'issue', i: 'issue', problem: 'issue', probleme: 'issue', problema: 'issue', 課題: 'issue', 问题: 'issue',
  action: 'action', actions: 'action', a: 'action', actionitem: 'action', todo: 'action', massnahme: 'action', maßnahme: 'action',
  accion: 'action', acao: 'action', azione: 'action', aufgabe: 'action',
  decision: 'decision', decisions: 'decision', d: 'decision', entscheidung: 'decision', decisao: 'decision', decisione: 'decision', 決定: 'decision', 决策: 'decision',
};

export function raidKindOf(text: string): RaidKind | null {
  const key = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return KIND_WORDS[key] ?? null;
}

const CLOSED = new Set(['closed', 'done', 'complete', 'completed', 'resolved', 'decided', 'agreed', 'approved', 'cancelled', 'canceled',
  'withdrawn', 'rejected', 'superseded', 'erledigt', 'geschlossen', 'entschieden', 'ferme', 'termine', 'cerrado', 'resuelto', 'fechado', 'chiuso', 'gesloten']);

export function raidIsOpen(status: string | null): boolean {
  if (status === null) return true;
  const key = status.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return !CLOSED.has(key);
}

const PREFIX: Record<RaidKind, string> = { issue: 'I', action: 'A', decision: 'D' };

/** Items of one log table, rows from..to (exclusive); projectName is each row's Project cell (null without one). */
export function readRaid(ctx: SheetContext, cols: ColumnMap<RaidField>, titleKind: RaidKind | null, from: number, to: number): { projectName: string | null; item: RaidItem }[] {
  const out: { projectName: string | null; item: RaidItem }[] = [];
  const used = Object.values(cols) as number[];
  const seq: Record<RaidKind, number> = { issue: 0, action: 0, decision: 0 };
  for (let r = from; r < to; r++) {
    if (rowIsBlank(ctx.rows[r], used)) continue;
    const typeText = ctx.text(r, cols.type, 'Type');
    let kind: RaidKind | null = typeText !== null ? raidKindOf(typeText) : titleKind;
    if (typeText !== null && kind === null) {
      // "Risk" rows in a combined RAID log belong to the risk register, which has the probability and impact.
      if (/^(r|risks?|risiko|risque|riesgo|risco|rischio|risico)$/i.test(typeText.trim())) continue;
      ctx.add('warning', 'RAID_TYPE_UNKNOWN', r, cols.type ?? 0, `Type "${typeText}" is not Issue, Action or Decision; the row is left out.`);
      continue;
    }
    if (kind === null) kind = titleKind ?? 'issue';
    seq[kind]++;
    const id = ctx.text(r, cols.id, 'ID') ?? `${PREFIX[kind]}${seq[kind]}`;
    const title = ctx.text(r, cols.title, 'Description') ?? `${kind[0].toUpperCase()}${kind.slice(1)} ${id}`;
    const status = ctx.text(r, cols.status, 'Status');
    out.push({
      projectName: ctx.text(r, cols.project, 'Project'),
      item: {
        kind, id, title, owner: ctx.text(r, cols.owner, 'Owner'),
        raised: ctx.date(r, cols.raised, 'Date raised'), due: ctx.date(r, cols.due, 'Due date'),
        status, isOpen: raidIsOpen(status), row: ctx.sheetRow(r),
        source: { sheet: ctx.sheet, cell: ctx.addr(r, cols.title ?? cols.id ?? 0) },
      },
    });
  }
  return out;
}
