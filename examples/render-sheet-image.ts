/**
 * Renders one project sheet of the sample program to docs/images/sample-sheet.png for docs/sheet-format.md:
 * copies the workbook, keeps that sheet alone on one landscape page, converts it with LibreOffice
 * headless and crops the table area with pdftoppm (Debian packages libreoffice-calc and poppler-utils).
 * Usage: npx tsx examples/render-sheet-image.ts [sheet name]
 *
 * With --output it renders pictures of the roll-up's own output instead (docs/images/changes.png,
 * milestone-trend.png, raid.png, benefits.png, resources.png, and summary.png for docs/output.md and the README): run `npm run demo` first. The whole output workbook is
 * converted as written, never re-saved through ExcelJS, which would drop its charts; each picture is the
 * page whose first line holds the sheet's title, cropped to the table or chart area.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

async function main(sheetName: string): Promise<void> {
  const root = join(__dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'pr-sheet-'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(root, 'examples', 'sample-program.xlsx'));
  const keep = book.getWorksheet(sheetName);
  if (!keep) throw new Error(`The sample has no sheet named "${sheetName}"`);
  for (const ws of [...book.worksheets]) if (ws.id !== keep.id) book.removeWorksheet(ws.id);
  keep.pageSetup = { ...keep.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
  const file = join(dir, 'sheet.xlsx');
  await book.xlsx.writeFile(file);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-x', '95', '-y', '100', '-W', '1440', '-H', '440', '-singlefile', join(dir, 'sheet.pdf'), join(dir, 'sheet')]);
  copyFileSync(join(dir, 'sheet.png'), join(root, 'docs', 'images', 'sample-sheet.png'));
  console.log('Wrote docs/images/sample-sheet.png');
}

/** Page title -> picture and crop (x, y, width, height in pixels at the given resolution). */
const OUTPUT_PICTURES = [
  { title: 'program summary', file: 'summary.png', dpi: 100, crop: [30, 30, 1130, 790] },
  { title: 'Changes since the last roll-up', file: 'changes.png', dpi: 120, crop: [40, 45, 1250, 385] },
  { title: 'Milestone trend', file: 'milestone-trend.png', dpi: 100, crop: [30, 35, 1080, 540] },
  { title: 'Issues, actions and decisions', file: 'raid.png', dpi: 110, crop: [36, 40, 1200, 215] },
  { title: 'Program benefits', file: 'benefits.png', dpi: 200, crop: [50, 60, 2150, 590] },
  { title: 'Program resources', file: 'resources.png', dpi: 200, crop: [45, 60, 1080, 480] },
] as const;

function renderOutput(): void {
  const root = join(__dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'pr-output-'));
  const file = join(root, 'out', 'program-summary.xlsx');
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 300_000 });
  const pdf = join(dir, 'program-summary.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? '0');
  for (const pic of OUTPUT_PICTURES) {
    let page = 0;
    for (let p = 1; p <= pages && page === 0; p++) {
      const first = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']).toString().split('\n')[0].trim();
      if (first.includes(pic.title)) page = p;
    }
    if (page === 0) throw new Error(`No page of out/program-summary.xlsx starts with "${pic.title}"`);
    const [x, y, w, h] = pic.crop;
    const base = join(dir, pic.file.replace(/\.png$/, ''));
    execFileSync('pdftoppm', ['-png', '-r', String(pic.dpi), '-f', String(page), '-l', String(page), '-x', String(x), '-y', String(y), '-W', String(w), '-H', String(h), '-singlefile', pdf, base]);
    copyFileSync(`${base}.png`, join(root, 'docs', 'images', pic.file));
    console.log(`Wrote docs/images/${pic.file} (page ${page})`);
  }
}

if (process.argv[2] === '--output') renderOutput();
else main(process.argv[2] ?? 'Platform').catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
