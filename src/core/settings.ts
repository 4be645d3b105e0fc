/**
 * Roll-up settings. Stored in the workbook (context.workbook.settings, key "programRollup.settings") as a
 * versioned JSON object so they travel with the shared file; validated here, in the core, on every load.
 */
export type HealthColor = 'green' | 'amber' | 'red' | 'gray';

export interface HealthProfile {
  name: string;
  /** SPI and CPI at or above this are green. */
  indexGreen: number;
  /** At or above this (and below green) are amber; below is red. */
  indexAmber: number;
  /** Finish variance above this fraction of the baseline duration is red (any positive variance is amber). */
  finishVarianceRedFraction: number;
  /** A late cross-project hand-off makes the receiving project at least this colour. */
  lateHandoffColor: 'amber' | 'red';
}

export interface OutputSheetNames {
  summary: string;
  dependencies: string;
  risks: string;
  issues: string;
  history: string;
  /** Written only when the workbook has a Benefits register. */
  benefits: string;
  /** Written only when tasks name people. */
  resources: string;
  /** Written only when projects keep issues, actions or decisions logs; default "Program RAID". */
  raid?: string;
}

/** Date order for text dates: month/day/year, day/month/year, or year/month/day ("26/3/15" = 2026-03-15). */
export type DateOrderSetting = 'MDY' | 'DMY' | 'YMD';

/**
 * A program manager's correction of how one sheet is read, for when inference is not enough (the way MS
 * Project's import maps work). Every part is optional: what is not given is still inferred.
 */
export interface SheetMapping {
  /** Worksheet name (matched ignoring case). */
  sheet: string;
  /** True: this sheet is not a project; skip it. */
  ignore?: boolean;
  /** 1-based worksheet row of the task header (the lower row of a two-row heading). */
  headerRow?: number;
  /** Task field -> column letters, e.g. { "name": "B", "finish": "E", "id": "A" }. */
  columns?: Record<string, string>;
  /** Date order for this sheet's text dates. */
  dateOrder?: DateOrderSetting;
  /** Project ID to use for this sheet. */
  projectId?: string;
}

export interface RollupSettings {
  version: 1;
  /** ISO date; null = the sheets' status dates, else today. */
  statusDate: string | null;
  /** 0 = Sunday … 6 = Saturday. */
  weekendDays: number[];
  /** Sheet holding the holiday list; null = no holidays. */
  holidaySheet: string | null;
  /** A hand-off with slack under this many working days is "at risk". */
  atRiskSlackDays: number;
  health: HealthProfile;
  /** How to read text dates that their column leaves ambiguous, such as 03/04/2026. */
  dateOrder: DateOrderSetting;
  /** Sheets the user excluded from the roll-up. */
  excludedSheets: string[];
  /** Program name shown on the summary; null = "Program". */
  programName: string | null;
  outputNames: OutputSheetNames;
  /** How many top risks the summary lists. */
  topRiskCount: number;
  /** How many milestones (largest slip first) the Milestone Trend chart draws; absent = 10. */
  milestoneTrendCount?: number;
  /** A PM's status block updated more than this many days before the status date is flagged stale; absent = 14. */
  statusStaleDays?: number;
  /** Per-sheet reading corrections (optional; absent or [] = infer every sheet). */
  sheetMappings?: SheetMapping[];
}

export const DEFAULT_HEALTH_PROFILE: HealthProfile = {
  name: 'Standard',
  indexGreen: 0.95,
  indexAmber: 0.9,
  finishVarianceRedFraction: 0.1,
  lateHandoffColor: 'amber',
};

/**
 * The rule profiles a user picks from; editing any threshold makes the profile "Custom". Standard is the
 * usual PMO convention (GUIDE §4); Strict suits fixed-date programs, Lenient early-phase or R&D work.
 */
export const HEALTH_PROFILES: readonly HealthProfile[] = [
  DEFAULT_HEALTH_PROFILE,
  { name: 'Strict', indexGreen: 0.98, indexAmber: 0.95, finishVarianceRedFraction: 0.05, lateHandoffColor: 'red' },
  { name: 'Lenient', indexGreen: 0.9, indexAmber: 0.8, finishVarianceRedFraction: 0.2, lateHandoffColor: 'amber' },
];

export const CUSTOM_PROFILE_NAME = 'Custom';

/** The name of the preset whose thresholds these are, else "Custom". */
export function healthProfileName(t: Omit<HealthProfile, 'name'>): string {
  const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;
  const preset = HEALTH_PROFILES.find(
    (p) =>
      same(p.indexGreen, t.indexGreen) &&
      same(p.indexAmber, t.indexAmber) &&
      same(p.finishVarianceRedFraction, t.finishVarianceRedFraction) &&
      p.lateHandoffColor === t.lateHandoffColor,
  );
  return preset ? preset.name : CUSTOM_PROFILE_NAME;
}

/** Milestones drawn on the Milestone Trend chart when the settings do not say. */
export const DEFAULT_MILESTONE_TREND_COUNT = 10;
/** Calendar days after which a PM's status update counts as stale, when the settings do not say. */
export const DEFAULT_STATUS_STALE_DAYS = 14;

export const DEFAULT_SETTINGS: RollupSettings = {
  version: 1,
  statusDate: null,
  weekendDays: [0, 6],
  holidaySheet: 'Holidays',
  atRiskSlackDays: 5,
  health: DEFAULT_HEALTH_PROFILE,
  dateOrder: 'MDY',
  excludedSheets: [],
  programName: null,
  outputNames: {
    summary: 'Program Summary',
    dependencies: 'Program Dependencies',
    risks: 'Program Risks',
    issues: 'Rollup Issues',
    history: 'Rollup History',
    benefits: 'Program Benefits',
    resources: 'Program Resources',
  },
  topRiskCount: 10,
  milestoneTrendCount: DEFAULT_MILESTONE_TREND_COUNT,
  statusStaleDays: DEFAULT_STATUS_STALE_DAYS,
};
