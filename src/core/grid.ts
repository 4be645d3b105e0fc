/**
 * The only input the core accepts: 2-D cell grids, as both adapters (Office.js and ExcelJS) produce them.
 * Values are what Excel gives: numbers (dates as serials), strings, booleans, blanks ("" or null) and
 * error texts such as "#N/A".
 */
import type { RollupIssue } from './issues';
export type CellValue = string | number | boolean | null;

/** A role the add-in gives the sheets it writes; adapters detect these so the reader never treats them as projects. */
export type OwnedSheetRole = 'summary' | 'dependencies' | 'risks' | 'issues' | 'history' | 'changes' | 'snapshot' | 'trend' | 'status' | 'benefits' | 'resources' | 'raid';

export interface Grid {
  /** Worksheet name as the user sees it. */
  sheet: string;
  /** Row-major values of the used range. */
  values: CellValue[][];
  /** True when the sheet is hidden or very hidden: it is still read, and marked hidden. */
  hidden?: boolean;
  /**
   * Zero-based row and column of values[0][0] within the worksheet. A used range may start past A1;
   * every address the core reports is shifted by this origin. Default { row: 0, col: 0 }.
   */
  origin?: { row: number; col: number };
  /** Set by the adapter when the sheet is one the add-in wrote and marked as its own. */
  ownedRole?: OwnedSheetRole;
  /** Name of the workbook file the sheet came from, when several workbooks roll up together (CLI). */
  workbook?: string;
}

export interface WorkbookInput {
  grids: Grid[];
  /** True for workbooks using the 1904 date system; serials are normalised to the 1900 system on reading. */
  date1904?: boolean;
  /**
   * The workbook's own name without its extension ("Q3 Portfolio" for "Q3 Portfolio.xlsx"), given by the
   * adapter. It names the program in the summary when the settings do not.
   */
  title?: string;
  /**
   * Problems the adapter met while reading (cells it could not place, such as one addressed outside Excel's
   * grid). They are listed with the roll-up's own issues.
   */
  issues?: RollupIssue[];
}
