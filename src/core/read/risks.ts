/**
 * The risk register: probability as 0-1, a percent, a 1-5 level or words; impact as 1-5 or words.
 * Levels map to the midpoints of five equal bands (1 -> 0.1 ... 5 -> 0.9), the usual 5x5 matrix reading.
 */
import type { CellValue } from '../grid';
import type { Risk } from '../model';
import type { SheetContext } from './context';
import type { ColumnMap, RiskField } from './headers';
import { classify, numberFromText } from './cells';
import { rowIsBlank } from './tables';

export const LEVEL_PROBABILITY = [0.1, 0.3, 0.5, 0.7, 0.9] as const;

const LEVEL_WORDS: Record<string, number> = {
  verylow: 1, vl: 1, rare: 1, insignificant: 1, negligible: 1,
  low: 2, l: 2, unlikely: 2, minor: 2,
  medium: 3, med: 3, m: 3, moderate: 3, possible: 3,
  high: 4, h: 4, likely: 4, major: 4,
  veryhigh: 5, vh: 5, almostcertain: 5, certain: 5, severe: 5, critical: 5, catastrophic: 5, extreme: 5,
};

function wordLevel(text: string): number | null {
  return LEVEL_WORDS[text.toLowerCase().replace(/[^a-z]/g, '')] ?? null;
}

/** Column-wide reading of numbers: a column of whole numbers 1-5 (with some above 1) is a level scale. */
export function probabilityScale(values: readonly CellValue[]): 'level' | 'fraction' {
  let sawAboveOne = false;
  for (const v of values) {
    if (typeof v !== 'number') continue;
    if (!Number.isInteger(v) || v < 0 || v > 5) return 'fraction';
    if (v > 1) sawAboveOne = true;
  }
  return sawAboveOne ? 'level' : 'fraction';
}

export type ProbabilityRead = { ok: true; value: number | null } | { ok: false; text: string };

export function readProbability(v: CellValue | undefined, scale: 'level' | 'fraction'): ProbabilityRead {
  const c = classify(v);
  if (c) return c.kind === 'blank' || c.kind === 'marker' ? { ok: true, value: null } : { ok: false, text: c.kind === 'error' ? c.text : '' };
  if (typeof v === 'boolean') return { ok: false, text: String(v) };
  if (typeof v === 'number') {
    if (scale === 'level' && Number.isInteger(v) && v >= 1 && v <= 5) return { ok: true, value: LEVEL_PROBABILITY[v - 1] };
    if (v >= 0 && v <= 1) return { ok: true, value: v };
    if (v > 1 && v <= 100) return { ok: true, value: v / 100 };
    return { ok: false, text: String(v) };
  }
  const t = String(v).trim();
  const pct = /^(.*?)\s*%$/.exec(t);
  if (pct) {
    const n = numberFromText(pct[1]);
    return n !== null && n >= 0 && n <= 100 ? { ok: true, value: n / 100 } : { ok: false, text: t };
  }
  const n = numberFromText(t);
  if (n !== null) return readProbability(n, scale);
  const w = wordLevel(t);
  return w !== null ? { ok: true, value: LEVEL_PROBABILITY[w - 1] } : { ok: false, text: t };
}

export function readImpactLevel(v: CellValue | undefined): { ok: true; value: number | null } | { ok: false; text: string } {
  const c = classify(v);
  if (c) return c.kind === 'error' ? { ok: false, text: c.text } : { ok: true, value: null };
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 5 ? { ok: true, value: v } : { ok: false, text: String(v) };
  if (typeof v === 'boolean') return { ok: false, text: String(v) };
  const t = String(v).trim();
  const n = numberFromText(t);
  if (n !== null) return readImpactLevel(n);
  const w = wordLevel(t);
  return w !== null ? { ok: true, value: w } : { ok: false, text: t };
}

const CLOSED_STATES = new Set(['closed', 'mitigated', 'realized', 'realised', 'retired', 'resolved', 'cancelled', 'canceled', 'occurred', 'done']);

export function readRisks(ctx: SheetContext, cols: ColumnMap<RiskField>, from: number, to: number): Risk[] {
  const risks: Risk[] = [];
  const used = Object.values(cols) as number[];
  const probValues: CellValue[] = [];
  if (cols.probability !== undefined) for (let r = from; r < to; r++) probValues.push(ctx.value(r, cols.probability) ?? null);
  const scale = probabilityScale(probValues);
  let seq = 0;
  for (let r = from; r < to; r++) {
    if (rowIsBlank(ctx.rows[r], used)) continue;
    seq++;
    const id = ctx.text(r, cols.id, 'Risk ID') ?? `R${seq}`;
    const title = ctx.text(r, cols.title, 'Risk title') ?? `Risk ${id}`;
    let probability: number | null = null;
    if (cols.probability !== undefined) {
      const p = readProbability(ctx.value(r, cols.probability), scale);
      if (p.ok) probability = p.value;
      else if (p.text.startsWith('#')) ctx.add('warning', 'EXCEL_ERROR', r, cols.probability, `Probability shows the Excel error ${p.text}; it is read as blank.`);
      else ctx.add('warning', 'PROBABILITY_UNREADABLE', r, cols.probability, `Probability "${p.text}" of risk "${id}" cannot be read. Use 0-1, a percent, 1-5 or Very Low ... Very High.`);
    }
    let impactLevel: number | null = null;
    if (cols.impact !== undefined) {
      const i = readImpactLevel(ctx.value(r, cols.impact));
      if (i.ok) impactLevel = i.value;
      else if (i.text.startsWith('#')) ctx.add('warning', 'EXCEL_ERROR', r, cols.impact, `Impact shows the Excel error ${i.text}; it is read as blank.`);
      else ctx.add('warning', 'IMPACT_UNREADABLE', r, cols.impact, `Impact "${i.text}" of risk "${id}" cannot be read. Use 1-5 or Very Low ... Very High.`);
    }
    const costImpact = ctx.money(r, cols.costImpact, 'Cost impact');
    let scheduleImpactDays: number | null = null;
    if (cols.scheduleImpact !== undefined) {
      const raw = ctx.value(r, cols.scheduleImpact);
      // "5d" and "5 days" are common in registers: read the number and drop the unit.
      const m = typeof raw === 'string' ? /^\s*([+-]?\d+(?:\.\d+)?)\s*(d|days?|wd|working days?)\s*$/i.exec(raw) : null;
      scheduleImpactDays = m ? Number(m[1]) : ctx.number(r, cols.scheduleImpact, 'Schedule impact (days)');
    }
    const status = ctx.text(r, cols.status, 'Status');
    risks.push({
      id, title, probability, impactLevel, costImpact, scheduleImpactDays,
      owner: ctx.text(r, cols.owner, 'Owner'),
      status,
      isOpen: status === null || !CLOSED_STATES.has(status.toLowerCase()),
      taskId: ctx.text(r, cols.task, 'Task'),
      mitigation: ctx.text(r, cols.mitigation, 'Mitigation'),
      row: ctx.sheetRow(r),
      source: { sheet: ctx.sheet, cell: ctx.addr(r, cols.title ?? cols.id ?? 0) },
    });
  }
  return risks;
}
