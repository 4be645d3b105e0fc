/** Command-line arguments as data: parsing never exits or prints, so it is testable and the caller decides. */

export interface CliOptions {
  inputs: string[];
  /** Where the summary workbook goes; null = not written (only when --json is given without --out). */
  out: string | null;
  /** True when `out` is DEFAULT_OUT because no --out was given (such a file is not replaced without --force). */
  outDefaulted: boolean;
  /** File for the JSON result, "-" for stdout, null for none. */
  json: string | null;
  statusDate: string | null;
  /** Program name for the summary's title; null = the workbook's file name (one input) or "Program". */
  programName: string | null;
  /** Order of ambiguous text dates; null = the settings default (month/day/year). */
  dateOrder: 'MDY' | 'DMY' | 'YMD' | null;
  /** JSON file of per-sheet reading corrections (SheetMapping[]). */
  mapping: string | null;
  /** Earlier summary workbook to compare with (its Rollup Snapshot) and to continue the history of. */
  previous: string | null;
  /** Print how each sheet was read. */
  explain: boolean;
  /** Replace an existing default program-summary.xlsx (never an input: those are refused whatever the options). */
  force: boolean;
  help: boolean;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; message: string };

export const DEFAULT_OUT = 'program-summary.xlsx';

export const USAGE = `Usage: program-rollup <workbook.xlsx>... [--out FILE] [--json FILE|-] [--status-date YYYY-MM-DD]
                      [--program-name NAME] [--date-order MDY|DMY|YMD] [--mapping FILE.json] [--previous FILE]
                      [--explain] [--force]

Rolls up every project sheet of the given workbooks into one program and writes a new workbook with the
summary sheets (the inputs are never modified).

  --out FILE               Summary workbook to write (default: ${DEFAULT_OUT}, which is not replaced
                           if it exists unless --force is given; with --json and no --out, no workbook
                           is written)
  --json FILE|-            Write the roll-up result as JSON to FILE, or to stdout with "-"
  --status-date YYYY-MM-DD Status date to measure against (default: the sheets' status dates, else today)
  --program-name NAME      Program name in the summary's title (default: the workbook's file name when one
                           workbook is given, else "Program")
  --date-order MDY|DMY|YMD How to read text dates that their column leaves ambiguous, such as 03/04/2026
                           (default MDY); each column's own convention is inferred from all its values first
  --mapping FILE.json      Per-sheet reading corrections: [{"sheet": "Plan", "headerRow": 4,
                           "columns": {"name": "B", "finish": "E"}, "dateOrder": "DMY"}, {"sheet": "Lookup",
                           "ignore": true}] (see docs/sheet-format.md)
  --previous FILE          An earlier summary workbook: this roll-up is compared with its snapshot (the
                           Program Changes sheet) and continues its history (default: the --out file
                           when it already exists, else the inputs' own)
  --explain                Print how each sheet was read (header row, columns, date conventions, rows
                           skipped and why); with no --out or --json, nothing else is written
  --force                  Replace an existing ${DEFAULT_OUT} when --out is not given
  -h, --help               Show this help

Data issues are listed on stderr. The exit code is 0 when a program was rolled up (even with issues),
1 when nothing could be rolled up or an output could not be written, 2 for a usage error or a refused
output (an input, the same file twice, an existing default output without --force).`;

/** A real calendar date in Excel's range (1900-01-01 to 9999-12-31), like the dates read from sheets. */
function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || Number(m[1]) < 1900) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const inputs: string[] = [];
  let out: string | null = null;
  let json: string | null = null;
  let statusDate: string | null = null;
  let programName: string | null = null;
  let dateOrder: CliOptions['dateOrder'] = null;
  let mapping: string | null = null;
  let previous: string | null = null;
  let explain = false;
  let help = false;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) return null;
      i++;
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        help = true;
        break;
      case '--force':
        if (inline !== undefined) return { ok: false, message: '--force takes no value' };
        force = true;
        break;
      case '--out': {
        const v = value();
        if (v === null || v === '-') return { ok: false, message: '--out needs a file name, e.g. --out out/program-summary.xlsx' };
        out = v;
        break;
      }
      case '--json': {
        const v = value();
        if (v === null) return { ok: false, message: '--json needs a file name or "-" for stdout' };
        json = v;
        break;
      }
      case '--status-date': {
        const v = value();
        if (v === null || !isIsoDate(v)) return { ok: false, message: `--status-date needs a date from 1900-01-01 on, in the form YYYY-MM-DD${v ? ` (got "${v}")` : ''}` };
        statusDate = v;
        break;
      }
      case '--program-name': {
        const v = value();
        if (v === null || v.trim() === '' || v.length > 200) return { ok: false, message: '--program-name needs a name of 1 to 200 characters' };
        programName = v.trim();
        break;
      }
      case '--date-order': {
        const v = value()?.toUpperCase() ?? null;
        if (v !== 'MDY' && v !== 'DMY' && v !== 'YMD') return { ok: false, message: '--date-order needs MDY (month/day/year), DMY (day/month/year) or YMD (year/month/day)' };
        dateOrder = v;
        break;
      }
      case '--mapping': {
        const v = value();
        if (v === null || v === '-') return { ok: false, message: '--mapping needs a JSON file of sheet mappings' };
        mapping = v;
        break;
      }
      case '--previous': {
        const v = value();
        if (v === null || v === '-') return { ok: false, message: '--previous needs an earlier summary workbook, e.g. --previous out/program-summary-2026-11-06.xlsx' };
        previous = v;
        break;
      }
      case '--explain':
        explain = true;
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') return { ok: false, message: `Unknown option ${flag}` };
        inputs.push(arg);
    }
  }
  if (!help && inputs.length === 0) return { ok: false, message: 'Give at least one .xlsx workbook to roll up.' };
  const outDefaulted = out === null && json === null && !explain;
  if (outDefaulted) out = DEFAULT_OUT;
  return { ok: true, options: { inputs, out, outDefaulted, json, statusDate, programName, dateOrder, mapping, previous, explain, force, help } };
}
