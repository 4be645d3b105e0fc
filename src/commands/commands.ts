/**
 * Ribbon function commands. "rollUp" runs the roll-up with the workbook's saved settings without opening the
 * pane. Success shows itself (the summary sheet is written and activated); on failure the pane is opened
 * where the error can be read, when the host supports it.
 */
import type { PaneActions } from '../taskpane/actions';
import { classifyError, logDebugInfo } from '../taskpane/errors';

/** Runs one roll-up with saved settings; resolves with a plain outcome line, rejects with the error. */
export async function rollUpWithSavedSettings(actions: PaneActions): Promise<string> {
  const { settings } = await actions.loadSettings();
  const { result, report } = await actions.rollUp({ settings, signal: new AbortController().signal, onPhase: () => undefined });
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  return `Program health ${result.program.health}; ${result.projects.length} projects; ${errors} error${errors === 1 ? '' : 's'} in the data; summary in "${report.sheetNames.summary}".`;
}

async function openPane(): Promise<boolean> {
  if (!Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) return false;
  await Office.addin.showAsTaskpane();
  return true;
}

async function rollUp(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const { excelActions } = await import(/* webpackChunkName: "excel" */ '../taskpane/excel-actions');
    await rollUpWithSavedSettings(excelActions);
  } catch (e) {
    logDebugInfo('The roll-up command failed', e);
    const { title, message } = classifyError(e);
    // The pane shows the same classification when the user rolls up from it; open it so they can.
    const opened = await openPane().catch((openError: unknown) => {
      logDebugInfo('Opening the task pane failed', openError);
      return false;
    });
    if (!opened) console.error(`[program-rollup] ${title}: ${message}`);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('rollUp', (event: Office.AddinCommands.Event) => {
    void rollUp(event);
  });
});
