/** The fuzz suite's checks can fail: each one flags a crafted bad output (a check that cannot fail is a defect). */
import JSZip from 'jszip';
import { jsonProblems, outputProblems } from '../hostile/output-check';

async function pack(sheetXml: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('outputProblems', () => {
  it('passes a clean package', async () => {
    expect(await outputProblems(await pack('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>=1+1</t></is></c></row></sheetData></worksheet>'))).toEqual([]);
  });
  it('flags an illegal character, an illegal character reference, a cell formula, a long cell and a broken part', async () => {
    const bad = await outputProblems(await pack(`<worksheet><sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="inlineStr"><is><t>a\u0001&#xFFFF;${'x'.repeat(32_768)}</t></is></c></row></sheetData></worksheet>`));
    expect(bad).toEqual([
      'xl/worksheets/sheet1.xml: illegal character U+0001',
      'xl/worksheets/sheet1.xml: illegal character reference &#xFFFF;',
      'xl/worksheets/sheet1.xml: holds a cell formula',
      'S: a cell of 32771 characters',
    ]);
    const broken = await outputProblems(await pack('<worksheet><sheetData>'));
    expect(broken[0]).toMatch(/^xl\/worksheets\/sheet1\.xml: not well-formed/);
    expect(broken[1]).toMatch(/^the output cannot be read back: .*cut short/);
  });
});

describe('jsonProblems', () => {
  it('flags NaN, Infinity, an infinity sign and a null metric without its reason', () => {
    const json = (program: string): string => `{"program":${program},"projects":[{"id":"P","bac":1,"spi":null,"reasons":{"spi":"PV is 0"}}]}`;
    expect(jsonProblems(json('{"bac":1,"reasons":{}}'))).toEqual([]);
    const nan = jsonProblems('{"program":{"bac":NaN,"note":"NaN in a string is fine"},"projects":[]}');
    expect(nan[0]).toBe('NaN or Infinity outside a string');
    expect(nan[1]).toMatch(/^not valid JSON/);
    expect(jsonProblems('{"program":{"bac":1,"note":"Infinity and NaN"},"projects":[]}')).toEqual([]);
    expect(jsonProblems(json('{"bac":null,"name":"∞","reasons":{}}'))).toEqual(['an infinity sign', 'program: bac is null without a reason']);
  });
});
