/** The bundled sample is what its generator writes, and it has the shape issue 2 asks for. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildSampleWorkbook, crossLinkReport, PROJECTS } from '../../examples/make-sample';
import { readXlsxGrids } from '../../src/xlsx/read';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'sample-program.xlsx');

describe('examples/sample-program.xlsx', () => {
  jest.setTimeout(30_000);

  it('is up to date with examples/make-sample.ts (same cell values)', async () => {
    const fresh = Buffer.from(await (await buildSampleWorkbook()).xlsx.writeBuffer());
    const [a, b] = await Promise.all([readXlsxGrids(fresh), readXlsxGrids(SAMPLE)]);
    expect(b.input).toEqual(a.input);
  });

  it('has five project sheets of 15-40 tasks, each with a risk register, plus Notes, Dependencies, RAID Log, Benefits, Capacity and Holidays', async () => {
    const { input } = await readXlsxGrids(SAMPLE);
    expect(input.grids.map((g) => g.sheet).sort()).toEqual(['Benefits', 'Capacity', 'Data Warehouse', 'Dependencies', 'Holidays', 'Mobile App', 'Notes', 'Platform', 'RAID Log', 'Rollout', 'Rollup History', 'Rollup Snapshot', 'Web App']);
    for (const p of PROJECTS) {
      const g = input.grids.find((x) => x.sheet === p.sheet);
      if (!g) throw new Error(`missing ${p.sheet}`);
      const headerRow = g.values.findIndex((r) => r[1] === p.headers[1]);
      const tasks = g.values.slice(headerRow + 1).findIndex((r) => r.every((v) => v === null));
      expect(tasks).toBeGreaterThanOrEqual(15);
      expect(tasks).toBeLessThanOrEqual(40);
      expect(g.values.some((r) => r[0] === 'Risk Register')).toBe(true);
      expect(g.values.some((r) => r[0] === 'Project ID:' && r[1] === p.id)).toBe(true);
    }
    expect(input.grids.find((g) => g.sheet === 'Data Warehouse')?.values.some((r) => r[0] === 'Period End')).toBe(true);
  });

  it('has at least six cross-project predecessors, exactly two planned against a stale baseline (late)', () => {
    const links = crossLinkReport();
    expect(links.length).toBeGreaterThanOrEqual(6);
    expect(links.filter((l) => l.includes(' LATE ')).length).toBe(2);
  });

  it('uses real dates, formats and frozen headers as a PM would', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.getWorksheet('Platform');
    if (!ws) throw new Error('no Platform sheet');
    expect(ws.getCell('D8').value).toBeInstanceOf(Date);
    expect(ws.getCell('D8').numFmt).toBe('dd-mmm-yyyy');
    expect(ws.getCell('J8').numFmt).toBe('0%');
    expect(ws.getCell('K8').numFmt).toMatch(/^\$#,##0/);
    expect(ws.getCell('A7').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
  });
});
