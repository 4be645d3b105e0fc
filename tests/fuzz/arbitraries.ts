/**
 * fast-check generators of hostile variants of the bundled sample, at three levels:
 * - cells: a few cells set to hostile values (formula-like text, control characters, U+FFFE, huge lags,
 *   absurd numbers and dates, very long text), at ordinary or absurd addresses;
 * - parts: the XML text of one part damaged (a span cut, doubled or replaced) and the package zipped again,
 *   so the damage passes the zip checksums and reaches the XML reader;
 * - bytes: the .xlsx file itself damaged (bytes flipped, a run overwritten, the file cut short).
 * Each generator yields the input bytes and a short label that says what was done (shown when a case fails).
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { SAMPLE_BYTES, SAMPLE_PARTS, setCellXml, type CellEdit } from '../hostile/sample-edit';

export interface FuzzInput {
  label: string;
  build: () => Promise<Buffer>;
}

const TASK_SHEETS = ['Platform', 'Data Warehouse', 'Web App', 'Mobile App', 'Rollout'];
const ALL_SHEETS = [...TASK_SHEETS, 'Dependencies', 'Holidays', 'Notes'];

const letters = (col: number): string => {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** Mostly cells of the task tables (rows 1-45, columns A-P); now and then an address at or past the grid's edge. */
const address = fc.oneof(
  { weight: 20, arbitrary: fc.tuple(fc.integer({ min: 1, max: 45 }), fc.integer({ min: 1, max: 16 })).map(([r, c]) => `${letters(c)}${r}`) },
  { weight: 1, arbitrary: fc.constantFrom('XFD1048576', 'A1048576', 'XFD1', 'B999999999', 'ZZZZ5', 'P200000') },
);

/** Any UTF-16 code unit, lone surrogates and controls included. */
const anyUnitString = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });

const lag = fc.tuple(fc.integer({ min: 1, max: 25 }), fc.constantFrom('', 'FS', 'SS', 'FF', 'SF'), fc.constantFrom('+', '-'),
  fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(9999, 10_000, 10_001, 99_999_999), fc.bigInt({ min: 0n, max: 10n ** 22n })),
  fc.constantFrom('d', 'ed', 'w', 'ew', '', 'days'))
  .map(([task, type, sign, n, unit]) => `${task}${type}${sign}${String(n)}${unit}`);

const HOSTILE_TEXT = [
  '=HYPERLINK("http://example.com","x")', '=1+1', '+1+1', '-2+3', '@SUM(A1:A2)', '=cmd|\' /C calc\'!A0',
  '\u001b[31mred\u001b[0m', '\u001b]0;title\u0007', '\u009b2J', 'a\rb', '\ufffe', '\uffff', '\ud800', '\udc00x',
  '1e308', '-1e308', 'NaN', 'Infinity', '9999-12-31', '10000-01-01', '1800-01-01', '2026-12-31T25:61', '0000-00-00',
  '29 Feb 2027', 'TBD', 'n/a', '#N/A', '#REF!', '100%', '250%', '-5%', '$1e308', '1,000,000,000,000,000,000',
  'PLAT:3FS+2d', "'Platform':3", 'NOPE:1', '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15', ';;;', '3SS+2d;3FF',
];

/** Text shaped to hit readers: predecessors, dates, money, formula prefixes, controls, any code units. */
const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 3, arbitrary: lag },
  { weight: 3, arbitrary: anyUnitString(30) },
  { weight: 1, arbitrary: fc.integer({ min: 32_000, max: 45_000 }).map((n) => `Long ${'x'.repeat(n)}`) },
);

const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, 5e-324, 2_958_465, 2_958_466, 0, -1, 60, 61, 1e15 + 1, 46339.9999),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
);

/** A cell's value: text as an inline string (escaped as XML or as Excel's _xHHHH_), a number, or raw XML. */
const cellValue: fc.Arbitrary<CellEdit> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: hostileString.map((s) => ({ xml: excelEscaped(s) })) },
  { weight: 1, arbitrary: fc.constantFrom<CellEdit>({ xml: '&#x110000;' }, { xml: '&#0;' }, { xml: '&#xFFFE;' }, { xml: '_xFFFF_' }, { xml: '&#99999999999;' }, { xml: '_x001B_[2J' }) },
);

/** XML text the way Excel stores it: entities for markup, _xHHHH_ for characters XML cannot hold. */
function excelEscaped(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

async function withCells(edits: { sheet: string; ref: string; value: CellEdit }[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(SAMPLE_BYTES);
  for (const e of edits) {
    const part = SAMPLE_PARTS[e.sheet];
    zip.file(part, setCellXml(await zip.file(part)!.async('string'), e.ref, e.value));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const show = (v: CellEdit): string => {
  const s = typeof v === 'object' ? `xml:${v.xml}` : typeof v === 'number' ? String(v) : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 60)}…(${s.length})` : s;
};

export const cellCase: fc.Arbitrary<FuzzInput> = fc
  .array(fc.record({ sheet: fc.constantFrom(...ALL_SHEETS), ref: address, value: cellValue }), { minLength: 1, maxLength: 4 })
  .map((edits) => ({
    label: `cells ${edits.map((e) => `${e.sheet}!${e.ref}=${show(e.value)}`).join(', ')}`,
    build: () => withCells(edits),
  }));

/** A position in [0, 1), uniform: fast-check's doubles favour the ends, and damage at byte 0 hides the rest. */
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

const PARTS = [...Object.values(SAMPLE_PARTS), 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];

type PartDamage = { kind: 'cut' | 'double' | 'replace' | 'digits'; at: number; length: number; text: string };

const partDamage: fc.Arbitrary<PartDamage> = fc.record({
  kind: fc.constantFrom('cut', 'double', 'replace', 'digits'),
  at: position,
  length: fc.integer({ min: 1, max: 400 }),
  text: fc.oneof(anyUnitString(12), fc.constantFrom('<', '>', '&', '"', '</row>', '<row r="99999999">', '<c r="XFD1048576"><v>1</v></c>', '<si><t>x</t></si>', '</sheetData>', '&#x110000;')),
});

function damage(xml: string, d: PartDamage): string {
  const at = Math.floor(d.at * xml.length);
  const end = Math.min(xml.length, at + d.length);
  switch (d.kind) {
    case 'cut':
      return xml.slice(0, at) + xml.slice(end);
    case 'double':
      return xml.slice(0, end) + xml.slice(at, end) + xml.slice(end);
    case 'replace':
      return xml.slice(0, at) + d.text + xml.slice(end);
    case 'digits':
      // The next run of digits (a row number, an index, a value) becomes a huge one.
      return xml.slice(0, at) + xml.slice(at).replace(/\d+/, '9'.repeat(1 + (d.length % 25)));
  }
}

export const partCase: fc.Arbitrary<FuzzInput> = fc
  .tuple(fc.constantFrom(...PARTS), fc.array(partDamage, { minLength: 1, maxLength: 3 }))
  .map(([part, damages]) => ({
    label: `part ${part}: ${damages.map((d) => `${d.kind}@${d.at.toFixed(4)}+${d.length}${d.kind === 'replace' ? `=${JSON.stringify(d.text)}` : ''}`).join(', ')}`,
    build: async () => {
      const zip = await JSZip.loadAsync(SAMPLE_BYTES);
      let xml = await zip.file(part)!.async('string');
      for (const d of damages) xml = damage(xml, d);
      zip.file(part, xml);
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    },
  }));

type ByteDamage = { kind: 'flip' | 'run' | 'cut'; at: number; length: number; seed: number };

export const byteCase: fc.Arbitrary<FuzzInput> = fc
  .array(fc.record({ kind: fc.constantFrom('flip', 'run', 'cut'), at: position, length: fc.integer({ min: 1, max: 200 }), seed: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 3 })
  .map((damages: ByteDamage[]) => ({
    label: `bytes ${damages.map((d) => `${d.kind}@${d.at.toFixed(5)}+${d.length}`).join(', ')}`,
    build: () => {
      let bytes = Buffer.from(SAMPLE_BYTES);
      for (const d of damages) {
        const at = Math.floor(d.at * bytes.length);
        if (d.kind === 'cut') bytes = bytes.subarray(0, at);
        else {
          const n = d.kind === 'flip' ? 1 : d.length;
          for (let i = at; i < Math.min(bytes.length, at + n); i++) bytes[i] = d.kind === 'flip' ? bytes[i] ^ d.seed : (bytes[i] * 31 + d.seed) & 0xff;
        }
      }
      return Promise.resolve(bytes);
    },
  }));
