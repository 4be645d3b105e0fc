/**
 * Synthetic inputs for the Office.js adapter tests: project sheets as a PM would keep them, and a
 * WorkbookPlan shaped like the real summary (blocks, formats, a table, conditional formats, charts with
 * sheet-qualified sources, hyperlinks, freeze panes, page setup), sized by the project count.
 */
import type { SheetPlan, WorkbookPlan } from '../../src/core/report/plan';
import { fillSheet, newSheet, type FakeSheet } from './fake/model';

export const DANGEROUS_NAME = '=HYPERLINK("http://evil.example","click")';

export function projectSheet(i: number, tasks = 20): FakeSheet {
  const rows: (string | number | null)[][] = [
    ['Project', `Project ${i}`],
    ['Status date', 46100],
    [],
    ['ID', 'Task', 'Baseline start', 'Baseline finish', 'Forecast finish', '% complete', 'Budget'],
  ];
  for (let t = 1; t <= tasks; t++) {
    rows.push([t, t === 1 && i === 1 ? DANGEROUS_NAME : `Task ${t}`, 46000 + t, 46010 + t, 46012 + t, (t * 7) % 100 / 100, 1000 * t]);
  }
  const width = 7;
  return fillSheet(newSheet(`Project ${i}`), rows.map((r) => [...r, ...Array<null>(width - r.length).fill(null)]));
}

const q = (s: string): string => `'${s}'`;

export function summarySheet(n: number, name = 'Program Summary'): SheetPlan {
  const header = ['Project', 'SPI', 'CPI', 'Finish variance', 'Health', 'Budget'];
  const rows = Array.from({ length: n }, (_, i) => [
    i === 0 ? DANGEROUS_NAME : `Project ${i + 1}`,
    0.8 + (i % 5) * 0.05,
    0.9 + (i % 3) * 0.05,
    (i % 7) - 3,
    i % 4 === 0 ? 'Red' : 'Green',
    10000 + i,
  ]);
  const first = 3; // zero-based row of the header (row 4)
  const last = first + n; // zero-based row of the last data row
  const r = (row0: number): number => row0 + 1;
  return {
    role: 'summary',
    name,
    tabColor: '#1F4E79',
    blocks: [
      { address: 'A1', values: [['Program summary', null], ['Status date', 46100], ['Note', '-5 days is late']] },
      { address: `A${r(first)}`, values: [header, ...rows] },
      { address: `H${r(first)}`, values: [['Axis', 'One'], [0, 1], [2, 1]] },
    ],
    formats: [
      { range: 'A1', style: { bold: true, fontSize: 16 } },
      { range: 'B2', numberFormat: 'yyyy-mm-dd', style: { hAlign: 'left' } },
      { range: `A${r(first)}:F${r(first)}`, style: { bold: true, fill: '#D9E1F2', border: 'bottom', wrap: true } },
      { range: `B${r(first + 1)}:C${r(last)}`, numberFormat: '0.00' },
      { range: `F${r(first + 1)}:F${r(last)}`, numberFormat: '#,##0', style: { border: 'all' } },
    ],
    columnWidths: [
      { col: 0, width: 30 },
      { col: 5, width: 12 },
    ],
    merges: ['A1:F1'],
    tables: [{ name: 'PR_Summary', range: `A${r(first)}:F${r(last)}`, style: 'TableStyleMedium2', showBandedRows: true }],
    conditionalFormats: [
      { range: `E${r(first + 1)}:E${r(last)}`, rule: { kind: 'textContains', text: 'Red' }, style: { fill: '#F8CBAD', fontColor: '#9C0006' }, priority: 2 },
      { range: `B${r(first + 1)}:B${r(last)}`, rule: { kind: 'cellValue', operator: 'lessThan', formula1: '0.9' }, style: { bold: true }, priority: 1 },
      { range: `D${r(first + 1)}:D${r(last)}`, rule: { kind: 'expression', formula: `=$D${r(first + 1)}>0` }, style: { fill: '#FFEB9C' }, priority: 3 },
    ],
    charts: [
      {
        id: 'finishVariance',
        kind: 'barClustered',
        title: 'Finish variance (working days)',
        series: [{ name: 'Variance', values: `${q(name)}!$D$${r(first + 1)}:$D$${r(last)}`, categories: `${q(name)}!$A$${r(first + 1)}:$A$${r(last)}`, color: '#C00000', dataLabels: true }],
        categoryAxis: { title: 'Project', reverse: true },
        valueAxis: { title: 'Days', numberFormat: '0' },
        legend: 'none',
        from: 'J2',
        to: 'Q20',
      },
      {
        id: 'timeline',
        kind: 'barStacked',
        title: 'Timeline',
        series: [
          { name: 'Start', values: `${q(name)}!$C$${r(first + 1)}:$C$${r(last)}`, categories: `${q(name)}!$A$${r(first + 1)}:$A$${r(last)}`, invisible: true },
          { name: 'Duration', values: `${q(name)}!$B$${r(first + 1)}:$B$${r(last)}`, categories: `${q(name)}!$A$${r(first + 1)}:$A$${r(last)}`, color: '#4472C4' },
        ],
        legend: 'bottom',
        from: 'J22',
        to: 'Q40',
      },
      {
        id: 'spiCpi',
        kind: 'scatter',
        title: 'SPI vs CPI',
        series: [
          { name: 'Projects', values: `${q(name)}!$C$${r(first + 1)}:$C$${r(last)}`, categories: `${q(name)}!$B$${r(first + 1)}:$B$${r(last)}`, color: '#2F5597' },
          { name: 'SPI = 1', values: `${q(name)}!$I$${r(first + 1)}:$I$${r(first + 2)}`, categories: `${q(name)}!$H$${r(first + 1)}:$H$${r(first + 2)}`, kind: 'scatterLines', lineOnly: true, color: '#7F7F7F' },
        ],
        categoryAxis: { title: 'SPI', min: 0.5, max: 1.5 },
        valueAxis: { title: 'CPI', min: 0.5, max: 1.5 },
        legend: 'right',
        from: 'J42',
        to: 'Q60',
      },
    ],
    hyperlinks: Array.from({ length: n }, (_, i) => ({
      cell: `A${r(first + 1 + i)}`,
      text: i === 0 ? DANGEROUS_NAME : `Project ${i + 1}`,
      sheet: `Project ${i + 1}`,
      target: 'A1',
      tooltip: `Open Project ${i + 1}`,
    })),
    freeze: { rows: first + 1, columns: 1 },
    pageSetup: { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitleRows: '$1:$5' },
    showGridlines: false,
  };
}

export function issuesSheet(n: number): SheetPlan {
  return {
    role: 'issues',
    name: 'Rollup Issues',
    blocks: [{ address: 'A1', values: [['Severity', 'Sheet', 'Cell', 'Message'], ...Array.from({ length: n }, (_, i) => ['warning', `Project ${i + 1}`, 'C5', '+1 day lag ignored'])] }],
    formats: [],
    columnWidths: [],
    merges: [],
    tables: [{ name: 'PR_Issues', range: `A1:D${n + 1}`, style: 'TableStyleLight9' }],
    conditionalFormats: [],
    charts: [],
    hyperlinks: [{ cell: 'B2', text: 'Project 1', sheet: 'Program Summary', target: 'A1' }],
    freeze: { rows: 1, columns: 0 },
    showGridlines: true,
  };
}

export function makePlan(n: number): WorkbookPlan {
  return { sheets: [summarySheet(n), issuesSheet(n)], activeSheet: 'summary', anchors: { projects: {}, dependencies: {} } };
}

export function projectSheets(n: number, tasks = 20): FakeSheet[] {
  return Array.from({ length: n }, (_, i) => projectSheet(i + 1, tasks));
}
