/**
 * What the ribbon's "Roll up" button does, free of the Office globals so it can be tested: run the roll-up
 * with the workbook's stored settings, describe the outcome (a one-line summary for the console and a notice
 * for the notice dialog), then report it: the pane when the run needs attention and the host can open it from
 * a command, otherwise the notice dialog, otherwise the console. `event.completed()` is called exactly once,
 * and only after the notice dialog is closed: completing a function command ends its runtime, and the dialog
 * with it.
 */
import { CommandTimeLimitError } from '../excel/errors';
import type { RunRollupOptions, RunRollupResult } from '../excel/run-rollup';
import { classifyError, logDebugInfo } from '../taskpane/errors';
import { encodeNotice, type Notice } from './notice-model';

export type { Notice } from './notice-model';

export interface CommandOutcome {
  /** True when the user should open the pane: the run failed, or it found errors in the data or settings. */
  needsAttention: boolean;
  /** One plain line describing what happened. */
  summary: string;
  /** What the notice dialog shows. */
  notice: Notice;
}

const HEALTH_WORDS: Record<string, string> = { green: 'Green', amber: 'Amber', red: 'Red', gray: 'Gray (not enough data)' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function describeRun(done: RunRollupResult): CommandOutcome {
  const result = done.output.result;
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  const names = done.report.sheetNames;
  const summary =
    `Program health ${result.program.health}; ${plural(result.projects.length, 'project')}; ` +
    `${plural(errors, 'data error')}; summary in "${names.summary}".`;
  const needsAttention = errors > 0 || done.settingsProblems.length > 0;
  const health = HEALTH_WORDS[result.program.health] ?? result.program.health;
  const lines: string[] = [];
  if (result.program.healthReason) lines.push(result.program.healthReason);
  if (errors > 0) {
    lines.push(
      names.issues
        ? `Each data error is listed on the "${names.issues}" sheet with a link to its cell; the Rollup pane lists them too.`
        : 'Open the Rollup pane (Home tab) to see the data errors.',
    );
  }
  if (done.settingsProblems.length > 0) {
    lines.push(
      `${plural(done.settingsProblems.length, 'saved setting')} could not be used and the default was used instead; ` +
        'open the Rollup pane to check the settings.',
    );
  }
  lines.push(...done.report.notes);
  const notice: Notice = {
    tone: needsAttention ? 'warning' : 'success',
    title: errors > 0 ? 'Rolled up, with data errors' : needsAttention ? 'Rolled up, check the settings' : 'Rolled up',
    facts: [
      { label: 'Program health', value: health },
      { label: 'Projects', value: String(result.projects.length) },
      { label: 'Data errors', value: String(errors) },
      { label: 'Summary sheet', value: names.summary || '(not written)' },
    ],
    lines,
  };
  return { needsAttention, summary, notice };
}

export function describeFailure(e: unknown): CommandOutcome {
  const { title, message, intent } = classifyError(e);
  return {
    needsAttention: true,
    summary: `${title}: ${message}`,
    notice: { tone: intent === 'info' ? 'warning' : 'error', title, facts: [], lines: [message] },
  };
}

/** The clock of a command run: when it started (the click) and timers, injectable for tests. */
export interface CommandClock {
  startedAt: number;
  now(): number;
  setTimer(f: () => void, ms: number): unknown;
  clearTimer(t: unknown): void;
}

function systemClock(startedAt: number): CommandClock {
  return {
    startedAt,
    now: () => Date.now(),
    setTimer: (f, ms) => setTimeout(f, ms),
    clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  };
}

/**
 * Runs the roll-up within the command's time budget: Office ends a function command after 5 minutes, so the
 * roll-up is told to stop (CommandTimeLimitError) early enough to undo its staging sheets and still show the
 * notice. It stops before the write phase or between write requests, never inside one.
 */
export async function runRollUpCommand(
  run: (o: RunRollupOptions) => Promise<RunRollupResult>,
  clock: CommandClock = systemClock(Date.now()),
): Promise<CommandOutcome> {
  const budget = new AbortController();
  const left = ROLLUP_DEADLINE_MS - (clock.now() - clock.startedAt);
  const timer = clock.setTimer(() => budget.abort(new CommandTimeLimitError()), Math.max(0, left));
  try {
    // No settings passed: the adapter reads and validates the workbook's stored settings in the same Excel.run.
    return describeRun(await run({ signal: budget.signal }));
  } catch (e) {
    logDebugInfo('The roll-up command failed', e);
    return describeFailure(e);
  } finally {
    clock.clearTimer(timer);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reporting the outcome

/** Office ends a function command that has not called completed() after 5 minutes (manifest <Action>
 * ExecuteFunction reference); the notice closes itself 30 s before that, counted from the click. */
export const COMMAND_TIME_LIMIT_MS = 5 * 60_000;
export const NOTICE_MARGIN_MS = 30_000;
/** However long the roll-up took, the notice stays up at least this long (Office may then end it first). */
export const NOTICE_MIN_MS = 15_000;
/** Time kept to remove the staging sheets of a stopped write. */
export const UNDO_RESERVE_MS = 15_000;
/** From the click, the roll-up must have stopped by then (4 minutes): the rest is for the undo and the notice. */
export const ROLLUP_DEADLINE_MS = COMMAND_TIME_LIMIT_MS - NOTICE_MARGIN_MS - NOTICE_MIN_MS - UNDO_RESERVE_MS;

/** How the notice dialog ended. */
export type NoticeEnd =
  | 'closed' // the Close button (messageParent), so the command closed the dialog
  | 'dismissed' // the user closed it with the dialog's own X (DialogEventReceived 12006)
  | 'timeout' // the command closed it before Office's time limit
  | 'failed'; // the dialog page reported an error (DialogEventReceived 12002/12003/...): the user saw nothing

export interface ReportDeps {
  /** Office.context.requirements.isSetSupported('SharedRuntime', '1.1'). */
  canOpenPane(): boolean;
  /** Office.addin.showAsTaskpane(). */
  openPane(): Promise<void>;
  /** Office.context.requirements.isSetSupported('DialogApi', '1.1'). */
  canShowNotice(): boolean;
  /** Opens the notice dialog at `url`; resolves when it is gone, rejects when it could not be opened. */
  showNotice(url: string, timeoutMs: number): Promise<NoticeEnd>;
  /** Absolute URL of notice.html, on the commands page's origin. */
  noticePageUrl: string;
  /** event.completed(). */
  complete(): void;
  now(): number;
  log(context: string, e: unknown): void;
}

/** Which way the outcome reached the user, for tests and the console. */
export type ReportedBy = 'pane' | 'notice' | 'console';

export async function reportOutcome(outcome: CommandOutcome, deps: ReportDeps, startedAt: number): Promise<ReportedBy> {
  let completed = false;
  const complete = (): void => {
    if (completed) return;
    completed = true;
    try {
      deps.complete();
    } catch (e) {
      deps.log('event.completed() failed', e);
    }
  };
  try {
    if (outcome.needsAttention && safe(deps, 'Checking SharedRuntime 1.1 failed', () => deps.canOpenPane())) {
      try {
        await deps.openPane();
        return 'pane';
      } catch (e) {
        deps.log('Opening the task pane failed; showing the notice instead', e);
      }
    }
    if (safe(deps, 'Checking DialogApi 1.1 failed', () => deps.canShowNotice())) {
      try {
        const left = COMMAND_TIME_LIMIT_MS - NOTICE_MARGIN_MS - (deps.now() - startedAt);
        const end = await deps.showNotice(encodeNotice(deps.noticePageUrl, outcome.notice), Math.max(NOTICE_MIN_MS, left));
        if (end !== 'failed') return 'notice';
      } catch (e) {
        deps.log('The notice dialog could not be opened', e);
      }
    }
    console.error(`[program-rollup] ${outcome.summary}`);
    return 'console';
  } finally {
    complete();
  }
}

function safe(deps: ReportDeps, context: string, check: () => boolean): boolean {
  try {
    return check();
  } catch (e) {
    deps.log(context, e);
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The notice dialog, over a minimal view of Office.context.ui so it can be driven by a fake

export interface DialogOptions {
  height: number;
  width: number;
  displayInIframe: boolean;
}

export interface DialogHandle {
  /** DialogMessageReceived: the page called messageParent. */
  onMessage(handler: (message: string) => void): void;
  /** DialogEventReceived: the dialog was closed by the user (12006) or its page failed (12002, 12003). */
  onEvent(handler: (code: number) => void): void;
  close(): void;
}

export type DialogOpenResult = { ok: true; dialog: DialogHandle } | { ok: false; code: number; message: string };

export interface DialogHost {
  /** Office.context.ui.displayDialogAsync, its AsyncResult turned into DialogOpenResult. */
  open(url: string, options: DialogOptions, callback: (result: DialogOpenResult) => void): void;
}

/** Percent of the window: enough for the facts and two lines, still a small notice. */
export const NOTICE_SIZE: DialogOptions = { height: 40, width: 30, displayInIframe: true };

/** displayDialogAsync error codes (Microsoft: "Handle errors and events in the Office dialog box"). */
const OPEN_ERRORS: Record<number, string> = {
  12004: 'the notice page is not on the add-in\'s domain',
  12005: 'the notice page is not served over HTTPS',
  12007: 'a dialog from this add-in is already open',
  12009: 'the user chose not to allow the dialog',
  12011: 'the browser blocked the dialog pop-up',
};
const USER_CLOSED = 12006;

export class NoticeOpenError extends Error {
  constructor(
    readonly code: number,
    detail: string,
  ) {
    super(`displayDialogAsync failed with ${code}: ${OPEN_ERRORS[code] ?? detail}`);
    this.name = 'NoticeOpenError';
  }
}

/**
 * Opens the notice and settles once it is gone: Close (messageParent) or the time limit close it from here;
 * the user's X and page errors arrive as DialogEventReceived. Rejects with NoticeOpenError when it cannot open.
 */
export function showNoticeDialog(
  host: DialogHost,
  url: string,
  timeoutMs: number,
  log: (context: string, e: unknown) => void = logDebugInfo,
  timers: { set: (f: () => void, ms: number) => unknown; clear: (t: unknown) => void } = {
    set: (f, ms) => setTimeout(f, ms),
    clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
): Promise<NoticeEnd> {
  return new Promise<NoticeEnd>((resolve, reject) => {
    let settled = false;
    let dialog: DialogHandle | undefined;
    const close = (d: DialogHandle): void => {
      try {
        d.close();
      } catch (e) {
        log('Closing the notice dialog failed', e);
      }
    };
    const finish = (end: NoticeEnd, closeIt: boolean): void => {
      if (settled) return;
      settled = true;
      timers.clear(timer);
      if (closeIt && dialog) close(dialog);
      resolve(end);
    };
    // Started before the open call, so a callback that never comes cannot hold the command past the limit.
    const timer = timers.set(() => finish('timeout', true), timeoutMs);
    try {
      host.open(url, NOTICE_SIZE, (result) => {
        if (!result.ok) {
          if (settled) return;
          settled = true;
          timers.clear(timer);
          reject(new NoticeOpenError(result.code, result.message));
          return;
        }
        if (settled) {
          // The time limit passed while the dialog was opening: do not leave it behind.
          close(result.dialog);
          return;
        }
        dialog = result.dialog;
        dialog.onMessage(() => finish('closed', true));
        dialog.onEvent((code) => {
          if (code === USER_CLOSED) {
            finish('dismissed', false);
          } else {
            log('The notice dialog reported an error', { code });
            finish('failed', true);
          }
        });
      });
    } catch (e) {
      settled = true;
      timers.clear(timer);
      reject(e);
    }
  });
}
