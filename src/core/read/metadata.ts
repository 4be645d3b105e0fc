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
  /** The sheet's title cell ("Website Redesign – Schedule"), when no label names the project. */
  title: string | null;
}

/** Prompts a template leaves in its value cells. */
const PLACEHOLDER = /^(enter|type|insert|add|your)\b|^[[<(].*[\]>)]$|^x{3,}$/i;

/** Titles that say what the sheet is, not which project: never a project's name. */
const GENERIC_TITLE = /^(simple |my |basic )?(project )?(schedule|plan|planning|timeline|gantt( chart)?|tracker|template|task list|tasks|status report|work ?plan|project)( template| tracker)?$/i;

/** The first lone text cell above the table: a title, unless it is a label, a date or generic. */
function titleOf(ctx: SheetContext, untilRow: number): string | null {
  for (let r = 0; r < Math.min(untilRow, 10); r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    const texts: string[] = [];
    let numbers = 0;
    for (const v of row) {
      // Long cells are instructions ("Enter the title of this project in cell B1."), not titles.
      if (typeof v === 'string' && v.trim() !== '' && v.length <= 80) texts.push(v.trim());
      else if (typeof v === 'number') numbers++;
    }
    if (texts.length !== 1 || numbers > 0) continue;
    const t = texts[0];
    if (t.length < 3 || t.length > 80 || META_LOOKUP.has(normalizeHeader(t.replace(/[:\-–]+$/, ''))) || GENERIC_TITLE.test(t) || /^[\p{P}\p{S}\s]*$/u.test(t)) continue;
    return t;
  }
  return null;
}

export function readMetadata(ctx: SheetContext, untilRow: number): Metadata {
  const meta: Metadata = { name: null, id: null, idCell: null, manager: null, statusDate: null, budget: null, title: null };
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
        case 'name': {
          // A template's prompt ("Enter your Project Name", "[Project name]") is no name.
          const name = ctx.text(r, vc, label);
          meta.name = name !== null && PLACEHOLDER.test(name) ? null : name;
          break;
        }
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
  if (meta.name === null) meta.title = titleOf(ctx, untilRow);
  return meta;
}
