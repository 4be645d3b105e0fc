/** PaneActions for component tests: records every call and lets a test control when a roll-up finishes. */
import { DEFAULT_SETTINGS, type RollupSettings } from '../../src/core/settings';
import type { PaneActions, RollupOptions, RollupOutcome } from '../../src/taskpane/actions';
import { SAMPLE_SOURCES, sampleOutcome } from './sample-outcome';

export interface Recorder {
  actions: PaneActions;
  saved: RollupSettings[];
  selected: [string, string][];
  visited: [string, string][];
  rollups: RollupOptions[];
}

export function recordingActions(rollUp?: (opts: RollupOptions) => Promise<RollupOutcome>): Recorder {
  const rec: Recorder = { saved: [], selected: [], visited: [], rollups: [], actions: undefined as unknown as PaneActions };
  rec.actions = {
    rollUp: async (opts) => {
      rec.rollups.push(opts);
      if (rollUp) return rollUp(opts);
      opts.onPhase({ name: 'reading', sheetCount: 7 });
      opts.onPhase({ name: 'analysing' });
      opts.onPhase({ name: 'writing' });
      return sampleOutcome();
    },
    loadSettings: async () => ({ settings: JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as RollupSettings, problems: [] }),
    saveSettings: async (s) => {
      rec.saved.push(s);
    },
    listSources: async () => SAMPLE_SOURCES,
    selectCell: async (sheet, cell) => {
      rec.selected.push([sheet, cell]);
    },
    goTo: async (sheet, cell) => {
      rec.visited.push([sheet, cell]);
    },
  };
  return rec;
}

/** A promise the test resolves or rejects by hand, to hold a roll-up in a phase. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
