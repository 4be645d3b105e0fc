/**
 * Which numbers the predecessors name. A task table may carry an ID column, WBS codes, both, or neither, and
 * the predecessors may name any of them, or MS Project's IDs (the row order, summary rows included, even when
 * the export shows only Unique IDs), or the worksheet's row numbers (Smartsheet). The references decide: the
 * candidate whose IDs the predecessors actually name wins; an explicit column wins ties. Between row order and
 * worksheet rows, the dates decide (a predecessor usually finishes before its successor starts). When even
 * that leaves two readings, the links are bound by row order and the ambiguity is reported, never silent.
 */
import type { CellValue } from '../grid';
import type { SheetContext } from './context';
import type { ColumnMap, TaskField } from './headers';
import { maxOf } from '../arrays';
import { isTaskNumber } from './predecessors';

export type IdScheme = 'column' | 'wbs' | 'row-order' | 'sheet-row';

export interface IdChoice {
  scheme: IdScheme;
  /** A sentence for the reading's notes when the choice was not the obvious one. */
  note: string | null;
  /** Set when two readings bind the links differently and the dates cannot tell them apart. */
  ambiguous: boolean;
}

/** How many predecessor references are sampled: enough to decide, cheap on 2,000-row sheets. */
const SAMPLE = 400;

/** Task numbers a predecessors cell names in its own project ("4", "7;8", "12FS+2d", "1.2.1 & 1.1.6"). */
function referencesIn(v: CellValue | undefined, out: string[]): void {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) out.push(String(v));
    return;
  }
  if (typeof v !== 'string') return;
  // The usual cell, a bare task number ("12"), names itself: no split, no pattern (as the pattern reads it).
  if (isTaskNumber(v)) {
    out.push(v);
    return;
  }
  for (const part of v.split(/[,;&]/)) {
    const t = part.trim();
    if (t === '' || t.includes(':')) continue;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*?)\s*(?:FS|SS|FF|SF)?\s*(?:[+-].*)?$/i.exec(t);
    if (m) out.push(m[1].toLowerCase());
  }
}

interface Candidate {
  scheme: IdScheme;
  ids: Set<string>;
  /** The ID of the i-th task row under this scheme (made again for the date check, seldom needed). */
  idAt: (r: number, i: number) => string | null;
  /** How many of the task rows the IDs were taken from. */
  upTo: number;
}

function hits(refs: readonly string[], ids: ReadonlySet<string>): number {
  let n = 0;
  for (const r of refs) if (ids.has(r)) n++;
  return n;
}

/** Links whose predecessor finishes no later than its successor starts, under one numbering. */
function plausibleLinks(ctx: SheetContext, cols: ColumnMap<TaskField>, c: Candidate, rows: ArrayLike<number>): number {
  const byId = new Map<string, number>();
  for (let i = 0; i < c.upTo; i++) {
    const id = c.idAt(rows[i], i);
    if (id !== null) byId.set(id.toLowerCase(), rows[i]);
  }
  const dateOf = (r: number, f: 'start' | 'finish'): number | null => {
    const col = f === 'start' ? (cols.start ?? cols.baselineStart) : (cols.finish ?? cols.baselineFinish);
    const v = col === undefined ? undefined : ctx.value(r, col);
    return typeof v === 'number' ? v : null;
  };
  let ok = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const refs: string[] = [];
    referencesIn(ctx.value(r, cols.predecessors), refs);
    const start = dateOf(r, 'start');
    for (const ref of refs) {
      const p = byId.get(ref);
      const finish = p === undefined ? null : dateOf(p, 'finish');
      if (p !== undefined && p !== r && start !== null && finish !== null && finish <= start + 1) ok++;
    }
  }
  return ok;
}

/**
 * The ID scheme of a table, from its task rows (grid rows, and their 1-based position counting every row
 * MS Project would number: tasks, summaries and headings).
 */
export function chooseIdScheme(ctx: SheetContext, cols: ColumnMap<TaskField>, rows: ArrayLike<number>, seqs: ArrayLike<number>): IdChoice {
  const explicit: IdScheme | null = cols.id !== undefined ? 'column' : cols.wbs !== undefined ? 'wbs' : null;
  if (cols.predecessors === undefined || rows.length === 0) return { scheme: explicit ?? 'row-order', note: null, ambiguous: false };
  const refs: string[] = [];
  let scanned = 0;
  for (let i = 0; i < rows.length; i++) {
    scanned++;
    referencesIn(ctx.value(rows[i], cols.predecessors), refs);
    if (refs.length >= SAMPLE) break;
  }
  if (refs.length === 0) return { scheme: explicit ?? 'row-order', note: null, ambiguous: false };

  const make = (scheme: IdScheme, idAt: (r: number, i: number) => string | null, upTo = rows.length): Candidate => {
    const ids = new Set<string>();
    for (let i = 0; i < upTo; i++) {
      const id = idAt(rows[i], i);
      if (id !== null) ids.add(id.toLowerCase());
    }
    return { scheme, ids, idAt, upTo };
  };
  const cellId = (c: number | undefined) => (r: number): string | null => {
    const v = c === undefined ? undefined : ctx.value(r, c);
    return typeof v === 'number' ? String(v) : typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  const explicitCol = explicit === 'column' ? cols.id : cols.wbs;
  // The usual case, decided at once: the predecessors name the table's own IDs. Links point mostly back, so
  // the IDs of the rows read for references (and a few after) are enough to tell.
  if (explicit !== null) {
    const near = make(explicit, cellId(explicitCol), Math.min(rows.length, scanned + 50));
    if (hits(refs, near.ids) >= 0.8 * refs.length) return { scheme: explicit, note: null, ambiguous: false };
  }
  const first = explicit === null ? null : make(explicit, cellId(explicitCol));

  const candidates: Candidate[] = [];
  if (first !== null) candidates.push(first);
  if (explicit === 'column' && cols.wbs !== undefined) candidates.push(make('wbs', cellId(cols.wbs)));
  candidates.push(make('row-order', (_r, i) => String(seqs[i])));
  candidates.push(make('sheet-row', (r) => String(ctx.sheetRow(r))));
  const scored = candidates.map((c) => ({ c, n: hits(refs, c.ids) }));
  const top = maxOf(scored.map((s) => s.n), 0);
  if (top === 0) return { scheme: explicit ?? 'row-order', note: null, ambiguous: false };
  const best = scored.filter((s) => s.n === top);
  // An explicit column wins a tie: the PM wrote those IDs.
  const pick = best.find((s) => s.c.scheme === 'column') ?? best.find((s) => s.c.scheme === 'wbs');
  if (pick !== undefined) return { scheme: pick.c.scheme, note: null, ambiguous: false };
  let chosen = best[0].c;
  let ambiguous = false;
  if (best.length > 1) {
    const byDates = best.map((s) => ({ c: s.c, ok: plausibleLinks(ctx, cols, s.c, rows) })).sort((a, b) => b.ok - a.ok);
    chosen = byDates[0].c;
    ambiguous = byDates[0].ok === byDates[1].ok;
  }
  const named = explicit === 'column' ? 'the ID column' : explicit === 'wbs' ? 'the WBS codes' : null;
  const how = chosen.scheme === 'row-order'
    ? 'task numbers in row order (1, 2, 3 …, summary rows included, as MS Project numbers them)'
    : 'worksheet row numbers (as Smartsheet numbers rows)';
  const note = ambiguous
    ? `The numbers in the predecessors could be row-order task numbers or worksheet row numbers; they are read as ${how}. Add an ID column to make them certain.`
    : `The predecessors name ${how}${named !== null ? `, not ${named}` : ''}; tasks are numbered so.`;
  return { scheme: chosen.scheme, note, ambiguous };
}
