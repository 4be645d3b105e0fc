import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

/** A PM's sheet the default settings cannot read alone: its header is odd and its dates are d/m/yy text. */
async function oddWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Odd');
  ws.addRow(['Item', 'When', 'Notes']);
  ws.addRow(['Kick-off', '03/04/26', '']);
  ws.addRow(['Review', '05/04/26', '']);
  const file = path.join(dir, 'odd.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), now: () => new Date('2026-04-10T00:00:00Z') } };
}

describe('--explain, --mapping and --date-order', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-explain-'));
  });

  test('--explain says why a sheet was skipped and writes nothing else', async () => {
    const file = await oddWorkbook(dir);
    const t = io();
    const code = await main([file, '--explain'], t.io);
    expect(code).toBe(1);
    expect(t.err.join('\n')).toMatch(/Odd: no task table/);
    expect(fs.existsSync(path.join(process.cwd(), 'program-summary.xlsx.tmp'))).toBe(false);
  });

  test('a --mapping file reads the sheet, --date-order DMY reads its dates, and --explain shows both', async () => {
    const file = await oddWorkbook(dir);
    const mapping = path.join(dir, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify([{ sheet: 'Odd', headerRow: 1, columns: { name: 'A', finish: 'B' } }]));
    const json = path.join(dir, 'r.json');
    const t = io();
    const code = await main([file, '--mapping', mapping, '--date-order', 'DMY', '--explain', '--json', json], t.io);
    expect(code).toBe(0);
    const text = t.out.join('\n');
    expect(text).toMatch(/Sheet "odd.xlsx › Odd": project Odd; header in row 1; mapping from settings/);
    expect(text).toMatch(/columns: A name "Item", B finish "When"/);
    const result = JSON.parse(fs.readFileSync(json, 'utf8')) as { projects: { forecastFinish: string }[] };
    // 05/04/26 read day first: 5 April 2026.
    expect(result.projects[0].forecastFinish).toBe('2026-04-06');
  });

  test('a mapping file that is not JSON is a usage error with its message', async () => {
    const file = await oddWorkbook(dir);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{nope');
    const t = io();
    expect(await main([file, '--mapping', bad], t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(/cannot read the mapping file/);
  });

  test('--date-order rejects anything but MDY, DMY, YMD', async () => {
    const t = io();
    expect(await main(['x.xlsx', '--date-order', 'YDM'], t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(/--date-order needs MDY/);
  });
});
