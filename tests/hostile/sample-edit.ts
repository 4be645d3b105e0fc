/**
 * Builds hostile variants of the bundled sample workbook for the regression and fuzz tests: one cell set to
 * a given value, or one part replaced, at the XML level (no Excel library in between, so what is written is
 * exactly what a hostile file would hold).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

export const SAMPLE = join(__dirname, '..', '..', 'examples', 'sample-program.xlsx');
export const SAMPLE_BYTES: Buffer = readFileSync(SAMPLE);

/** Sheet name -> worksheet part of the sample (fixed by examples/make-sample.ts). */
export const SAMPLE_PARTS: Record<string, string> = {
  Notes: 'xl/worksheets/sheet1.xml',
  Platform: 'xl/worksheets/sheet2.xml',
  'Data Warehouse': 'xl/worksheets/sheet3.xml',
  'Web App': 'xl/worksheets/sheet4.xml',
  'Mobile App': 'xl/worksheets/sheet5.xml',
  Rollout: 'xl/worksheets/sheet6.xml',
  Dependencies: 'xl/worksheets/sheet7.xml',
  Holidays: 'xl/worksheets/sheet8.xml',
};

const escText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Raw XML of one cell: an inline string, a number, or XML given as is (`{ xml }`, already escaped). */
export type CellEdit = string | number | { xml: string };

function cellXml(ref: string, value: CellEdit): string {
  if (typeof value === 'number') return `<c r="${ref}"><v>${String(value)}</v></c>`;
  if (typeof value === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escText(value)}</t></is></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${value.xml}</t></is></c>`;
}

/** Replaces (or adds) one cell in a sheet's XML; a missing row is appended at the end of sheetData. */
export function setCellXml(sheetXml: string, ref: string, value: CellEdit): string {
  const row = Number(/\d+$/.exec(ref)![0]);
  const cell = cellXml(ref, value);
  const existing = new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`);
  if (existing.test(sheetXml)) return sheetXml.replace(existing, () => cell);
  const rowRe = new RegExp(`(<row r="${row}"[^>]*>)([\\s\\S]*?)(</row>)`);
  if (rowRe.test(sheetXml)) return sheetXml.replace(rowRe, (_m, open: string, body: string, close: string) => `${open}${body}${cell}${close}`);
  return sheetXml.replace('</sheetData>', () => `<row r="${row}">${cell}</row></sheetData>`);
}

/** The sample with some cells changed: `{ Platform: { M10: '2FS+99999999d' } }`. */
export async function sampleWith(edits: Record<string, Record<string, CellEdit>>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(SAMPLE_BYTES);
  for (const [sheet, cells] of Object.entries(edits)) {
    const part = SAMPLE_PARTS[sheet];
    let xml = await zip.file(part)!.async('string');
    for (const [ref, value] of Object.entries(cells)) xml = setCellXml(xml, ref, value);
    zip.file(part, xml);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The sample with whole parts replaced (a string), removed (null) or transformed (a function). */
export async function samplePatched(parts: Record<string, string | null | ((xml: string) => string)>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(SAMPLE_BYTES);
  for (const [path, change] of Object.entries(parts)) {
    if (change === null) zip.remove(path);
    else if (typeof change === 'string') zip.file(path, change);
    else zip.file(path, change(await zip.file(path)!.async('string')));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
