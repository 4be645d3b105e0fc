/**
 * Per-sheet reading corrections (SheetMapping), as a user or a file gives them: validated like every other
 * setting, never trusted. A bad entry is dropped with a plain sentence; the good ones are kept.
 */
import type { DateOrderSetting, SheetMapping } from './settings';

const FIELDS = new Set([
  'id', 'wbs', 'name', 'start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish', 'percent', 'budget',
  'actualCost', 'predecessors', 'milestone', 'owner', 'status', 'notes', 'duration', 'outlineLevel', 'summary', 'project',
]);
const ORDERS: readonly DateOrderSetting[] = ['MDY', 'DMY', 'YMD'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One mapping, or the reason it cannot be used. */
function checkOne(v: unknown, i: number): SheetMapping | string {
  const where = `sheet mapping ${i + 1}`;
  if (!isObject(v)) return `${where} is not an object`;
  if (typeof v.sheet !== 'string' || v.sheet.trim() === '' || v.sheet.length > 31) return `${where} needs "sheet": the worksheet's name`;
  const m: SheetMapping = { sheet: v.sheet.trim() };
  if (v.ignore !== undefined) {
    if (typeof v.ignore !== 'boolean') return `${where} ("${m.sheet}"): "ignore" must be true or false`;
    m.ignore = v.ignore;
  }
  if (v.headerRow !== undefined) {
    if (typeof v.headerRow !== 'number' || !Number.isInteger(v.headerRow) || v.headerRow < 1 || v.headerRow > 1048576) return `${where} ("${m.sheet}"): "headerRow" must be a row number from 1 to 1048576`;
    m.headerRow = v.headerRow;
  }
  if (v.columns !== undefined) {
    if (!isObject(v.columns)) return `${where} ("${m.sheet}"): "columns" must map fields to column letters, e.g. {"name": "B"}`;
    const cols: Record<string, string> = {};
    for (const [field, letters] of Object.entries(v.columns)) {
      if (!FIELDS.has(field)) return `${where} ("${m.sheet}"): "${field}" is not a task field (${[...FIELDS].join(', ')})`;
      if (typeof letters !== 'string' || !/^[A-Za-z]{1,3}$/.test(letters.trim())) return `${where} ("${m.sheet}"): column for "${field}" must be letters such as "C"`;
      cols[field] = letters.trim().toUpperCase();
    }
    m.columns = cols;
  }
  if (v.dateOrder !== undefined) {
    if (!ORDERS.includes(v.dateOrder as DateOrderSetting)) return `${where} ("${m.sheet}"): "dateOrder" must be MDY, DMY or YMD`;
    m.dateOrder = v.dateOrder as DateOrderSetting;
  }
  if (v.projectId !== undefined) {
    if (typeof v.projectId !== 'string' || v.projectId.trim() === '' || v.projectId.length > 100) return `${where} ("${m.sheet}"): "projectId" must be text of 1 to 100 characters`;
    m.projectId = v.projectId.trim();
  }
  return m;
}

/** A list of mappings (or { "sheets": [...] }, as a --mapping file may hold it). */
export function validateSheetMappings(value: unknown): { mappings: SheetMapping[]; problems: string[] } {
  const list = isObject(value) && Array.isArray(value.sheets) ? value.sheets : value;
  if (value === undefined || value === null) return { mappings: [], problems: [] };
  if (!Array.isArray(list)) return { mappings: [], problems: ['The sheet mappings must be a list of {"sheet": ..., ...} objects; none is used.'] };
  const mappings: SheetMapping[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  list.forEach((v, i) => {
    const m = checkOne(v, i);
    if (typeof m === 'string') problems.push(`${m}; it is not used.`);
    else if (seen.has(m.sheet.toLowerCase())) problems.push(`Sheet "${m.sheet}" has two mappings; the first is used.`);
    else {
      seen.add(m.sheet.toLowerCase());
      mappings.push(m);
    }
  });
  return { mappings, problems };
}
