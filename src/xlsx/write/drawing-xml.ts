/** The drawing part that anchors a sheet's charts to cells (two-cell anchors, moving with the cells). */
import type { ChartPlan } from '../../core/report/plan';
import { parseCell } from '../../core/report/a1-local';
import { esc } from './xml';

function marker(tag: 'from' | 'to', row0: number, col0: number): string {
  return `<xdr:${tag}><xdr:col>${col0}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row0}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** `charts[i]` is linked through relationship id `rId${i + 1}` in the drawing's rels. */
export function drawingXml(charts: ChartPlan[]): string {
  const anchors = charts.map((c, i) => {
    const from = parseCell(c.from);
    const to = parseCell(c.to);
    if (!from || !to) throw new Error(`XLSX_BAD_ANCHOR: chart "${c.id}" has anchor ${c.from}:${c.to}, which is not a pair of A1 cells`);
    // The plan's "to" cell is inclusive, so the bottom-right corner sits at the start of the next row and column.
    return '<xdr:twoCellAnchor editAs="oneCell">'
      + marker('from', from.row - 1, from.col) + marker('to', to.row, to.col + 1)
      + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(c.title)}" descr="${esc(c.id)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
      + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
      + `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId${i + 1}"/></a:graphicData></a:graphic>`
      + '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  });
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    + anchors.join('') + '</xdr:wsDr>';
}

export function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + rels.map((r) => `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`).join('')
    + '</Relationships>';
}
