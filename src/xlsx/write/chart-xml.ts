/**
 * DrawingML chart parts (xl/charts/chartN.xml) from a ChartPlan. ExcelJS cannot create charts, so these are
 * written by hand with the element order the schema requires (Excel rejects out-of-order parts; LibreOffice
 * is more forgiving). Every series carries its formula and a cache of the plan's values.
 */
import type { AxisPlan, ChartPlan, PlanValue, SeriesPlan } from '../../core/report/plan';
import { esc, rgb } from './xml';

const NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CAT_AX = 500100;
const VAL_AX = 500200;

export type Resolve = (ref: string) => PlanValue[];

function richText(text: string, size: number, bold: boolean, rot?: number): string {
  const body = rot === undefined ? '<a:bodyPr/>' : `<a:bodyPr rot="${rot}" vert="horz"/>`;
  return `<c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function title(text: string, size: number, rot?: number): string {
  return `<c:title>${richText(text, size, true, rot)}<c:overlay val="0"/></c:title>`;
}

const textProps = (size: number): string => `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;

function numCache(values: PlanValue[], format: string): string {
  const pts = values
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numCache><c:formatCode>${esc(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function strCache(values: PlanValue[]): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`)).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

/** Categories as numbers when every present value is a number (dates, X values), else as text. */
function dataRef(tag: 'c:cat' | 'c:val' | 'c:xVal' | 'c:yVal', ref: string, resolve: Resolve, numeric: boolean, format = 'General'): string {
  const values = resolve(ref);
  const allNumbers = values.every((v) => v === null || typeof v === 'number');
  if (numeric || allNumbers) return `<${tag}><c:numRef><c:f>${esc(ref)}</c:f>${numCache(values, format)}</c:numRef></${tag}>`;
  return `<${tag}><c:strRef><c:f>${esc(ref)}</c:f>${strCache(values)}</c:strRef></${tag}>`;
}

function shapeProps(s: SeriesPlan, kind: 'bar' | 'line' | 'point'): string {
  if (s.invisible) return '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>';
  const color = s.color ? rgb(s.color) : '2F5597';
  if (kind === 'bar') return `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>`;
  if (kind === 'point') return '<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>';
  const dash = s.lineOnly ? '<a:prstDash val="dash"/>' : '';
  return `<c:spPr><a:ln w="${s.lineOnly ? 15875 : 28575}" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill>${dash}<a:round/></a:ln></c:spPr>`;
}

function marker(s: SeriesPlan, show: boolean): string {
  if (!show || s.lineOnly) return '<c:marker><c:symbol val="none"/></c:marker>';
  const color = s.color ? rgb(s.color) : '2F5597';
  return `<c:marker><c:symbol val="circle"/><c:size val="9"/><c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:marker>`;
}

function dataLabels(s: SeriesPlan, format: string): string {
  if (!s.dataLabels || s.invisible) return '';
  return `<c:dLbls><c:numFmt formatCode="${esc(format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(800)}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
}

function head(s: SeriesPlan, i: number): string {
  return `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>`;
}

function barSeries(s: SeriesPlan, i: number, resolve: Resolve, valueFormat: string): string {
  const cat = s.categories ? dataRef('c:cat', s.categories, resolve, false) : '';
  return `<c:ser>${head(s, i)}${shapeProps(s, 'bar')}<c:invertIfNegative val="0"/>${dataLabels(s, valueFormat)}${cat}${dataRef('c:val', s.values, resolve, true)}</c:ser>`;
}

function lineSeries(s: SeriesPlan, i: number, resolve: Resolve, markers: boolean, valueFormat: string): string {
  const cat = s.categories ? dataRef('c:cat', s.categories, resolve, false) : '';
  return `<c:ser>${head(s, i)}${shapeProps(s, 'line')}${marker(s, markers)}${dataLabels(s, valueFormat)}${cat}${dataRef('c:val', s.values, resolve, true)}<c:smooth val="0"/></c:ser>`;
}

function scatterSeries(s: SeriesPlan, i: number, resolve: Resolve, valueFormat: string): string {
  const lines = s.lineOnly || s.kind === 'scatterLines';
  const x = s.categories ? dataRef('c:xVal', s.categories, resolve, true) : '';
  return `<c:ser>${head(s, i)}${shapeProps(s, lines ? 'line' : 'point')}${marker(s, !lines)}${dataLabels(s, valueFormat)}${x}${dataRef('c:yVal', s.values, resolve, true)}<c:smooth val="0"/></c:ser>`;
}

function scaling(axis: AxisPlan | undefined): string {
  const o = axis?.reverse ? 'maxMin' : 'minMax';
  const max = axis?.max !== undefined ? `<c:max val="${axis.max}"/>` : '';
  const min = axis?.min !== undefined ? `<c:min val="${axis.min}"/>` : '';
  return `<c:scaling><c:orientation val="${o}"/>${max}${min}</c:scaling>`;
}

const gridlines = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';
const axisLine = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>';

function catAx(axis: AxisPlan | undefined, pos: 'b' | 'l', crossesMax: boolean): string {
  const t = axis?.title ? title(axis.title, 900, pos === 'l' ? -5400000 : undefined) : '';
  const fmt = axis?.numberFormat ? `<c:numFmt formatCode="${esc(axis.numberFormat)}" sourceLinked="0"/>` : '';
  return `<c:catAx><c:axId val="${CAT_AX}"/>${scaling(axis)}<c:delete val="0"/><c:axPos val="${pos}"/>${t}${fmt}<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${axisLine}${textProps(800)}<c:crossAx val="${VAL_AX}"/><c:crosses val="${crossesMax ? 'max' : 'autoZero'}"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
}

function valAx(id: number, cross: number, axis: AxisPlan | undefined, pos: 'b' | 'l', opts: { crossesMax?: boolean; crossBetween: 'between' | 'midCat'; grid: boolean }): string {
  const t = axis?.title ? title(axis.title, 900, pos === 'l' ? -5400000 : undefined) : '';
  const fmt = `<c:numFmt formatCode="${esc(axis?.numberFormat ?? 'General')}" sourceLinked="0"/>`;
  return `<c:valAx><c:axId val="${id}"/>${scaling(axis)}<c:delete val="0"/><c:axPos val="${pos}"/>${opts.grid ? gridlines : ''}${t}${fmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${axisLine}${textProps(800)}<c:crossAx val="${cross}"/><c:crosses val="${opts.crossesMax ? 'max' : 'autoZero'}"/><c:crossBetween val="${opts.crossBetween}"/></c:valAx>`;
}

function plotArea(chart: ChartPlan, resolve: Resolve): string {
  const vf = chart.valueAxis?.numberFormat ?? 'General';
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  switch (chart.kind) {
    case 'barClustered':
    case 'columnClustered':
    case 'barStacked': {
      const horizontal = chart.kind !== 'columnClustered';
      const stacked = chart.kind === 'barStacked';
      const ser = chart.series.map((s, i) => barSeries(s, i, resolve, vf)).join('');
      const overlap = stacked ? '<c:overlap val="100"/>' : '';
      const reversed = chart.categoryAxis?.reverse === true;
      return `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${ser}<c:gapWidth val="${stacked ? 40 : 80}"/>${overlap}${axIds}</c:barChart>`
        + catAx(chart.categoryAxis, horizontal ? 'l' : 'b', false)
        + valAx(VAL_AX, CAT_AX, chart.valueAxis, horizontal ? 'b' : 'l', { crossesMax: reversed, crossBetween: 'between', grid: true });
    }
    case 'line':
    case 'lineMarkers': {
      const ser = chart.series.map((s, i) => lineSeries(s, i, resolve, chart.kind === 'lineMarkers', vf)).join('');
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${axIds}</c:lineChart>`
        + catAx(chart.categoryAxis, 'b', false)
        + valAx(VAL_AX, CAT_AX, chart.valueAxis, 'l', { crossBetween: 'between', grid: true });
    }
    case 'scatter':
    case 'scatterLines': {
      const ser = chart.series.map((s, i) => scatterSeries(s, i, resolve, vf)).join('');
      return `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${ser}${axIds}</c:scatterChart>`
        + valAx(CAT_AX, VAL_AX, chart.categoryAxis, 'b', { crossBetween: 'midCat', grid: false })
        + valAx(VAL_AX, CAT_AX, chart.valueAxis, 'l', { crossBetween: 'midCat', grid: true });
    }
  }
}

const LEGEND_POS = { bottom: 'b', right: 'r', top: 't' } as const;

/** `date1904`: the workbook's date system, which chart date axes must share with the cells. */
export function chartXml(chart: ChartPlan, resolve: Resolve, date1904 = false): string {
  const legend = chart.legend === 'none' ? '' : `<c:legend><c:legendPos val="${LEGEND_POS[chart.legend]}"/>${legendHidden(chart)}<c:overlay val="0"/>${textProps(800)}</c:legend>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<c:chartSpace ${NS}><c:date1904 val="${date1904 ? 1 : 0}"/><c:roundedCorners val="0"/><c:chart>${title(chart.title, 1200)}<c:autoTitleDeleted val="0"/>`
    + `<c:plotArea><c:layout/>${plotArea(chart, resolve)}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>`
    + `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`
    + '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>'
    + `${textProps(900)}</c:chartSpace>`;
}

/** Invisible series (the Gantt's start offsets) get no legend entry. */
function legendHidden(chart: ChartPlan): string {
  return chart.series.map((s, i) => (s.invisible ? `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>` : '')).join('');
}
