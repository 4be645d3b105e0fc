/**
 * src/commands/commands.ts, the Office glue of the ribbon's "Roll up", against a fake Office global: the
 * associate call, the AsyncResult and dialog event shapes, the requirement sets asked for, and that
 * event.completed() comes only after the notice dialog is closed.
 */
import type { RunRollupResult } from '../../src/excel/run-rollup';
import { decodeNotice } from '../../src/commands/notice-model';
import { sampleRunResult } from './sample-outcome';

// One mock shared by every isolated load of commands.ts (the factory runs again in each module registry).
const mockRunRollup = jest.fn();
jest.mock('../../src/excel/run-rollup', () => ({ runRollupInExcel: (...args: unknown[]) => mockRunRollup(...args) }));
const runRollupInExcel = mockRunRollup;

function clean(): RunRollupResult {
  return sampleRunResult([]);
}

type Handler = (arg: unknown) => void;

async function fakeOffice(opts: { sets?: string[]; openFails?: { code: number; message: string } } = {}) {
  const sets = opts.sets ?? ['DialogApi'];
  const handlers: Record<string, Handler> = {};
  const calls: string[] = [];
  const opened: { url: string; options: unknown }[] = [];
  let command: ((event: { completed: () => void }) => void) | undefined;
  const dialog = {
    addEventHandler: (type: string, h: Handler) => {
      handlers[type] = h;
    },
    close: () => calls.push('dialog.close'),
  };
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    onReady: (cb: () => void) => {
      cb();
      return Promise.resolve();
    },
    actions: {
      associate: (name: string, f: typeof command) => {
        if (name === 'rollUp') command = f;
      },
    },
    addin: {
      showAsTaskpane: () => {
        calls.push('showAsTaskpane');
        return Promise.resolve();
      },
    },
    context: {
      requirements: { isSetSupported: (name: string) => sets.includes(name) },
      ui: {
        displayDialogAsync: (url: string, options: unknown, cb: (r: unknown) => void) => {
          opened.push({ url, options });
          calls.push('displayDialogAsync');
          if (opts.openFails) cb({ status: 'failed', error: opts.openFails });
          else cb({ status: 'succeeded', value: dialog });
        },
      },
    },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
  await jest.isolateModulesAsync(async () => {
    await import('../../src/commands/commands');
  });
  if (!command) throw new Error('rollUp was not associated');
  const run = command;
  return {
    calls,
    opened,
    handlers,
    click: () => run({ completed: () => calls.push('completed') }),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

let consoleError: jest.SpyInstance;
beforeEach(() => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  runRollupInExcel.mockReset();
});
afterEach(() => {
  consoleError.mockRestore();
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

describe('commands.ts (Office glue)', () => {
  it('opens notice.html on the page\'s origin in an iframe, closes it on the page\'s message, then completes', async () => {
    runRollupInExcel.mockResolvedValue(clean());
    const o = await fakeOffice();
    o.click();
    await settle();
    // No settings (the adapter reads the stored ones); only the signal of the command's 5-minute budget.
    expect(runRollupInExcel).toHaveBeenCalledWith({ signal: expect.objectContaining({ aborted: false }) });
    expect(o.opened).toHaveLength(1);
    const url = new URL(o.opened[0].url);
    expect(url.origin).toBe(window.location.origin);
    expect(url.pathname).toBe('/notice.html');
    expect(o.opened[0].options).toEqual({ height: 40, width: 30, displayInIframe: true });
    expect(decodeNotice(url.search)).toMatchObject({ tone: 'success', title: 'Rolled up' });
    expect(o.calls).toEqual(['displayDialogAsync']);
    o.handlers.dialogMessageReceived({ message: 'close', origin: window.location.origin });
    await settle();
    expect(o.calls).toEqual(['displayDialogAsync', 'dialog.close', 'completed']);
  });

  it('completes when the user closes the dialog with its X (12006)', async () => {
    runRollupInExcel.mockResolvedValue(clean());
    const o = await fakeOffice();
    o.click();
    await settle();
    o.handlers.dialogEventReceived({ error: 12006 });
    await settle();
    expect(o.calls).toEqual(['displayDialogAsync', 'completed']);
  });

  it('shows the notice on failure even where SharedRuntime 1.1 is supported: the manifest declares no shared runtime', async () => {
    runRollupInExcel.mockRejectedValue({ code: 'AccessDenied', message: 'protected' });
    const o = await fakeOffice({ sets: ['DialogApi', 'SharedRuntime'] });
    o.click();
    await settle();
    expect(o.calls).toEqual(['displayDialogAsync']);
    expect(decodeNotice(new URL(o.opened[0].url).search)).toMatchObject({ tone: 'error' });
  });

  it('falls back to the console and completes when displayDialogAsync fails (12007)', async () => {
    runRollupInExcel.mockResolvedValue(clean());
    const o = await fakeOffice({ openFails: { code: 12007, message: 'Internal error' } });
    o.click();
    await settle();
    expect(o.calls).toEqual(['displayDialogAsync', 'completed']);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('could not be opened'), expect.objectContaining({ code: 12007 }));
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('Program health amber'));
  });

  it('uses the console without DialogApi 1.1 and completes', async () => {
    runRollupInExcel.mockResolvedValue(clean());
    const o = await fakeOffice({ sets: [] });
    o.click();
    await settle();
    expect(o.calls).toEqual(['completed']);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('Program health amber'));
  });
});
