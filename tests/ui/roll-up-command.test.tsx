import {
  COMMAND_TIME_LIMIT_MS,
  NOTICE_MARGIN_MS,
  NOTICE_MIN_MS,
  NoticeOpenError,
  reportOutcome,
  runRollUpCommand,
  showNoticeDialog,
  type CommandOutcome,
  type DialogHandle,
  type DialogHost,
  type DialogOpenResult,
  type NoticeEnd,
  type ReportDeps,
} from '../../src/commands/roll-up-command';
import { decodeNotice, encodeNotice, MAX_NOTICE_URL, noticePageUrl, type Notice } from '../../src/commands/notice-model';
import type { RunRollupOptions, RunRollupResult } from '../../src/excel/run-rollup';
import { SAMPLE_REPORT, sampleResult, sampleRunResult } from './sample-outcome';

function finished(over: Partial<RunRollupResult> = {}, issues = sampleResult().issues) {
  const calls: RunRollupOptions[] = [];
  const run = async (o: RunRollupOptions): Promise<RunRollupResult> => {
    calls.push(o);
    return sampleRunResult(issues, over);
  };
  return { run, calls };
}

const editModeError = { code: 'InvalidOperationInCellEditMode', message: 'edit mode', debugInfo: { errorLocation: 'Range.values' } };

let consoleError: jest.SpyInstance;
beforeEach(() => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

describe('ribbon Roll up command: the outcome', () => {
  it('uses the stored settings and asks for attention when the data has errors', async () => {
    const { run, calls } = finished();
    const out = await runRollUpCommand(run);
    // No settings (the adapter reads the stored ones), only the command's time budget.
    expect(calls).toHaveLength(1);
    expect(Object.keys(calls[0])).toEqual(['signal']);
    expect(calls[0].signal?.aborted).toBe(false);
    expect(out.needsAttention).toBe(true);
    expect(out.summary).toBe('Program health amber; 5 projects; 1 data error; summary in "Program Summary".');
    expect(out.notice.tone).toBe('warning');
    expect(out.notice.title).toBe('Rolled up, with data errors');
    expect(out.notice.facts).toEqual([
      { label: 'Program health', value: 'Amber' },
      { label: 'Projects', value: '5' },
      { label: 'Data errors', value: '1' },
      { label: 'Summary sheet', value: 'Program Summary' },
    ]);
    expect(out.notice.lines.join(' ')).toContain('"Rollup Issues" sheet');
  });

  it('stays quiet when the run is clean: a success notice with health, projects, errors and the summary sheet', async () => {
    const { run } = finished({}, []);
    const out = await runRollUpCommand(run);
    expect(out.needsAttention).toBe(false);
    expect(out.notice).toMatchObject({ tone: 'success', title: 'Rolled up' });
    expect(out.notice.facts.map((f) => f.value)).toEqual(['Amber', '5', '0', 'Program Summary']);
    expect(out.notice.lines.join(' ')).not.toContain('Rollup Issues');
  });

  it('asks for attention when stored settings were reset, and says so in the notice', async () => {
    const { run } = finished({ settingsProblems: ['atRiskSlackDays was "x"'] }, []);
    const out = await runRollUpCommand(run);
    expect(out.needsAttention).toBe(true);
    expect(out.notice.title).toBe('Rolled up, check the settings');
    expect(out.notice.lines.join(' ')).toContain('1 saved setting could not be used');
  });

  it('passes the writer\'s notes on (e.g. where the summary went when its name was taken)', async () => {
    const note = 'A sheet named "Program Summary" is yours, so the summary went to "Program Summary (2)".';
    const { run } = finished({ report: { ...SAMPLE_REPORT, sheetNames: { ...SAMPLE_REPORT.sheetNames, summary: 'Program Summary (2)' }, notes: [note], syncs: 1, batchBytes: [], refusedRequests: 0 } }, []);
    const out = await runRollUpCommand(run);
    expect(out.notice.facts[3]).toEqual({ label: 'Summary sheet', value: 'Program Summary (2)' });
    expect(out.notice.lines).toContain(note);
  });

  it('turns an Excel error into a plain line and an error notice, and logs its debug info', async () => {
    const out = await runRollUpCommand(() => Promise.reject(editModeError));
    expect(out.needsAttention).toBe(true);
    expect(out.summary).toBe('A cell is being edited: Finish editing the cell, then roll up again.');
    expect(out.notice).toEqual({ tone: 'error', title: 'A cell is being edited', facts: [], lines: ['Finish editing the cell, then roll up again.'] });
    expect(consoleError).toHaveBeenCalledWith(expect.any(String), editModeError.debugInfo);
  });
});

/** Fake Office for reportOutcome; `events` records the order of what the command did. */
function deps(over: Partial<ReportDeps> = {}, end: NoticeEnd | Error = 'closed') {
  const events: string[] = [];
  const urls: string[] = [];
  const timeouts: number[] = [];
  const logged: [string, unknown][] = [];
  const d: ReportDeps = {
    canOpenPane: () => true,
    openPane: async () => {
      events.push('pane');
    },
    canShowNotice: () => true,
    showNotice: async (url, timeoutMs) => {
      urls.push(url);
      timeouts.push(timeoutMs);
      events.push('notice open');
      await new Promise((r) => setTimeout(r, 5));
      events.push('notice closed');
      if (end instanceof Error) throw end;
      return end;
    },
    noticePageUrl: 'https://localhost:3000/notice.html',
    complete: () => events.push('completed'),
    now: () => 1_000,
    log: (context, e) => {
      logged.push([context, e]);
    },
    ...over,
  };
  return { d, events, urls, timeouts, logged, notice: (): Notice | null => decodeNotice(new URL(urls[0]).search) };
}

async function outcomeOf(run: (o: RunRollupOptions) => Promise<RunRollupResult>): Promise<CommandOutcome> {
  return runRollUpCommand(run);
}

describe('ribbon Roll up command: reporting', () => {
  it('success: shows the notice and completes only after it is closed', async () => {
    const f = deps();
    const by = await reportOutcome(await outcomeOf(finished({}, []).run), f.d, 1_000);
    expect(by).toBe('notice');
    expect(f.events).toEqual(['notice open', 'notice closed', 'completed']);
    expect(f.urls[0].startsWith('https://localhost:3000/notice.html?n=')).toBe(true);
    expect(f.notice()).toMatchObject({ tone: 'success', title: 'Rolled up' });
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('success never opens the pane, even when it could', async () => {
    const openPane = jest.fn(async () => undefined);
    const f = deps({ openPane });
    await reportOutcome(await outcomeOf(finished({}, []).run), f.d, 1_000);
    expect(openPane).not.toHaveBeenCalled();
  });

  it('data errors: opens the pane when SharedRuntime 1.1 is supported, then completes', async () => {
    const f = deps();
    expect(await reportOutcome(await outcomeOf(finished().run), f.d, 1_000)).toBe('pane');
    expect(f.events).toEqual(['pane', 'completed']);
  });

  it('data errors without SharedRuntime: a warning notice that points at the Issues sheet', async () => {
    const f = deps({ canOpenPane: () => false });
    expect(await reportOutcome(await outcomeOf(finished().run), f.d, 1_000)).toBe('notice');
    expect(f.notice()).toMatchObject({ tone: 'warning', title: 'Rolled up, with data errors' });
    expect(f.notice()?.facts).toContainEqual({ label: 'Data errors', value: '1' });
    expect(f.events).toEqual(['notice open', 'notice closed', 'completed']);
  });

  it('failure: opens the pane when it can', async () => {
    const f = deps();
    expect(await reportOutcome(await outcomeOf(() => Promise.reject(editModeError)), f.d, 1_000)).toBe('pane');
    expect(f.urls).toEqual([]);
  });

  it('failure without SharedRuntime: an error notice with the plain title and message', async () => {
    const f = deps({ canOpenPane: () => false });
    expect(await reportOutcome(await outcomeOf(() => Promise.reject(editModeError)), f.d, 1_000)).toBe('notice');
    expect(f.notice()).toEqual({ tone: 'error', title: 'A cell is being edited', facts: [], lines: ['Finish editing the cell, then roll up again.'] });
    expect(f.events).toEqual(['notice open', 'notice closed', 'completed']);
  });

  it('failure when opening the pane fails: logs it and shows the notice instead', async () => {
    const paneError = new Error('no shared runtime');
    const f = deps({ openPane: () => Promise.reject(paneError) });
    expect(await reportOutcome(await outcomeOf(() => Promise.reject(editModeError)), f.d, 1_000)).toBe('notice');
    expect(f.logged).toEqual([[expect.stringContaining('task pane'), paneError]]);
    expect(f.events).toEqual(['notice open', 'notice closed', 'completed']);
  });

  it('dialog unavailable (no DialogApi 1.1): the console, and still completes', async () => {
    const showNotice = jest.fn();
    const f = deps({ canOpenPane: () => false, canShowNotice: () => false, showNotice });
    expect(await reportOutcome(await outcomeOf(finished({}, []).run), f.d, 1_000)).toBe('console');
    expect(showNotice).not.toHaveBeenCalled();
    expect(consoleError).toHaveBeenCalledWith('[program-rollup] Program health amber; 5 projects; 0 data errors; summary in "Program Summary".');
    expect(f.events).toEqual(['completed']);
  });

  it('a requirement check that throws counts as unsupported, and is logged', async () => {
    const boom = new Error('requirements unavailable');
    const f = deps({ canOpenPane: () => { throw boom; }, canShowNotice: () => { throw boom; } });
    expect(await reportOutcome(await outcomeOf(finished().run), f.d, 1_000)).toBe('console');
    expect(f.logged.map(([, e]) => e)).toEqual([boom, boom]);
    expect(f.events).toEqual(['completed']);
  });

  it('dialog open error (12007, a dialog is already open): logged, the console, and still completes once', async () => {
    const err = new NoticeOpenError(12007, 'Internal error');
    const f = deps({ canOpenPane: () => false }, err);
    expect(await reportOutcome(await outcomeOf(finished({}, []).run), f.d, 1_000)).toBe('console');
    expect(f.logged).toEqual([[expect.stringContaining('could not be opened'), err]]);
    expect(err.message).toContain('already open');
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('Program health amber'));
    expect(f.events.filter((e) => e === 'completed')).toHaveLength(1);
    expect(f.events[f.events.length - 1]).toBe('completed');
  });

  it('a notice page that failed to load falls back to the console', async () => {
    const f = deps({ canOpenPane: () => false }, 'failed');
    expect(await reportOutcome(await outcomeOf(finished({}, []).run), f.d, 1_000)).toBe('console');
    expect(f.events).toEqual(['notice open', 'notice closed', 'completed']);
  });

  it('completes even when event.completed() itself throws, and logs it', async () => {
    const boom = new Error('completed twice');
    const f = deps({ complete: () => { throw boom; } });
    await expect(reportOutcome(await outcomeOf(finished({}, []).run), f.d, 1_000)).resolves.toBe('notice');
    expect(f.logged).toEqual([[expect.stringContaining('completed'), boom]]);
  });

  it('closes the notice before Office\'s 5-minute limit on function commands, counted from the click', async () => {
    const f = deps({ now: () => 61_000 });
    await reportOutcome(await outcomeOf(finished({}, []).run), f.d, 1_000);
    expect(f.timeouts).toEqual([COMMAND_TIME_LIMIT_MS - NOTICE_MARGIN_MS - 60_000]);
    const slow = deps({ now: () => 1_000 + COMMAND_TIME_LIMIT_MS });
    await reportOutcome(await outcomeOf(finished({}, []).run), slow.d, 1_000);
    expect(slow.timeouts).toEqual([NOTICE_MIN_MS]);
  });
});

/** A fake Office.context.ui whose dialog can be driven from the test. */
function fakeHost(result: 'ok' | DialogOpenResult = 'ok', opts: { callLater?: boolean } = {}) {
  const dialog = {
    message: undefined as undefined | ((m: string) => void),
    event: undefined as undefined | ((code: number) => void),
    closed: 0,
  };
  const handle: DialogHandle = {
    onMessage: (h) => { dialog.message = h; },
    onEvent: (h) => { dialog.event = h; },
    close: () => { dialog.closed += 1; },
  };
  let pending: (() => void) | undefined;
  const opened: { url: string; options: unknown }[] = [];
  const host: DialogHost = {
    open(url, options, callback) {
      opened.push({ url, options });
      const call = () => callback(result === 'ok' ? { ok: true, dialog: handle } : result);
      if (opts.callLater) pending = call;
      else call();
    },
  };
  return { host, dialog, opened, callback: () => pending?.() };
}

function manualTimers() {
  let fire: (() => void) | undefined;
  const cleared: unknown[] = [];
  return {
    timers: { set: (f: () => void, _ms: number) => { fire = f; return 'timer'; }, clear: (t: unknown) => { cleared.push(t); } },
    fire: () => fire?.(),
    cleared,
  };
}

describe('the notice dialog (showNoticeDialog over a fake Office.context.ui)', () => {
  const url = 'https://localhost:3000/notice.html?n=x';

  it('opens an iframe dialog at the URL and closes it when the page sends Close', async () => {
    const f = fakeHost();
    const t = manualTimers();
    const shown = showNoticeDialog(f.host, url, 60_000, jest.fn(), t.timers);
    expect(f.opened).toEqual([{ url, options: { height: 40, width: 30, displayInIframe: true } }]);
    f.dialog.message?.('close');
    await expect(shown).resolves.toBe('closed');
    expect(f.dialog.closed).toBe(1);
    expect(t.cleared).toEqual(['timer']);
  });

  it('the user\'s own X (DialogEventReceived 12006) settles it without closing again', async () => {
    const f = fakeHost();
    const log = jest.fn();
    const shown = showNoticeDialog(f.host, url, 60_000, log, manualTimers().timers);
    f.dialog.event?.(12006);
    await expect(shown).resolves.toBe('dismissed');
    expect(f.dialog.closed).toBe(0);
    expect(log).not.toHaveBeenCalled();
  });

  it('a page error (12002) is logged and reported as failed', async () => {
    const f = fakeHost();
    const log = jest.fn();
    const shown = showNoticeDialog(f.host, url, 60_000, log, manualTimers().timers);
    f.dialog.event?.(12002);
    await expect(shown).resolves.toBe('failed');
    expect(log).toHaveBeenCalledWith(expect.any(String), { code: 12002 });
  });

  it('rejects with the meaning of displayDialogAsync\'s error code (12007: already open)', async () => {
    const f = fakeHost({ ok: false, code: 12007, message: 'Internal error' });
    const t = manualTimers();
    const shown = showNoticeDialog(f.host, url, 60_000, jest.fn(), t.timers);
    await expect(shown).rejects.toThrow(NoticeOpenError);
    await expect(shown).rejects.toMatchObject({ code: 12007, message: expect.stringContaining('already open') });
    expect(t.cleared).toEqual(['timer']);
  });

  it('rejects when displayDialogAsync throws', async () => {
    const host: DialogHost = { open: () => { throw new Error('no ui'); } };
    await expect(showNoticeDialog(host, url, 60_000, jest.fn(), manualTimers().timers)).rejects.toThrow('no ui');
  });

  it('closes the dialog itself at the time limit', async () => {
    const f = fakeHost();
    const t = manualTimers();
    const shown = showNoticeDialog(f.host, url, 60_000, jest.fn(), t.timers);
    t.fire();
    await expect(shown).resolves.toBe('timeout');
    expect(f.dialog.closed).toBe(1);
    // Later messages change nothing.
    f.dialog.message?.('close');
    expect(f.dialog.closed).toBe(1);
  });

  it('a dialog that opens after the time limit is closed at once', async () => {
    const f = fakeHost('ok', { callLater: true });
    const t = manualTimers();
    const shown = showNoticeDialog(f.host, url, 60_000, jest.fn(), t.timers);
    t.fire();
    await expect(shown).resolves.toBe('timeout');
    f.callback();
    expect(f.dialog.closed).toBe(1);
  });

  it('with reportOutcome: event.completed() waits for the Close message', async () => {
    const f = fakeHost();
    const completed = jest.fn();
    const d = deps({ canOpenPane: () => false, complete: completed, showNotice: (u, ms) => showNoticeDialog(f.host, u, ms, jest.fn(), manualTimers().timers) });
    const reported = reportOutcome(await outcomeOf(finished({}, []).run), d.d, 1_000);
    await new Promise((r) => setTimeout(r, 10));
    expect(completed).not.toHaveBeenCalled();
    expect(f.opened).toHaveLength(1);
    f.dialog.message?.('close');
    await expect(reported).resolves.toBe('notice');
    expect(f.dialog.closed).toBe(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe('the notice URL', () => {
  it('is notice.html on the commands page\'s origin and folder, without its query or hash', () => {
    expect(noticePageUrl('https://localhost:3000/commands.html?_host_Info=Excel$Win32$16.01$en-US#x')).toBe('https://localhost:3000/notice.html');
    expect(noticePageUrl('https://addins.example.com/rollup/commands.html')).toBe('https://addins.example.com/rollup/notice.html');
  });

  it('round-trips any text, markup and formula-looking text included', () => {
    const notice: Notice = {
      tone: 'warning',
      title: 'Rolled up & <b>done</b>',
      facts: [{ label: 'Summary sheet', value: '=HYPERLINK("x") + 100% ?n=1&n=2 #' }],
      lines: ['Café «Ω» 😀', 'a+b=c'],
    };
    const url = encodeNotice('https://localhost:3000/notice.html', notice);
    expect(url).not.toMatch(/[<>"\s]/);
    expect(decodeNotice(new URL(url).search)).toEqual(notice);
  });

  it('stays under the length limit by shortening long text', () => {
    const long = '名'.repeat(5_000);
    const notice: Notice = { tone: 'error', title: 'The roll-up failed', facts: [], lines: [long, long, long] };
    const url = encodeNotice('https://localhost:3000/notice.html', notice);
    expect(url.length).toBeLessThanOrEqual(MAX_NOTICE_URL);
    const back = decodeNotice(new URL(url).search);
    expect(back?.title).toBe('The roll-up failed');
    expect(back?.lines[0].endsWith('…')).toBe(true);
  });

  it('decodes nothing from a missing or malformed parameter', () => {
    expect(decodeNotice('')).toBeNull();
    expect(decodeNotice('?n=%7Bnot json')).toBeNull();
    expect(decodeNotice(`?n=${encodeURIComponent(JSON.stringify({ tone: 'party', title: 'x' }))}`)).toBeNull();
    expect(decodeNotice(`?n=${encodeURIComponent(JSON.stringify({ tone: 'error', title: 'x', facts: [{ label: 1 }], lines: ['ok', 2] }))}`)).toEqual({
      tone: 'error', title: 'x', facts: [], lines: ['ok'],
    });
  });
});
