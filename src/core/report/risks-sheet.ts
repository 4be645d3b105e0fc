/** Program Risks: the top risks across projects, then the 5 × 5 heat map of open risks as a coloured grid. */
import type { RollupResult } from '../result';
import type { PlanValue, SheetPlan } from './plan';
import { cellA1, rangeA1 } from './a1-local';
import { linkTo } from './links';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { COLORS, FORMATS, HEADER_STYLE, RAG, SECTION_STYLE, TABLE_STYLE, TITLE_STYLE } from './styles';

export const RISK_COLUMNS = ['Rank', 'Project', 'Risk ID', 'Risk', 'Probability', 'Impact', 'Score', 'Exposure', 'Schedule exposure (d)', 'Owner', 'Status', 'Task', 'Inherited by', 'Source'] as const;
const IMPACT_LABELS = ['1 Minimal', '2 Minor', '3 Moderate', '4 Major', '5 Severe'];
const HEAT_COL = 15;

/** Zone of a heat-map cell from impact × probability level (both 1..5). */
export function heatZone(impact: number, probabilityLevel: number): 'red' | 'amber' | 'green' {
  const s = impact * probabilityLevel;
  return s >= 12 ? 'red' : s >= 5 ? 'amber' : 'green';
}

export interface HeatMapLayout {
  /** Cell of the count for impact i (1..5) and probability level j (1..5). */
  cellOf: (impact: number, probabilityLevel: number) => string;
}

export function buildRisksSheet(result: RollupResult, name: string, topCount: number): { sheet: SheetPlan; heat: HeatMapLayout } {
  const sheet = emptySheet('risks', name, COLORS.tabRisks);
  // The heat map sits right of the table (columns P–U) so its cells can be square-ish and evenly wide.
  widths(sheet, [6, 10, 8, 40, 11, 8, 7, 12, 11, 18, 10, 10, 14, 22, 3, 14, 8, 8, 8, 8, 8]);
  const last = RISK_COLUMNS.length - 1;
  addBlock(sheet, 1, 0, [['Program risks']]);
  sheet.formats.push({ range: 'A1', style: TITLE_STYLE });
  const top = result.topRisks.slice(0, Math.max(0, topCount));
  addBlock(sheet, 2, 0, [[`Top ${top.length} open risks by exposure (probability × cost impact). Total program exposure: ${Math.round(result.program.riskExposure).toLocaleString('en-US')}.`]]);
  sheet.formats.push({ range: 'A2', style: { italic: true, fontColor: '#404040' } });

  const header = 4;
  addBlock(sheet, header, 0, [[...RISK_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(header, 0, header, last), style: HEADER_STYLE });
  const row = header + 1;
  if (top.length === 0) {
    addBlock(sheet, row, 0, [['No open risks.']]);
  } else {
    const values: PlanValue[][] = top.map((r, i) => {
      const link = linkTo(cellA1(header + 1 + i, last), r.sheet, r.cell);
      sheet.hyperlinks.push(link);
      return [i + 1, r.projectId, r.id, r.title, r.probability, r.impactLevel, r.score, r.exposure, r.scheduleExposureDays, r.owner, r.status, r.taskKey, r.inheritedBy.join(', '), link.text];
    });
    const end = addBlock(sheet, row, 0, values) - 1;
    sheet.tables.push({ name: 'ProgramTopRisks', range: rangeA1(header, 0, end, last), style: TABLE_STYLE, showBandedRows: true });
    sheet.formats.push(
      { range: rangeA1(row, 4, end, 4), numberFormat: FORMATS.percent },
      { range: rangeA1(row, 7, end, 7), numberFormat: FORMATS.money },
      { range: rangeA1(row, 8, end, 8), numberFormat: '0.0' },
      { range: rangeA1(row, 3, end, 3), style: { wrap: true } },
      { range: rangeA1(row, 13, end, 13), style: { fontColor: '#0563C1' } },
    );
  }

  // Heat map: impact 5 at the top, probability level 1..5 left to right, like the usual PMO matrix.
  const L = HEAT_COL;
  addBlock(sheet, header - 1, L, [['Risk heat map (open risks)']]);
  sheet.formats.push({ range: rangeA1(header - 1, L, header - 1, L + 5), style: SECTION_STYLE });
  const gridTop = header + 1;
  addBlock(sheet, header, L, [['Impact \\ Probability', '1', '2', '3', '4', '5']]);
  sheet.formats.push({ range: rangeA1(header, L, header, L + 5), style: { ...HEADER_STYLE, hAlign: 'center', border: 'bottom' } });
  const grid: PlanValue[][] = [];
  for (let impact = 5; impact >= 1; impact--) {
    const counts = result.heatMap[impact - 1] ?? [];
    grid.push([IMPACT_LABELS[impact - 1], ...[1, 2, 3, 4, 5].map((p) => counts[p - 1] ?? 0)]);
  }
  addBlock(sheet, gridTop, L, grid);
  const rowOf = (impact: number): number => gridTop + (5 - impact);
  for (let impact = 5; impact >= 1; impact--) {
    const r = rowOf(impact);
    sheet.formats.push({ range: cellA1(r, L), style: { bold: true } });
    for (let p = 1; p <= 5; p++) {
      const zone = RAG[heatZone(impact, p)];
      sheet.formats.push({ range: cellA1(r, L + p), numberFormat: '0;-0;""', style: { fill: zone.fill, fontColor: zone.fontColor, hAlign: 'center', vAlign: 'center', bold: true, border: 'all', fontSize: 12 } });
    }
  }
  sheet.rowHeights = [{ row: header, height: 40 }];
  addBlock(sheet, gridTop + 5, L, [['Rows: impact 5 (severe) to 1. Columns: probability 1 (rare) to 5 (almost certain).']]);
  sheet.formats.push({ range: cellA1(gridTop + 5, L), style: { italic: true, fontColor: '#404040' } });

  sheet.freeze = { rows: header, columns: 0 };
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 };
  return { sheet, heat: { cellOf: (impact, p) => cellA1(rowOf(impact), L + p) } };
}
