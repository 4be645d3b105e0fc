/**
 * Renders one project sheet of the sample program to docs/images/sample-sheet.png for docs/sheet-format.md:
 * copies the workbook, keeps that sheet alone on one landscape page, converts it with LibreOffice
 * headless and crops the table area with pdftoppm (Debian packages libreoffice-calc and poppler-utils).
 * Usage: npx tsx examples/render-sheet-image.ts [sheet name]
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

main(process.argv[2] ?? 'Platform').catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
