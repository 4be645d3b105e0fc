/**
 * The mapping editor's arithmetic, kept out of React: a SheetReading (plus the mapping already saved for the
 * sheet) becomes a pre-filled form, and the form becomes a SheetMapping or plain problems. Only what the user
 * corrected is saved, so the reader keeps inferring the rest and still adapts when a PM edits the sheet.
 */
import { colIndex } from '../core/a1';
import type { SheetReading } from '../core/model';
import type { DateOrderSetting, RollupSettings, SheetMapping } from '../core/settings';
import { validateSheetMappings } from '../core/sheet-mapping';

/** The fields the editor always offers (the ones a roll-up cannot do without or gets wrong most often). */
export const EDITABLE_FIELDS = ['id', 'name', 'start', 'finish', 'baselineStart', 'baselineFinish', 'percent', 'predecessors'] as const;

/** Every task field a mapping may name (as src/core/sheet-mapping.ts accepts them), in the order shown. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: 'ID',
  wbs: 'WBS',
  name: 'Task name',
  start: 'Start',
  finish: 'Finish',
  baselineStart: 'Baseline start',
  baselineFinish: 'Baseline finish',
  actualStart: 'Actual start',
  actualFinish: 'Actual finish',
  percent: '% complete',
  budget: 'Budget',
  actualCost: 'Actual cost',
  predecessors: 'Predecessors',
  milestone: 'Milestone',
  owner: 'Owner',
  status: 'Status',
  notes: 'Notes',
  duration: 'Duration',
  outlineLevel: 'Outline level',
  summary: 'Summary',
  project: 'Project',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** Excel's last row and column (XFD). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN_INDEX = 16_383;

export interface MappingForm {
  /** "Not a project sheet": skip it whatever it holds. */
  ignore: boolean;
  headerRow: string;
  /** Field -> column letters as typed; '' = found automatically. */
  columns: Record<string, string>;
  /** '' = as the reader decides per column (or the workbook's date order). */
  dateOrder: DateOrderSetting | '';
  projectId: string;
}

export type MappingErrorKey = 'headerRow' | 'projectId' | 'form' | `column:${string}`;
export type MappingErrors = Partial<Record<MappingErrorKey, string>>;

/** Sheet names match ignoring case and surrounding spaces, as the reader matches a mapping to its sheet. */
export function sameSheet(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The mapping saved for a sheet (names match ignoring case, as the reader matches them). */
export function savedMappingFor(settings: RollupSettings, sheet: string): SheetMapping | undefined {
  return (settings.sheetMappings ?? []).find((m) => sameSheet(m.sheet, sheet));
}

/** A project ID belongs to a one-project sheet; a tracker's projects and a risk log's project come from their cells. */
export function offersProjectId(reading: SheetReading): boolean {
  return reading.kind === 'project' || reading.kind === 'skipped';
}

/** The fields the form shows: the usual ones, plus any other the saved mapping names (so it can be edited). */
export function formFields(saved: SheetMapping | undefined): string[] {
  const extra = Object.keys(saved?.columns ?? {});
  return Object.keys(FIELD_LABELS).filter((f) => (EDITABLE_FIELDS as readonly string[]).includes(f) || extra.includes(f));
}

function readColumn(reading: SheetReading, field: string): string {
  return reading.columns.find((c) => c.field === field)?.column ?? '';
}

function readProjectId(reading: SheetReading): string {
  return reading.kind === 'project' ? (reading.projects[0] ?? '') : '';
}

/** The editor pre-filled with how the sheet was read, the saved mapping's values winning where it has any. */
export function mappingFormFor(reading: SheetReading, saved: SheetMapping | undefined): MappingForm {
  const columns: Record<string, string> = {};
  for (const f of formFields(saved)) columns[f] = saved?.columns?.[f] ?? readColumn(reading, f);
  const headerRow = saved?.headerRow ?? reading.headerRow;
  return {
    ignore: saved?.ignore === true,
    headerRow: headerRow === null ? '' : String(headerRow),
    columns,
    dateOrder: saved?.dateOrder ?? '',
    projectId: saved?.projectId ?? (offersProjectId(reading) ? readProjectId(reading) : ''),
  };
}

/** Letters such as "C" within Excel's A..XFD, upper-cased; null when they are not a column. */
function columnOf(text: string): string | null {
  const t = text.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return null;
  const i = colIndex(t);
  return i !== null && i <= MAX_COLUMN_INDEX ? t : null;
}

/**
 * The mapping to save, or the problems to show beside each input. A value is kept when it differs from the
 * reading or was already part of the saved mapping; the rest stays inferred.
 */
export function parseMappingForm(form: MappingForm, reading: SheetReading, saved: SheetMapping | undefined): { mapping: SheetMapping } | { errors: MappingErrors } {
  const sheet = reading.sheet;
  if (form.ignore) return { mapping: { sheet, ignore: true } };
  const errors: MappingErrors = {};

  const rowText = form.headerRow.trim();
  let headerRow: number | undefined;
  if (rowText !== '') {
    const n = Number(rowText);
    if (!/^\d+$/.test(rowText) || n < 1 || n > MAX_ROW) errors.headerRow = `Enter a row number from 1 to ${MAX_ROW}, or leave it empty to find the header automatically.`;
    else headerRow = n;
  }

  const columns: Record<string, string> = {};
  const owner = new Map<string, string>();
  for (const field of Object.keys(form.columns)) {
    const typed = form.columns[field].trim();
    const key: MappingErrorKey = `column:${field}`;
    if (typed === '') {
      // A mapping can give a field a column but cannot take one away: refuse rather than silently keep it.
      if (saved?.columns?.[field] === undefined && readColumn(reading, field) !== '') {
        errors[key] = `The ${fieldLabel(field)} was read from column ${readColumn(reading, field)}; give another column letter instead of none.`;
      }
      continue;
    }
    const letters = columnOf(typed);
    if (letters === null) {
      errors[key] = `"${typed}" is not a column. Use column letters such as C (A to XFD).`;
      continue;
    }
    const other = owner.get(letters);
    if (other !== undefined) {
      errors[key] = `Column ${letters} is already given to ${fieldLabel(other)}; a column holds one field.`;
      continue;
    }
    owner.set(letters, field);
    if (saved?.columns?.[field] !== undefined || letters !== readColumn(reading, field)) columns[field] = letters;
  }

  const projectId = form.projectId.trim();
  if (projectId.length > 100) errors.projectId = 'Use at most 100 characters.';
  if (Object.keys(errors).length > 0) return { errors };

  const mapping: SheetMapping = { sheet };
  const hasColumns = Object.keys(columns).length > 0;
  // Column letters are read under a header row; pinning it with them keeps the correction meaning what it
  // meant when the user looked at the sheet, and lets the reader name each column by its heading.
  if (headerRow !== undefined && (saved?.headerRow !== undefined || headerRow !== reading.headerRow || hasColumns)) mapping.headerRow = headerRow;
  if (hasColumns) mapping.columns = columns;
  if (form.dateOrder !== '') mapping.dateOrder = form.dateOrder;
  if (projectId !== '' && (saved?.projectId !== undefined || projectId !== readProjectId(reading))) mapping.projectId = projectId;
  if (Object.keys(mapping).length === 1) {
    return {
      errors: {
        form: saved
          ? 'Nothing is left to correct: use "Go back to automatic" to remove the saved mapping.'
          : 'Nothing differs from how the sheet was read: change what is wrong, then save.',
      },
    };
  }
  // The core validator is the one the workbook load uses: whatever it would drop, we refuse to save.
  const checked = validateSheetMappings([mapping]);
  if (checked.problems.length > 0) return { errors: { form: checked.problems.join(' ') } };
  return { mapping: checked.mappings[0] };
}

/** Settings with the sheet's mapping replaced (in place, so the stored order stays stable) or added. */
export function withMapping(settings: RollupSettings, mapping: SheetMapping): RollupSettings {
  const list = settings.sheetMappings ?? [];
  const at = list.findIndex((m) => sameSheet(m.sheet, mapping.sheet));
  const sheetMappings = at < 0 ? [...list, mapping] : list.map((m, i) => (i === at ? mapping : m));
  return { ...settings, sheetMappings };
}

/** Settings without the sheet's mapping; the property goes when the list empties, as the stored JSON omits it. */
export function withoutMapping(settings: RollupSettings, sheet: string): RollupSettings {
  const rest = (settings.sheetMappings ?? []).filter((m) => !sameSheet(m.sheet, sheet));
  if (rest.length > 0) return { ...settings, sheetMappings: rest };
  const next = { ...settings };
  delete next.sheetMappings;
  return next;
}
