/**
 * What the ribbon's "Roll up" button does, free of the Office globals so it can be tested: run the roll-up
 * with the workbook's stored settings, then decide whether the user must look at the pane.
 */
import type { RunRollupOptions, RunRollupResult } from '../excel/run-rollup';
import { classifyError, logDebugInfo } from '../taskpane/errors';

export interface CommandOutcome {
  /** True when the user should open the pane: the run failed, or it found errors in the data or settings. */
  needsAttention: boolean;
  /** One plain line describing what happened. */
  summary: string;
}

export async function runRollUpCommand(run: (o: RunRollupOptions) => Promise<RunRollupResult>): Promise<CommandOutcome> {
  try {
    // No settings passed: the adapter reads and validates the workbook's stored settings in the same Excel.run.
    const done = await run({});
    const result = done.output.result;
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    const summary =
      `Program health ${result.program.health}; ${result.projects.length} project${result.projects.length === 1 ? '' : 's'}; ` +
      `${errors} data error${errors === 1 ? '' : 's'}; summary in "${done.report.sheetNames.summary}".`;
    return { needsAttention: errors > 0 || done.settingsProblems.length > 0, summary };
  } catch (e) {
    logDebugInfo('The roll-up command failed', e);
    const { title, message } = classifyError(e);
    return { needsAttention: true, summary: `${title}: ${message}` };
  }
}
