/** Program Dependencies: every cross-project link with its hand-off status, then the critical path and cycles. */
import type { RollupResult } from '../result';
import type { PlanAnchor, PlanValue, SheetPlan } from './plan';
import { anchorMap, dependencyKeys } from './anchors';
import { cellA1, rangeA1 } from './a1-local';
import { isoToSerial } from './dates';
import { linkTo } from './links';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { COLORS, FORMATS, HEADER_STYLE, RAG, SECTION_STYLE, TABLE_STYLE, TITLE_STYLE } from './styles';

export const DEPENDENCY_COLUMNS = [
  'From', 'Predecessor', 'To', 'Successor', 'Type', 'Lag', 'Lag unit', 'Predecessor forecast', 'Successor start',
  'Need by', 'Slack (d)', 'Status', 'Driving chain', 'Origin', 'Source',
] as const;
const STATUS_LABEL = { ok: 'OK', 'at-risk': 'At risk', late: 'Late', unknown: 'Unknown' } as const;

/** The sheet, and where each link's row is, keyed by dependencyKeys(result.dependencies). */
export function buildDependenciesSheet(result: RollupResult, name: string): { sheet: SheetPlan; anchors: Record<string, PlanAnchor> } {
  const sheet = emptySheet('dependencies', name, COLORS.tabDependencies);
  widths(sheet, [10, 26, 10, 26, 6, 6, 13, 13, 13, 12, 9, 9, 30, 12, 22]);
  const last = DEPENDENCY_COLUMNS.length - 1;
  addBlock(sheet, 1, 0, [['Cross-project dependencies']]);
  sheet.formats.push({ range: 'A1', style: TITLE_STYLE });
  const late = result.dependencies.filter((d) => d.status === 'late').length;
  const atRisk = result.dependencies.filter((d) => d.status === 'at-risk').length;
  addBlock(sheet, 2, 0, [[`${result.dependencies.length} links: ${late} late, ${atRisk} at risk. Slack is in working days; negative means the successor starts before the link allows.`]]);
  sheet.formats.push({ range: 'A2', style: { italic: true, fontColor: '#404040' } });

  const header = 4;
  addBlock(sheet, header, 0, [[...DEPENDENCY_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(header, 0, header, last), style: HEADER_STYLE });
  let row = header + 1;
  const anchors = anchorMap();
  if (result.dependencies.length === 0) {
    row = addBlock(sheet, row, 0, [['No cross-project links were found.']]);
  } else {
    const values: PlanValue[][] = result.dependencies.map((d, i) => {
      sheet.hyperlinks.push(linkTo(cellA1(header + 1 + i, last), d.sheet, d.cell));
      return [
        d.from, d.fromName, d.to, d.toName, d.type, d.lagDays, d.lagUnit === 'working' ? 'working days' : 'elapsed days',
        isoToSerial(d.predecessorFinish), isoToSerial(d.successorStart), isoToSerial(d.needBy), d.slackDays, STATUS_LABEL[d.status],
        d.chain.join(' → '), d.origin === 'register' ? 'Register' : 'Predecessors', `${d.sheet}!${sheet.hyperlinks[sheet.hyperlinks.length - 1].target}`,
      ];
    });
    const keys = dependencyKeys(result.dependencies);
    keys.forEach((key, i) => {
      anchors[key] = { role: 'dependencies', cell: cellA1(row + i, 0) };
    });
    const end = addBlock(sheet, row, 0, values) - 1;
    sheet.tables.push({ name: 'ProgramDependencies', range: rangeA1(header, 0, end, last), style: TABLE_STYLE, showBandedRows: true });
    sheet.formats.push(
      { range: rangeA1(row, 7, end, 9), numberFormat: FORMATS.date },
      { range: rangeA1(row, 10, end, 10), numberFormat: FORMATS.days },
      { range: rangeA1(row, 11, end, 11), style: { hAlign: 'center' } },
      { range: rangeA1(row, 14, end, 14), style: { fontColor: '#0563C1' } },
    );
    const status = rangeA1(row, 11, end, 11);
    sheet.conditionalFormats.push(
      { range: status, rule: { kind: 'textContains', text: 'Late' }, style: { fill: RAG.red.fill, fontColor: RAG.red.fontColor }, priority: 1 },
      { range: status, rule: { kind: 'textContains', text: 'At risk' }, style: { fill: RAG.amber.fill, fontColor: RAG.amber.fontColor }, priority: 2 },
      { range: status, rule: { kind: 'textContains', text: 'OK' }, style: { fill: RAG.green.fill, fontColor: RAG.green.fontColor }, priority: 3 },
    );
    row = end + 1;
  }

  row += 1;
  addBlock(sheet, row, 0, [['Program critical path']]);
  sheet.formats.push({ range: rangeA1(row, 0, row, last), style: SECTION_STYLE });
  row += 1;
  row = addBlock(sheet, row, 0, [[result.criticalPath.length > 0 ? result.criticalPath.join(' → ') : 'No critical path could be computed.']]);
  row += 1;
  addBlock(sheet, row, 0, [['Dependency cycles']]);
  sheet.formats.push({ range: rangeA1(row, 0, row, last), style: SECTION_STYLE });
  row += 1;
  const cycles: PlanValue[][] = result.cycles.length > 0
    ? result.cycles.map((c) => [`${[...c, c[0]].join(' → ')} (dates along this loop were not propagated)`])
    : [['No cycles.']];
  addBlock(sheet, row, 0, cycles);
  if (result.cycles.length > 0) sheet.formats.push({ range: rangeA1(row, 0, row + cycles.length - 1, 0), style: { fontColor: RAG.red.fontColor, bold: true } });

  sheet.rowHeights = [{ row: header, height: 30 }];
  sheet.freeze = { rows: header, columns: 0 };
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitleRows: `$${header}:$${header}` };
  return { sheet, anchors };
}
