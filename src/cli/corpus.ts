/**
 * `npm run corpus -- DIR`: reads every workbook in a folder the way the add-in and the command line do and
 * prints, per workbook, which sheets were read and which skipped (and why), tasks, links, how each sheet was
 * read (mapping, ID scheme, date conventions, when the reader reports them) and the issues by code. A PMO
 * analyst runs it on their own folder to see, before trusting any figure, what the reader made of each file.
 *
 * Inputs are only read. Everything printed that came from a workbook goes through `clean`, because cell text
 * and sheet names are arbitrary and must not drive the terminal (escape sequences, bidi overrides).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { rollup, workbookTitle } from '../core/rollup';
import { DEFAULT_SETTINGS } from '../core/settings';
import { terminalSafe } from './terminal';
import type { ProgramModel, Project, SheetReading } from '../core/model';
import type { RollupIssue } from '../core/issues';
import { readXlsxGrids } from '../xlsx/read';

export interface CorpusIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
}

/** One workbook's outcome: the model it read into, or the reason it could not be opened. */
export type WorkbookOutcome =
  | { file: string; model: ProgramModel; issues: RollupIssue[] }
  | { file: string; error: string };

/** Line breaks and the bidi marks terminalSafe keeps: a report line stays one line, in reading order. */
const BREAKS = /[\s\u200e\u200f]+/g;

/** Text from a workbook made safe (terminal.ts) and one-line for a report: breaks and bidi marks become a space. */
export function clean(text: string): string {
  return terminalSafe(text).replace(BREAKS, ' ').trim();
}

const q = (text: string): string => `"${clean(text)}"`;
const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

function projectLine(p: Project): string {
  const links = p.tasks.reduce((n, t) => n + t.predecessors.length, 0);
  const milestones = p.tasks.filter((t) => t.isMilestone).length;
  const phases = p.phases?.length ?? 0;
  const parts = [plural(p.tasks.length, 'task'), plural(phases, 'summary row'), plural(milestones, 'milestone'), plural(links, 'link'), plural(p.risks.length, 'risk')];
  return `${q(p.sheet)} -> project ${q(p.name)} (${clean(p.id)}): ${parts.join(', ')}`;
}

function readingLines(r: SheetReading): string[] {
  const out: string[] = [];
  const header = r.headerRow === null ? 'no header row' : `header row ${r.headerTopRow ? `${r.headerTopRow}-` : ''}${r.headerRow}`;
  out.push(`  ${q(r.sheet)}: ${r.kind}, ${header}, mapping ${r.mappingSource}, IDs by ${r.idScheme}`);
  if (r.reason) out.push(`    why: ${clean(r.reason)}`);
  if (r.columns.length) out.push(`    columns: ${r.columns.map((c) => `${clean(c.field)}=${clean(c.column)} ${q(c.heading)}`).join(', ')}`);
  for (const c of r.ignoredColumns) out.push(`    ignored ${clean(c.column)} ${q(c.heading)}: ${clean(c.reason)}`);
  for (const d of r.dateConventions) out.push(`    dates ${clean(d.column)} ${q(d.heading)}: ${clean(d.convention)}${d.note ? ` (${clean(d.note)})` : ''}`);
  if (r.kind === 'project' || r.kind === 'projects') {
    out.push(`    read ${plural(r.taskCount, 'task')}, ${plural(r.summaryCount, 'summary row')}, ${plural(r.milestoneCount, 'milestone')}, ${plural(r.linkCount, 'link')}`);
  }
  for (const s of r.skippedRows) out.push(`    rows ${clean(s.rows)} not tasks: ${clean(s.reason)}`);
  for (const n of r.notes) out.push(`    note: ${clean(n)}`);
  return out;
}

/** Issues grouped by code, most severe first, with a count and the first place each was seen. */
function issueLines(issues: RollupIssue[]): string[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const groups = new Map<string, { severity: RollupIssue['severity']; count: number; first: RollupIssue }>();
  for (const i of issues) {
    const g = groups.get(i.code);
    if (g) g.count++;
    else groups.set(i.code, { severity: i.severity, count: 1, first: i });
  }
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => rank[x.severity] - rank[y.severity] || y.count - x.count || a.localeCompare(b))
    .map(([code, g]) => {
      const where = `${clean(g.first.sheet)}${g.first.cell ? `!${clean(g.first.cell)}` : ''}`;
      return `  ${clean(code)} (${g.severity}) x${g.count}: first at ${where}: ${clean(g.first.message)}`;
    });
}

/** The report for one workbook, as plain text lines. */
export function formatWorkbook(o: WorkbookOutcome): string[] {
  const lines = [`== ${clean(o.file)}`];
  if ('error' in o) return [...lines, `  not read: ${clean(o.error)}`];
  const { model } = o;
  lines.push(model.projects.length ? 'sheets read:' : 'sheets read: none');
  for (const p of model.projects) lines.push(`  ${projectLine(p)}`);
  const skipped = model.skipped;
  lines.push(skipped.length ? 'sheets skipped:' : 'sheets skipped: none');
  for (const s of skipped) lines.push(`  ${q(s.sheet)}${s.hidden ? ' (hidden)' : ''}: ${clean(s.reason)}`);
  const tasks = model.projects.reduce((n, p) => n + p.tasks.length, 0);
  const links = model.projects.reduce((n, p) => n + p.tasks.reduce((m, t) => m + t.predecessors.length, 0), 0);
  lines.push(`totals: ${plural(model.projects.length, 'project')}, ${plural(tasks, 'task')}, ${plural(links, 'link')}, ${plural(model.dependencies.length, 'register dependency', 'register dependencies')}`);
  if (model.readings && model.readings.length) {
    lines.push('how each sheet was read:');
    for (const r of model.readings) lines.push(...readingLines(r));
  } else {
    lines.push('how each sheet was read: not reported by this version of the reader');
  }
  const issues = issueLines(o.issues);
  lines.push(issues.length ? 'issues by code:' : 'issues: none');
  lines.push(...issues);
  return lines;
}

/** The whole report: every workbook, then one line of totals. */
export function formatCorpus(outcomes: WorkbookOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) lines.push(...formatWorkbook(o), '');
  const read = outcomes.filter((o): o is Extract<WorkbookOutcome, { model: ProgramModel }> => 'model' in o);
  const projects = read.reduce((n, o) => n + o.model.projects.length, 0);
  const none = read.filter((o) => o.model.projects.length === 0).length;
  lines.push(
    `${plural(outcomes.length, 'workbook')}: ${plural(projects, 'project')} read; ${none} workbook${none === 1 ? '' : 's'} with no project; ${outcomes.length - read.length} unreadable`,
  );
  return lines.join('\n');
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** Reads one workbook; a file that is not a readable workbook becomes an outcome, never an exception. */
export async function readOne(dir: string, file: string, now: Date): Promise<WorkbookOutcome> {
  try {
    const { input } = await readXlsxGrids(join(dir, file), { workbook: file });
    const { model, result } = rollup({ ...input, title: input.title ?? workbookTitle(file) }, DEFAULT_SETTINGS, now);
    return { file, model, issues: result.issues };
  } catch (e) {
    return { file, error: e instanceof Error ? e.message : String(e) };
  }
}

export async function main(argv: readonly string[], io: CorpusIo): Promise<number> {
  const dir = argv.find((a) => !a.startsWith('-'));
  if (!dir || argv.includes('--help') || argv.includes('-h')) {
    io.stderr('usage: npm run corpus -- DIR\n  Reads every .xlsx/.xlsm in DIR and reports how each was read.');
    return 2;
  }
  let files: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error(`${dir} is not a folder`);
    // Excel's lock files (~$Book.xlsx) are not workbooks.
    files = (await readdir(dir)).filter((f) => WORKBOOK.test(f) && !f.startsWith('~$')).sort();
  } catch (e) {
    io.stderr(`corpus: cannot read ${clean(dir)}: ${clean(e instanceof Error ? e.message : String(e))}`);
    return 2;
  }
  if (files.length === 0) {
    io.stderr(`corpus: no .xlsx or .xlsm files in ${clean(dir)}`);
    return 1;
  }
  const outcomes: WorkbookOutcome[] = [];
  // One at a time: a folder of large workbooks read in parallel would hold them all in memory at once.
  for (const f of files) outcomes.push(await readOne(dir, f, io.now()));
  io.stdout(formatCorpus(outcomes));
  return 0;
}

if (require.main === module) {
  const io: CorpusIo = {
    stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    now: () => new Date(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`corpus: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
