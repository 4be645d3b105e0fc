/**
 * Reads the add-in's own Rollup Snapshot sheet back (see src/core/snapshot.ts). It is the add-in's sheet, so
 * a row it cannot place is left out quietly, as the history reader does; a sheet whose header is gone gives
 * no rows, and the roll-up then simply has nothing to compare with.
 */
import type { CellValue } from '../grid';
import type { SnapshotKind, SnapshotRow } from '../snapshot';
import { SNAPSHOT_COLUMNS, SNAPSHOT_KINDS } from '../snapshot';
import type { SheetContext } from './context';
import { isoFromSerial, parseDate } from './cells';
import { TASK_HEADER_SCAN_ROWS, rowIsBlank } from './tables';

type Column = (typeof SNAPSHOT_COLUMNS)[number];

const WANTED = new Map(SNAPSHOT_COLUMNS.map((c) => [c.toLowerCase(), c]));
const SHORTEST = Math.min(...SNAPSHOT_COLUMNS.map((c) => c.length));
const LONGEST = Math.max(...SNAPSHOT_COLUMNS.map((c) => c.length));

/** A snapshot heading in a cell (any case, spaces around), or undefined; most cells are ruled out by length alone. */
function headingIn(v: CellValue | undefined): Column | undefined {
  if (typeof v !== 'string' || v.length < SHORTEST) return undefined;
  // Printable ASCII at both ends: nothing to trim, so a longer text cannot be a heading.
  const ends = (code: number): boolean => code > 32 && code < 127;
  if (v.length > LONGEST && ends(v.charCodeAt(0)) && ends(v.charCodeAt(v.length - 1))) return undefined;
  return WANTED.get(v.trim().toLowerCase());
}

function findHeader(ctx: SheetContext): { row: number; cols: Map<Column, number> } | null {
  const n = Math.min(ctx.rows.length, TASK_HEADER_SCAN_ROWS);
  for (let r = 0; r < n; r++) {
    const row = ctx.rows[r];
    if (!Array.isArray(row)) continue;
    let cols: Map<Column, number> | null = null;
    row.forEach((v, c) => {
      const name = headingIn(v);
      if (name === undefined) return;
      cols ??= new Map<Column, number>();
      if (!cols.has(name)) cols.set(name, c);
    });
    const found = cols as Map<Column, number> | null;
    if (found !== null && found.has('Status date') && found.has('Kind') && found.has('Key')) return { row: r, cols: found };
  }
  return null;
}

/**
 * True for a Rollup Snapshot sheet whose ownership marker is gone (copied into another workbook, read by a
 * tool that drops defined names): its Name, Forecast and Baseline columns would otherwise read as a task table.
 */
export function looksLikeSnapshot(ctx: SheetContext): boolean {
  const h = findHeader(ctx);
  return h !== null && h.cols.has('Roll-up at') && h.cols.has('Kind') && h.cols.has('Forecast');
}

export function readSnapshot(ctx: SheetContext): SnapshotRow[] {
  const header = findHeader(ctx);
  if (!header) return [];
  const { cols } = header;
  const at = (r: number, c: Column): CellValue | undefined => {
    const i = cols.get(c);
    return i === undefined ? null : ctx.value(r, i);
  };
  const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  // ISO text as written; a serial if someone (or Excel) turned the text into a date.
  const date = (v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return null;
    const p = parseDate(v as CellValue, 'YMD', ctx.options.date1904);
    return p.kind === 'value' ? isoFromSerial(p.value) : null;
  };
  const kinds = new Set<string>(SNAPSHOT_KINDS);
  const used = [...cols.values()];
  const out: SnapshotRow[] = [];
  for (let r = header.row + 1; r < ctx.rows.length; r++) {
    if (rowIsBlank(ctx.rows[r], used)) continue;
    const kind = text(at(r, 'Kind')).trim().toLowerCase();
    const statusDate = date(at(r, 'Status date'));
    const key = text(at(r, 'Key'));
    if (!kinds.has(kind) || statusDate === null || key === '') continue;
    // Milestone and hand-off rows are written without their project: their key ("PLAT:15", "PLAT:15>WEB:10") names it.
    const project = text(at(r, 'Project')) || (kind === 'milestone' || kind === 'handoff' ? key.slice(0, Math.max(0, key.indexOf(':'))) : '');
    out.push({
      statusDate, rollupAt: text(at(r, 'Roll-up at')), kind: kind as SnapshotKind, project, key,
      name: text(at(r, 'Name')), forecast: date(at(r, 'Forecast')), baseline: date(at(r, 'Baseline')), value: num(at(r, 'Value')),
      spi: num(at(r, 'SPI')), cpi: num(at(r, 'CPI')), svtDays: num(at(r, 'SV(t) days')),
      ...(kind === 'program' || kind === 'project' ? { lateHandoffs: num(at(r, 'Late hand-offs')) } : {}),
      ...(kind === 'project' ? { pmRag: text(at(r, 'PM RAG')) || null } : {}), status: text(at(r, 'Status')), reason: text(at(r, 'Reason')),
    });
  }
  return out;
}
