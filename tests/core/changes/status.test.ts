import { readProgram } from '../../../src/core/read';
import { rollup } from '../../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { disagreementText } from '../../../src/core/analyze/pm-status';
import { itemsOf, ragOf } from '../../../src/core/read/status-block';
import { isoToSerial } from '../../../src/core/calendar';
import type { CellValue, WorkbookInput } from '../../../src/core/grid';

const d = (iso: string): number => isoToSerial(iso) ?? 0;

/** A small project sheet: metadata and the status block above the table, more status beside it. */
function sheet(rag: CellValue, updated: CellValue): CellValue[][] {
  return [
    ['Project:', 'Apollo', null, 'Overall Status:', rag],
    ['Project ID:', 'APO', null, 'Summary:', '=SUM(A1) is what the PM typed'],
    ['Status Date:', d('2026-11-13'), null, 'Status Updated:', updated],
    [],
    ['ID', 'Task Name', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', '% Complete', null, 'Decisions Needed', '• Approve vendor B\n• Move UAT by a week'],
    [1, 'Build', d('2026-10-01'), d('2026-10-30'), d('2026-10-01'), d('2026-11-27'), 0.4, null, 'Escalations', '-Security sign-off is blocked'],
    [2, 'Go-live', d('2026-11-02'), d('2026-11-02'), d('2026-11-30'), d('2026-11-30'), 0, null, 'Next Steps', 'Finish build'],
  ];
}

const input = (values: CellValue[][]): WorkbookInput => ({ grids: [{ sheet: 'Apollo', values }] });

describe('the PM status block', () => {
  it('reads labels above and beside the task table, the value to the right of each', () => {
    const model = readProgram(input(sheet('Green', d('2026-11-10'))), DEFAULT_SETTINGS);
    const s = model.projects[0].status;
    expect(s).toMatchObject({
      rag: 'green', ragText: 'Green', summary: '=SUM(A1) is what the PM typed', nextSteps: 'Finish build',
      decisions: ['Approve vendor B', 'Move UAT by a week'], escalations: ['Security sign-off is blocked'], updated: d('2026-11-10'),
    });
    expect(s?.cells.rag).toEqual({ sheet: 'Apollo', cell: 'E1' });
    expect(s?.cells.decisions).toEqual({ sheet: 'Apollo', cell: 'J5' });
    // The task table is read as before: the block beside it is not a column.
    expect(model.projects[0].tasks.map((t) => t.name)).toEqual(['Build', 'Go-live']);
  });

  it('reads colours as PMs write them, and reports one it cannot read', () => {
    expect(['Green', 'G', 'amber', 'Yellow', 'RED', 'Red - supplier late', 'On track'].map(ragOf)).toEqual(['green', 'green', 'amber', 'amber', 'red', 'red', 'green']);
    expect(ragOf('Purple')).toBeNull();
    const model = readProgram(input(sheet('Purple', d('2026-11-10'))), DEFAULT_SETTINGS);
    expect(model.projects[0].status?.rag).toBeNull();
    expect(model.issues.find((i) => i.code === 'STATUS_RAG_UNREADABLE')).toMatchObject({ sheet: 'Apollo', cell: 'E1' });
    expect(itemsOf('1. one\n2) two;  three')).toEqual(['one', 'two', 'three']);
  });

  it('puts the PM beside the figures: disagreement with the computed reason, stale updates, asks listed together', () => {
    const { result, plan } = rollup(input(sheet('Green', d('2026-10-20'))), { ...DEFAULT_SETTINGS, statusStaleDays: 14 }, new Date(Date.UTC(2026, 10, 14)));
    const s = result.pmStatus?.[0];
    const p = result.projects[0];
    expect(p.health).not.toBe('green');
    expect(s).toMatchObject({ pmRag: 'green', computed: p.health, disagrees: true, updated: '2026-10-20', ageDays: 24, stale: true });
    expect(s?.disagreement).toBe(disagreementText('green', p.health, p.healthReason));
    expect(s?.disagreement).toMatch(/^PM says Green; figures say (Amber|Red): /);
    const status = plan.sheets.find((x) => x.role === 'status');
    const text = JSON.stringify(status?.blocks);
    expect(text).toContain('Approve vendor B');
    expect(text).toContain('Security sign-off is blocked');
    expect(text).toContain('Stale');
    // PM text stays a string in the plan (renderers write strings as text, never as formulas).
    expect(status?.blocks.some((b) => b.values.some((r) => r.includes('=SUM(A1) is what the PM typed')))).toBe(true);
  });

  it('words the disagreement once, whether or not the reason starts with the colour', () => {
    expect(disagreementText('green', 'red', 'Red: SPI 0.84 < 0.90')).toBe('PM says Green; figures say Red: SPI 0.84 < 0.90');
    expect(disagreementText('green', 'red', 'SPI 0.84 < 0.90.')).toBe('PM says Green; figures say Red: SPI 0.84 < 0.90');
  });

  it('a sheet without a block has no PM status and the sheet says how to add one', () => {
    const values = sheet('Green', null).map((r) => r.slice(0, 3).map((v) => (v === 'Overall Status:' || v === 'Summary:' || v === 'Status Updated:' ? null : v)));
    const { result, plan } = rollup(input(values), DEFAULT_SETTINGS, new Date(Date.UTC(2026, 10, 14)));
    expect(result.pmStatus).toEqual([]);
    expect(JSON.stringify(plan.sheets.find((x) => x.role === 'status')?.blocks)).toContain('No project sheet has a status block');
  });
});
