/** Several workbooks roll up as one program: their grids are merged into one WorkbookInput. */
import type { Grid, WorkbookInput } from '../core/grid';
import type { RollupIssue } from '../core/issues';

export interface LoadedWorkbook {
  /** File name shown to the user (and written to Grid.workbook). */
  name: string;
  input: WorkbookInput;
}

export interface MergeResult {
  input: WorkbookInput;
  /** Things the user should know about the merge (renamed sheets, workbooks left out). */
  notes: string[];
}

/**
 * Concatenates grids in input order. A sheet name already taken by an earlier workbook gets the file name
 * appended, so every sheet the core reports on is unambiguous. Serials cannot be mixed across date systems
 * (numbers are not known to be dates until the core reads them), so workbooks whose date system differs from
 * the first one are left out with a note.
 */
export function mergeWorkbooks(books: LoadedWorkbook[]): MergeResult {
  const notes: string[] = [];
  const grids: Grid[] = [];
  const taken = new Set<string>();
  const issues: RollupIssue[] = [];
  const date1904 = books.length > 0 && books[0].input.date1904 === true;
  for (const book of books) {
    if ((book.input.date1904 === true) !== date1904) {
      notes.push(`${book.name} uses the ${book.input.date1904 ? '1904' : '1900'} date system and ${books[0].name} does not; roll it up on its own.`);
      continue;
    }
    const renamed = new Map<string, string>();
    for (const g of book.input.grids) {
      let sheet = g.sheet;
      if (taken.has(sheet.toLowerCase())) {
        sheet = `${g.sheet} (${book.name})`;
        notes.push(`Sheet "${g.sheet}" of ${book.name} is reported as "${sheet}": an earlier workbook has a sheet with that name.`);
      }
      taken.add(sheet.toLowerCase());
      renamed.set(g.sheet, sheet);
      grids.push({ ...g, sheet, workbook: book.name });
    }
    // What the reader could not place in a sheet is reported under the sheet's name in the merged program.
    for (const i of book.input.issues ?? []) issues.push({ ...i, sheet: renamed.get(i.sheet) ?? i.sheet });
  }
  return { input: { grids, date1904, ...(issues.length > 0 ? { issues } : {}) }, notes };
}
