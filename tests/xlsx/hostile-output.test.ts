/**
 * Issue 12, "output corruption": every text reaching an XML part is made legal in one place
 * (src/core/report/legal-text.ts), and no cell holds more than Excel's 32,767 characters. One test per finding.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { main, type CliIo } from '../../src/cli/main';
import { fitCell, legalPlan, MAX_CELL_CHARS, xmlLegal } from '../../src/core/report/legal-text';
import { maxOf } from '../../src/core/arrays';
import { analyzeProgram } from '../../src/core/analyze';
import { buildWorkbookPlan } from '../../src/core/report';
import { d, link, model, NOW, project, settings, task } from '../core/analyze/fixtures';
import { esc } from '../../src/xlsx/write/xml';
import { readXlsxGrids } from '../../src/xlsx/read';
import { outputProblems } from '../hostile/output-check';
import { sampleWith, type CellEdit } from '../hostile/sample-edit';

jest.setTimeout(60_000);

const io = (): CliIo & { err: string[] } => {
  const err: string[] = [];
  return { err, stdout: () => undefined, stderr: (t) => err.push(t), now: () => new Date(Date.UTC(2026, 10, 14)) };
};

/** Rolls up the sample with some cells changed; returns the output workbook and the JSON text. */
async function rollUpWith(edits: Record<string, Record<string, CellEdit>>, extra: string[] = []): Promise<{ xlsx: Buffer; json: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pr-out-'));
  const input = join(dir, 'in.xlsx');
  writeFileSync(input, await sampleWith(edits));
  const out = join(dir, 'out.xlsx');
  const json = join(dir, 'r.json');
  const run = io();
  const code = await main([input, '--out', out, '--json', json, '--status-date', '2026-11-13', ...extra], run);
  if (code !== 0) throw new Error(`exit ${code}: ${run.err.join('\n')}`);
  return { xlsx: readFileSync(out), json: readFileSync(json, 'utf8') };
}

describe('control characters in a project ID were copied raw into chart XML (3 of 4 charts empty)', () => {
  it('every part is well-formed and every chart still has its cached points', async () => {
    const { xlsx, json } = await rollUpWith({ Platform: { B2: 'PL\u0001AT\u001bX\u000bY' } });
    expect(await outputProblems(xlsx)).toEqual([]);
    const zip = await JSZip.loadAsync(xlsx);
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBeGreaterThanOrEqual(4);
    const xml = await Promise.all(charts.map((c) => zip.file(c)!.async('string')));
    for (const x of xml) expect(x).toMatch(/<c:pt idx="0">/);
    expect(xml.filter((x) => x.includes('PL\ufffdAT\ufffdX\ufffdY')).length).toBeGreaterThanOrEqual(3);
    // The JSON keeps the ID as it was typed.
    expect(JSON.parse(json).projects[0].id).toBe('PL\u0001AT\u001bX\u000bY');
  });
});

describe('U+FFFE/U+FFFF (_xFFFE_ in xlsx) in names and --program-name made the output unopenable', () => {
  it('the output is well-formed and reads back, with U+FFFD in their place', async () => {
    const { xlsx } = await rollUpWith(
      { Platform: { B1: { xml: 'Cloud_xFFFE_Platform_xFFFF_' }, B10: { xml: 'Landing_xFFFF_zone' } }, Rollout: { B24: { xml: 'Works_xFFFE_councils' } } },
      ['--program-name', 'Program \uffff one \ud800'],
    );
    expect(await outputProblems(xlsx)).toEqual([]);
    const { input } = await readXlsxGrids(xlsx);
    const cells = input.grids.flatMap((g) => g.values.flat()).filter((v): v is string => typeof v === 'string');
    expect(cells.some((v) => v.includes('Cloud\ufffdPlatform\ufffd'))).toBe(true);
    expect(cells.some((v) => v.includes('Program \ufffd one \ufffd'))).toBe(true);
  });
});

describe('cells longer than 32,767 characters were written (40,000-character names)', () => {
  it('the cell is cut with a visible marker and the JSON keeps the full name', async () => {
    const name = `Cloud ${'x'.repeat(40_000)}`;
    const { xlsx, json } = await rollUpWith({ Platform: { B1: name } });
    expect(await outputProblems(xlsx)).toEqual([]);
    const { input } = await readXlsxGrids(xlsx);
    const cut = input.grids.flatMap((g) => g.values.flat()).filter((v): v is string => typeof v === 'string' && v.startsWith('Cloud xxx'));
    expect(cut.length).toBeGreaterThan(0);
    for (const v of cut) {
      expect(v).toHaveLength(MAX_CELL_CHARS);
      expect(v).toMatch(/ … \[cut at Excel's cell limit: 40,006 characters in all\]$/);
    }
    expect(JSON.parse(json).projects[0].name).toBe(name);
  });
  it('fitCell never splits a surrogate pair and leaves short text alone', () => {
    const emoji = '\u{1F600}'.repeat(20_000);
    const fitted = fitCell(emoji);
    expect(fitted.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(xmlLegal(fitted)).toBe(fitted);
    expect(fitCell('short')).toBe('short');
  });
});

describe('xmlLegal: the one place for XML-legal text', () => {
  it('replaces C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and lone surrogates; keeps pairs', () => {
    expect(xmlLegal('a\u0000b\tc\nd\re\u001ff\ufffeg\uffffh\ud800i\udc00j\u{1F600}')).toBe('a\ufffdb\tc\nd\re\ufffdf\ufffdg\ufffdh\ufffdi\ufffdj\u{1F600}');
  });
  it('is used by esc() for the hand-written chart and drawing parts', () => {
    expect(esc('<a\u0001&"\'>')).toBe('&lt;a\ufffd&amp;&quot;&apos;&gt;');
  });
});

// A 10,000-task critical path (109 k characters) was the same finding: every plan string goes through fitCell.
describe('a 20,000-node loop message (229 k characters) was written into a cell', () => {
  it('the loop message is cut in its cell and kept whole in the result', () => {
    // One project whose 20,000 tasks form a single loop: task 1 waits for the last one. Built as a model, so
    // the test does not depend on how the reader numbers predecessors; the plan goes through legalPlan as in rollup().
    const n = 20_000;
    const tasks = Array.from({ length: n }, (_, i) => task('LOOP', String(i + 1), { start: d('2026-03-02'), finish: d('2026-03-03'), predecessors: [link('LOOP', String(i === 0 ? n : i))] }));
    const s = settings({ statusDate: '2026-11-13' });
    const result = analyzeProgram(model([project('LOOP', tasks)]), s, NOW);
    const plan = legalPlan(buildWorkbookPlan(result, s));
    const loop = result.issues.find((i) => i.code === 'DEPENDENCY_CYCLE');
    expect(loop!.message.length).toBeGreaterThan(MAX_CELL_CHARS);
    const cells = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.values.flat())).filter((v): v is string => typeof v === 'string');
    expect(maxOf(cells.map((c) => c.length), 0)).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cells.some((c) => c.startsWith(loop!.message.slice(0, 1000)) && c.includes("[cut at Excel's cell limit: "))).toBe(true);
  });
});
