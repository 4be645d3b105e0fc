/**
 * Ribbon function commands. "rollUp" runs the roll-up with the workbook's saved settings without opening the
 * pane. A clean run shows itself (the summary sheet is written and activated). When the run failed or found
 * errors, the pane is opened where they are listed, if the host can open it from a command
 * (SharedRuntime 1.1); otherwise the outcome goes to the console and the summary's Issues sheet holds the rest.
 */
import { runRollupInExcel } from '../excel/run-rollup';
import { logDebugInfo } from '../taskpane/errors';
import { runRollUpCommand } from './roll-up-command';

async function openPane(): Promise<boolean> {
  if (!Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) return false;
  await Office.addin.showAsTaskpane();
  return true;
}

async function rollUp(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await runRollUpCommand(runRollupInExcel);
    if (outcome.needsAttention) {
      const opened = await openPane().catch((e: unknown) => {
        logDebugInfo('Opening the task pane failed', e);
        return false;
      });
      if (!opened) console.error(`[program-rollup] ${outcome.summary}`);
    }
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('rollUp', (event: Office.AddinCommands.Event) => {
    void rollUp(event);
  });
});
