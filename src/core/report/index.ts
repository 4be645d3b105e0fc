import type { RollupResult } from '../result';
import type { RollupSettings } from '../settings';
import type { WorkbookPlan } from './plan';

/** Describes the output sheets and charts as data. */
export function buildWorkbookPlan(_result: RollupResult, _settings: RollupSettings): WorkbookPlan {
  throw new Error('buildWorkbookPlan: being built (issue 5)');
}
