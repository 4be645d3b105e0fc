/**
 * Generic check that a WorkbookPlan landed in the fake workbook cell by cell: every block value, number
 * format, table, chart (type, series names and source ranges), hyperlink, merge and frozen pane.
 */
import type { PlanValue, RenderReport, WorkbookPlan } from '../../src/core/report/plan';
import { boxOf } from '../../src/excel/write-plan';
import { parseBox, quoteSheet, type ExcelHost } from './host/excel-host';
import { cellKey } from './fake/model';

const CHART_TYPES: Record<string, string> = {
  barClustered: 'BarClustered',
  columnClustered: 'ColumnClustered',
  barStacked: 'BarStacked',
  line: 'Line',
  lineMarkers: 'LineMarkers',
  scatter: 'XYScatter',
  scatterLines: 'XYScatterLines',
};

/** "'S'!$B$2:$B$2" and "'S'!$B$2" name the same range: compare sheet + box. */
function normRef(ref: string): string {
  const i = ref.lastIndexOf('!');
  const sheet = ref.slice(0, i).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  const b = parseBox(ref.slice(i + 1));
  return `${sheet}|${b.r0},${b.c0},${b.rows},${b.cols}`;
}

export function expectPlanApplied(excel: ExcelHost, plan: WorkbookPlan, report: RenderReport): void {
  const finalOf = (planName: string): string => {
    const s = plan.sheets.find((x) => x.name === planName);
    return s ? report.sheetNames[s.role] : planName;
  };
  const renameRef = (ref: string): string => {
    const i = ref.lastIndexOf('!');
    const sheet = ref.slice(0, i).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    return `${quoteSheet(finalOf(sheet))}!${ref.slice(i + 1)}`;
  };
  for (const sheetPlan of plan.sheets) {
    const name = report.sheetNames[sheetPlan.role];
    const sheet = excel.sheet(name);
    for (const block of sheetPlan.blocks) {
      const start = boxOf(block.address);
      block.values.forEach((row, r) =>
        row.forEach((v: PlanValue, c) => {
          const cell = sheet.cells.get(cellKey(start.r0 + r, start.c0 + c));
          const where = `${name}!${block.address}[${r}][${c}]`;
          if (v === null) {
            expect([undefined, null, ''].includes(cell?.value as never) ? 'blank' : `${where}=${String(cell?.value)}`).toBe('blank');
          } else if (typeof v === 'object') {
            expect({ where, formula: cell?.formula }).toEqual({ where, formula: v.formula.startsWith('=') ? v.formula : `=${v.formula}` });
          } else {
            expect({ where, value: cell?.value, formula: cell?.formula }).toEqual({ where, value: v, formula: undefined });
          }
        }),
      );
    }
    for (const f of sheetPlan.formats) {
      if (f.numberFormat === undefined) continue;
      const b = boxOf(f.range);
      for (const [r, c] of [[b.r0, b.c0], [b.r0 + b.rows - 1, b.c0 + b.cols - 1]]) {
        expect({ at: `${name}!${f.range}`, nf: sheet.cells.get(cellKey(r, c))?.numberFormat }).toEqual({ at: `${name}!${f.range}`, nf: f.numberFormat });
      }
    }
    expect(sheet.tables.map((t) => [t.name, t.address, t.style])).toEqual(
      sheetPlan.tables.map((t) => [t.name, t.range.replace(/\$/g, ''), t.style]),
    );
    expect(sheet.conditionalFormats).toHaveLength(sheetPlan.conditionalFormats.length);
    expect([...sheet.merges].sort()).toEqual([...sheetPlan.merges].sort());
    expect(sheet.charts.map((c) => [c.type, c.title, c.from, c.to])).toEqual(
      sheetPlan.charts.map((c) => [CHART_TYPES[c.kind], c.title, c.from, c.to]),
    );
    sheetPlan.charts.forEach((chartPlan, i) => {
      const chart = sheet.charts[i];
      expect(chart.series.map((s) => [s.name, normRef(s.values ?? ''), s.xValues ? normRef(s.xValues) : null])).toEqual(
        chartPlan.series.map((s) => [s.name, normRef(renameRef(s.values)), s.categories ? normRef(renameRef(s.categories)) : null]),
      );
      chartPlan.series.forEach((s, k) => {
        if (s.invisible) expect(chart.series[k]).toMatchObject({ fill: 'cleared', lineStyle: 'None' });
      });
    });
    for (const link of sheetPlan.hyperlinks) {
      const b = boxOf(link.cell);
      const target = finalOf(link.sheet);
      if (excel.model.sheets.some((x) => x.name === target)) {
        // Where Excel would go, not how the reference is spelt.
        expect(excel.linkTarget(name, link.cell)).toEqual({ sheet: target, address: link.target });
      } else {
        // A source sheet the test workbook leaves out: the reference must still be one Excel can follow.
        expect(sheet.cells.get(cellKey(b.r0, b.c0))?.hyperlink?.documentReference).toBe(`'${target.replace(/'/g, "''")}'!${link.target}`);
      }
    }
    if (sheetPlan.freeze && (sheetPlan.freeze.rows > 0 || sheetPlan.freeze.columns > 0)) expect(sheet.freeze).toEqual(sheetPlan.freeze);
    else expect(sheet.freeze).toBeNull();
    // Row heights and the print area: what leadership prints must match the file renderer's pages.
    for (const { row, height } of sheetPlan.rowHeights ?? []) expect({ row, height: sheet.rowHeights.get(row - 1) }).toEqual({ row, height });
    if (sheetPlan.pageSetup?.printArea) {
      const want = parseBox(sheetPlan.pageSetup.printArea);
      expect(parseBox(sheet.pageLayout.printArea ?? 'A1')).toEqual(want);
    }
  }
}
