/**
 * Renders one project sheet of the sample program to docs/images/sample-sheet.png for docs/sheet-format.md:
 * copies the workbook, keeps that sheet alone on one landscape page, converts it with LibreOffice
 * headless and crops the table area with pdftoppm (Debian packages libreoffice-calc and poppler-utils).
 * Usage: npx tsx examples/render-sheet-image.ts [sheet name]
 *
 * With --output benefits|resources it renders that output sheet of the demo's summary (npm run demo first)
 * to docs/images/benefits.png or resources.png for docs/output.md: the whole workbook is converted, since
 * copying it through ExcelJS would drop the charts, and the page is found by the sheet's title.
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

/** Title on the sheet's first row, and the area cropped from its page at 200 dpi (top left, in pixels). */
const OUTPUT_SHEETS: Record<string, { title: string; crop: { x: number; y: number; w: number; h: number } }> = {
  benefits: { title: 'Program benefits', crop: { x: 50, y: 60, w: 2150, h: 590 } },
  resources: { title: 'Program resources', crop: { x: 45, y: 60, w: 1080, h: 480 } },
};

function renderOutputSheet(which: string): void {
  const spec = OUTPUT_SHEETS[which];
  if (spec === undefined) throw new Error(`--output takes ${Object.keys(OUTPUT_SHEETS).join(' or ')}`);
  const root = join(__dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'pr-output-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(root, 'out', 'program-summary.xlsx')], { stdio: 'ignore', timeout: 180_000 });
  const pdf = join(dir, 'program-summary.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? 0);
  let page = 0;
  for (let p = 1; p <= pages && page === 0; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']).toString();
    if (text.trimStart().startsWith(spec.title)) page = p;
  }
  if (page === 0) throw new Error(`No page of out/program-summary.xlsx starts with "${spec.title}"`);
  const { x, y, w, h } = spec.crop;
  execFileSync('pdftoppm', ['-png', '-r', '200', '-f', String(page), '-l', String(page), '-x', String(x), '-y', String(y), '-W', String(w), '-H', String(h), '-singlefile', pdf, join(dir, which)]);
  copyFileSync(join(dir, `${which}.png`), join(root, 'docs', 'images', `${which}.png`));
  console.log(`Wrote docs/images/${which}.png (page ${page})`);
}

const args = process.argv.slice(2);
const run = args[0] === '--output' ? Promise.resolve().then(() => renderOutputSheet(args[1] ?? '')) : main(args[0] ?? 'Platform');
run.catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
