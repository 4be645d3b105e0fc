/**
 * Ribbon function commands. "rollUp" runs the roll-up with the workbook's saved settings without opening the
 * pane, then reports the outcome (roll-up-command.ts decides how):
 * - the run failed or found errors, and the add-in runs in a shared runtime (SharedRuntime 1.1): the pane
 *   (not the case with today's manifest, see MANIFEST_DECLARES_SHARED_RUNTIME);
 * - otherwise a small notice dialog (notice.html, DialogApi 1.1) with the program health, projects, data errors
 *   and where the summary went, or the error; event.completed() is called once the dialog is closed;
 * - no dialog possible: the console (the summary's Issues sheet holds the data errors).
 * This file is the Office glue only.
 */
import { runRollupInExcel } from '../excel/run-rollup';
import { logDebugInfo } from '../taskpane/errors';
import { noticePageUrl } from './notice-model';
import { reportOutcome, runRollUpCommand, showNoticeDialog, type DialogHandle, type DialogHost } from './roll-up-command';

/** Keep in step with manifest.xml's <Runtimes> (absent today). */
const MANIFEST_DECLARES_SHARED_RUNTIME = false;

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
  const outcome = await runRollUpCommand(runRollupInExcel, {
    startedAt,
    now: () => Date.now(),
    setTimer: (f, ms) => setTimeout(f, ms),
    clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  });
  await reportOutcome(
    outcome,
    {
      // Office.addin.showAsTaskpane needs the add-in to declare a shared runtime in its manifest, which
      // manifest.xml does not (the pane and the command page run separately); hosts that support
      // SharedRuntime 1.1 would still refuse the call. So the notice reports every outcome, and tells the
      // user to open the Rollup pane when there is something to look at.
      canOpenPane: () => MANIFEST_DECLARES_SHARED_RUNTIME && Office.context.requirements.isSetSupported('SharedRuntime', '1.1'),
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
