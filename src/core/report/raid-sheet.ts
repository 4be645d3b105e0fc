/**
 * Program RAID: the issues, actions and decisions of all projects in one table (risks have Program Risks),
 * with owner, due date, status, age at the status date and overdue flags. Log text is written as text (the
 * plan's rule), never evaluated, whatever it starts with.
 */
import type { RaidResult } from '../raid-result';
import type { PlanValue, SheetPlan } from './plan';
import { cellA1, rangeA1 } from './a1-local';
import { isoToSerial } from './dates';
import { linkTo } from './links';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { FORMATS, HEADER_STYLE, RAG, TABLE_STYLE, TITLE_STYLE } from './styles';

export const RAID_SHEET_NAME = 'Program RAID';
const TAB_COLOR = '#7030A0';

export const RAID_COLUMNS = ['Project', 'Type', 'ID', 'Description', 'Owner', 'Raised', 'Due', 'Status', 'Age (days)', 'Overdue?', 'Days overdue', 'Go to'] as const;
const KIND_LABEL = { issue: 'Issue', action: 'Action', decision: 'Decision' } as const;

export interface RaidLayout {
  header: number;
  first: number | null;
  last: number | null;
}

/** "4 open issues, 3 open actions, 2 decisions; 2 overdue at 2026-03-16." */
export function raidHeadline(items: readonly RaidResult[], statusDate: string): string {
  const openOf = (k: RaidResult['kind']): number => items.filter((r) => r.kind === k && r.isOpen).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const overdue = items.filter((r) => r.overdue).length;
  return `${plural(openOf('issue'), 'open issue')}, ${plural(openOf('action'), 'open action')}, ${plural(openOf('decision'), 'open decision')}; ${overdue} overdue at ${statusDate}.`;
}

export function buildRaidSheet(items: readonly RaidResult[], statusDate: string, name: string = RAID_SHEET_NAME): { sheet: SheetPlan; layout: RaidLayout } {
  const sheet = emptySheet('raid', name, TAB_COLOR);
  widths(sheet, [24, 9, 8, 46, 16, 11, 11, 12, 9, 10, 10, 16]);
  addBlock(sheet, 1, 0, [['Issues, actions and decisions']]);
  sheet.formats.push({ range: 'A1', style: TITLE_STYLE });
  addBlock(sheet, 2, 0, [[raidHeadline(items, statusDate)]]);
  sheet.formats.push({ range: 'A2', style: { italic: true, fontColor: '#404040' } });

  const header = 4;
  const last = RAID_COLUMNS.length - 1;
  addBlock(sheet, header, 0, [[...RAID_COLUMNS]]);
  sheet.formats.push({ range: rangeA1(header, 0, header, last), style: HEADER_STYLE });
  const layout: RaidLayout = { header, first: null, last: null };
  if (items.length === 0) {
    addBlock(sheet, header + 1, 0, [['(none)']]);
  } else {
    const first = header + 1;
    const rows: PlanValue[][] = items.map((r, i) => {
      const link = linkTo(cellA1(first + i, last), r.sheet, r.cell);
      sheet.hyperlinks.push(link);
      return [r.projectName, KIND_LABEL[r.kind], r.id, r.title, r.owner, isoToSerial(r.raised), isoToSerial(r.due), r.status ?? (r.isOpen ? 'Open' : null),
        r.ageDays, r.overdue ? 'Overdue' : r.isOpen && r.due !== null ? 'No' : null, r.daysOverdue, link.text];
    });
    const end = addBlock(sheet, first, 0, rows) - 1;
    layout.first = first;
    layout.last = end;
    sheet.tables.push({ name: 'ProgramRaid', range: rangeA1(header, 0, end, last), style: TABLE_STYLE, showBandedRows: true });
    sheet.formats.push(
      { range: rangeA1(first, 5, end, 6), numberFormat: FORMATS.date },
      { range: rangeA1(first, 8, end, 8), numberFormat: FORMATS.count },
      { range: rangeA1(first, 10, end, 10), numberFormat: FORMATS.count },
      { range: rangeA1(first, 3, end, 3), style: { wrap: true, vAlign: 'top' } },
      { range: rangeA1(first, 9, end, 9), style: { hAlign: 'center' } },
      { range: rangeA1(first, last, end, last), style: { fontColor: '#0563C1' } },
    );
    sheet.conditionalFormats.push({
      range: rangeA1(first, 9, end, 10),
      rule: { kind: 'expression', formula: `=$${cellA1(first, 9)}="Overdue"` },
      style: { fill: RAG.red.fill, fontColor: RAG.red.fontColor, bold: true }, priority: 1,
    });
  }
  sheet.freeze = { rows: header, columns: 1 };
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 };
  return { sheet, layout };
}
