/** The report's look in one place: RAG colours, number formats and the few cell styles every sheet shares. */
import type { HealthColor } from '../settings';
import type { CellStyle, ConditionalFormatPlan } from './plan';

export const RAG: Record<HealthColor, { fill: string; fontColor: string; label: string }> = {
  green: { fill: '#C6EFCE', fontColor: '#006100', label: 'Green' },
  amber: { fill: '#FFEB9C', fontColor: '#9C5700', label: 'Amber' },
  red: { fill: '#FFC7CE', fontColor: '#9C0006', label: 'Red' },
  gray: { fill: '#E7E6E6', fontColor: '#595959', label: 'Gray' },
};

export const FORMATS = {
  date: 'yyyy-mm-dd',
  axisDate: 'mmm yy',
  money: '#,##0',
  ratio: '0.00',
  percent: '0%',
  days: '0;-0;0',
  count: '0',
} as const;

export const COLORS = {
  title: '#1F3864',
  accent: '#2F5597',
  baseline: '#A5A5A5',
  forecast: '#2F5597',
  spi: '#2F5597',
  cpi: '#C55A11',
  reference: '#7F7F7F',
  exposure: '#C00000',
  variance: '#ED7D31',
  tabSummary: '#2F5597',
  tabDependencies: '#548235',
  tabRisks: '#C00000',
  tabIssues: '#BF8F00',
  tabHistory: '#7F7F7F',
  tabBenefits: '#00B050',
  tabResources: '#7030A0',
} as const;

export const TITLE_STYLE: CellStyle = { bold: true, fontSize: 16, fontColor: COLORS.title };
export const SECTION_STYLE: CellStyle = { bold: true, fontSize: 12, fontColor: COLORS.accent, border: 'bottom' };
export const LABEL_STYLE: CellStyle = { bold: true, fontColor: '#404040' };
export const HEADER_STYLE: CellStyle = { bold: true, wrap: true, vAlign: 'center' };
export const TABLE_STYLE = 'TableStyleMedium2';

/** RAG fills for a column of health words ("Red", "Amber", "Green", "Gray"). */
export function healthRules(range: string, firstPriority: number): ConditionalFormatPlan[] {
  const order: HealthColor[] = ['red', 'amber', 'green', 'gray'];
  return order.map((color, i) => ({
    range,
    rule: { kind: 'textContains', text: RAG[color].label },
    style: { fill: RAG[color].fill, fontColor: RAG[color].fontColor },
    priority: firstPriority + i,
  }));
}

/**
 * RAG fills for a column of indices (SPI, CPI, SPI(t)). Expression rules with ISNUMBER so a blank cell (a
 * metric that could not be computed) stays uncoloured instead of counting as 0 and turning red.
 * `topLeft` is the first cell of the range; Excel shifts the relative reference across the range.
 */
export function indexRules(range: string, topLeft: string, green: number, amber: number, firstPriority: number): ConditionalFormatPlan[] {
  return [
    { range, rule: { kind: 'expression', formula: `=AND(ISNUMBER(${topLeft}),${topLeft}<${amber})` }, style: { fill: RAG.red.fill, fontColor: RAG.red.fontColor }, priority: firstPriority },
    { range, rule: { kind: 'expression', formula: `=AND(ISNUMBER(${topLeft}),${topLeft}<${green})` }, style: { fill: RAG.amber.fill, fontColor: RAG.amber.fontColor }, priority: firstPriority + 1 },
    { range, rule: { kind: 'expression', formula: `=ISNUMBER(${topLeft})` }, style: { fill: RAG.green.fill, fontColor: RAG.green.fontColor }, priority: firstPriority + 2 },
  ];
}

/** Late (positive) is amber, on time or early is green; blanks stay uncoloured. `redAbove` marks red. */
export function varianceRules(range: string, topLeft: string, redAbove: number | null, firstPriority: number): ConditionalFormatPlan[] {
  const rules: ConditionalFormatPlan[] = [];
  let p = firstPriority;
  if (redAbove !== null) {
    rules.push({ range, rule: { kind: 'expression', formula: `=AND(ISNUMBER(${topLeft}),${topLeft}>${redAbove})` }, style: { fill: RAG.red.fill, fontColor: RAG.red.fontColor }, priority: p++ });
  }
  rules.push({ range, rule: { kind: 'expression', formula: `=AND(ISNUMBER(${topLeft}),${topLeft}>0)` }, style: { fill: RAG.amber.fill, fontColor: RAG.amber.fontColor }, priority: p++ });
  rules.push({ range, rule: { kind: 'expression', formula: `=ISNUMBER(${topLeft})` }, style: { fill: RAG.green.fill, fontColor: RAG.green.fontColor }, priority: p });
  return rules;
}

/** Negative money (VAC below zero) in red. */
export function negativeRule(range: string, topLeft: string, priority: number): ConditionalFormatPlan {
  return { range, rule: { kind: 'expression', formula: `=AND(ISNUMBER(${topLeft}),${topLeft}<0)` }, style: { fill: RAG.red.fill, fontColor: RAG.red.fontColor }, priority };
}
