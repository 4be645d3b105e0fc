/**
 * The Excel adapter's reshaping for the pane: phases renamed with the sheet count, "done" dropped, the
 * settings and signal passed through, and the render report trimmed to the pane's contract.
 */
import { rollUpInWorkbook, toPanePhase } from '../../src/taskpane/excel-actions';
import type { RunRollupOptions, RunRollupResult } from '../../src/excel/run-rollup';
import type { RollupPhase } from '../../src/taskpane/actions';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { SAMPLE_ANCHORS, SAMPLE_READINGS, SAMPLE_REPORT, sampleResult } from './sample-outcome';

describe('excel actions adapter', () => {
  it('maps the adapter phases to the pane phases', () => {
    expect(toPanePhase('reading', 7)).toEqual({ name: 'reading', sheetCount: 7 });
    expect(toPanePhase('computing', 7)).toEqual({ name: 'analysing' });
    expect(toPanePhase('writing', 7)).toEqual({ name: 'writing' });
    expect(toPanePhase('done', 7)).toBeNull();
  });

  it('runs the roll-up with the pane settings and signal and returns result, report and anchors', async () => {
    const seen: RunRollupOptions[] = [];
    const phases: RollupPhase[] = [];
    const result = sampleResult();
    const run = async (o: RunRollupOptions): Promise<RunRollupResult> => {
      seen.push(o);
      o.onPhase?.('reading');
      o.onPhase?.('computing');
      o.onPhase?.('writing');
      o.onPhase?.('done');
      return {
        output: { result, model: { readings: SAMPLE_READINGS } as RunRollupResult['output']['model'], plan: { sheets: [], activeSheet: 'summary', anchors: SAMPLE_ANCHORS } },
        report: { ...SAMPLE_REPORT, notes: ['moved'], syncs: 1, batchBytes: [10], refusedRequests: 0 },
        settings: DEFAULT_SETTINGS,
        settingsProblems: [],
        readSyncs: 2,
        writeSyncs: 1,
      };
    };
    const controller = new AbortController();
    const settings = { ...DEFAULT_SETTINGS, atRiskSlackDays: 2 };
    const out = await rollUpInWorkbook({ settings, signal: controller.signal, onPhase: (p) => phases.push(p) }, run, async () => 6);
    expect(seen[0].settings).toBe(settings);
    expect(seen[0].signal).toBe(controller.signal);
    expect(phases).toEqual([{ name: 'reading', sheetCount: 6 }, { name: 'analysing' }, { name: 'writing' }]);
    expect(out.result).toBe(result);
    expect(out.report).toEqual({ sheetNames: SAMPLE_REPORT.sheetNames, notes: ['moved'] });
    // The plan's anchors reach the pane unchanged, so a result row goes where the plan wrote it.
    expect(out.anchors).toBe(SAMPLE_ANCHORS);
    // How each sheet was read reaches the pane too, for its review and correction of the mapping.
    expect(out.readings).toBe(SAMPLE_READINGS);
  });
});
