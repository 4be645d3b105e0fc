/**
 * Excel refuses (or "repairs") chart parts whose elements are out of schema order, and LibreOffice does not
 * notice, so the order is checked here against the sequences of the DrawingML chart schema (ECMA-376 §21.2).
 */
import { XMLParser } from 'fast-xml-parser';
import { buildWorkbookPlan } from '../../src/core/report';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { chartXml } from '../../src/xlsx/write/chart-xml';
import { rangeValues } from '../../src/xlsx/write/plan-values';
import { SAMPLE_RESULT } from '../fixtures/result-sample';

const ORDER: Record<string, string[]> = {
  'c:chartSpace': ['c:date1904', 'c:lang', 'c:roundedCorners', 'c:style', 'c:clrMapOvr', 'c:pivotSource', 'c:protection', 'c:chart', 'c:spPr', 'c:txPr', 'c:externalData', 'c:printSettings', 'c:userShapes'],
  'c:chart': ['c:title', 'c:autoTitleDeleted', 'c:pivotFmts', 'c:view3D', 'c:floor', 'c:sideWall', 'c:backWall', 'c:plotArea', 'c:legend', 'c:plotVisOnly', 'c:dispBlanksAs'],
  'c:barChart': ['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:gapWidth', 'c:overlap', 'c:serLines', 'c:axId'],
  'c:lineChart': ['c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:dropLines', 'c:hiLowLines', 'c:upDownBars', 'c:marker', 'c:smooth', 'c:axId'],
  'c:scatterChart': ['c:scatterStyle', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:axId'],
  'c:catAx': ['c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title', 'c:numFmt', 'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx', 'c:crosses', 'c:crossesAt', 'c:auto', 'c:lblAlgn', 'c:lblOffset', 'c:noMultiLvlLbl'],
  'c:valAx': ['c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title', 'c:numFmt', 'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx', 'c:crosses', 'c:crossesAt', 'c:crossBetween', 'c:majorUnit', 'c:minorUnit'],
  'c:plotArea': ['c:layout', 'c:barChart', 'c:lineChart', 'c:scatterChart', 'c:catAx', 'c:valAx', 'c:dTable', 'c:spPr'],
  'c:scaling': ['c:logBase', 'c:orientation', 'c:max', 'c:min'],
  'c:legend': ['c:legendPos', 'c:legendEntry', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr'],
  'c:title': ['c:tx', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr'],
  'c:dLbls': ['c:dLbl', 'c:delete', 'c:numFmt', 'c:spPr', 'c:txPr', 'c:dLblPos', 'c:showLegendKey', 'c:showVal', 'c:showCatName', 'c:showSerName', 'c:showPercent', 'c:showBubbleSize'],
  'c:marker': ['c:symbol', 'c:size', 'c:spPr'],
};
const SER: Record<string, string[]> = {
  'c:barChart': ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:invertIfNegative', 'c:pictureOptions', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:shape'],
  'c:lineChart': ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:marker', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:smooth'],
  'c:scatterChart': ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:marker', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:xVal', 'c:yVal', 'c:smooth'],
};

type Node = Record<string, unknown>;
const tagOf = (n: Node): string => Object.keys(n).find((k) => k !== ':@')!;

function check(node: Node, parentChart: string | null, problems: string[]): void {
  const tag = tagOf(node);
  const children = (node[tag] as Node[] | undefined) ?? [];
  if (!Array.isArray(children)) return;
  const seq = tag === 'c:ser' && parentChart ? SER[parentChart] : ORDER[tag];
  if (seq) {
    let last = -1;
    for (const child of children) {
      const t = tagOf(child);
      const i = seq.indexOf(t);
      if (i < 0) problems.push(`${tag} has unexpected ${t}`);
      else if (i < last) problems.push(`${tag}: ${t} out of order`);
      else last = i;
    }
  }
  const chartTag = ['c:barChart', 'c:lineChart', 'c:scatterChart'].includes(tag) ? tag : parentChart;
  for (const child of children) if (tagOf(child).startsWith('c:')) check(child, chartTag, problems);
}

describe('chart XML element order', () => {
  const plan = buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS);
  const charts = plan.sheets.flatMap((s) => s.charts);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false });

  it.each(charts.map((c) => [c.id, c] as const))('%s follows the schema sequences', (_id, chart) => {
    const xml = chartXml(chart, (ref) => rangeValues(plan, ref));
    const doc = parser.parse(xml) as Node[];
    const root = doc.find((n) => tagOf(n) === 'c:chartSpace')!;
    const problems: string[] = [];
    check(root, null, problems);
    expect(problems).toEqual([]);
    // Sanity: the checker sees the series and axes at all.
    expect(xml).toContain('<c:ser>');
    expect(xml).toMatch(/<c:(cat|val)Ax>/);
  });

  it('reports an element out of order (the checker can fail)', () => {
    const bad = '<c:chartSpace><c:chart><c:plotArea/><c:title/></c:chart></c:chartSpace>';
    const problems: string[] = [];
    check((parser.parse(bad) as Node[])[0], null, problems);
    expect(problems).toEqual(['c:chart: c:title out of order']);
  });
});
