import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { buildWorkbookPlan } from '../../src/core/report';
import type { WorkbookPlan } from '../../src/core/report/plan';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { isoToSerial } from '../../src/core/calendar';
import { renderPlanToXlsx } from '../../src/xlsx/write';
import { SAMPLE_RESULT } from '../fixtures/result-sample';

let plan: WorkbookPlan;
let buf: Buffer;
let wb: ExcelJS.Workbook;
let zip: JSZip;

beforeAll(async () => {
  plan = buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS);
  buf = await renderPlanToXlsx(plan);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  zip = await JSZip.loadAsync(buf);
});

const part = async (path: string): Promise<string> => {
  const f = zip.file(path);
  if (!f) throw new Error(`missing part ${path}`);
  return f.async('string');
};

/** Worksheet part of a sheet, found through workbook.xml like a reader would. */
async function sheetPart(name: string): Promise<string> {
  const ws = wb.getWorksheet(name)!;
  return part(`xl/worksheets/sheet${ws.id}.xml`);
}

describe('renderPlanToXlsx', () => {
  it('writes every planned sheet in order with its values', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
    const ws = wb.getWorksheet('Program Summary')!;
    expect(ws.getCell('A12').value).toBe('PLAT');
    expect(ws.getCell('B15').value).toBe('=HYPERLINK("x")');
    expect(ws.getCell('C15').value).toBe('+1');
    expect(ws.getCell('I12').value).toBeCloseTo(SAMPLE_RESULT.projects[0].spi!, 10);
    // ExcelJS reads date-formatted serials back as dates.
    expect(ws.getCell('G12').value).toEqual(new Date(Date.UTC(2026, 6, 7)));
    expect(isoToSerial('2026-07-07')).toBe(plan.sheets[0].blocks.find((b) => b.address === 'A12')!.values[0][6]);
    expect(ws.getCell('G12').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('I12').numFmt).toBe('0.00');
    expect(ws.getCell('L12').numFmt).toBe('#,##0');
    expect(ws.getCell('E12').numFmt).toBe('0%');
  });

  it('keeps text that looks like a formula as text: shared strings, no <f> anywhere', async () => {
    const strings = await part('xl/sharedStrings.xml');
    for (const t of ['=HYPERLINK(&quot;x&quot;)', '+1', '-x', '@x runbooks', '=1+1']) expect(strings).toContain(t);
    for (const s of plan.sheets) {
      const xml = await sheetPart(s.name);
      expect(xml).not.toMatch(/<f[ >]/);
    }
    for (const w of wb.worksheets)
      w.eachRow((row) => row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }));
  });

  it('creates the project table, freezes the header and sets the landscape page', async () => {
    const ws = wb.getWorksheet('Program Summary')!;
    const xml = await sheetPart('Program Summary');
    expect(xml).toMatch(/<pane xSplit="2" ySplit="11" topLeftCell="C12" activePane="bottomRight" state="frozen"\/>/);
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<sheetView[^>]*showGridLines="0"/);
    const tables = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p)).map((p) => part(p)));
    const project = tables.find((t) => t.includes('name="ProgramProjects"'))!;
    expect(project).toContain('ref="A11:P16"');
    expect(ws.getColumn(2).width).toBe(26);
    expect(ws.properties.tabColor).toEqual({ argb: 'FF2F5597' });
  });

  it('writes the RAG conditional formats over the table columns', async () => {
    const xml = await sheetPart('Program Summary');
    expect(xml).toContain('<conditionalFormatting sqref="I12:I16">');
    expect(xml).toContain('AND(ISNUMBER(I12),I12&lt;0.9)');
    expect(xml).toContain('NOT(ISERROR(SEARCH(&quot;Red&quot;,D12)))');
  });

  it('writes internal hyperlinks as locations inside the workbook, without external relationships', async () => {
    const xml = await sheetPart('Rollup Issues');
    const links = [...xml.matchAll(/<hyperlink ([^>]*)\/>/g)].map((m) => m[1]);
    expect(links).toHaveLength(SAMPLE_RESULT.issues.length);
    expect(links[0]).toContain(`location="'Mobile App'!E17"`);
    expect(links.join(' ')).not.toContain('r:id');
    expect(xml).toContain('ref="F5"');
    const ws = wb.getWorksheet('Rollup Issues')!;
    expect(ws.getCell('F5').value).toBe('Mobile App!E17');
    const rels = zip.file(`xl/worksheets/_rels/sheet${ws.id}.xml.rels`);
    if (rels) expect(await rels.async('string')).not.toContain('hyperlink');
  });

  it('adds one native chart part per planned chart, linked from the summary sheet', async () => {
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
    const planned = plan.sheets.flatMap((s) => s.charts);
    expect(charts).toHaveLength(planned.length);
    const types = await part('[Content_Types].xml');
    for (const c of charts) expect(types).toContain(`PartName="/${c}"`);
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    const sheetXml = await sheetPart('Program Summary');
    const rid = /<drawing r:id="(rId\d+)"\/>/.exec(sheetXml)![1];
    const ws = wb.getWorksheet('Program Summary')!;
    const rels = await part(`xl/worksheets/_rels/sheet${ws.id}.xml.rels`);
    expect(rels).toMatch(new RegExp(`Id="${rid}"[^>]*Target="../drawings/drawing1.xml"`));
    const drawing = await part('xl/drawings/drawing1.xml');
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(planned.length);
    for (const p of [...charts, 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', '[Content_Types].xml'])
      expect(XMLValidator.validate(await part(p))).toBe(true);
    for (const s of plan.sheets) expect(XMLValidator.validate(await sheetPart(s.name))).toBe(true);
  });

  it('gives each chart its planned type and the planned series ranges with cached values', async () => {
    const planned = plan.sheets.flatMap((s) => s.charts);
    const expectedTag = { barClustered: 'c:barChart', columnClustered: 'c:barChart', barStacked: 'c:barChart', line: 'c:lineChart', lineMarkers: 'c:lineChart', scatter: 'c:scatterChart', scatterLines: 'c:scatterChart' };
    for (let i = 0; i < planned.length; i++) {
      const xml = await part(`xl/charts/chart${i + 1}.xml`);
      const c = planned[i];
      expect(xml).toContain(`<${expectedTag[c.kind]}>`);
      const refs = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
      for (const s of c.series) expect(refs).toContain(s.values);
    }
    const bar = await part('xl/charts/chart1.xml');
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).toContain('<c:pt idx="1"><c:v>30</c:v></c:pt>'); // APP is 30 working days late
    expect(bar).toContain('<c:v>APP</c:v>');
    const gantt = await part(`xl/charts/chart${planned.findIndex((c) => c.id === 'timeline') + 1}.xml`);
    expect(gantt).toContain('<c:grouping val="stacked"/>');
    expect(gantt).toContain('<c:overlap val="100"/>');
    expect(gantt).toMatch(/<c:ser><c:idx val="0"\/><c:order val="0"\/><c:tx><c:v>Start<\/c:v><\/c:tx><c:spPr><a:noFill\/>/);
    const scatter = await part('xl/charts/chart2.xml');
    expect(scatter).toContain('<c:scatterChart>');
    expect(scatter.match(/<c:xVal>/g)).toHaveLength(SAMPLE_RESULT.projects.length + 2);
    expect(scatter).toContain('<a:prstDash val="dash"/>');
  });

  it('writes no drawing for sheets without charts and no trend chart without history', async () => {
    const p = buildWorkbookPlan({ ...SAMPLE_RESULT, history: [] }, DEFAULT_SETTINGS);
    const z = await JSZip.loadAsync(await renderPlanToXlsx(p));
    const charts = Object.keys(z.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(4);
    const line = await Promise.all(charts.map((c) => z.file(c)!.async('string')));
    expect(line.some((x) => x.includes('<c:lineChart>'))).toBe(false);
    expect(Object.keys(z.files).filter((f) => f.startsWith('xl/drawings/drawing') && f.endsWith('.xml'))).toEqual(['xl/drawings/drawing1.xml']);
  });
});

describe('renderPlanToXlsx determinism', () => {
  it('writes the same bytes for the same plan', async () => {
    const p = buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS);
    const a = await renderPlanToXlsx(p);
    const b = await renderPlanToXlsx(p);
    expect(a.equals(b)).toBe(true);
  });
});

describe('print areas', () => {
  it('limits the summary print to header, table and charts with absolute references', async () => {
    const xml = await part('xl/workbook.xml');
    const area = plan.sheets[0].pageSetup!.printArea!;
    const [a, b] = area.split(':').map((c) => c.replace(/([A-Z]+)(\d+)/, '$$$1$$$2'));
    expect(xml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Program Summary&apos;!${a}:${b}</definedName>`);
  });
});

describe('links in a values-only pack', () => {
  it('writes links to sheets that are not in the file as plain text', async () => {
    const p = buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS);
    const z = await JSZip.loadAsync(await renderPlanToXlsx(p, { linkableSheets: ['Platform'] }));
    const w = new ExcelJS.Workbook();
    await w.xlsx.load((await z.generateAsync({ type: 'nodebuffer' })) as unknown as ArrayBuffer);
    const ws = w.getWorksheet('Rollup Issues')!;
    const xml = await z.file(`xl/worksheets/sheet${ws.id}.xml`)!.async('string');
    const links = [...xml.matchAll(/<hyperlink ([^>]*)\/>/g)].map((m) => m[1]);
    expect(links).toEqual([expect.stringContaining(`location="'Platform'!H22"`)]);
    expect(ws.getCell('F5').value).toBe('Mobile App!E17');
  });

  it('states the program health reason once, without repeating the colour', () => {
    const p = buildWorkbookPlan({ ...SAMPLE_RESULT, program: { ...SAMPLE_RESULT.program, health: 'amber', healthReason: 'Amber: SPI 0.91 < 0.95' } }, DEFAULT_SETTINGS);
    const reason = p.sheets[0].blocks.find((b) => b.address === 'A9')!.values[0][0];
    expect(reason).toBe('Health (Standard rules): Amber: SPI 0.91 < 0.95. At-risk hand-offs: 1.');
  });
});

describe('worksheet element order after injection', () => {
  const SEQ = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

  it('keeps every sheet part in the CT_Worksheet sequence, with <drawing> before <tableParts>', async () => {
    for (const s of plan.sheets) {
      const xml = await sheetPart(s.name);
      const body = xml.slice(xml.indexOf('<worksheet'));
      // Top-level children only: drop nested content by removing each element's inner text up to depth 1.
      const tags: string[] = [];
      let depth = 0;
      for (const m of body.matchAll(/<(\/?)([A-Za-z:]+)([^>]*?)(\/?)>/g)) {
        const closing = m[1] === '/';
        const selfClosing = m[4] === '/';
        if (closing) depth--;
        else {
          if (depth === 1) tags.push(m[2]);
          if (!selfClosing) depth++;
        }
      }
      const idx = tags.map((t) => SEQ.indexOf(t));
      expect({ sheet: s.name, unknown: tags.filter((t) => !SEQ.includes(t)) }).toEqual({ sheet: s.name, unknown: [] });
      const sorted = [...idx].sort((a, b) => a - b);
      expect({ sheet: s.name, tags }).toEqual({ sheet: s.name, tags: sorted.map((i) => SEQ[i]) });
      expect(tags).toEqual(expect.arrayContaining(['sheetData', 'pageMargins']));
      if (s.charts.length > 0) expect(tags).toContain('drawing');
    }
  });
});

describe('a plan in the 1904 date system', () => {
  it('marks the workbook and its charts, so every date reads the same as in the 1900 file', async () => {
    const { planForDateSystem } = await import('../../src/core/report/date-system');
    const plan1900 = buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS);
    const plan1904 = planForDateSystem(plan1900, true);
    const z = await JSZip.loadAsync(await renderPlanToXlsx(plan1904));
    expect(await z.file('xl/workbook.xml')?.async('string')).toMatch(/<workbookPr[^>]*date1904="1"/);
    const charts = Object.keys(z.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBeGreaterThan(0);
    for (const f of charts) expect(await z.file(f)?.async('string')).toContain('<c:date1904 val="1"/>');
    // ExcelJS turns date-formatted cells into dates using the workbook's system: the same dates as the 1900 file.
    const read = async (p: WorkbookPlan) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderPlanToXlsx(p)) as unknown as ArrayBuffer);
      return wb.getWorksheet(p.sheets[0].name)!;
    };
    const [a, b] = [await read(plan1900), await read(plan1904)];
    let dates = 0;
    a.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        expect(b.getCell(r, c).value).toEqual(cell.value);
        if (cell.value instanceof Date) dates += 1;
      }),
    );
    expect(dates).toBeGreaterThan(5);
  });
});
