/**
 * One user action = one Excel.run: read every sheet (2 syncs), compute the roll-up in the pure core, then
 * write the plan (normally 1 sync). The user may cancel until the write phase starts; after that the
 * write runs to completion so the workbook is never left half-written by a cancel, and a write that Excel
 * fails is undone by applyPlan (staging sheets, swapped in at the end).
 */
import type { WorkbookInput } from '../core/grid';
import type { RollupOutput } from '../core/rollup';
import { rollup } from '../core/rollup';
import type { RollupSettings } from '../core/settings';
import { validateSettings } from '../core/settings-validate';
import { RollupCancelledError } from './errors';
import { readWorkbookGrids } from './read-workbook';
import { applyPlan, DEFAULT_REQUEST_BUDGET, DESKTOP_REQUEST_BUDGET, type ApplyReport } from './write-plan';

/** Where Excel runs: only Excel on the web limits a request to 5 MB. */
export type ExcelPlatform = 'web' | 'desktop';

function officePlatform(): ExcelPlatform {
  try {
    if (typeof Office === 'undefined') return 'web';
    const p = Office.context.platform;
    // Windows and Mac only; the web, iPad and anything unknown keep the stricter web budget.
    return p === Office.PlatformType.PC || p === Office.PlatformType.Mac ? 'desktop' : 'web';
  } catch {
    // No Office.context (tests, previews): assume the web, whose limits are the stricter.
    return 'web';
  }
}

export type RollupPhase = 'reading' | 'computing' | 'writing' | 'done';

type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface RunRollupOptions {
  /** Settings to use; when absent the workbook's stored settings are read and validated. */
  settings?: RollupSettings;
  onPhase?: (phase: RollupPhase) => void;
  signal?: AbortSignal;
  /** Injected for tests: Excel.run and the core pipeline. */
  excelRun?: ExcelRun;
  rollupFn?: (input: WorkbookInput, settings: RollupSettings, now: Date) => RollupOutput;
  supports?: (version: string) => boolean;
  /** Defaults to Office.context.platform; the web's 5 MB request limit sets the write budget. */
  platform?: ExcelPlatform;
  now?: Date;
}

export interface RunRollupResult {
  output: RollupOutput;
  report: ApplyReport;
  settings: RollupSettings;
  /** Problems found in the stored settings (each replaced by its default). */
  settingsProblems: string[];
  readSyncs: number;
  writeSyncs: number;
}

function defaultExcelRun<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(options, batch);
}

export async function runRollupInExcel(options: RunRollupOptions = {}): Promise<RunRollupResult> {
  const run = options.excelRun ?? defaultExcelRun;
  const compute = options.rollupFn ?? rollup;
  const throwIfCancelled = (): void => {
    const signal = options.signal;
    if (!signal?.aborted) return;
    // A reason with a code (the ribbon command's time limit) says why; anything else is the user's cancel.
    const reason: unknown = signal.reason;
    throw typeof reason === 'object' && reason !== null && typeof (reason as { code?: unknown }).code === 'string' ? reason : new RollupCancelledError();
  };
  throwIfCancelled();
  return run({ delayForCellEdit: true }, async (context) => {
    options.onPhase?.('reading');
    const read = await readWorkbookGrids(context);
    throwIfCancelled();

    const validated = options.settings ? { settings: options.settings, problems: [] } : validateSettings(read.storedSettings);
    options.onPhase?.('computing');
    const output = compute(read.input, validated.settings, options.now ?? new Date());
    // Last point at which a cancel leaves the workbook untouched.
    throwIfCancelled();

    options.onPhase?.('writing');
    const report = await applyPlan(context, output.plan, read.owned, {
      existingSheets: read.sheets,
      existingTables: read.tables,
      existingNames: read.names,
      ...(options.signal ? { signal: options.signal } : {}),
      requestBudget: (options.platform ?? officePlatform()) === 'desktop' ? DESKTOP_REQUEST_BUDGET : DEFAULT_REQUEST_BUDGET,
      ...(options.supports ? { supports: options.supports } : {}),
    });
    options.onPhase?.('done');
    return {
      output,
      report,
      settings: validated.settings,
      settingsProblems: validated.problems,
      readSyncs: read.syncs,
      writeSyncs: report.syncs,
    };
  });
}
