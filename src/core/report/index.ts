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
import { buildChangesSheet, CHANGES_SHEET_NAME } from './changes-sheet';
import { buildSnapshotSheet, SNAPSHOT_SHEET_NAME } from './snapshot-sheet';
import type { SnapshotRow } from '../snapshot';
import { buildMtaSheet, MTA_SHEET_NAME } from './mta-sheet';
import { buildStatusSheet, STATUS_SHEET_NAME } from './status-sheet';
import { DEFAULT_STATUS_STALE_DAYS } from '../settings';

/** What the plan needs beyond the result: the snapshot rows to write back (never part of the JSON result). */
export interface PlanExtras {
  snapshot?: readonly SnapshotRow[];
}
import { buildBenefitsSheet } from './benefits-sheet';
import { buildResourcesSheet } from './resources-sheet';
import { RAID_SHEET_NAME, buildRaidSheet } from './raid-sheet';

export { PROGRAM_HISTORY_ID, mergeHistory, programTrend } from './history-sheet';
export { anchorFor, dependencyKeys } from './anchors';

/** Describes the output sheets and charts as data. */
export function buildWorkbookPlan(result: RollupResult, settings: RollupSettings, extras: PlanExtras = {}): WorkbookPlan {
  const names = settings.outputNames;
  const history = mergeHistory(result);
  const summary = buildSummarySheet(result, settings, names.summary, programTrend(history));
  const dependencies = buildDependenciesSheet(result, names.dependencies);
  // Changes and the snapshot come from rollup(), which compares runs; a bare result has neither.
  const changes = result.changes !== undefined ? [buildChangesSheet(result, CHANGES_SHEET_NAME).sheet] : [];
  const trend = result.milestoneTrend !== undefined ? [buildMtaSheet(result.milestoneTrend, MTA_SHEET_NAME).sheet] : [];
  const status = result.pmStatus !== undefined ? [buildStatusSheet(result, settings.statusStaleDays ?? DEFAULT_STATUS_STALE_DAYS, STATUS_SHEET_NAME).sheet] : [];
  const snapshot = extras.snapshot !== undefined ? [buildSnapshotSheet(extras.snapshot, SNAPSHOT_SHEET_NAME)] : [];
  return {
    sheets: [
      summary.sheet,
      ...changes,
      ...status,
      ...trend,
      dependencies.sheet,
      buildRisksSheet(result, names.risks, settings.topRiskCount).sheet,
      // Issues, actions and decisions get their sheet only when some project keeps such a log.
      ...(result.raid !== undefined && result.raid.length > 0 ? [buildRaidSheet(result.raid, result.statusDate, names.raid ?? RAID_SHEET_NAME).sheet] : []),
      buildIssuesSheet(result, names.issues),
      buildHistorySheet(history, names.history),
      // Program-level registers get their sheet only when the workbook keeps one.
      ...(result.benefits !== undefined && result.benefits.length > 0 && result.benefitsSummary !== undefined
        ? [buildBenefitsSheet(result.benefits, result.benefitsSummary, names.benefits)] : []),
      ...(result.resources !== undefined && result.resources.people.length > 0
        ? [buildResourcesSheet(result.resources, names.resources)] : []),
      ...snapshot,
    ],
    activeSheet: 'summary',
    anchors: { projects: summary.anchors, dependencies: dependencies.anchors },
  };
}
