/**
 * A1 address helpers shared by the reader (issue cells) and the report builder (plan ranges).
 * Rows and columns are zero-based in code and one-based / lettered in A1 text, as Excel shows them.
 */

/** 0 -> "A", 25 -> "Z", 26 -> "AA". Negative or non-integer columns are a programming error. */
export function colLetters(col0: number): string {
  if (!Number.isInteger(col0) || col0 < 0) throw new RangeError(`column index must be a non-negative integer, got ${col0}`);
  let n = col0 + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" -> 0, "aa" -> 26; null when the text is not made of letters only. */
export function colIndex(letters: string): number | null {
  if (!/^[A-Za-z]+$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** a1(0, 0) -> "A1"; a1(9, 27) -> "AB10". */
export function a1(row0: number, col0: number): string {
  if (!Number.isInteger(row0) || row0 < 0) throw new RangeError(`row index must be a non-negative integer, got ${row0}`);
  return `${colLetters(col0)}${row0 + 1}`;
}

/** A rectangular range "A1:C3" from two zero-based corners; a single cell when both corners are equal. */
export function a1Range(row0: number, col0: number, row1: number, col1: number): string {
  const start = a1(Math.min(row0, row1), Math.min(col0, col1));
  const end = a1(Math.max(row0, row1), Math.max(col0, col1));
  return start === end ? start : `${start}:${end}`;
}

/** Parses "B7" (optionally with $ signs) into zero-based { row, col }; null when it is not a cell address. */
export function parseA1(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/.exec(text.trim());
  if (!m) return null;
  const col = colIndex(m[1]);
  if (col === null) return null;
  return { row: Number(m[2]) - 1, col };
}
