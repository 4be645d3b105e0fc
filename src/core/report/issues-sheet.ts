/** Rollup Issues: every data issue, each with an internal hyperlink to the sheet and cell to fix. */
import type { RollupResult } from '../result';
import type { PlanValue, SheetPlan } from './plan';
import { cellA1, rangeA1 } from './a1-local';
import { linkTo } from './links';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { COLORS, HEADER_STYLE, RAG, TABLE_STYLE, TITLE_STYLE } from './styles';

export const ISSUE_COLUMNS = ['Severity', 'Code', 'Sheet', 'Cell', 'Message', 'Go to'] as const;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function buildIssuesSheet(result: RollupResult, name: string): SheetPlan {
  const sheet = emptySheet('issues', name, COLORS.tabIssues);
  widths(sheet, [10, 24, 20, 9, 80, 24]);
  const last = ISSUE_COLUMNS.length - 1;
  addBlock(sheet, 1, 0, [['Roll-up issues']]);
  sheet.formats.push({ range: 'A1', style: TITLE_STYLE });
  const count = (s: keyof typeof SEVERITY_ORDER): number => result.issues.filter((i) => i.severity === s).length;
  addBlock(sheet, 2, 0, [[`${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes. Click "Go to" to open the cell.`]]);
  sheet.formats.push({ range: 'A2', style: { italic: true, fontColor: '#404040' } });
  const header = 4;
  addBlock(sheet, header, 0, [[...ISSUE_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(header, 0, header, last), style: HEADER_STYLE });
  // Stable sort: errors first, then the order the reader found them in.
  const sorted = result.issues.map((i, n) => ({ i, n })).sort((a, b) => SEVERITY_ORDER[a.i.severity] - SEVERITY_ORDER[b.i.severity] || a.n - b.n).map((x) => x.i);
  if (sorted.length === 0) {
    addBlock(sheet, header + 1, 0, [['No issues: every sheet was read cleanly.']]);
  } else {
    const values: PlanValue[][] = sorted.map((it, k) => {
      const link = linkTo(cellA1(header + 1 + k, last), it.sheet, it.cell);
      sheet.hyperlinks.push(link);
      return [it.severity, it.code, it.sheet, it.cell, it.message, link.text];
    });
    const end = addBlock(sheet, header + 1, 0, values) - 1;
    sheet.tables.push({ name: 'RollupIssues', range: rangeA1(header, 0, end, last), style: TABLE_STYLE, showBandedRows: true });
    sheet.formats.push({ range: rangeA1(header + 1, 4, end, 4), style: { wrap: true, vAlign: 'top' } }, { range: rangeA1(header + 1, 5, end, 5), style: { fontColor: '#0563C1' } });
    const sev = rangeA1(header + 1, 0, end, 0);
    sheet.conditionalFormats.push(
      { range: sev, rule: { kind: 'textContains', text: 'error' }, style: { fill: RAG.red.fill, fontColor: RAG.red.fontColor }, priority: 1 },
      { range: sev, rule: { kind: 'textContains', text: 'warning' }, style: { fill: RAG.amber.fill, fontColor: RAG.amber.fontColor }, priority: 2 },
    );
  }
  sheet.freeze = { rows: header, columns: 0 };
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitleRows: `$${header}:$${header}` };
  return sheet;
}
