/**
 * The command line end to end on the bundled sample. These depend on the whole core (read, analyze, report)
 * and the file renderer; the argument, merge and format tests beside this file do not.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main, type CliIo } from '../../src/cli/main';
import { readXlsxGrids } from '../../src/xlsx/read';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'examples', 'sample-program.xlsx');
const run = promisify(execFile);

function fakeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(Date.UTC(2026, 10, 14, 9)) };
}
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('program-rollup on the sample program (needs the full core and the file renderer)', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let input: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pr-cli-'));
    input = join(dir, 'program.xlsx');
    copyFileSync(SAMPLE, input);
  });

  it('rolls up five projects, writes the summary workbook and leaves the input byte-identical', async () => {
    const before = sha(input);
    const io = fakeIo();
    const out = join(dir, 'out', 'summary.xlsx');
    const code = await main([input, '--out', out, '--status-date', '2026-11-13'], io);
    expect(code).toBe(0);
    expect(sha(input)).toBe(before);
    const summary = io.out.join('\n');
    expect(summary).toMatch(/5 projects found in program\.xlsx \(PLAT, DW, WEB, APP, ROLL\)/);
    expect(summary).toMatch(/Program health: (GREEN|AMBER|RED|GRAY)/);
    expect(summary).toMatch(/Late hand-offs: [1-9]/);
    expect(summary).toContain(`Summary workbook written to ${out}`);
    const written = await readXlsxGrids(out);
    expect(written.input.grids.map((g) => g.sheet)).toContain('Program Summary');
    // Values only: a summary pack safe to send holds no project sheets.
    expect(written.input.grids.map((g) => g.sheet)).not.toContain('Platform');
    // Regression: links to project sheets pointed nowhere in the values-only pack. Every internal link
    // must now target a sheet that is in the file.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const names = new Set(written.input.grids.map((g) => g.sheet));
    const sheetXml = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const locations = sheetXml.flatMap((xml) => [...xml.matchAll(/<hyperlink [^>]*location="([^"]*)"/g)].map((m) => m[1].replace(/&apos;/g, "'")));
    // The source references are still there, as plain text the reader can follow by hand.
    const deps = written.input.grids.find((g) => g.sheet === 'Program Dependencies');
    expect(deps?.values.flat()).toContain('Data Warehouse!M14');
    for (const loc of locations) {
      const sheet = /^'?(.*?)'?!/.exec(loc)?.[1]?.replace(/''/g, "'");
      expect({ loc, present: sheet !== undefined && names.has(sheet) }).toEqual({ loc, present: true });
    }
  });

  it('prints the result as JSON on stdout with --json -, and the human summary on stderr', async () => {
    const io = fakeIo();
    const code = await main([input, '--json', '-'], io);
    expect(code).toBe(0);
    const result = JSON.parse(io.out.join('')) as { statusDate: string; program: { name: string }; projects: { id: string }[]; dependencies: { status: string }[] };
    expect(result.statusDate).toBe('2026-11-13');
    // One workbook names the program after its file, unless --program-name says otherwise.
    expect(result.program.name).toBe('program');
    const named = fakeIo();
    await main([input, '--json', '-', '--program-name', 'Customer Platform'], named);
    expect((JSON.parse(named.out.join('')) as { program: { name: string } }).program.name).toBe('Customer Platform');
    expect(result.projects.map((p) => p.id).sort()).toEqual(['APP', 'DW', 'PLAT', 'ROLL', 'WEB']);
    // The sample has at least six cross-project links, and the two stale hand-offs are late.
    expect(result.dependencies.length).toBeGreaterThanOrEqual(6);
    expect(result.dependencies.filter((d) => d.status === 'late').length).toBeGreaterThanOrEqual(2);
    expect(io.err.join('\n')).toMatch(/Program health/);
  });

  it('runs through the npx launcher (bin/program-rollup.js) in a child process', async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'program-rollup.js'), input, '--json', '-'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    const result = JSON.parse(stdout) as { projects: unknown[] };
    expect(result.projects).toHaveLength(5);
  });
});

describe('program-rollup failures (no core needed)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pr-cli-fail-'));
  });

  it('refuses to write over an input', async () => {
    const input = join(dir, 'keep.xlsx');
    copyFileSync(SAMPLE, input);
    const before = sha(input);
    const io = fakeIo();
    expect(await main([input, '--out', input], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/inputs are never overwritten/);
    expect(sha(input)).toBe(before);
  });

  it('exits 1 when no input can be read, naming each file', async () => {
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a workbook');
    const io = fakeIo();
    expect(await main([join(dir, 'missing.xlsx'), junk, '--out', join(dir, 'o.xlsx')], io)).toBe(1);
    const err = io.err.join('\n');
    expect(err).toMatch(/cannot read .*missing\.xlsx: File not found/);
    expect(err).toMatch(/cannot read .*junk\.xlsx: .*not an \.xlsx workbook/);
    expect(existsSync(join(dir, 'o.xlsx'))).toBe(false);
  });

  it('exits 2 with the usage on a bad option', async () => {
    const io = fakeIo();
    expect(await main(['--status-date', 'yesterday', 'a.xlsx'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/Usage: program-rollup/);
  });

  it('exits 1 and writes nothing when no sheet is a project', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'Just notes, no tasks here.';
    const input = join(dir, 'notes.xlsx');
    await wb.xlsx.writeFile(input);
    const io = fakeIo();
    const out = join(dir, 'notes-summary.xlsx');
    expect(await main([input, '--out', out], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/nothing to roll up/);
    expect(existsSync(out)).toBe(false);
  });
});
