/**
 * Names of the output sheets and tables: ours take a free name where a user's sheet, table or defined name
 * holds the one the plan wants, with a note; our own sheets about to be replaced free their names.
 */
import type { WorkbookPlan } from '../core/report/plan';
import type { OwnedSheetInfo } from './ownership';

const MAX_SHEET_NAME = 31;

function withSuffix(base: string, n: number): string {
  const suffix = ` (${n})`;
  return base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

interface NameResolution {
  /** Final sheet name per plan sheet, same order as plan.sheets. */
  finalNames: string[];
  notes: string[];
}

/**
 * Picks each output sheet's name. A name held by one of our own (to-be-replaced) sheets is free; a name held
 * by any other sheet is the user's, so ours takes the first free "Name (n)".
 */
export function resolveSheetNames(plan: WorkbookPlan, existing: string[], owned: OwnedSheetInfo[]): NameResolution {
  const replaced = new Set(
    owned.filter((o) => o.sheetName !== '' && plan.sheets.some((s) => s.role === o.role)).map((o) => o.sheetName.toLowerCase()),
  );
  const taken = new Set(existing.map((n) => n.toLowerCase()).filter((n) => !replaced.has(n)));
  const notes: string[] = [];
  const finalNames = plan.sheets.map((sheet) => {
    let name = sheet.name.slice(0, MAX_SHEET_NAME);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = withSuffix(sheet.name, n);
    if (name !== sheet.name) {
      notes.push(`A sheet named "${sheet.name}" is yours, so the ${sheet.role} went to "${name}".`);
    }
    taken.add(name.toLowerCase());
    return name;
  });
  return { finalNames, notes };
}

/**
 * Table names are workbook-wide. A table we are about to delete (on one of our replaced sheets) frees its
 * name; a user's table holding a name we want makes ours take "<name>_2" (and so on), with a note.
 */
export function renameClashingTables(
  plan: WorkbookPlan,
  existingSheets: string[],
  owned: OwnedSheetInfo[],
  tables: { sheet: string; name: string }[],
  notes: string[],
  definedNames: string[] = [],
): WorkbookPlan {
  const replacedRoles = new Set(plan.sheets.map((s) => s.role));
  const replacedSheets = new Set(
    owned.filter((o) => o.sheetName !== '' && replacedRoles.has(o.role) && existingSheets.includes(o.sheetName)).map((o) => o.sheetName),
  );
  const taken = new Set([
    ...tables.filter((t) => !replacedSheets.has(t.sheet)).map((t) => t.name.toLowerCase()),
    ...definedNames.map((n) => n.toLowerCase()),
  ]);
  if (taken.size === 0) return plan;
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      tables: sheet.tables.map((t) => {
        let name = t.name;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${t.name}_${n}`;
        if (name !== t.name) notes.push(`A table or defined name "${t.name}" already exists in the workbook, so the ${sheet.role} table is "${name}".`);
        taken.add(name.toLowerCase());
        return name === t.name ? t : { ...t, name };
      }),
    })),
  };
}

