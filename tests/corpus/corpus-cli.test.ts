/** `npm run corpus -- DIR` (src/cli/corpus.ts): what a PMO analyst sees for a folder of workbooks. */
import { mkdtempSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { clean, formatWorkbook, main } from '../../src/cli/corpus';
import type { ProgramModel, SheetReading } from '../../src/core/model';

function capture(): { io: Parameters<typeof main>[1]; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(Date.UTC(2026, 5, 1)) }, out, err };
}

describe('corpus report', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
    copyFileSync(join(__dirname, 'files', 'en-tpm-project-plan.xlsx'), join(dir, 'plan.xlsx'));
    copyFileSync(join(__dirname, 'files', 'it-risk-register.xlsx'), join(dir, 'risks.xlsx'));
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
    writeFileSync(join(dir, '~$plan.xlsx'), 'lock file');
    // A cell carrying a terminal escape sequence and a bidi override, quoted back in an issue message: it must
    // reach the terminal inert.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Evil');
    ws.addRow(['ID', 'Task Name', 'Start', 'Finish']);
    ws.addRow([1, 'Wipe', '\u001b[2J\u202enot a date', new Date(Date.UTC(2026, 0, 9))]);
    await wb.xlsx.writeFile(join(dir, 'evil.xlsx'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reports every workbook: sheets read with counts, sheets skipped with reasons, unreadable files, issues by code', async () => {
    const { io, out, err } = capture();
    expect(await main([dir], io)).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).toContain('== plan.xlsx');
    expect(text).toMatch(/"Project Plan" -> project "Project Plan" \(.*\): 30 tasks, 9 summary rows/);
    expect(text).toMatch(/== risks\.xlsx\nsheets read: none\nsheets skipped:\n {2}"Risk register": risk log with no project to attach to/);
    expect(text).toMatch(/== broken\.xlsx\n {2}not read: .*not an \.xlsx workbook/);
    expect(text).not.toContain('~$plan.xlsx');
    expect(text).toMatch(/issues by code:\n {2}[A-Z_]+ \((error|warning|info)\) x\d+: first at /);
    expect(text).toMatch(/4 workbooks: 2 projects read; 1 workbook with no project; 1 unreadable$/);
  });

  test('no control or bidi characters from a workbook reach the output', async () => {
    const { io, out } = capture();
    await main([dir], io);
    const text = out.join('\n');
    expect(text).toMatch(/DATE_UNREADABLE \(warning\) x1: first at Evil!C2: .*\[2J ?not a date/);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    // The whole escape sequence goes, not just its ESC; a line break becomes a space.
    expect(clean('a\u001b[31m\nb\u202ec')).toBe('a bc');
  });

  test('prints how each sheet was read when the reader reports it', () => {
    const reading: SheetReading = {
      sheet: 'Plan', kind: 'project', projects: ['P'], headerRow: 5, headerTopRow: 4,
      columns: [{ field: 'name', column: 'B', heading: 'Vorgangsname' }], ignoredColumns: [{ column: 'D', heading: 'Predecessor', reason: 'empty' }],
      mappingSource: 'inferred', idScheme: 'wbs', dateConventions: [{ column: 'C', heading: 'Anfang', convention: 'weekday d.m.yy' }],
      taskCount: 12, summaryCount: 3, milestoneCount: 1, linkCount: 9, skippedRows: [{ rows: '20-25', reason: 'blank template rows' }], notes: ['no money: duration-weighted'],
    };
    const model = { projects: [], skipped: [], dependencies: [], holidays: [], statusDate: null, history: [], issues: [], readings: [reading] } as ProgramModel;
    const lines = formatWorkbook({ file: 'x.xlsx', model, issues: [] });
    expect(lines).toEqual(expect.arrayContaining([
      '  "Plan": project, header row 4-5, mapping inferred, IDs by wbs',
      '    columns: name=B "Vorgangsname"',
      '    ignored D "Predecessor": empty',
      '    dates C "Anfang": weekday d.m.yy',
      '    read 12 tasks, 3 summary rows, 1 milestone, 9 links',
      '    rows 20-25 not tasks: blank template rows',
      '    note: no money: duration-weighted',
    ]));
  });

  test('a folder without workbooks, a missing folder and no argument are errors', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'corpus-empty-'));
    try {
      const a = capture();
      expect(await main([empty], a.io)).toBe(1);
      expect(a.err.join('')).toContain('no .xlsx or .xlsm files');
      const b = capture();
      expect(await main([join(empty, 'nope')], b.io)).toBe(2);
      const c = capture();
      expect(await main([], c.io)).toBe(2);
      expect(c.err.join('')).toContain('usage: npm run corpus -- DIR');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
