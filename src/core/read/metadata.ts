/**
 * The label/value block above the task table: "Project: Apollo", "Status Date | 2026-03-31". The value is
 * the next non-empty cell to the right of the label, so merged or spaced-out layouts still read.
 */
import type { MetaField } from './headers';
import { META_LOOKUP, normalizeHeader } from './headers';
import type { SheetContext } from './context';
import { isBlank } from './cells';

export interface Metadata {
  name: string | null;
  id: string | null;
  /** Grid row/col of the project ID value, for issues about it. */
  idCell: { r: number; c: number } | null;
  manager: string | null;
  statusDate: number | null;
  budget: number | null;
}

export function readMetadata(ctx: SheetContext, untilRow: number): Metadata {
  const meta: Metadata = { name: null, id: null, idCell: null, manager: null, statusDate: null, budget: null };
  const seen = new Set<MetaField>();
  for (let r = 0; r < untilRow; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || v.length > 40) continue;
      // "Project:" and "Project -" are labels; normalising drops the punctuation.
      const field = META_LOOKUP.get(normalizeHeader(v));
      if (field === undefined || seen.has(field)) continue;
      let vc = c + 1;
      while (vc < row.length && isBlank(row[vc])) vc++;
      if (vc >= row.length) continue;
      // A label followed by another label is part of a header-like row, not a label/value pair.
      const next = row[vc];
      if (typeof next === 'string' && META_LOOKUP.has(normalizeHeader(next))) continue;
      seen.add(field);
      const label = v.trim().replace(/[:\-–]+$/, '').trim();
      switch (field) {
        case 'name':
          meta.name = ctx.text(r, vc, label);
          break;
        case 'id':
          meta.id = ctx.text(r, vc, label);
          if (meta.id !== null) meta.idCell = { r, c: vc };
          break;
        case 'manager':
          meta.manager = ctx.text(r, vc, label);
          break;
        case 'statusDate':
          meta.statusDate = ctx.date(r, vc, label);
          break;
        case 'budget':
          meta.budget = ctx.money(r, vc, label);
          break;
      }
      c = vc;
    }
  }
  return meta;
}
