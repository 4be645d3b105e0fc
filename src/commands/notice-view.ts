/**
 * Renders the notice page from its query string. Text only (textContent, never innerHTML): sheet names and
 * error messages may hold anything the user typed. No Office here, so it can be tested in jsdom; notice.ts
 * wires the Close button to Office.context.ui.messageParent.
 */
import { decodeNotice, type Notice } from './notice-model';

/** The message the page sends its parent; the command closes the dialog on any message. */
export const CLOSE_MESSAGE = 'close';

const FALLBACK: Notice = {
  tone: 'warning',
  title: 'Program Rollup',
  facts: [],
  lines: ['The roll-up has finished, but its outcome could not be shown here. Open the Rollup pane (Home tab) for details.'],
};

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Fills `root` with the notice in `search` (location.search) and returns the Close button, which calls
 * `send(CLOSE_MESSAGE)` when clicked.
 */
export function renderNotice(root: HTMLElement, search: string, send: (message: string) => void): HTMLButtonElement {
  const doc = root.ownerDocument;
  const notice = decodeNotice(search) ?? FALLBACK;
  root.replaceChildren();
  root.dataset.tone = notice.tone;
  root.setAttribute('aria-labelledby', 'notice-title');
  const title = el(doc, 'h1', notice.title);
  title.id = 'notice-title';
  root.append(title);
  if (notice.facts.length > 0) {
    const dl = el(doc, 'dl');
    for (const f of notice.facts) dl.append(el(doc, 'dt', f.label), el(doc, 'dd', f.value));
    root.append(dl);
  }
  for (const line of notice.lines) root.append(el(doc, 'p', line));
  const button = el(doc, 'button', 'Close');
  button.type = 'button';
  button.addEventListener('click', () => {
    try {
      send(CLOSE_MESSAGE);
    } catch (e) {
      console.error('[program-rollup] Sending Close to the command failed', e);
    }
  });
  root.append(button);
  doc.title = `${notice.title} - Program Rollup`;
  return button;
}
