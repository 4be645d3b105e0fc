/**
 * The command line continues a summary's history and snapshot: from --previous FILE, else from the --out
 * file when it exists. Before this, every run started a fresh history.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../src/cli/main';
import { readXlsxGrids } from '../../src/xlsx/read';
import type { RollupResult } from '../../src/core/result';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'sample-program.xlsx');

function io(): CliIo & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => undefined, stderr: (t) => err.push(t), now: () => new Date(Date.UTC(2026, 10, 14, 9)) };
}

async function historyDates(file: string): Promise<string[]> {
  const { input } = await readXlsxGrids(file);
  const h = input.grids.find((g) => g.ownedRole === 'history');
  return (h?.values ?? []).slice(3).filter((r) => r[2] === '(program)').map((r) => String(r[1]));
}

describe('program-rollup --previous and --out on an existing summary', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let input: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pr-prev-'));
    input = join(dir, 'program.xlsx');
    copyFileSync(SAMPLE, input);
  });

  it('keeps the history and compares with the earlier run when --out already holds a summary', async () => {
    const out = join(dir, 'summary.xlsx');
    expect(await main([input, '--out', out, '--status-date', '2026-11-06'], io())).toBe(0);
    expect(await historyDates(out)).toHaveLength(1);
    const json = join(dir, 'r.json');
    expect(await main([input, '--out', out, '--status-date', '2026-11-13', '--json', json], io())).toBe(0);
    expect((await historyDates(out)).length).toBe(2);
    const result = JSON.parse(readFileSync(json, 'utf8')) as RollupResult;
    expect(result.changes?.since).toBe('2026-11-06');
    expect(result.changes?.headline).toMatch(/^Since 2026-11-06: /);
  });

  it('compares with --previous and writes a new file that continues its history', async () => {
    // The sample holds an earlier roll-up of 2026-11-06; week 1 adds 2026-11-20, week 2 2026-11-27.
    const previous = join(dir, 'week1.xlsx');
    expect(await main([input, '--out', previous, '--status-date', '2026-11-20'], io())).toBe(0);
    const out = join(dir, 'week2.xlsx');
    const json = join(dir, 'r2.json');
    expect(await main([input, '--out', out, '--previous', previous, '--status-date', '2026-11-27', '--json', json], io())).toBe(0);
    expect((JSON.parse(readFileSync(json, 'utf8')) as RollupResult).changes?.since).toBe('2026-11-20');
    expect(await historyDates(out)).toHaveLength(3);
  });

  it('says why when --previous cannot be read, and writes nothing', async () => {
    const bad = join(dir, 'not-a-workbook.xlsx');
    writeFileSync(bad, 'plain text');
    const run = io();
    expect(await main([input, '--out', join(dir, 'never.xlsx'), '--previous', bad], run)).toBe(2);
    expect(run.err.join('\n')).toMatch(/cannot read --previous .*not-a-workbook\.xlsx/);
  });

  it('notes a --previous workbook with no snapshot, and falls back on the inputs\' own', async () => {
    const plain = join(dir, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'not a summary';
    await wb.xlsx.writeFile(plain);
    const run = io();
    const json = join(dir, 'r3.json');
    expect(await main([input, '--previous', plain, '--json', json], run)).toBe(0);
    expect(run.err.join('\n')).toMatch(/holds no Rollup History or Rollup Snapshot/);
    // The sample's own earlier roll-up (2026-11-06) is what remains to compare with.
    expect((JSON.parse(readFileSync(json, 'utf8')) as RollupResult).changes?.since).toBe('2026-11-06');
  });
});
