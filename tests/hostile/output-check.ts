/**
 * What every output of the command line must satisfy, as data: the problems found (an empty list is a pass).
 * Shared by the regression tests and the fuzz suite. fast-xml-parser checks structure but accepts characters
 * XML 1.0 forbids, so those (raw or as character references) are checked here too.
 */
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { readXlsxGrids } from '../../src/xlsx/read';

const ILLEGAL_RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CHAR_REF = /&#(x[0-9a-fA-F]+|\d+);/g;

function illegalRef(xml: string): string | null {
  for (const m of xml.matchAll(CHAR_REF)) {
    const code = m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
    const ok = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!ok) return m[0];
  }
  return null;
}

/** Problems in an output workbook: ill-formed parts, illegal characters, over-long cells, cell formulas. */
export async function outputProblems(bytes: Buffer): Promise<string[]> {
  const problems: string[] = [];
  const zip = await JSZip.loadAsync(bytes);
  for (const path of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(path)) continue;
    const xml = await zip.file(path)!.async('string');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) problems.push(`${path}: not well-formed: ${valid.err.msg}`);
    const raw = ILLEGAL_RAW.exec(xml);
    if (raw) problems.push(`${path}: illegal character U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
    const ref = illegalRef(xml);
    if (ref) problems.push(`${path}: illegal character reference ${ref}`);
    // The summary holds values only: a cell formula could only come from user text.
    if (/^xl\/worksheets\//.test(path) && /<f[\s>/]/.test(xml)) problems.push(`${path}: holds a cell formula`);
  }
  try {
    const { input } = await readXlsxGrids(bytes);
    for (const g of input.grids) {
      for (const row of g.values) for (const v of row) if (typeof v === 'string' && v.length > 32_767) problems.push(`${g.sheet}: a cell of ${v.length} characters`);
    }
  } catch (e) {
    problems.push(`the output cannot be read back: ${e instanceof Error ? e.message : String(e)}`);
  }
  return problems;
}

/** Problems in a JSON result: NaN or infinities (as JSON cannot hold them they would be null), nulls without reasons. */
export function jsonProblems(json: string): string[] {
  const problems: string[] = [];
  if (/\b(NaN|Infinity)\b/.test(json.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) problems.push('NaN or Infinity outside a string');
  if (/[∞]/.test(json)) problems.push('an infinity sign');
  let result: { program: Record<string, unknown>; projects: Record<string, unknown>[] };
  try {
    result = JSON.parse(json) as typeof result;
  } catch (e) {
    return [...problems, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`];
  }
  for (const [where, metrics] of [['program', result.program], ...result.projects.map((p) => [`project ${String(p.id)}`, p] as const)] as const) {
    problems.push(...nullsWithoutReason(where, metrics));
  }
  return problems;
}

/** Metrics that are null with no entry in the object's `reasons` (the schema promises one for each). */
export function nullsWithoutReason(where: string, metrics: Record<string, unknown>): string[] {
  const reasons = (metrics.reasons ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  for (const key of METRIC_KEYS) if (key in metrics && metrics[key] === null && typeof reasons[key] !== 'string') out.push(`${where}: ${key} is null without a reason`);
  return out;
}

/** The nullable fields of Metrics (src/core/result.ts). */
export const METRIC_KEYS = ['bac', 'pv', 'ev', 'ac', 'sv', 'spi', 'cv', 'cpi', 'eac', 'eacAtBudgetRate', 'eacCpiSpi', 'etc', 'vac', 'tcpi', 'percentComplete',
  'esDate', 'svtDays', 'spit', 'ieacDate', 'baselineStart', 'baselineFinish', 'forecastFinish', 'finishVarianceDays'] as const;
