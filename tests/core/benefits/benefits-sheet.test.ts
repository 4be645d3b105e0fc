import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { rollup } from '../../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { Grid } from '../../../src/core/grid';
import type { SheetPlan } from '../../../src/core/report/plan';
import { renderPlanToXlsx } from '../../../src/xlsx/write';
import { core, data, plat, sheet } from './fixtures';

const NOW = new Date('2026-03-02T09:00:00Z');
const register: Grid = {
  sheet: 'Benefits',
  values: [
    ['ID', 'Benefit', 'Realisation Start', 'Realisation Target', 'Value', 'Enabling Milestones'],
    ['B1', 'Faster onboarding', '2026-04-01', '2026-09-30', 1200000, 'PLAT:5'],
    ['B2', '@Lower run cost', '2026-05-01', null, null, 'CORE:1'],
  ],
};

function plans(): { benefits: SheetPlan; summary: SheetPlan; all: SheetPlan[] } {
  const { plan } = rollup({ grids: [core(), data(), plat(), register] }, DEFAULT_SETTINGS, NOW);
  const benefits = plan.sheets.find((s) => s.role === 'benefits');
  const summary = plan.sheets.find((s) => s.role === 'summary');
  if (!benefits || !summary) throw new Error('missing sheet');
  return { benefits, summary, all: plan.sheets };
}

describe('Program Benefits sheet', () => {
  test('lists each benefit with status, slip, value at risk, reason and links to source and driving milestone', () => {
    const { benefits } = plans();
    expect(benefits.name).toBe('Program Benefits');
    const table = benefits.blocks.find((b) => b.address === 'A5');
    expect(table?.values[0].slice(0, 2)).toEqual(['B1', 'Faster onboarding']);
    expect(table?.values[0][9]).toBe('At risk');
    expect(table?.values[0][12]).toBe(3);
    expect(table?.values[0][16]).toBe(1200000);
    expect(String(table?.values[0][17])).toContain('pushed by CORE:1 → DATA:1');
    expect(table?.values[1][1]).toBe('@Lower run cost');
    expect(benefits.tables[0]).toMatchObject({ name: 'ProgramBenefits', range: 'A4:U6' });
    expect(benefits.hyperlinks).toEqual(expect.arrayContaining([
      expect.objectContaining({ cell: 'U5', sheet: 'Benefits', target: 'A2' }),
      expect.objectContaining({ cell: 'T5', sheet: 'Platform', text: 'PLAT:5' }),
    ]));
  });

  test('a row whose reason wraps is as tall as its lines (renderers keep the default height otherwise)', () => {
    const { benefits } = plans();
    const b1Reason = String(benefits.blocks.find((b) => b.address === 'A5')?.values[0][17]);
    expect(b1Reason.length).toBeGreaterThan(68);
    // Column R is 70 wide: 68 characters a line, 15 points a line.
    expect(benefits.rowHeights).toContainEqual({ row: 5, height: 15 * Math.ceil(b1Reason.length / 68) });
    expect(benefits.rowHeights?.[0]).toEqual({ row: 4, height: 30 });
  });

  test('draws planned against forecast realisation from its own data block', () => {
    const { benefits } = plans();
    const chart = benefits.charts[0];
    expect(chart).toMatchObject({ id: 'benefitRealisation', kind: 'barStacked' });
    expect(chart.series.map((s) => s.name)).toEqual(['Start', 'Planned', 'Forecast']);
    const dataBlock = benefits.blocks.find((b) => b.values[0][0] === 'Realisation bar');
    // B1: planned 2026-04-01 for 182 days; forecast 2026-04-06 (+3 working days) to 2026-10-05, also 182 days.
    expect(dataBlock?.values.slice(1, 3)).toEqual([['B1 planned', 46113, 182, null], ['B1 forecast', 46118, null, 182]]);
    // B2 has no target date: a 7-day bar at its start.
    expect(dataBlock?.values[3]).toEqual(['B2 planned', 46143, 7, null]);
    expect(chart.series[1].values).toMatch(/^'Program Benefits'!\$D\$\d+:\$D\$\d+$/);
  });

  test('Program Summary carries the benefits line above the project table', () => {
    const { summary } = plans();
    const line = summary.blocks.find((b) => b.address === 'A10');
    expect(line?.values[0][0]).toBe('Benefits: 1 of 2 benefits at risk; 1.2M of value delayed, median 3 working days.');
    // Then the people line and the top conflicts (the fixtures name people), then the project table.
    const lines = summary.blocks.filter((b) => /^A1\d$/.test(b.address) && b.values.length === 1 && b.values[0].length === 1).map((b) => String(b.values[0][0]));
    expect(lines[0]).toBe(line?.values[0][0]);
    expect(lines[1]).toMatch(/^People: \d+ of \d+ people over-allocated/);
    // Nobody is over-allocated here, so no conflict lines follow (resources.test.ts covers them); the last
    // line says the fixtures' earned value is duration-weighted (they have no budgets).
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^Earned value is duration-weighted/);
    const tableRow = Number(/^A(\d+):/.exec(summary.tables[0].range)?.[1]);
    expect(tableRow).toBe(11 + lines.length);
  });

  test('no register and nobody named: no extra sheets and the summary layout is unchanged', () => {
    const alone = sheet('Core', 'CORE', [[1, 'Core API', '2026-03-02', '2026-03-20', '', '']]);
    const { plan } = rollup({ grids: [alone] }, DEFAULT_SETTINGS, NOW);
    expect(plan.sheets.map((s) => s.role)).toEqual(['summary', 'changes', 'status', 'trend', 'dependencies', 'risks', 'issues', 'history', 'snapshot']);
    expect(plan.sheets[0].tables[0].range.startsWith('A11:')).toBe(true);
  });

  test('settings name the Program Benefits and Program Resources sheets; the chart follows the name', () => {
    const settings = { ...DEFAULT_SETTINGS, outputNames: { ...DEFAULT_SETTINGS.outputNames, benefits: "Gains '26", resources: 'Team Load' } };
    const { plan } = rollup({ grids: [core(), data(), plat(), register] }, settings, NOW);
    const named = (role: string): SheetPlan | undefined => plan.sheets.find((s) => s.role === role);
    expect(named('benefits')?.name).toBe("Gains '26");
    expect(named('resources')?.name).toBe('Team Load');
    expect(named('benefits')?.charts[0].series[1].values).toMatch(/^'Gains ''26'!\$D\$\d+:\$D\$\d+$/);
  });

  test('the file renderer writes the sheet, its chart and user text as text', async () => {
    const { plan } = rollup({ grids: [core(), data(), plat(), register] }, DEFAULT_SETTINGS, NOW);
    const buf = await renderPlanToXlsx(plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Program Benefits');
    expect(ws?.getCell('B6').value).toBe('@Lower run cost');
    const zip = await JSZip.loadAsync(buf);
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const xml = await Promise.all(charts.map((f) => zip.file(f)!.async('string')));
    const mine = xml.find((x) => x.includes('Benefit realisation: planned vs forecast'));
    expect(mine).toBeDefined();
    expect(XMLValidator.validate(mine as string)).toBe(true);
    expect(mine).toContain('&apos;Program Benefits&apos;!$C$');
  }, 30_000);
});
