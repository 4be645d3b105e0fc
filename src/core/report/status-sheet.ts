/**
 * Program Status: what the PMs say. The PM's RAG beside the computed health, disagreements flagged with the
 * computed reason, stale updates flagged, the PMs' summaries; then the decisions needed and escalations of
 * all projects in one list for the steering meeting. PM text is written as text (the plan's rule), never
 * evaluated, whatever it starts with.
 */
import type { RollupResult } from '../result';
import type { HealthColor } from '../settings';
import type { PlanValue, SheetPlan } from './plan';
import { cellA1, rangeA1 } from './a1-local';
import { isoToSerial } from './dates';
import { linkTo } from './links';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { FORMATS, HEADER_STYLE, RAG, SECTION_STYLE, TABLE_STYLE, TITLE_STYLE, healthRules } from './styles';

export const STATUS_SHEET_NAME = 'Program Status';
const TAB_COLOR = '#548235';

export const STATUS_COLUMNS = ['Project', 'PM', 'PM says', 'Figures say', 'Agree?', 'Why the figures differ', 'Updated', 'Age (days)', 'Stale?', 'Summary', 'Accomplishments', 'Next steps', 'Go to'] as const;
export const ASK_COLUMNS = ['Project', 'PM', 'Kind', 'Item', 'Updated'] as const;

function label(h: HealthColor | null, text: string | null): string | null {
  return h !== null ? RAG[h].label : text;
}

export interface StatusLayout {
  header: number;
  first: number | null;
  last: number | null;
  askHeader: number;
}

export function buildStatusSheet(result: RollupResult, staleDays: number, name: string = STATUS_SHEET_NAME): { sheet: SheetPlan; layout: StatusLayout } {
  const sheet = emptySheet('status', name, TAB_COLOR);
  widths(sheet, [26, 16, 10, 10, 8, 44, 11, 8, 7, 44, 40, 40, 18]);
  const list = result.pmStatus ?? [];
  addBlock(sheet, 1, 0, [['What the PMs say']]);
  sheet.formats.push({ range: 'A1', style: TITLE_STYLE });
  const disagree = list.filter((s) => s.disagrees).length;
  const stale = list.filter((s) => s.stale).length;
  addBlock(sheet, 2, 0, [[list.length === 0
    ? 'No project sheet has a status block (Overall Status, Summary, Accomplishments, Next Steps, Decisions Needed, Escalations, Status Updated: see docs/sheet-format.md).'
    : `${list.length} status ${list.length === 1 ? 'update' : 'updates'}; ${disagree} where the PM's colour differs from the figures; ${stale} older than ${staleDays} days before ${result.statusDate}.`]]);
  sheet.formats.push({ range: 'A2', style: { italic: true, fontColor: '#404040' } });

  const header = 4;
  const last = STATUS_COLUMNS.length - 1;
  addBlock(sheet, header, 0, [[...STATUS_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(header, 0, header, last), style: HEADER_STYLE });
  const layout: StatusLayout = { header, first: null, last: null, askHeader: 0 };
  let next = header + 2;
  if (list.length === 0) {
    addBlock(sheet, header + 1, 0, [['(none)']]);
  } else {
    const first = header + 1;
    const rows: PlanValue[][] = list.map((s, i) => {
      const link = linkTo(cellA1(first + i, last), s.sheet, s.cell);
      sheet.hyperlinks.push(link);
      return [s.projectName, s.manager, label(s.pmRag, s.pmRagText), RAG[s.computed].label, s.pmRag === null ? null : s.disagrees ? 'No' : 'Yes',
        s.disagreement, isoToSerial(s.updated), s.ageDays, s.updated === null ? null : s.stale ? 'Stale' : 'No', s.summary, s.accomplishments, s.nextSteps, link.text];
    });
    const end = addBlock(sheet, first, 0, rows) - 1;
    layout.first = first;
    layout.last = end;
    sheet.tables.push({ name: 'ProgramStatus', range: rangeA1(header, 0, end, last), style: TABLE_STYLE, showBandedRows: true });
    sheet.formats.push(
      { range: rangeA1(first, 6, end, 6), numberFormat: FORMATS.date },
      { range: rangeA1(first, 7, end, 7), numberFormat: FORMATS.count },
      { range: rangeA1(first, 5, end, 5), style: { wrap: true, vAlign: 'top' } },
      { range: rangeA1(first, 9, end, 11), style: { wrap: true, vAlign: 'top' } },
      { range: rangeA1(first, 2, end, 4), style: { hAlign: 'center' } },
      { range: rangeA1(first, last, end, last), style: { fontColor: '#0563C1' } },
    );
    const red = { fill: RAG.red.fill, fontColor: RAG.red.fontColor };
    sheet.conditionalFormats.push(
      ...healthRules(rangeA1(first, 2, end, 3), 1),
      { range: rangeA1(first, 4, end, 4), rule: { kind: 'expression', formula: `=${cellA1(first, 4)}="No"` }, style: { ...red, bold: true }, priority: 5 },
      { range: rangeA1(first, 8, end, 8), rule: { kind: 'expression', formula: `=${cellA1(first, 8)}="Stale"` }, style: red, priority: 6 },
    );
    next = end + 2;
  }

  // Decisions needed and escalations, all projects together.
  addBlock(sheet, next, 0, [['Decisions needed and escalations']]);
  sheet.formats.push({ range: rangeA1(next, 0, next, ASK_COLUMNS.length - 1), style: SECTION_STYLE });
  const askHeader = next + 1;
  layout.askHeader = askHeader;
  addBlock(sheet, askHeader, 0, [[...ASK_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(askHeader, 0, askHeader, ASK_COLUMNS.length - 1), style: HEADER_STYLE });
  const asks: PlanValue[][] = list.flatMap((s) => [
    ...s.decisions.map((d): PlanValue[] => [s.projectName, s.manager, 'Decision needed', d, isoToSerial(s.updated)]),
    ...s.escalations.map((e): PlanValue[] => [s.projectName, s.manager, 'Escalation', e, isoToSerial(s.updated)]),
  ]);
  if (asks.length === 0) {
    addBlock(sheet, askHeader + 1, 0, [['No decisions needed and no escalations.']]);
  } else {
    const first = askHeader + 1;
    const end = addBlock(sheet, first, 0, asks) - 1;
    sheet.tables.push({ name: 'ProgramAsks', range: rangeA1(askHeader, 0, end, ASK_COLUMNS.length - 1), style: TABLE_STYLE, showBandedRows: true });
    sheet.formats.push({ range: rangeA1(first, 4, end, 4), numberFormat: FORMATS.date }, { range: rangeA1(first, 3, end, 3), style: { wrap: true, vAlign: 'top' } });
  }
  sheet.freeze = { rows: header, columns: 1 };
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 };
  return { sheet, layout };
}
