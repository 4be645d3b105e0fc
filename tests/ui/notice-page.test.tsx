/**
 * The notice dialog page (src/commands/notice.html + notice.ts) in jsdom: user text renders as text, Close asks
 * the command to close the dialog, and the build emits the page beside commands.html.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeNotice, NOTICE_PAGE, type Notice } from '../../src/commands/notice-model';
import { CLOSE_MESSAGE, renderNotice } from '../../src/commands/notice-view';

const ROOT = join(__dirname, '..', '..');
const PAGE = 'https://localhost:3000/notice.html';
const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function searchOf(notice: Notice): string {
  return new URL(encodeNotice(PAGE, notice)).search;
}

function mount(): HTMLElement {
  document.body.innerHTML = '<main id="notice"></main>';
  return document.getElementById('notice') as HTMLElement;
}

describe('notice page', () => {
  it('renders sheet names and messages with HTML or "=" as plain text', () => {
    const root = mount();
    const notice: Notice = {
      tone: 'warning',
      title: `Rolled up ${hostile}`,
      facts: [
        { label: 'Program health', value: 'Amber' },
        { label: 'Summary sheet', value: `=HYPERLINK("http://x","y") ${hostile}` },
      ],
      lines: [`Each data error is listed on the "${hostile}" sheet.`, '=1+1'],
    };
    renderNotice(root, searchOf(notice), jest.fn());
    expect(root.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(root.querySelector('h1')?.textContent).toBe(notice.title);
    expect([...root.querySelectorAll('dt')].map((e) => e.textContent)).toEqual(['Program health', 'Summary sheet']);
    expect([...root.querySelectorAll('dd')].map((e) => e.textContent)).toEqual(['Amber', notice.facts[1].value]);
    expect([...root.querySelectorAll('p')].map((e) => e.textContent)).toEqual(notice.lines);
    expect(root.dataset.tone).toBe('warning');
    expect(document.title).toBe(`${notice.title} - Program Rollup`);
  });

  it('labels itself by its title and offers one Close button that sends messageParent(close)', () => {
    const root = mount();
    const send = jest.fn();
    const button = renderNotice(root, searchOf({ tone: 'success', title: 'Rolled up', facts: [], lines: [] }), send);
    expect(root.getAttribute('aria-labelledby')).toBe('notice-title');
    expect(document.getElementById('notice-title')?.textContent).toBe('Rolled up');
    expect(root.querySelectorAll('button')).toHaveLength(1);
    expect(button.textContent).toBe('Close');
    button.click();
    expect(send).toHaveBeenCalledWith(CLOSE_MESSAGE);
  });

  it('logs, and does not throw, when messageParent fails', () => {
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const root = mount();
    const boom = new Error('no parent');
    const button = renderNotice(root, '', () => {
      throw boom;
    });
    expect(() => button.click()).not.toThrow();
    expect(err).toHaveBeenCalledWith(expect.any(String), boom);
    err.mockRestore();
  });

  it('shows a plain fallback when the query string holds no notice', () => {
    const root = mount();
    renderNotice(root, '?n=%3Cb%3E', jest.fn());
    expect(root.querySelector('h1')?.textContent).toBe('Program Rollup');
    expect(root.textContent).toContain('Rollup pane');
  });

  it('notice.ts renders from location.search and wires Close to Office.context.ui.messageParent once Office is ready', async () => {
    document.body.innerHTML = '<main id="notice"></main>';
    window.history.replaceState(null, '', `/notice.html${searchOf({ tone: 'error', title: 'A cell is being edited', facts: [], lines: [hostile] })}`);
    let ready: (() => void) | undefined;
    const messageParent = jest.fn();
    (globalThis as unknown as { Office: unknown }).Office = {
      onReady: (cb: () => void) => {
        ready = cb;
        return Promise.resolve();
      },
      context: { ui: { messageParent } },
    };
    try {
      await jest.isolateModulesAsync(async () => {
        await import('../../src/commands/notice');
      });
      const button = document.querySelector('button') as HTMLButtonElement;
      expect(document.querySelector('h1')?.textContent).toBe('A cell is being edited');
      expect(document.querySelector('p')?.textContent).toBe(hostile);
      expect(button.disabled).toBe(true);
      ready?.();
      expect(button.disabled).toBe(false);
      expect(document.activeElement).toBe(button);
      button.click();
      expect(messageParent).toHaveBeenCalledWith(CLOSE_MESSAGE);
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
      window.history.replaceState(null, '', '/');
    }
  });

  it('is a page of its own in the build, beside commands.html, with no script but Office.js and its bundle', () => {
    expect(NOTICE_PAGE).toBe('notice.html');
    const html = readFileSync(join(ROOT, 'src/commands/notice.html'), 'utf8');
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect([...html.matchAll(/<script\b/g)]).toHaveLength(1);
    const config = readFileSync(join(ROOT, 'webpack.config.js'), 'utf8');
    expect(config).toMatch(/notice:\s*'\.\/src\/commands\/notice\.ts'/);
    expect(config).toMatch(/filename:\s*'notice\.html',\s*template:\s*'\.\/src\/commands\/notice\.html',\s*chunks:\s*\['notice'\]/);
  });
});
