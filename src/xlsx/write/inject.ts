/**
 * Post-processes the parts ExcelJS wrote (before they are zipped): adds the chart and drawing parts ExcelJS
 * cannot create and turns its internal hyperlinks (written as external "#Sheet!A1" relationships) into the
 * standard location-only form, which Excel and LibreOffice both follow inside the workbook.
 */
import type { WorkbookPlan } from '../../core/report/plan';
import { chartXml } from './chart-xml';
import { drawingXml, relsXml } from './drawing-xml';
import { rangeValues } from './plan-values';
import type { PackageParts } from './zip-writer';

const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

interface Rel {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function parseRels(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attr = (name: string): string | undefined => {
      const a = new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]);
      return a ? unescapeXml(a[1]) : undefined;
    };
    const id = attr('Id');
    const type = attr('Type');
    const target = attr('Target');
    if (id && type && target !== undefined) out.push({ id, type, target, external: attr('TargetMode') === 'External' });
  }
  return out;
}

/** Sheet name -> worksheet part path, from workbook.xml and its rels. */
function sheetParts(parts: PackageParts): Map<string, string> {
  const wb = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (wb === undefined || rels === undefined) throw new Error('XLSX_PACKAGE: the workbook part or its relationships are missing');
  const byId = new Map(parseRels(rels).map((r) => [r.id, r.target]));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]);
    const rid = /\br:id="([^"]*)"/.exec(m[1]);
    if (!name || !rid) continue;
    const target = byId.get(rid[1]);
    if (target) out.set(unescapeXml(name[1]), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** Elements that must follow <drawing> in a worksheet, per the schema order. */
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst'];

function insertDrawing(sheetXml: string, rid: string): string {
  const el = `<drawing r:id="${rid}"/>`;
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.indexOf(tag);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf('</worksheet>');
  const withNs = sheetXml.includes('xmlns:r=') ? sheetXml : sheetXml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  const shift = withNs.length - sheetXml.length;
  return withNs.slice(0, at + shift) + el + withNs.slice(at + shift);
}

/** Internal links: drop the relationship, keep `location` without the leading "#". */
function fixInternalLinks(sheetXml: string, rels: Rel[]): { xml: string; rels: Rel[] } {
  const internal = new Map(rels.filter((r) => r.type === REL_HYPERLINK && r.target.startsWith('#')).map((r) => [r.id, r.target.slice(1)]));
  if (internal.size === 0) return { xml: sheetXml, rels };
  const xml = sheetXml.replace(/<hyperlink\b([^>]*?)\/>/g, (whole, attrs: string) => {
    const rid = /\br:id="([^"]*)"/.exec(attrs);
    const location = rid ? internal.get(rid[1]) : undefined;
    if (location === undefined) return whole;
    const kept = attrs.replace(/\s*\br:id="[^"]*"/, '').replace(/\s*\blocation="[^"]*"/, '');
    return `<hyperlink${kept} location="${location.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"/>`;
  });
  return { xml, rels: rels.filter((r) => !internal.has(r.id)) };
}

/**
 * ExcelJS writes print areas as "$A1:$P53" (rows relative); LibreOffice ignores such a print area, so the
 * references are made fully absolute, as Excel itself writes them.
 */
export function absolutePrintAreas(workbookXml: string): string {
  return workbookXml.replace(/(<definedName name="_xlnm\.Print_Area"[^>]*>)([^<]*)(<\/definedName>)/g, (_m, open: string, ref: string, close: string) =>
    open + ref.replace(/\$([A-Z]{1,3})\$?(\d+)/g, '$$$1$$$2') + close);
}

/**
 * The package's parts with the charts added and the links fixed. New parts come after ExcelJS's, which keep their
 * order ([Content_Types].xml first); the given map is not changed.
 */
export function injectCharts(written: PackageParts, plan: WorkbookPlan): Map<string, string> {
  const out = new Map(written);
  const workbookXml = out.get('xl/workbook.xml');
  if (workbookXml !== undefined) out.set('xl/workbook.xml', absolutePrintAreas(workbookXml));
  const parts = sheetParts(out);
  let types = out.get('[Content_Types].xml');
  if (types === undefined) throw new Error('XLSX_PACKAGE: [Content_Types].xml is missing');
  let chartNo = 0;
  let drawingNo = 0;
  const resolve = (ref: string): ReturnType<typeof rangeValues> => rangeValues(plan, ref);

  for (const sheet of plan.sheets) {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`XLSX_PACKAGE: sheet "${sheet.name}" was not written`);
    const dir = part.slice(0, part.lastIndexOf('/'));
    const file = part.slice(part.lastIndexOf('/') + 1);
    const relsPath = `${dir}/_rels/${file}.rels`;
    const relsText = out.get(relsPath);
    let rels = relsText === undefined ? [] : parseRels(relsText);
    let xml = out.get(part) ?? '';
    const fixed = fixInternalLinks(xml, rels);
    xml = fixed.xml;
    rels = fixed.rels;

    if (sheet.charts.length > 0) {
      drawingNo += 1;
      const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
      const chartRels: Rel[] = [];
      sheet.charts.forEach((c, i) => {
        chartNo += 1;
        out.set(`xl/charts/chart${chartNo}.xml`, chartXml(c, resolve, plan.date1904 === true));
        chartRels.push({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${chartNo}.xml` });
        types = types!.replace('</Types>', `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT_CHART}"/></Types>`);
      });
      out.set(drawingPath, drawingXml(sheet.charts));
      out.set(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(chartRels));
      types = types.replace('</Types>', `<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/></Types>`);
      let n = rels.length + 1;
      while (rels.some((r) => r.id === `rId${n}`)) n += 1;
      const rid = `rId${n}`;
      rels.push({ id: rid, type: REL_DRAWING, target: `../drawings/drawing${drawingNo}.xml` });
      xml = insertDrawing(xml, rid);
    }
    out.set(part, xml);
    if (rels.length > 0 || relsText !== undefined) out.set(relsPath, relsXml(rels));
  }
  out.set('[Content_Types].xml', types);
  return out;
}
