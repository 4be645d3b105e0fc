/**
 * A1 helpers for the plan builder, on top of the shared src/core/a1.ts: here rows are 1-based and columns
 * 0-based, as the plan's rows are counted on the sheet and its column widths by index.
 */
import { colIndex, colLetters } from '../a1';

export { colLetters };

export function cellA1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

export function rangeA1(row1: number, col1: number, row2: number, col2: number): string {
  return `${cellA1(row1, col1)}:${cellA1(row2, col2)}`;
}

/** Sheet name as a formula reference: always quoted, with embedded quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Sheet-qualified absolute range, e.g. "'Program Summary'!$B$20:$B$24". */
export function sheetRange(sheet: string, row1: number, col1: number, row2: number, col2: number): string {
  const a = `$${colLetters(col1)}$${row1}`;
  const b = `$${colLetters(col2)}$${row2}`;
  return `${quoteSheet(sheet)}!${a}:${b}`;
}

/** Parses "B4" into a 1-based row and 0-based column; null when it is not a plain A1 cell. */
export function parseCell(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(a1.trim().toUpperCase());
  if (!m) return null;
  return { row: Number(m[2]), col: colIndex(m[1]) as number };
}
