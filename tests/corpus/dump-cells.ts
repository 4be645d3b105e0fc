/**
 * Prints every non-blank cell of a workbook as the file adapter gives it (sheet, address, raw value), so a
 * corpus truth can be written by hand from the cells rather than from the reader's interpretation. Numbers
 * that could be date serials get their ISO date alongside, as a reading aid only.
 *
 *   npx tsx tests/corpus/dump-cells.ts FILE.xlsx [SHEET] [MAXROWS]
 */
import { readXlsxGrids } from '../../src/xlsx/read';
import { serialToIso } from '../../src/core/calendar';
import { colLetters } from '../../src/core/a1';

async function main(): Promise<void> {
  const [file, only, maxRowsText] = process.argv.slice(2);
  if (!file) throw new Error('usage: dump-cells.ts FILE.xlsx [SHEET] [MAXROWS]');
  const maxRows = maxRowsText ? Number(maxRowsText) : Infinity;
  const { input } = await readXlsxGrids(file);
  for (const grid of input.grids) {
    if (only && grid.sheet !== only) continue;
    const r0 = grid.origin?.row ?? 0;
    const c0 = grid.origin?.col ?? 0;
    console.log(`== sheet "${grid.sheet}"${grid.hidden ? ' (hidden)' : ''} rows=${grid.values.length}`);
    grid.values.forEach((row, r) => {
      if (r >= maxRows) return;
      const cells = row
        .map((v, c) => ({ v, c }))
        .filter(({ v }) => v !== null && v !== '')
        .map(({ v, c }) => {
          const hint = typeof v === 'number' && v > 20000 && v < 80000 ? `{${serialToIso(v)}}` : '';
          return `${colLetters(c0 + c)}=${JSON.stringify(v)}${hint}`;
        });
      if (cells.length) console.log(`${r0 + r + 1}: ${cells.join(' | ')}`);
    });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
