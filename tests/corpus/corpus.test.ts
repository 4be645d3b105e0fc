/**
 * The corpus yardstick (issue 10): every workbook in tests/corpus/files is read as the command line reads it
 * and compared with its hand-written truth in tests/corpus/truth. Checks that fail today are listed in
 * known-gaps.ts; the test fails on any difference between that list and what actually fails, in either
 * direction, and prints the precise diff of each.
 *
 * CORPUS_PRINT=1 prints every failing check with its detail (a starting point when updating known-gaps.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsxGrids } from '../../src/xlsx/read';
import { rollup } from '../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { compare, loadTruth } from './compare';
import type { CheckResult } from './compare';
import { KNOWN_GAPS } from './known-gaps';

const DIR = __dirname;
const FILES = readdirSync(join(DIR, 'files')).filter((f) => f.endsWith('.xlsx')).sort();
const TRUTHS = readdirSync(join(DIR, 'truth')).filter((f) => f.endsWith('.json')).sort();
/** A fixed "now": the reader's output must not depend on the day the test runs. */
const NOW = new Date(Date.UTC(2026, 5, 1));

async function checksOf(file: string): Promise<CheckResult[]> {
  const { input } = await readXlsxGrids(join(DIR, 'files', file), { workbook: file });
  const { model } = rollup(input, DEFAULT_SETTINGS, NOW);
  return compare(model, loadTruth(join(DIR, 'truth', `${file}.json`)));
}

/** Differences between what fails and what known-gaps.ts says fails, as sentences. */
function gapDiffs(file: string, results: CheckResult[]): string[] {
  const listed = KNOWN_GAPS[file] ?? {};
  const byName = new Map(results.map((r) => [r.name, r]));
  const out: string[] = [];
  for (const r of results) {
    if (!r.pass && !(r.name in listed)) out.push(`FAILS (not in known-gaps): ${r.name}: ${r.detail}`);
    if (r.pass && r.name in listed) out.push(`gap closed: remove it from known-gaps: ${r.name} (was: ${listed[r.name]})`);
  }
  for (const name of Object.keys(listed)) {
    if (byName.has(name)) continue;
    // A check not evaluated because what it depends on failed is still a gap; one that no longer exists is stale.
    const blocked = results.some((r) => !r.pass && name.startsWith(r.name.replace(/: read$/, ': ')));
    if (!blocked) out.push(`stale entry in known-gaps (no such check): ${name}`);
  }
  return out;
}

describe('corpus of real third-party project workbooks', () => {
  test('every workbook has a truth, a SOURCES.md row and known-gaps only for workbooks that exist', () => {
    const sources = readFileSync(join(DIR, 'SOURCES.md'), 'utf8');
    expect(FILES.length).toBeGreaterThanOrEqual(20);
    expect(TRUTHS.map((t) => t.replace(/\.json$/, ''))).toEqual(FILES);
    expect(FILES.filter((f) => !sources.includes(`\`${f}\``))).toEqual([]);
    expect(Object.keys(KNOWN_GAPS).filter((f) => !FILES.includes(f))).toEqual([]);
    for (const f of FILES) expect(loadTruth(join(DIR, 'truth', `${f}.json`)).file).toBe(f);
  });

  test('SOURCES.md pins each file by the sha256 it has (a committed original: the origin\'s own sha256)', () => {
    const rows = readFileSync(join(DIR, 'SOURCES.md'), 'utf8').split('\n').filter((l) => /^\| `[^`]+\.xlsx` \|/.test(l));
    const pinned = rows.map((row) => {
      const cells = row.split(' | ');
      const file = cells[0].replace(/^\| `|`$/g, '');
      return { file, sha: cells[3] === 'same' ? cells[2] : cells[3] };
    });
    const actual = pinned.map(({ file }) => ({ file, sha: createHash('sha256').update(readFileSync(join(DIR, 'files', file))).digest('hex') }));
    expect(pinned).toEqual(actual);
  });

  test.each(FILES)('%s reads as its truth says (or as known-gaps.ts admits)', async (file) => {
    const results = await checksOf(file);
    if (process.env.CORPUS_PRINT) {
      const failing = results.filter((r) => !r.pass).map((r) => `    ${JSON.stringify(r.name)}: ${JSON.stringify(r.detail)},`);
      console.log(`  ${JSON.stringify(file)}: {\n${failing.join('\n')}\n  },`);
    }
    expect(gapDiffs(file, results)).toEqual([]);
  });
});
