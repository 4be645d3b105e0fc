/**
 * What the task pane can ask of its host. The pane never touches Office.js itself: the real actions live in
 * excel-actions.ts (Excel), and tests or the e2e fake pass their own, so every state renders without Excel.
 */
import type { SheetReading } from '../core/model';
import type { RollupResult, SourceSheet } from '../core/result';
import type { RollupSettings } from '../core/settings';
import type { PlanAnchors, RenderReport } from '../core/report/plan';

/** The phases a roll-up goes through; cancelling is possible until "writing" starts. */
export type RollupPhase =
  | { name: 'reading'; sheetCount: number }
  | { name: 'analysing' }
  | { name: 'writing' };

export interface RollupOptions {
  settings: RollupSettings;
  /** Aborted when the user presses Cancel; the action must stop before writing and reject. */
  signal: AbortSignal;
  onPhase(phase: RollupPhase): void;
}

export interface RollupOutcome {
  result: RollupResult;
  /** Final sheet names (report.sheetNames, by role) and the renderer's notes. */
  report: RenderReport;
  /** Where the plan put each project and link; a result row goes to report.sheetNames[anchor.role]!anchor.cell. */
  anchors: PlanAnchors;
  /** How each sheet was read (the model's readings), for the pane's review and correction of the mapping. */
  readings?: SheetReading[];
}

/**
 * A sheet as the Sources list shows it. When the pane opens only each sheet's first rows are read
 * (src/excel/preview-workbook.ts), so the kind and reason are known but the counts are not: `countsUnknown`
 * is then true and the list says the counts come with a roll-up, whose `result.sources` replace these.
 */
export interface ListedSource extends SourceSheet {
  countsUnknown?: boolean;
}

export interface LoadedSettings {
  settings: RollupSettings;
  /** Plain messages about stored settings that were invalid and replaced by defaults. */
  problems: string[];
}

export interface PaneActions {
  rollUp(opts: RollupOptions): Promise<RollupOutcome>;
  loadSettings(): Promise<LoadedSettings>;
  saveSettings(settings: RollupSettings): Promise<void>;
  listSources(settings: RollupSettings): Promise<ListedSource[]>;
  /** Activate the sheet and select the cell (an issue's offending cell). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Take the user to a place in the workbook (a result row). */
  goTo(sheet: string, cell: string): Promise<void>;
}
