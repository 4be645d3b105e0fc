/**
 * The whole pipeline in one pure call: grids -> model -> analysis -> workbook plan. Both adapters (the
 * Office.js add-in and the command line) call this and then apply the plan with their renderer.
 */
import type { WorkbookInput } from './grid';
import type { ProgramModel } from './model';
import type { RollupResult } from './result';
import type { RollupSettings } from './settings';
import { DEFAULT_MILESTONE_TREND_COUNT, DEFAULT_SETTINGS, DEFAULT_STATUS_STALE_DAYS } from './settings';
import type { WorkbookPlan } from './report/plan';
import { readProgram } from './read';
import { analyzeProgram } from './analyze';
import { buildWorkbookPlan } from './report';
import { planForDateSystem } from './report/date-system';
import { legalPlan } from './report/legal-text';
import { WorkCalendar } from './calendar';
import { compareSnapshots } from './analyze/changes';
import { milestoneTrend } from './analyze/milestone-trend';
import { pmStatuses } from './analyze/pm-status';
import { raidLog } from './analyze/raid';
import { currentSnapshot, mergeSnapshots, previousSnapshot } from './snapshot';

export interface RollupOutput {
  model: ProgramModel;
  result: RollupResult;
  plan: WorkbookPlan;
}

/**
 * "Q3 Portfolio.xlsx" -> "Q3 Portfolio": a workbook's file name as a title. Excel's name for a workbook never
 * saved ("Book1") says nothing about the program, so it gives no title.
 */
export function workbookTitle(fileName: string): string {
  const title = fileName.replace(/\.(xlsx|xlsm|xlsb|xls)$/i, '').trim();
  return /^book\s?\d*$/i.test(title) ? '' : title;
}

/** A program is named by its settings, else by the workbook it lives in ("Program" only when neither says). */
function withProgramName(settings: RollupSettings, title: string | undefined): RollupSettings {
  const name = title?.trim();
  return settings.programName === null && name ? { ...settings, programName: name } : settings;
}

export function rollup(input: WorkbookInput, settings: RollupSettings = DEFAULT_SETTINGS, now: Date = new Date()): RollupOutput {
  const named = withProgramName(settings, input.title);
  const read = readProgram(input, named);
  // What the adapter could not read comes first: it may explain what the sheets' own issues are about.
  const model = input.issues && input.issues.length > 0 ? { ...read, issues: [...input.issues, ...read.issues] } : read;
  const result = analyzeProgram(model, named, now);
  // What changed: this run's snapshot against the last one of an earlier status date found in the workbook.
  const found = model.snapshot ?? [];
  const snapshot = currentSnapshot(model, result);
  const previous = previousSnapshot(found, result.statusDate);
  const cal = new WorkCalendar({ weekendDays: named.weekendDays, holidays: model.holidays });
  result.changes = previous === null ? null : compareSnapshots(previous, snapshot, cal);
  const snapshots = mergeSnapshots(found, snapshot, result.statusDate);
  result.pmStatus = pmStatuses(model, result, named.statusStaleDays ?? DEFAULT_STATUS_STALE_DAYS);
  result.raid = raidLog(model, result.statusDate);
  result.milestoneTrend = milestoneTrend(snapshots, cal, named.milestoneTrendCount ?? DEFAULT_MILESTONE_TREND_COUNT);
  // Dates go out in the input workbook's own date system, so the add-in writes them where they read right.
  // Every text of the plan is made legal once here (legal-text.ts), for both renderers.
  const plan = legalPlan(planForDateSystem(buildWorkbookPlan(result, named, { snapshot: snapshots }), input.date1904 === true));
  return { model, result, plan };
}
