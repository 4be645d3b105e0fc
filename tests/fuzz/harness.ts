/**
 * One fuzz case end to end: a workbook's bytes are written to a file, the command line runs on it in this
 * process, and everything issue 12 promises is checked. A case passes when `problems` is empty:
 * - the run ends in a result (exit 0) or a clear message (exit 1 with a "program-rollup:" line), never an
 *   exception escaping main, a usage error, or a stack trace;
 * - the input is byte-identical afterwards;
 * - the JSON holds no NaN or Infinity and gives a reason for every null metric;
 * - every XML part of the output workbook is well-formed with legal characters, no cell is over 32,767
 *   characters and no cell holds a formula (user text is never evaluated);
 * - nothing printed holds a control character;
 * - the case took less than HANG_MS and the heap stays under HEAP_LIMIT (a hang or a blow-up is a problem).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../src/cli/main';
import { jsonProblems, outputProblems } from '../hostile/output-check';

export const HANG_MS = 20_000;
export const HEAP_LIMIT = 2 * 1024 * 1024 * 1024;

/** A Node stack frame, or the name of a raw JavaScript error leaking into a message. */
const STACK = /\n\s+at .+:\d+(:\d+)?\)?|\b(TypeError|RangeError|ReferenceError|SyntaxError): /;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

export interface CaseReport {
  exitCode: number | null;
  ms: number;
  problems: string[];
}

export interface CaseOptions {
  /** Also write the summary workbook and check its parts (slower: ExcelJS runs). */
  writeXlsx: boolean;
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export async function runCase(input: Buffer, options: CaseOptions): Promise<CaseReport> {
  const dir = mkdtempSync(join(tmpdir(), 'pr-fuzz-'));
  const problems: string[] = [];
  const file = join(dir, 'case.xlsx');
  writeFileSync(file, input);
  const before = sha(input);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(Date.UTC(2026, 10, 14, 9)) };
  const json = join(dir, 'result.json');
  const xlsx = join(dir, 'summary.xlsx');
  const args = [file, '--json', json, ...(options.writeXlsx ? ['--out', xlsx] : [])];
  const started = performance.now();
  let exitCode: number | null = null;
  try {
    exitCode = await main(args, io);
  } catch (e) {
    problems.push(`crash: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  const ms = performance.now() - started;
  try {
    if (ms > HANG_MS) problems.push(`hang: the case took ${Math.round(ms)} ms`);
    const heap = process.memoryUsage().heapUsed;
    if (heap > HEAP_LIMIT) problems.push(`memory: heap at ${Math.round(heap / 1048576)} MB`);
    if (sha(readFileSync(file)) !== before) problems.push('the input file was changed');
    const printed = [...out, ...err].join('\n');
    if (STACK.test(printed)) problems.push(`a stack trace or raw error was printed: ${printed.slice(0, 400)}`);
    if (CONTROL.test(printed)) problems.push('a control character was printed');
    if (exitCode === 1) {
      if (!err.some((t) => t.startsWith('program-rollup: '))) problems.push(`exit 1 without a message: ${err.join(' | ').slice(0, 300)}`);
      if (existsSync(json) || existsSync(xlsx)) problems.push('exit 1 but an output was written');
    } else if (exitCode === 0) {
      if (!existsSync(json)) problems.push('exit 0 but no JSON was written');
      else problems.push(...jsonProblems(readFileSync(json, 'utf8')));
      if (options.writeXlsx) {
        if (!existsSync(xlsx)) problems.push('exit 0 but no workbook was written');
        else problems.push(...(await outputProblems(readFileSync(xlsx))));
      }
    } else if (exitCode !== null) problems.push(`unexpected exit code ${exitCode}: ${err.join(' | ').slice(0, 300)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { exitCode, ms, problems };
}
