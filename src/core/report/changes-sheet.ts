/**
 * Program Changes: what changed since the last roll-up of an earlier status date, in five stacked sections
 * (projects with the program first, hand-offs, milestones, risks, data issues). Each section is an Excel
 * table when it has rows, so leadership can filter it; an empty section says so in one line.
 */
import type { ChangesResult } from '../changes-result';
import type { RollupResult } from '../result';
import type { HealthColor } from '../settings';
import type { PlanValue, SheetPlan } from './plan';
import { cellA1, rangeA1 } from './a1-local';
import { formatTimestamp, isoToSerial } from './dates';
import { addBlock, emptySheet, widths } from './sheet-builder';
import { FORMATS, HEADER_STYLE, RAG, SECTION_STYLE, TABLE_STYLE, TITLE_STYLE } from './styles';

export const CHANGES_SHEET_NAME = 'Program Changes';
const TAB_COLOR = '#7030A0';

export const PROJECT_CHANGE_COLUMNS = [
  'ID', 'Project', 'Health then', 'Health now', 'Change', 'Forecast finish then', 'Forecast finish now', 'Finish move (wd)',
  'SPI then', 'SPI now', 'Δ SPI', 'CPI then', 'CPI now', 'Δ CPI', 'SV(t) then', 'SV(t) now', 'Δ SV(t)', 'Reason then', 'Reason now', 'PM says then', 'PM says now',
] as const;
export const HANDOFF_CHANGE_COLUMNS = ['Change', 'Hand-off', 'From', 'To', 'Status then', 'Status now', 'Slack then (wd)', 'Slack now (wd)', 'Δ slack (wd)'] as const;
export const MILESTONE_CHANGE_COLUMNS = ['Change', 'Milestone', 'Key', 'Project', 'Forecast then', 'Forecast now', 'Move (wd)'] as const;
export const RISK_CHANGE_COLUMNS = ['Change', 'Risk', 'Project', 'Risk ID', 'Exposure then', 'Exposure now', 'Δ exposure'] as const;
export const ISSUE_CHANGE_COLUMNS = ['Change', 'Message', 'Sheet', 'Cell', 'Code', 'Severity'] as const;

/**
 * Rows listed per section. Leadership reads the largest changes; a program-wide replan can move thousands
 * of milestones, and listing all of them would bury the few that matter (the JSON result has them all).
 */
export const MAX_LISTED = 250;

const WIDTHS = [14, 34, 12, 12, 12, 12, 12, 11, 9, 9, 9, 9, 9, 9, 9, 9, 9, 44, 44, 10, 10];
const RED = { fill: RAG.red.fill, fontColor: RAG.red.fontColor };
const GREEN = { fill: RAG.green.fill, fontColor: RAG.green.fontColor };

function label(h: HealthColor | null): string | null {
  return h === null ? null : RAG[h].label;
}

/** Where each section landed (1-based rows), for tests. */
export interface ChangesLayout {
  projects: { header: number; first: number; last: number } | null;
  handoffs: { header: number; first: number; last: number } | null;
  milestones: { header: number; first: number; last: number } | null;
  risks: { header: number; first: number; last: number } | null;
  dataIssues: { header: number; first: number; last: number } | null;
}

interface Section {
  key: keyof ChangesLayout;
  title: string;
  columns: readonly string[];
  rows: PlanValue[][];
  table: string;
  empty: string;
  /** Number formats by column index. */
  formats: Record<number, string>;
}

function sections(c: ChangesResult): Section[] {
  const d = isoToSerial;
  return [
    {
      key: 'projects', title: 'Projects: health, forecast finish and indices', columns: PROJECT_CHANGE_COLUMNS, table: 'ChangesProjects', empty: 'No projects.',
      rows: c.projects.map((p) => [p.id, p.name, label(p.healthThen), label(p.healthNow), p.direction, d(p.finishThen), d(p.finishNow), p.finishMoveDays,
        p.spiThen, p.spiNow, p.spiDelta, p.cpiThen, p.cpiNow, p.cpiDelta, p.svtThen, p.svtNow, p.svtDelta, p.reasonThen, p.reasonNow, label(p.pmRagThen), label(p.pmRagNow)]),
      formats: { 5: FORMATS.date, 6: FORMATS.date, 7: FORMATS.days, 8: FORMATS.ratio, 9: FORMATS.ratio, 10: '+0.00;-0.00;0.00', 11: FORMATS.ratio, 12: FORMATS.ratio, 13: '+0.00;-0.00;0.00', 14: FORMATS.days, 15: FORMATS.days, 16: '+0;-0;0' },
    },
    {
      key: 'handoffs', title: 'Hand-offs between projects', columns: HANDOFF_CHANGE_COLUMNS, table: 'ChangesHandoffs', empty: 'No hand-off changed status or slack.',
      rows: c.handoffs.map((h) => [h.change, h.name, h.from, h.to, h.statusThen, h.statusNow, h.slackThen, h.slackNow, h.slackDelta]),
      formats: { 6: FORMATS.days, 7: FORMATS.days, 8: '+0;-0;0' },
    },
    {
      key: 'milestones', title: 'Milestones that moved', columns: MILESTONE_CHANGE_COLUMNS, table: 'ChangesMilestones', empty: 'No milestone moved.',
      rows: c.milestones.map((m) => [m.change, m.name, m.key, m.project, d(m.forecastThen), d(m.forecastNow), m.moveDays]),
      formats: { 4: FORMATS.date, 5: FORMATS.date, 6: '+0;-0;0' },
    },
    {
      key: 'risks', title: 'Risks opened, closed and moved', columns: RISK_CHANGE_COLUMNS, table: 'ChangesRisks', empty: 'No risk opened, closed or changed exposure.',
      rows: c.risks.map((r) => [r.change, r.title, r.project, r.id, r.exposureThen, r.exposureNow, r.exposureDelta]),
      formats: { 4: FORMATS.money, 5: FORMATS.money, 6: `+${FORMATS.money};-${FORMATS.money};0` },
    },
    {
      key: 'dataIssues', title: 'Data issues new and fixed', columns: ISSUE_CHANGE_COLUMNS, table: 'ChangesDataIssues', empty: 'No data issue new or fixed.',
      rows: c.dataIssues.map((i) => [i.change, i.message, i.sheet, i.cell, i.code, i.severity]),
      formats: {},
    },
  ];
}

export function buildChangesSheet(result: RollupResult, name: string = CHANGES_SHEET_NAME): { sheet: SheetPlan; layout: ChangesLayout } {
  const sheet = emptySheet('changes', name, TAB_COLOR);
  widths(sheet, WIDTHS);
  const layout: ChangesLayout = { projects: null, handoffs: null, milestones: null, risks: null, dataIssues: null };
  addBlock(sheet, 1, 0, [['Changes since the last roll-up']]);
  sheet.formats.push({ range: 'A1', style: TITLE_STYLE });
  const c = result.changes ?? null;
  if (c === null) {
    addBlock(sheet, 3, 0, [[`Nothing to compare with yet: the workbook holds no roll-up of a status date before ${result.statusDate}. The next roll-up with a later status date will show what changed since this one.`]]);
    sheet.formats.push({ range: 'A3', style: { italic: true, fontColor: '#404040' } });
    return { sheet, layout };
  }
  addBlock(sheet, 2, 0, [[`Status date ${result.statusDate} compared with ${c.since} (rolled up ${formatTimestamp(c.sinceRollupAt) || 'at an unrecorded time'}). Moves are in working days; positive = later.`], [c.headline]]);
  sheet.formats.push({ range: 'A2', style: { italic: true, fontColor: '#404040' } }, { range: 'A3', style: { bold: true, fontSize: 12 } });
  let row = 5;
  let priority = 1;
  for (const s of sections(c)) {
    addBlock(sheet, row, 0, [[s.title]]);
    sheet.formats.push({ range: rangeA1(row, 0, row, s.columns.length - 1), style: SECTION_STYLE });
    const header = row + 1;
    addBlock(sheet, header, 0, [[...s.columns]]);
    sheet.formats.push({ range: rangeA1(header, 0, header, s.columns.length - 1), style: HEADER_STYLE });
    if (s.rows.length === 0) {
      addBlock(sheet, header + 1, 0, [[s.empty]]);
      sheet.formats.push({ range: cellA1(header + 1, 0), style: { italic: true, fontColor: '#404040' } });
      row = header + 3;
      continue;
    }
    const first = header + 1;
    const listed = s.rows.length > MAX_LISTED ? s.rows.slice(0, MAX_LISTED) : s.rows;
    const last = addBlock(sheet, first, 0, listed) - 1;
    layout[s.key] = { header, first, last };
    sheet.tables.push({ name: s.table, range: rangeA1(header, 0, last, s.columns.length - 1), style: TABLE_STYLE, showBandedRows: true });
    for (const [col, numberFormat] of Object.entries(s.formats)) sheet.formats.push({ range: rangeA1(first, Number(col), last, Number(col)), numberFormat });
    // The change word carries the colour: worse, late and new problems red; better and fixed green.
    const change = rangeA1(first, s.key === 'projects' ? 4 : 0, last, s.key === 'projects' ? 4 : 0);
    for (const word of ['worse', 'newly-late', 'lost-slack', 'opened', 'exposure up', 'new']) {
      if (listed.some((r) => r[s.key === 'projects' ? 4 : 0] === word)) sheet.conditionalFormats.push({ range: change, rule: { kind: 'expression', formula: `=${cellA1(first, s.key === 'projects' ? 4 : 0)}="${word}"` }, style: RED, priority: priority++ });
    }
    for (const word of ['better', 'recovered', 'gained-slack', 'closed', 'exposure down', 'fixed']) {
      if (listed.some((r) => r[s.key === 'projects' ? 4 : 0] === word)) sheet.conditionalFormats.push({ range: change, rule: { kind: 'expression', formula: `=${cellA1(first, s.key === 'projects' ? 4 : 0)}="${word}"` }, style: GREEN, priority: priority++ });
    }
    if (s.key === 'projects') {
      sheet.formats.push({ range: rangeA1(first, 17, last, 18), style: { wrap: true, vAlign: 'top' } });
      sheet.conditionalFormats.push(
        { range: rangeA1(first, 7, last, 7), rule: { kind: 'expression', formula: `=AND(ISNUMBER(${cellA1(first, 7)}),${cellA1(first, 7)}>0)` }, style: RED, priority: priority++ },
        { range: rangeA1(first, 7, last, 7), rule: { kind: 'expression', formula: `=AND(ISNUMBER(${cellA1(first, 7)}),${cellA1(first, 7)}<0)` }, style: GREEN, priority: priority++ },
      );
    }
    row = last + 3;
    if (listed.length < s.rows.length) {
      addBlock(sheet, last + 1, 0, [[`… and ${s.rows.length - listed.length} more, smaller changes (the JSON result lists them all).`]]);
      sheet.formats.push({ range: cellA1(last + 1, 0), style: { italic: true, fontColor: '#404040' } });
      row = last + 4;
    }
  }
  sheet.freeze = { rows: 3, columns: 0 };
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 };
  return { sheet, layout };
}
