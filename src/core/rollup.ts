/**
 * The whole pipeline in one pure call: grids -> model -> analysis -> workbook plan. Both adapters (the
 * Office.js add-in and the command line) call this and then apply the plan with their renderer.
 */
import type { WorkbookInput } from './grid';
import type { ProgramModel } from './model';
import type { RollupResult } from './result';
import type { RollupSettings } from './settings';
import { DEFAULT_SETTINGS } from './settings';
import type { WorkbookPlan } from './report/plan';
import { readProgram } from './read';
import { analyzeProgram } from './analyze';
import { buildWorkbookPlan } from './report';
import { planForDateSystem } from './report/date-system';

export interface RollupOutput {
  model: ProgramModel;
  result: RollupResult;
  plan: WorkbookPlan;
}

export function rollup(input: WorkbookInput, settings: RollupSettings = DEFAULT_SETTINGS, now: Date = new Date()): RollupOutput {
  const model = readProgram(input, settings);
  const result = analyzeProgram(model, settings, now);
  // Dates go out in the input workbook's own date system, so the add-in writes them where they read right.
  const plan = planForDateSystem(buildWorkbookPlan(result, settings), input.date1904 === true);
  return { model, result, plan };
}
