/**
 * program-rollup: .xlsx workbooks in -> the same core as the add-in -> a new summary workbook and/or JSON.
 * Inputs are only ever read. Run through bin/program-rollup.js (npx) or `tsx src/cli/main.ts`.
 * Outputs are checked before anything is read and written all-or-nothing (safe-write.ts); everything
 * printed passes through terminalSafe (terminal.ts).
 */
import { access, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { rollup, workbookTitle, type RollupOutput } from '../core/rollup';
import { DEFAULT_SETTINGS, type RollupSettings } from '../core/settings';
import { readXlsxGrids, XlsxReadError } from '../xlsx/read';
import { renderPlanToXlsx } from '../xlsx/write';
import { parseArgs, USAGE } from './args';
import { formatIssueTable, formatSummary } from './format';
import { formatReadings } from './explain';
import { validateSheetMappings } from '../core/sheet-mapping';
import type { SheetMapping } from '../core/settings';
import { mergeWorkbooks, type LoadedWorkbook } from './merge';
import { checkTargets, OutputWriteError, writeAllOrNothing, type OutputTarget, type PendingFile } from './safe-write';
import { jsonText, terminalSafe } from './terminal';
import { readCarried, withCarried } from './carry';
import type { Grid } from '../core/grid';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
}

const PROCESS_IO: CliIo = {
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  now: () => new Date(),
};

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * History and snapshot to continue: from --previous (null after saying why when it cannot be used), else from
 * the --out file when it already exists (a summary written earlier), else none ([]).
 */
async function carriedSheets(opts: { previous: string | null; out: string | null }, io: CliIo): Promise<Grid[] | null> {
  if (opts.previous !== null) {
    try {
      const { grids } = await readCarried(opts.previous);
      if (grids.length === 0) io.stderr(`note: ${opts.previous} holds no Rollup History or Rollup Snapshot written by program-rollup or the add-in; the inputs' own are used, if they have any.`);
      return grids;
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      io.stderr(`program-rollup: cannot read --previous ${opts.previous}: ${e.message}`);
      return null;
    }
  }
  if (opts.out === null) return [];
  try {
    await access(opts.out);
  } catch {
    return [];
  }
  try {
    return (await readCarried(opts.out)).grids;
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    io.stderr(`note: ${opts.out} exists but cannot be read as a summary (${e.message}); it is replaced and a new history starts.`);
    return [];
  }
}

/** Runs the command line; returns the exit code instead of exiting so tests and the launcher decide. */
export async function main(argv: readonly string[], rawIo: CliIo = PROCESS_IO): Promise<number> {
  const io: CliIo = { stdout: (t) => rawIo.stdout(terminalSafe(t)), stderr: (t) => rawIo.stderr(terminalSafe(t)), now: rawIo.now };
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`program-rollup: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const opts = parsed.options;
  if (opts.help) {
    io.stdout(USAGE);
    return 0;
  }
  // The human summary goes to stdout unless stdout carries the JSON.
  const say = opts.json === '-' ? io.stderr : io.stdout;

  const targets: OutputTarget[] = [];
  if (opts.out !== null) targets.push({ kind: '--out', path: opts.out, isDefault: opts.outDefaulted });
  if (opts.json !== null && opts.json !== '-') targets.push({ kind: '--json', path: opts.json, isDefault: false });
  const check = await checkTargets(opts.inputs, targets, opts.force);
  if (!check.ok) {
    io.stderr(`program-rollup: ${check.message}`);
    return check.exitCode;
  }

  let sheetMappings: SheetMapping[] = [];
  if (opts.mapping !== null) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(opts.mapping, 'utf8'));
    } catch (e) {
      io.stderr(`program-rollup: cannot read the mapping file ${opts.mapping}: ${errorText(e)}`);
      return 2;
    }
    const checked = validateSheetMappings(raw);
    for (const p of checked.problems) io.stderr(`program-rollup: ${opts.mapping}: ${p}`);
    sheetMappings = checked.mappings;
  }

  const books: LoadedWorkbook[] = [];
  for (const path of opts.inputs) {
    try {
      const { input } = await readXlsxGrids(path, { workbook: basename(path) });
      books.push({ name: basename(path), input });
    } catch (e) {
      // One broken file never stops the others: it is named, skipped, and the rest rolls up.
      const why = e instanceof XlsxReadError ? e.message : `unexpected error while reading (${errorText(e)}); please report it`;
      io.stderr(`program-rollup: cannot read ${path}: ${why}${opts.inputs.length > 1 ? ' (skipped; the other workbooks still roll up)' : ''}`);
    }
  }
  if (books.length === 0) {
    io.stderr('program-rollup: nothing to roll up: no input workbook could be read.');
    return 1;
  }
  const merged = mergeWorkbooks(books);
  for (const note of merged.notes) io.stderr(`note: ${note}`);
  const carried = await carriedSheets(opts, io);
  if (carried === null) return 2;
  merged.input = withCarried(merged.input, carried);

  const settings: RollupSettings = {
    ...DEFAULT_SETTINGS,
    statusDate: opts.statusDate ?? DEFAULT_SETTINGS.statusDate,
    programName: opts.programName ?? DEFAULT_SETTINGS.programName,
    dateOrder: opts.dateOrder ?? DEFAULT_SETTINGS.dateOrder,
    sheetMappings,
  };
  // One workbook names the program; several have no one name ("Program" unless --program-name).
  if (books.length === 1) merged.input.title = workbookTitle(books[0].name);
  let output: RollupOutput;
  try {
    output = rollup(merged.input, settings, io.now());
  } catch (e) {
    io.stderr(`program-rollup: the roll-up failed: ${errorText(e)}`);
    return 1;
  }
  const { result, plan } = output;
  if (opts.explain) say(formatReadings(output.model.readings ?? []));

  const table = formatIssueTable(result.issues);
  if (table) io.stderr(table);
  if (result.projects.length === 0) {
    const why = (output.model.readings ?? []).filter((r) => r.kind === 'skipped').map((r) => `  ${r.sheet}: ${r.reason ?? ''}`);
    io.stderr(`program-rollup: nothing to roll up: no sheet looks like a project (a table with task names and dates). See docs/sheet-format.md.${why.length > 0 ? `\n${why.join('\n')}` : ''}`);
    return 1;
  }
  if (opts.out === null && opts.json === null) return 0;

  // Both outputs are built in memory first, then written together: a failure leaves neither half-written.
  const pending: PendingFile[] = [];
  const json = opts.json !== null ? jsonText(result) : null;
  if (opts.out !== null) {
    try {
      // The output is a values-only pack holding the summary sheets alone: links to the project sheets
      // would point nowhere in it, so they are written as plain "Sheet!A1" text instead.
      pending.push({ path: opts.out, data: await renderPlanToXlsx(plan, { linkableSheets: [] }) });
    } catch (e) {
      io.stderr(`program-rollup: the summary workbook could not be built: ${errorText(e)}. Nothing was written.`);
      return 1;
    }
  }
  if (json !== null && opts.json !== '-') pending.push({ path: opts.json!, data: json });
  for (const note of check.notes) io.stderr(`note: ${note}`);
  try {
    await writeAllOrNothing(pending);
  } catch (e) {
    if (!(e instanceof OutputWriteError)) throw e;
    io.stderr(`program-rollup: ${e.message}`);
    return 1;
  }
  if (json !== null && opts.json === '-') rawIo.stdout(json);
  say(formatSummary(result, books.map((b) => b.name), opts.out));
  if (opts.json !== null && opts.json !== '-') say(`Result JSON written to ${opts.json}`);
  return 0;
}

/**
 * Anything that escapes main is a bug: it is said in one line (the stack only with PROGRAM_ROLLUP_DEBUG=1)
 * and the process fails. Used by this module's own entry point and by bin/program-rollup.js.
 */
export function reportUnexpected(e: unknown): void {
  const detail = process.env.PROGRAM_ROLLUP_DEBUG ? (e instanceof Error ? (e.stack ?? e.message) : String(e)) : errorText(e);
  process.stderr.write(terminalSafe(`program-rollup: unexpected error: ${detail}. Please report it.\n`));
  process.exitCode = 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, reportUnexpected);
}
