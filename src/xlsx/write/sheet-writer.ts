/**
 * Applies one SheetPlan to an ExcelJS worksheet: values, formats, widths, merges, tables, conditional
 * formats, hyperlinks, freeze panes, page setup, tab colour and gridlines. Strings go in as ExcelJS string
 * values (shared strings), which are never evaluated, so "=HYPERLINK(…)" stays text.
 */
import ExcelJS from 'exceljs';
import type { CellStyle, ConditionalFormatPlan, PlanValue, RangeFormat, SheetPlan } from '../../core/report/plan';
import { cellA1, parseCell, quoteSheet } from '../../core/report/a1-local';
import { argb } from './xml';

type Cell = ExcelJS.Cell;

/**
 * Each cell of the range, reached through its row (ws.getRow(r).getCell(c), fetched once per row), without
 * ws.getCell's detour through an "A1" address built and parsed again per cell (a visible cost over the 15,000
 * cells of a people heat map); `last.row` says whether the cell is on the range's last row.
 */
function forEachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: Cell, row: number, col: number, last: { row: boolean }) => void): void {
  const [a, b] = range.split(':');
  const p = parseCell(a);
  const q = parseCell(b ?? a);
  if (!p || !q) throw new Error(`XLSX_BAD_RANGE: "${range}" is not an A1 range`);
  const notLast = { row: false };
  const last = { row: true };
  for (let r = p.row; r <= q.row; r++) {
    const row = ws.getRow(r);
    const flag = r === q.row ? last : notLast;
    for (let c = p.col; c <= q.col; c++) fn(row.getCell(c + 1), r, c, flag);
  }
}

function cellValue(v: PlanValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'object') return { formula: v.formula.replace(/^=/, '') };
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/** Sets the plan's style on a cell's style object (as the cell's own setters would: font, fill, alignment, border). */
function applyStyle(style: Partial<ExcelJS.Style>, s: CellStyle, lastRow: boolean): void {
  const font: Partial<ExcelJS.Font> = { ...style.font };
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  style.font = font;
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.hAlign || s.vAlign || s.wrap !== undefined || s.indent !== undefined) {
    const al: Partial<ExcelJS.Alignment> = { ...style.alignment };
    if (s.hAlign) al.horizontal = s.hAlign;
    if (s.vAlign) al.vertical = s.vAlign === 'center' ? 'middle' : s.vAlign;
    if (s.wrap !== undefined) al.wrapText = s.wrap;
    if (s.indent !== undefined) al.indent = s.indent;
    style.alignment = al;
  }
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
  if (s.border === 'all') style.border = { top: thin, left: thin, bottom: thin, right: thin };
  if (s.border === 'bottom' && lastRow) style.border = { ...style.border, bottom: { style: 'thin', color: { argb: 'FF2F5597' } } };
}

function isEmptyStyle(style: Partial<ExcelJS.Style>): boolean {
  for (const k in style) if (Object.prototype.hasOwnProperty.call(style, k)) return false;
  return true;
}

/** Stands for every cell's own empty style object (a new cell's), so that cells starting empty share one result. */
const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * Applies one range format. A cell's new style is a new object, built once per distinct old style (and per
 * last-row flag, which decides a bottom border) and shared by every cell that had it: the heat maps' thousands
 * of cells then cost a few style builds instead of one each, and far fewer objects. The old objects are never
 * changed, so a cell still holding one is not affected. Sharing is safe for the file: cells of one style object
 * get one style id, and the plan writes no Date values, the only type that makes ExcelJS pick a different
 * number format for the same style (shareStyles below keeps types apart anyway).
 */
function applyFormat(ws: ExcelJS.Worksheet, f: RangeFormat): void {
  const built = [new Map<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>(), new Map<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>()];
  const bottomMatters = f.style?.border === 'bottom';
  const restyle = (old: Partial<ExcelJS.Style>, lastRow: boolean): Partial<ExcelJS.Style> => {
    const memo = built[bottomMatters && lastRow ? 1 : 0];
    let next = memo.get(old);
    if (next === undefined) {
      const from = isEmptyStyle(old) ? NO_STYLE : old;
      next = from === old ? undefined : memo.get(from);
      if (next === undefined) {
        next = { ...from };
        if (f.numberFormat) next.numFmt = f.numberFormat;
        if (f.style) applyStyle(next, f.style, lastRow);
        memo.set(from, next);
      }
      memo.set(old, next);
    }
    return next;
  };
  forEachCell(ws, f.range, (cell, _r, _c, last) => {
    cell.style = restyle(cell.style, last.row);
  });
}

/**
 * JSON.stringify(style), without serialising the common cases: no style at all, or a number format alone
 * (every heat-map and date cell).
 */
function styleText(style: Partial<ExcelJS.Style>): string {
  let count = 0;
  for (const k in style) {
    if (k !== 'numFmt' || ++count > 1) return JSON.stringify(style);
  }
  if (count === 0) return '{}';
  return typeof style.numFmt === 'string' ? `{"numFmt":${JSON.stringify(style.numFmt)}}` : JSON.stringify(style);
}

/**
 * One style object per distinct style on the sheet, where ExcelJS gives every new cell its own and applyFormat
 * shares only within one range format: ExcelJS's writer builds a style's XML once per style object (a WeakMap),
 * so the 15,000 cells of a people × weeks heat map that share one number format cost one build instead of
 * 15,000. Cells share only what gives the same style in the file: the same content and, when there is no number
 * format (ExcelJS then picks one by the cell's type), the same type. Formula cells are left as they are (their
 * type comes from a result); a merged-away cell keeps following its master's style, as ExcelJS set it.
 */
function shareStyles(ws: ExcelJS.Worksheet): void {
  const byKey = new Map<string, Partial<ExcelJS.Style>>();
  const moved = new Map<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>();
  // Formatted cells already share style objects (applyFormat), so each object's text is built once.
  const texts = new Map<Partial<ExcelJS.Style>, string>();
  const mergedAway: Cell[] = [];
  ws.eachRow((row) => row.eachCell((cell) => {
    if (cell.type === ExcelJS.ValueType.Merge) {
      mergedAway.push(cell);
      return;
    }
    if (cell.type === ExcelJS.ValueType.Formula) return;
    const own = cell.style;
    let text = texts.get(own);
    if (text === undefined) {
      text = styleText(own);
      texts.set(own, text);
    }
    const key = own.numFmt ? text : `${cell.type}|${text}`;
    const one = byKey.get(key);
    if (one === undefined) byKey.set(key, own);
    else if (one !== own) {
      cell.style = one;
      moved.set(own, one);
    }
  }));
  for (const cell of mergedAway) {
    const to = moved.get(cell.style);
    if (to !== undefined) cell.style = to;
  }
}

function conditionalRule(f: ConditionalFormatPlan): ExcelJS.ConditionalFormattingRule {
  const topLeft = f.range.split(':')[0];
  const style: Partial<ExcelJS.Style> = {};
  if (f.style.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(f.style.fill) } };
  if (f.style.fontColor || f.style.bold !== undefined) style.font = { ...(f.style.fontColor ? { color: { argb: argb(f.style.fontColor) } } : {}), ...(f.style.bold !== undefined ? { bold: f.style.bold } : {}) };
  const strip = (s: string): string => s.replace(/^=/, '');
  switch (f.rule.kind) {
    case 'expression':
      return { type: 'expression', formulae: [strip(f.rule.formula)], style, priority: f.priority };
    case 'textContains':
      // Written as the equivalent expression: ExcelJS drops the containsText rule's text attribute, and
      // LibreOffice then ignores the rule.
      return { type: 'expression', formulae: [`NOT(ISERROR(SEARCH("${f.rule.text.replace(/"/g, '""')}",${topLeft})))`], style, priority: f.priority };
    case 'cellValue': {
      const formulae = [strip(f.rule.formula1), ...(f.rule.formula2 !== undefined ? [strip(f.rule.formula2)] : [])];
      // ExcelJS's typings list only four operators; its writer passes any OOXML operator through verbatim.
      return { type: 'cellIs', operator: f.rule.operator as ExcelJS.CellIsOperators, formulae, style, priority: f.priority };
    }
  }
}

export function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan, sheetsPresent: ReadonlySet<string>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(plan.name, {
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : {},
    views: [plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)
      ? { state: 'frozen', xSplit: plan.freeze.columns, ySplit: plan.freeze.rows, topLeftCell: cellA1(plan.freeze.rows + 1, plan.freeze.columns), showGridLines: plan.showGridlines }
      : { showGridLines: plan.showGridlines }],
  });

  for (const b of plan.blocks) {
    const o = parseCell(b.address);
    if (!o) throw new Error(`XLSX_BAD_RANGE: block address "${b.address}" is not an A1 cell`);
    for (let r = 0; r < b.values.length; r++) {
      const line = b.values[r];
      let row: ExcelJS.Row | null = null;
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (v === null) continue;
        row ??= ws.getRow(o.row + r);
        row.getCell(o.col + c + 1).value = cellValue(v);
      }
    }
  }
  for (const { col, width } of plan.columnWidths) ws.getColumn(col + 1).width = width;
  for (const { row, height } of plan.rowHeights ?? []) ws.getRow(row).height = height;

  // Tables first: ExcelJS writes the table's header and rows into the cells, so formats must come after.
  for (const t of plan.tables) {
    const [a, b] = t.range.split(':');
    const p = parseCell(a);
    const q = parseCell(b);
    if (!p || !q) throw new Error(`XLSX_BAD_RANGE: table "${t.name}" range "${t.range}" is not an A1 range`);
    // Through the row (as forEachCell): ws.getCell(r, c) would build and parse an "A1" address per cell.
    const header: string[] = [];
    for (let c = p.col; c <= q.col; c++) header.push(String(ws.getRow(p.row).getCell(c + 1).value ?? `Column${c - p.col + 1}`));
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = p.row + 1; r <= q.row; r++) {
      const line: ExcelJS.CellValue[] = [];
      for (let c = p.col; c <= q.col; c++) line.push(ws.getRow(r).getCell(c + 1).value);
      rows.push(line);
    }
    ws.addTable({
      name: t.name, ref: a, headerRow: true, totalsRow: false,
      style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: t.showBandedRows ?? true },
      columns: header.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }

  for (const f of plan.formats) applyFormat(ws, f);
  for (const m of plan.merges) ws.mergeCells(m);

  const byRange = new Map<string, ConditionalFormatPlan[]>();
  for (const f of plan.conditionalFormats) byRange.set(f.range, [...(byRange.get(f.range) ?? []), f]);
  for (const [ref, list] of byRange) ws.addConditionalFormatting({ ref, rules: list.map(conditionalRule) });

  for (const h of plan.hyperlinks) {
    // A file holds only the plan's sheets plus those the caller passes as present; a link to any other
    // sheet (a project sheet left out of a values-only pack) would be broken, so it stays plain text.
    if (!sheetsPresent.has(h.sheet)) continue;
    ws.getCell(h.cell).value = { text: h.text, hyperlink: `#${quoteSheet(h.sheet)}!${h.target}`, ...(h.tooltip ? { tooltip: h.tooltip } : {}) };
  }

  if (plan.pageSetup) {
    const ps = plan.pageSetup;
    ws.pageSetup = {
      ...ws.pageSetup, orientation: ps.orientation, fitToPage: ps.fitToWidth > 0 || ps.fitToHeight > 0,
      fitToWidth: ps.fitToWidth, fitToHeight: ps.fitToHeight, paperSize: 9,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      ...(ps.printTitleRows ? { printTitlesRow: ps.printTitleRows.replace(/\$/g, '') } : {}),
      ...(ps.printArea ? { printArea: ps.printArea } : {}),
    };
  }
  shareStyles(ws);
  return ws;
}
