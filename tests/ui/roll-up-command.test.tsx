import { runRollUpCommand } from '../../src/commands/roll-up-command';
import type { RunRollupOptions, RunRollupResult } from '../../src/excel/run-rollup';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { SAMPLE_REPORT, sampleResult } from './sample-outcome';

function finished(over: Partial<RunRollupResult> = {}, issues = sampleResult().issues) {
  const calls: RunRollupOptions[] = [];
  const run = async (o: RunRollupOptions): Promise<RunRollupResult> => {
    calls.push(o);
    return {
      output: { result: { ...sampleResult(), issues }, model: {} as RunRollupResult['output']['model'], plan: { sheets: [], activeSheet: 'summary' } },
      report: { ...SAMPLE_REPORT, syncs: 1, batchBytes: [] },
      settings: DEFAULT_SETTINGS,
      settingsProblems: [],
      readSyncs: 2,
      writeSyncs: 1,
      ...over,
    };
  };
  return { run, calls };
}

describe('ribbon Roll up command', () => {
  it('uses the stored settings and asks for attention when the data has errors', async () => {
    const { run, calls } = finished();
    const out = await runRollUpCommand(run);
    expect(calls).toEqual([{}]);
    expect(out).toEqual({ needsAttention: true, summary: 'Program health amber; 5 projects; 1 data error; summary in "Program Summary".' });
  });

  it('stays quiet when the run is clean', async () => {
    const { run } = finished({}, []);
    expect((await runRollUpCommand(run)).needsAttention).toBe(false);
  });

  it('asks for attention when stored settings were reset', async () => {
    const { run } = finished({ settingsProblems: ['atRiskSlackDays was "x"'] }, []);
    expect((await runRollUpCommand(run)).needsAttention).toBe(true);
  });

  it('turns an Excel error into a plain line and logs its debug info', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const debugInfo = { errorLocation: 'Range.values' };
    const out = await runRollUpCommand(() => Promise.reject({ code: 'InvalidOperationInCellEditMode', message: 'edit mode', debugInfo }));
    expect(out).toEqual({ needsAttention: true, summary: 'A cell is being edited: Finish editing the cell, then roll up again.' });
    expect(log).toHaveBeenCalledWith(expect.any(String), debugInfo);
    log.mockRestore();
  });
});
