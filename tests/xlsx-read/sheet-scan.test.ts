/**
 * The worksheet scanner (src/xlsx/sheet-scan.ts) against sheets described as data: random rows and cells, with
 * and without addresses, attributes in any order and either quote, every cell type Excel writes, empty and
 * self-closing cells, formulas before values. What each cell must read as is computed from the description,
 * not from the scanner.
 */
import fc from 'fast-check';
import { a1 } from '../../src/core/a1';
import { parseSheetXml, XlsxReadError } from '../../src/xlsx/read';

type Kind = 'n' | 's' | 'str' | 'b' | 'e' | 'd' | 'inline' | 'empty' | 'selfClosing' | 'vSelfClosing';

interface CellSpec {
  /** Column step from the previous cell (1 = next column); the address is written when `addressed`. */
  step: number;
  addressed: boolean;
  kind: Kind;
  number: number;
  text: number;
  flag: boolean;
  quote: '"' | "'";
  styleFirst: boolean;
  formula: boolean;
}

interface RowSpec {
  step: number;
  addressed: boolean;
  cells: CellSpec[];
}

const SHARED = ['alpha', 'beta & gamma', '=SUM(A1)', 'ünïcode', ''];
const TEXTS = ['plain', 'a &amp; b', '&lt;tag&gt;', 'x_x0041_y'];
const DECODED = ['plain', 'a & b', '<tag>', 'xAy'];

const cellSpec = fc.record<CellSpec>({
  step: fc.integer({ min: 1, max: 3 }),
  addressed: fc.boolean(),
  kind: fc.constantFrom<Kind>('n', 's', 'str', 'b', 'e', 'd', 'inline', 'empty', 'selfClosing', 'vSelfClosing'),
  number: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  text: fc.integer({ min: 0, max: 3 }),
  flag: fc.boolean(),
  quote: fc.constantFrom<'"' | "'">('"', "'"),
  styleFirst: fc.boolean(),
  formula: fc.boolean(),
});
const rowSpec = fc.record<RowSpec>({ step: fc.integer({ min: 1, max: 3 }), addressed: fc.boolean(), cells: fc.array(cellSpec, { maxLength: 6 }) });

/** The XML of one cell at (row, col), and the value it must read as (undefined: none). */
function cellXml(c: CellSpec, row: number, col: number, index: number): { xml: string; value: unknown } {
  const q = c.quote;
  const type = { n: '', s: 's', str: 'str', b: 'b', e: 'e', d: 'd', inline: 'inlineStr', empty: '', selfClosing: '', vSelfClosing: '' }[c.kind];
  const attrs = [
    ...(c.addressed ? [`r=${q}${a1(row - 1, col - 1)}${q}`] : []),
    ...(type ? [`t=${q}${type}${q}`] : []),
  ];
  const style = `s=${q}${index % 7}${q}`;
  const tag = `<c ${(c.styleFirst ? [style, ...attrs] : [...attrs, style]).join(' ')}`;
  const f = c.formula ? '<f>A1+1</f>' : '';
  switch (c.kind) {
    case 'n': return { xml: `${tag}>${f}<v>${c.number}</v></c>`, value: c.number };
    case 's': return { xml: `${tag}><v>${c.text}</v></c>`, value: SHARED[c.text] };
    case 'str': return { xml: `${tag}>${f}<v>${TEXTS[c.text]}</v></c>`, value: DECODED[c.text] };
    case 'e': return { xml: `${tag}>${f}<v>#N/A</v></c>`, value: '#N/A' };
    case 'b': return { xml: `${tag}><v>${c.flag ? 1 : 0}</v></c>`, value: c.flag };
    case 'd': return { xml: `${tag}><v>2026-11-13T12:00:00</v></c>`, value: 46339.5 };
    case 'inline': return { xml: `${tag}><is><r><t>${TEXTS[c.text]}</t></r><r><t xml:space="preserve"> !</t></r></is></c>`, value: `${DECODED[c.text]} !` };
    case 'empty': return { xml: `${tag}></c>`, value: undefined };
    case 'selfClosing': return { xml: `${tag}/>`, value: undefined };
    case 'vSelfClosing': return { xml: `${tag}>${f}<v/></c>`, value: undefined };
  }
}

/** The part's XML and every (row, col) -> value it must read as. */
function sheetOf(rows: RowSpec[]): { xml: string; expected: Map<string, unknown> } {
  const expected = new Map<string, unknown>();
  let row = 0;
  let xml = '<?xml version="1.0"?><worksheet><cols><col min="1" max="2"/></cols><sheetData>';
  rows.forEach((r, ri) => {
    row += r.addressed ? r.step : 1;
    let col = 0;
    const cells = r.cells.map((c, ci) => {
      col += c.addressed ? c.step : 1;
      const { xml: x, value } = cellXml(c, row, col, ri + ci);
      if (value !== undefined) expected.set(`${row},${col}`, value);
      return x;
    });
    const rAttr = r.addressed ? ` r="${row}"` : '';
    xml += cells.length === 0 ? `<row${rAttr} spans="1:1"/>` : `<row${rAttr} spans="1:9">${cells.join('')}</row>`;
  });
  xml += '</sheetData><conditionalFormatting sqref="A1"><cfRule type="expression"><formula>1</formula></cfRule></conditionalFormatting></worksheet>';
  return { xml, expected };
}

describe('the worksheet scanner reads what the sheet says', () => {
  it('every cell of a random sheet, at its address, with its value; nothing else', () => {
    fc.assert(fc.property(fc.array(rowSpec, { maxLength: 8 }), (rows) => {
      const { xml, expected } = sheetOf(rows);
      const grid = parseSheetXml('S', xml, SHARED, false);
      const read = new Map<string, unknown>();
      const origin = grid.origin ?? { row: 0, col: 0 };
      grid.values.forEach((line, r) => line.forEach((v, c) => {
        if (v !== null) read.set(`${origin.row + r + 1},${origin.col + c + 1}`, v);
      }));
      expect(read).toEqual(expected);
    }), { numRuns: 400 });
  });

  it('a shared-string index past the strings names the cell', () => {
    const xml = '<worksheet><sheetData><row r="3"><c r="D3" t="s"><v>7</v></c></row></sheetData></worksheet>';
    expect(() => parseSheetXml('S', xml, SHARED, false)).toThrow(XlsxReadError);
    expect(() => parseSheetXml('S', xml, SHARED, false)).toThrow(/Cell D3 of sheet "S" .*refers to shared string 7, but the shared-strings part holds 5/);
  });

  it('cells outside a row and tags that only start with "c" or "row" are not cells', () => {
    const xml = '<worksheet><sheetData><c r="A1"><v>1</v></c><rows/><row r="2"><cx r="A2"><v>2</v></cx><c r="B2"><v>3</v></c></row></sheetData><c r="A9"><v>9</v></c></worksheet>';
    const grid = parseSheetXml('S', xml, [], false);
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.values).toEqual([[3]]);
  });
});
