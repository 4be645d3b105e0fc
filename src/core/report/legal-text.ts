/**
 * The one place that makes text safe for a workbook. Sheet, task, project and risk names are user data and
 * reach XML parts (cells, shared strings, chart caches, drawing names) and Excel's cells:
 * - XML 1.0 has no way to write C0 controls other than tab, LF and CR, nor U+FFFE, U+FFFF or a lone
 *   surrogate: one of them makes the part ill-formed and the file unopenable. Each becomes U+FFFD, so the
 *   reader still sees that something was there and IDs that differed stay different.
 * - Excel holds at most 32,767 characters in a cell: a longer text is cut with a visible marker (the JSON
 *   result keeps the full text).
 * legalPlan applies both to every string of a plan; both renderers get a plan that went through it.
 */
import type { PlanValue, WorkbookPlan } from './plan';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text with every character XML 1.0 cannot hold replaced by U+FFFD. */
export function xmlLegal(text: string): string {
  return text.replace(ILLEGAL, '\ufffd');
}

/** Text that fits one cell: longer text is cut (never inside a surrogate pair) and says so at its end. */
export function fitCell(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  // Neutral about where the full text is: the add-in has no JSON result, the command line does.
  const marker = ` … [cut at Excel's cell limit: ${text.length.toLocaleString('en-US')} characters in all]`;
  let end = MAX_CELL_CHARS - marker.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + marker;
}

/** Every string of a plan value made XML-legal, and cell texts fitted to a cell. */
function legalValue(v: PlanValue): PlanValue {
  if (typeof v === 'string') return fitCell(xmlLegal(v));
  if (v !== null && typeof v === 'object') return { formula: xmlLegal(v.formula) };
  return v;
}

/** A deep copy of `node` with xmlLegal applied to every string in it. */
function legalDeep<T>(node: T): T {
  if (typeof node === 'string') return xmlLegal(node) as T;
  if (Array.isArray(node)) return node.map(legalDeep) as T;
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = legalDeep(v);
    return out as T;
  }
  return node;
}

/**
 * The plan with every text legal for XML and every cell within Excel's limit. Cell blocks are mapped row by
 * row (they are the bulk of a plan); everything else (names, titles, links, chart references) deep.
 */
export function legalPlan(plan: WorkbookPlan): WorkbookPlan {
  return {
    ...legalDeep({ ...plan, sheets: [] }),
    sheets: plan.sheets.map((s) => ({
      ...legalDeep({ ...s, blocks: [] }),
      blocks: s.blocks.map((b) => ({ address: b.address, values: b.values.map((row) => row.map(legalValue)) })),
    })),
  };
}
