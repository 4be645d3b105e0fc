import type { ProgramModel } from '../model';
import type { RollupResult } from '../result';
import type { RollupSettings } from '../settings';

/** Analyses the model: EVM, Earned Schedule, finish variance, the cross-project network, risk, health. */
export function analyzeProgram(_model: ProgramModel, _settings: RollupSettings, _now: Date): RollupResult {
  throw new Error('analyzeProgram: being built (issue 4)');
}
