/**
 * Ribbon function commands. "rollUp" runs the roll-up with the workbook's saved settings without opening the
 * pane, then reports the outcome (roll-up-command.ts decides how):
 * - the run failed or found errors, and the host can open the pane from a command (SharedRuntime 1.1): the pane;
 * - otherwise a small notice dialog (notice.html, DialogApi 1.1) with the program health, projects, data errors
 *   and where the summary went, or the error; event.completed() is called once the dialog is closed;
 * - no dialog possible: the console (the summary's Issues sheet holds the data errors).
 * This file is the Office glue only.
 */
import { runRollupInExcel } from '../excel/run-rollup';
import { logDebugInfo } from '../taskpane/errors';
import { noticePageUrl } from './notice-model';
import { reportOutcome, runRollUpCommand, showNoticeDialog, type DialogHandle, type DialogHost } from './roll-up-command';

const officeDialogs: DialogHost = {
  open(url, options, callback) {
    Office.context.ui.displayDialogAsync(url, options, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        callback({ ok: false, code: result.error.code, message: result.error.message });
        return;
      }
      const dialog = result.value;
      const handle: DialogHandle = {
        onMessage: (handler) =>
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
            if ('message' in arg) handler(arg.message);
          }),
        onEvent: (handler) =>
          dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
            if ('error' in arg) handler(arg.error);
          }),
        close: () => dialog.close(),
      };
      callback({ ok: true, dialog: handle });
    });
  },
};

async function rollUp(event: Office.AddinCommands.Event): Promise<void> {
  const startedAt = Date.now();
  const outcome = await runRollUpCommand(runRollupInExcel);
  await reportOutcome(
    outcome,
    {
      canOpenPane: () => Office.context.requirements.isSetSupported('SharedRuntime', '1.1'),
      openPane: () => Office.addin.showAsTaskpane(),
      canShowNotice: () => Office.context.requirements.isSetSupported('DialogApi', '1.1'),
      showNotice: (url, timeoutMs) => showNoticeDialog(officeDialogs, url, timeoutMs),
      noticePageUrl: noticePageUrl(window.location.href),
      complete: () => event.completed(),
      now: () => Date.now(),
      log: logDebugInfo,
    },
    startedAt,
  );
}

Office.onReady(() => {
  Office.actions.associate('rollUp', (event: Office.AddinCommands.Event) => {
    rollUp(event).catch((e: unknown) => {
      // reportOutcome completes the event in its finally; this only catches a failure before it ran.
      logDebugInfo('The Roll up command failed before reporting', e);
      event.completed();
    });
  });
});
