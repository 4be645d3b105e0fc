/**
 * The fake Excel injected into the built pane through window.__PROGRAM_ROLLUP_FAKE_EXCEL__ (see
 * src/taskpane/index.tsx). It runs in the browser, so it is a self-contained function: the test passes the
 * outcome as data, and the fake records what the pane asked for in window.__FAKE_CALLS__.
 *
 * Only for what the real path (office-host/, Microsoft's client answered by our ExcelHost) cannot show: a phase
 * held until the test steps it, and a fixed outcome for the README picture. Failures go through the real path.
 */
import type { RollupOutcome } from '../../src/taskpane/actions';
import type { SourceSheet } from '../../src/core/result';
import type { RollupSettings } from '../../src/core/settings';

export interface FakeConfig {
  outcome: RollupOutcome;
  sources: SourceSheet[];
  settings: RollupSettings;
  /**
   * Milliseconds spent in each phase, so the progress bar can be seen; 'manual' holds each phase until the
   * test calls window.__FAKE_STEP__(), so a test can look at a phase without racing a timer on a busy machine.
   */
  phaseMs: number | 'manual';
  /** What Office.context.officeTheme would say; null = no theme information (light). */
  officeTheme: { bodyBackgroundColor: string } | null;
}

export function installFakeExcel(config: FakeConfig): void {
  type Call = [string, ...unknown[]];
  const calls: Call[] = [];
  const w = window as unknown as Record<string, unknown>;
  w.__FAKE_CALLS__ = calls;
  const steps: (() => void)[] = [];
  w.__FAKE_STEP__ = () => steps.shift()?.();
  const wait = (ms: number | 'manual', signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const t = ms === 'manual' ? (steps.push(resolve), undefined) : setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(t);
        reject(new DOMException('Roll-up cancelled', 'AbortError'));
      });
    });
  w.__PROGRAM_ROLLUP_FAKE_EXCEL__ = {
    ...(config.officeTheme ? { officeTheme: config.officeTheme } : {}),
    async rollUp(opts: { settings: unknown; signal: AbortSignal; onPhase(p: unknown): void }) {
      calls.push(['rollUp', opts.settings]);
      opts.onPhase({ name: 'reading', sheetCount: config.sources.length });
      await wait(config.phaseMs, opts.signal);
      opts.onPhase({ name: 'analysing' });
      await wait(config.phaseMs, opts.signal);
      opts.onPhase({ name: 'writing' });
      await wait(config.phaseMs);
      return config.outcome;
    },
    async loadSettings() {
      return { settings: config.settings, problems: [] };
    },
    async saveSettings(s: unknown) {
      calls.push(['saveSettings', s]);
    },
    async listSources() {
      return config.sources;
    },
    async selectCell(sheet: string, cell: string) {
      calls.push(['selectCell', sheet, cell]);
    },
    async goTo(sheet: string, cell: string) {
      calls.push(['goTo', sheet, cell]);
    },
  };
}
