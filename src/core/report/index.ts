/**
 * Builds the WorkbookPlan from a roll-up result: the five output sheets, their formats, tables, conditional
 * formats, charts and links, as data. Both renderers apply it verbatim.
 */
import type { RollupResult } from '../result';
import type { RollupSettings } from '../settings';
import type { WorkbookPlan } from './plan';
import { buildSummarySheet } from './summary-sheet';
import { buildDependenciesSheet } from './dependencies-sheet';
import { buildRisksSheet } from './risks-sheet';
import { buildIssuesSheet } from './issues-sheet';
import { buildHistorySheet, mergeHistory, programTrend } from './history-sheet';
import { BENEFITS_SHEET_NAME, buildBenefitsSheet } from './benefits-sheet';
import { RESOURCES_SHEET_NAME, buildResourcesSheet } from './resources-sheet';

export { PROGRAM_HISTORY_ID, mergeHistory, programTrend } from './history-sheet';
export { anchorFor, dependencyKeys } from './anchors';

/** Describes the output sheets and charts as data. */
export function buildWorkbookPlan(result: RollupResult, settings: RollupSettings): WorkbookPlan {
  const names = settings.outputNames;
  const history = mergeHistory(result);
  const summary = buildSummarySheet(result, settings, names.summary, programTrend(history));
  const dependencies = buildDependenciesSheet(result, names.dependencies);
  return {
    sheets: [
      summary.sheet,
      dependencies.sheet,
      buildRisksSheet(result, names.risks, settings.topRiskCount).sheet,
      buildIssuesSheet(result, names.issues),
      buildHistorySheet(history, names.history),
      // Program-level registers get their sheet only when the workbook keeps one.
      ...(result.benefits !== undefined && result.benefits.length > 0 && result.benefitsSummary !== undefined
        ? [buildBenefitsSheet(result.benefits, result.benefitsSummary, names.benefits ?? BENEFITS_SHEET_NAME)] : []),
      ...(result.resources !== undefined && result.resources.people.length > 0
        ? [buildResourcesSheet(result.resources, names.resources ?? RESOURCES_SHEET_NAME)] : []),
    ],
    activeSheet: 'summary',
    anchors: { projects: summary.anchors, dependencies: dependencies.anchors },
  };
}
