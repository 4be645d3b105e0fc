/**
 * A run of the sample with its RAID rows (Platform's log below its risk register, the RAID Log sheet for DW,
 * WEB and APP): the result, the Program RAID sheet plan, the file the command line writes and what the
 * add-in writes through Microsoft's Office.js client and the test host.
 */
import { join } from 'node:path';
import type { CellValue } from '../../../src/core/grid';
import { rollup, type RollupOutput } from '../../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { RAID_COLUMNS, RAID_SHEET_NAME } from '../../../src/core/report/raid-sheet';
import { readXlsxGrids } from '../../../src/xlsx/read';
import { renderPlanToXlsx } from '../../../src/xlsx/write';
import { runRollupInExcel } from '../../../src/excel/run-rollup';
import { ExcelHost } from '../../excel/host/excel-host';
import { fillSheet, newSheet } from '../../excel/fake/model';

const SAMPLE = join(__dirname, '..', '..', '..', 'examples', 'sample-program.xlsx');
const NOW = new Date(Date.UTC(2026, 10, 14, 9));

describe('RAID in a run of the sample', () => {
  jest.setTimeout(60_000);
  let out: RollupOutput;
  beforeAll(async () => {
    const { input } = await readXlsxGrids(SAMPLE);
    out = rollup(input, { ...DEFAULT_SETTINGS, programName: 'Digital Customer Program' }, NOW);
  });

  it('gathers both placements with age and overdue at 2026-11-13, and no stray risk from the log title', () => {
    const raid = out.result.raid ?? [];
    expect(raid).toHaveLength(10);
    expect(raid.filter((r) => r.overdue).map((r) => `${r.projectId}:${r.id}:${r.daysOverdue}`)).toEqual(['PLAT:A-01:14', 'PLAT:I-01:7', 'DW:DW-I1:7']);
    expect(raid.find((r) => r.id === 'I-01')).toMatchObject({ kind: 'issue', owner: 'Raj Patel', raised: '2026-10-20', due: '2026-11-06', ageDays: 24, sheet: 'Platform', cell: 'C41' });
    expect(raid.find((r) => r.id === 'APP-A1')).toMatchObject({ isOpen: false, overdue: false, sheet: 'RAID Log' });
    expect(out.model.projects.find((p) => p.id === 'PLAT')?.risks.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(out.result.issues.filter((i) => i.code.startsWith('RAID'))).toEqual([]);
  });

  it('plans one Program RAID table, overdue flagged, PM text as text, and open issues per project on the summary', () => {
    const sheet = out.plan.sheets.find((s) => s.role === 'raid');
    expect(sheet?.name).toBe(RAID_SHEET_NAME);
    expect(sheet?.tables).toEqual([expect.objectContaining({ name: 'ProgramRaid', range: 'A4:L14' })]);
    expect(sheet?.blocks.find((b) => b.address === 'A4')?.values[0]).toEqual([...RAID_COLUMNS]);
    const rows = sheet?.blocks.find((b) => b.address === 'A5')?.values ?? [];
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual(['Cloud Platform Modernisation', 'Action', 'A-01', 'Agree SSO token API roadmap with vendor', 'Tom Becker', 46296, 46325, 'In progress', 43, 'Overdue', 14, 'Platform!C43']);
    // PM text is a plain string in the plan (never a formula object); the renderers write it as text.
    expect(rows.find((r) => r[2] === 'I-02')?.[3]).toBe('-40% test coverage on notifications (PM text, stays text)');
    expect(sheet?.conditionalFormats).toEqual([expect.objectContaining({ range: 'J5:K14', rule: { kind: 'expression', formula: '=$J5="Overdue"' } })]);
    const summary = out.plan.sheets.find((s) => s.role === 'summary');
    const lines = (summary?.blocks ?? []).map((b) => b.values[0]?.[0]).filter((v): v is string => typeof v === 'string');
    expect(lines).toContain('Open issues: 4 (2 overdue): PLAT 2, DW 1, APP 1. Open actions: 2 (1 overdue). Open decisions: 1.');
  });

  it('writes the sheet to a file, marked as its own, read back as text and dates', async () => {
    const file = await renderPlanToXlsx(out.plan);
    const grids = (await readXlsxGrids(file)).input.grids;
    const raid = grids.find((g) => g.ownedRole === 'raid');
    expect(raid?.sheet).toBe('Program RAID');
    const row = (id: string): CellValue[] | undefined => raid?.values.find((r) => r[2] === id);
    expect(row('I-02')?.[3]).toBe('-40% test coverage on notifications (PM text, stays text)');
    expect(row('I-01')?.slice(5, 11)).toEqual([46315, 46332, 'Open', 24, 'Overdue', 7]);
  });

  it('writes the sheet through the Office.js renderer: one table, owned, PM text not evaluated', async () => {
    const { input } = await readXlsxGrids(SAMPLE);
    const excel = new ExcelHost(input.grids.filter((g) => g.ownedRole === undefined).map((g) => fillSheet(newSheet(g.sheet), g.values)));
    const run = await runRollupInExcel({ excelRun: excel.run, supports: () => true, settings: { ...DEFAULT_SETTINGS, statusDate: '2026-11-13' }, now: NOW });
    expect(run.report.sheetNames.raid).toBe('Program RAID');
    expect(excel.model.names.map((n) => n.name)).toContain('PR_OWNED_raid');
    const sheet = excel.model.sheets.find((s) => s.name === 'Program RAID');
    expect(sheet?.tables.map((t) => [t.name, t.address])).toEqual([['ProgramRaid', expect.stringMatching(/A4:L14$/)]]);
    expect(excel.cell('Program RAID', 'J5')?.value).toBe('Overdue');
    const text = [...(sheet?.cells.values() ?? [])].find((c) => c.value === '-40% test coverage on notifications (PM text, stays text)');
    expect(text?.formula).toBeUndefined();
    expect(sheet?.conditionalFormats).toHaveLength(1);
  });
});
