/**
 * The notice dialog the ribbon's "Roll up" command opens (Office.context.ui.displayDialogAsync). Renders at
 * once from the query string; Close is enabled when Office is ready and asks the command to close the dialog
 * (messageParent), since the command must not call event.completed() while its dialog is up. The dialog's own
 * X works without Office.js.
 */
import { renderNotice } from './notice-view';

const root = document.getElementById('notice');
if (root) {
  const close = renderNotice(root, window.location.search, (message) => Office.context.ui.messageParent(message));
  close.disabled = true;
  if (typeof Office === 'undefined') {
    console.error('[program-rollup] Office.js did not load, so Close cannot reach the command; close the dialog with its X.');
  } else {
    void Office.onReady(() => {
      close.disabled = false;
      close.focus();
    });
  }
}
