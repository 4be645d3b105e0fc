// Issue 11, defect 5: opening the pane lists the sheets from their sizes and first rows, not by reading the
// whole workbook. Through Microsoft's client and the host under the web setting (5 MB per answer).
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { PREVIEW_COLS, PREVIEW_ROWS } from '../../src/excel/preview-workbook';
import { listSourcesInWorkbook, rollUpInWorkbook } from '../../src/taskpane/excel-actions';
import { describeSource } from '../../src/taskpane/format';
import { fillSheet, newSheet } from './fake/model';
import { ExcelHost } from './host/excel-host';
import { projectSheets } from './plan-fixture';

jest.setTimeout(120_000);

const MB = 1024 * 1024;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('opening the pane (issue 11, defect 5)', () => {
  it('lists 100 sheets × 2,000 rows with requests far below 5 MB and no full sheet read', async () => {
    const notes = fillSheet(newSheet('Notes'), [['Meeting notes'], ['Kick-off went well']]);
    const excel = new ExcelHost([...projectSheets(100, 2000), notes], { setting: 'web' });
    const restore = excel.installGlobals();
    try {
      const sources = await listSourcesInWorkbook(DEFAULT_SETTINGS);
      const ctx = excel.contexts;
      expect(ctx).toHaveLength(1);
      expect(ctx[0].errorPerSync.every((e) => e === null)).toBe(true);
      // The whole workbook is ~1.4 M cells (one answer over 5 MB, refused on the web); the preview ~0.3 MB.
      expect(ctx[0].syncCount).toBe(3);
      expect(sum(ctx[0].responseBytesPerSync)).toBeLessThan(0.5 * MB);
      expect(Math.max(...ctx[0].requestBytesPerSync)).toBeLessThan(0.5 * MB);
      // Each sheet's values were read once, its first PREVIEW_ROWS rows only (a project sheet has 2,004).
      expect(excel.valueReads).toHaveLength(101);
      for (const r of excel.valueReads) {
        expect(r.rows).toBeLessThanOrEqual(PREVIEW_ROWS);
        expect(r.cols).toBeLessThanOrEqual(PREVIEW_COLS);
      }
      expect(excel.valueReads.find((r) => r.sheet === 'Project 7')).toMatchObject({ address: `A1:G${PREVIEW_ROWS}` });
      expect(excel.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);

      expect(sources).toHaveLength(101);
      const p7 = sources.find((s) => s.sheet === 'Project 7');
      expect(p7).toMatchObject({ kind: 'project', countsUnknown: true });
      expect(describeSource(p7!)).toBe('Project; tasks and risks are counted by a roll-up');
      const skipped = sources.find((s) => s.sheet === 'Notes');
      expect(skipped?.kind).toBe('skipped');
      // Fully read (two rows): nothing about it is unknown.
      expect(skipped?.countsUnknown).toBeUndefined();
    } finally {
      restore();
    }
  });

  it('splits a preview request Excel refuses as too large, until every answer fits', async () => {
    const excel = new ExcelHost(projectSheets(40, 200), { setting: 'web' });
    // The preview of 40 sheets answers ~110 kB in one request; this host refuses answers over 40 kB.
    excel.maxResponseBytes = 40_000;
    const restore = excel.installGlobals();
    try {
      const sources = await listSourcesInWorkbook(DEFAULT_SETTINGS);
      const errors = excel.contexts[0].errorPerSync;
      expect(errors.filter((e) => e === 'ResponsePayloadSizeLimitExceeded').length).toBeGreaterThan(0);
      expect(errors.filter((e) => e !== null && e !== 'ResponsePayloadSizeLimitExceeded')).toEqual([]);
      expect(Math.max(...excel.contexts[0].responseBytesPerSync)).toBeLessThanOrEqual(40_000);
      expect(sources.filter((x) => x.kind === 'project')).toHaveLength(40);
    } finally {
      restore();
    }
  });

  it('a small sheet is read whole and counted; a roll-up gives the full counts of a large one', async () => {
    const excel = new ExcelHost([...projectSheets(1, 10), ...projectSheets(2, 150).slice(1)]);
    const restore = excel.installGlobals();
    try {
      const listed = await listSourcesInWorkbook(DEFAULT_SETTINGS);
      expect(listed.map((s) => [s.sheet, s.kind, s.countsUnknown === true])).toEqual([
        ['Project 1', 'project', false],
        ['Project 2', 'project', true],
      ]);
      expect(listed[0].taskCount).toBe(10);
      const outcome = await rollUpInWorkbook({ settings: DEFAULT_SETTINGS, signal: new AbortController().signal, onPhase: () => undefined });
      const full = outcome.result.sources.find((s) => s.sheet === 'Project 2');
      expect(full?.taskCount).toBe(150);
      expect(describeSource(full!)).toMatch(/^Project with 150 tasks/);
    } finally {
      restore();
    }
  });
});
