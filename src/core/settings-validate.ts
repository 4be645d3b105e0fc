/**
 * Validation of stored roll-up settings. Settings live in the workbook as JSON that any user (or an older
 * version of the add-in) may have written, so nothing is trusted: every field is checked on its own, and a
 * bad field falls back to its DEFAULT_SETTINGS value with a plain-language problem, while the good fields
 * are kept. Validation never throws.
 */
import {
  DEFAULT_MILESTONE_TREND_COUNT,
  DEFAULT_STATUS_STALE_DAYS,
  DEFAULT_SETTINGS,
  type HealthProfile,
  type OutputSheetNames,
  type RollupSettings,
} from './settings';
import { validateSheetMappings } from './sheet-mapping';

export interface SettingsValidation {
  settings: RollupSettings;
  /** One plain sentence per field that was replaced by its default. Empty when the input was fully valid. */
  problems: string[];
}

export const SETTINGS_VERSION = 1;

/** Characters Excel forbids in sheet names. */
const BAD_SHEET_CHARS = /[:\\/?*[\]]/;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  try {
    const text = JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
  } catch {
    return String(value);
  }
}

/** An ISO calendar date YYYY-MM-DD that really exists (2026-02-30 does not). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Excel's sheet-name rules: 1..31 characters, none of : \ / ? * [ ], no leading or trailing apostrophe, and
 * not "History" in any case (Excel reserves it; adding such a sheet fails).
 */
export function isValidSheetName(value: string): boolean {
  return (
    value.trim().length > 0 &&
    value.length <= 31 &&
    !BAD_SHEET_CHARS.test(value) &&
    !value.startsWith("'") &&
    !value.endsWith("'") &&
    value.trim().toLowerCase() !== 'history'
  );
}

class Checker {
  readonly problems: string[] = [];

  fallback<T>(label: string, value: unknown, why: string, def: T): T {
    this.problems.push(`Setting "${label}" was ${describe(value)} (${why}); using the default ${describe(def)}.`);
    return def;
  }

  number(label: string, value: unknown, def: number, min: number, max: number, integer = false): number {
    if (value === undefined) return def;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fallback(label, value, 'not a number', def);
    if (integer && !Number.isInteger(value)) return this.fallback(label, value, 'not a whole number', def);
    if (value < min || value > max) return this.fallback(label, value, `must be between ${min} and ${max}`, def);
    return value;
  }

  nullableString(label: string, value: unknown, def: string | null, test: (s: string) => boolean, why: string): string | null {
    if (value === undefined) return def;
    if (value === null) return null;
    if (typeof value !== 'string') return this.fallback(label, value, 'not text', def);
    const trimmed = value.trim();
    if (trimmed === '') return null;
    if (!test(trimmed)) return this.fallback(label, value, why, def);
    return trimmed;
  }

  oneOf<T extends string>(label: string, value: unknown, def: T, allowed: readonly T[]): T {
    if (value === undefined) return def;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.fallback(label, value, `must be one of ${allowed.join(', ')}`, def);
  }
}

function checkWeekendDays(c: Checker, value: unknown): number[] {
  const def = DEFAULT_SETTINGS.weekendDays;
  if (value === undefined) return [...def];
  if (!Array.isArray(value)) return [...c.fallback('weekendDays', value, 'not a list', def)];
  if (!value.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 6)) {
    return [...c.fallback('weekendDays', value, 'days must be whole numbers 0 (Sunday) to 6 (Saturday)', def)];
  }
  const days = [...new Set(value as number[])].sort((a, b) => a - b);
  if (days.length === 7) return [...c.fallback('weekendDays', value, 'every day cannot be a weekend day', def)];
  return days;
}

function checkExcluded(c: Checker, value: unknown): string[] {
  if (value === undefined) return [...DEFAULT_SETTINGS.excludedSheets];
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
    return [...c.fallback('excludedSheets', value, 'must be a list of sheet names', DEFAULT_SETTINGS.excludedSheets)];
  }
  return [...new Set((value as string[]).map((s) => s.trim()).filter((s) => s !== ''))];
}

function checkHealth(c: Checker, value: unknown): HealthProfile {
  const def = DEFAULT_SETTINGS.health;
  if (value === undefined) return { ...def };
  if (!isObject(value)) return { ...c.fallback('health', value, 'not an object', def) };
  const name =
    value.name === undefined
      ? def.name
      : typeof value.name === 'string' && value.name.trim() !== ''
        ? value.name.trim()
        : c.fallback('health.name', value.name, 'must be non-empty text', def.name);
  const indexGreen = c.number('health.indexGreen', value.indexGreen, def.indexGreen, 0, 10);
  let indexAmber = c.number('health.indexAmber', value.indexAmber, def.indexAmber, 0, 10);
  let green = indexGreen;
  if (indexAmber > green) {
    // The pair is inconsistent; neither value alone can be trusted, so both go back to the defaults.
    c.problems.push(
      `Settings "health.indexAmber" (${indexAmber}) is above "health.indexGreen" (${green}); using the defaults ${def.indexAmber} and ${def.indexGreen}.`,
    );
    indexAmber = def.indexAmber;
    green = def.indexGreen;
  }
  return {
    name,
    indexGreen: green,
    indexAmber,
    finishVarianceRedFraction: c.number(
      'health.finishVarianceRedFraction',
      value.finishVarianceRedFraction,
      def.finishVarianceRedFraction,
      0,
      10,
    ),
    lateHandoffColor: c.oneOf('health.lateHandoffColor', value.lateHandoffColor, def.lateHandoffColor, ['amber', 'red']),
  };
}

/** The five sheets every roll-up writes, then the registers' sheets written when there is something to show. */
const OUTPUT_KEYS: readonly Exclude<keyof OutputSheetNames, 'raid'>[] = ['summary', 'dependencies', 'risks', 'issues', 'history', 'benefits', 'resources'];

function checkOutputNames(c: Checker, value: unknown): OutputSheetNames {
  const def = DEFAULT_SETTINGS.outputNames;
  if (value === undefined) return { ...def };
  if (!isObject(value)) return { ...c.fallback('outputNames', value, 'not an object', def) };
  const out = { ...def };
  for (const key of OUTPUT_KEYS) {
    const raw = value[key];
    if (raw === undefined) continue;
    if (typeof raw !== 'string' || !isValidSheetName(raw.trim())) {
      out[key] = c.fallback(
        `outputNames.${key}`,
        raw,
        'not a valid sheet name (1-31 characters, none of : \\ / ? * [ ], not "History")',
        def[key],
      );
    } else {
      out[key] = raw.trim();
    }
  }
  // Two outputs with the same name would overwrite each other.
  const seen = new Set<string>();
  for (const key of OUTPUT_KEYS) {
    const lower = out[key].toLowerCase();
    if (seen.has(lower)) {
      c.problems.push(`Output sheet names must all differ; "${out[key]}" is used twice, so all output names use their defaults.`);
      return { ...def };
    }
    seen.add(lower);
  }
  return out;
}

/** Validates settings read from the workbook (already parsed JSON, or a JSON string). Never throws. */
export function validateSettings(raw: unknown): SettingsValidation {
  const c = new Checker();
  let input: unknown = raw;
  if (typeof raw === 'string') {
    try {
      input = JSON.parse(raw) as unknown;
    } catch {
      c.problems.push('The saved settings are not valid JSON; using the default settings.');
      return { settings: cloneDefaults(), problems: c.problems };
    }
  }
  if (input === undefined || input === null) return { settings: cloneDefaults(), problems: [] };
  if (!isObject(input)) {
    c.problems.push('The saved settings are not a settings object; using the default settings.');
    return { settings: cloneDefaults(), problems: c.problems };
  }
  if (input.version !== undefined && input.version !== SETTINGS_VERSION) {
    // A newer add-in may have saved fields we do not understand; we still read those we know.
    c.problems.push(
      `The saved settings are version ${describe(input.version)}; this add-in reads version ${SETTINGS_VERSION}, so unknown fields are ignored.`,
    );
  }
  const settings: RollupSettings = {
    version: 1,
    statusDate: c.nullableString('statusDate', input.statusDate, DEFAULT_SETTINGS.statusDate, isIsoDate, 'not a date in the form YYYY-MM-DD'),
    weekendDays: checkWeekendDays(c, input.weekendDays),
    holidaySheet: c.nullableString(
      'holidaySheet',
      input.holidaySheet,
      DEFAULT_SETTINGS.holidaySheet,
      isValidSheetName,
      'not a valid sheet name',
    ),
    atRiskSlackDays: c.number('atRiskSlackDays', input.atRiskSlackDays, DEFAULT_SETTINGS.atRiskSlackDays, 0, 3650),
    health: checkHealth(c, input.health),
    dateOrder: c.oneOf('dateOrder', input.dateOrder, DEFAULT_SETTINGS.dateOrder, ['MDY', 'DMY', 'YMD']),
    excludedSheets: checkExcluded(c, input.excludedSheets),
    programName: c.nullableString('programName', input.programName, DEFAULT_SETTINGS.programName, (s) => s.length <= 200, 'longer than 200 characters'),
    outputNames: checkOutputNames(c, input.outputNames),
    topRiskCount: c.number('topRiskCount', input.topRiskCount, DEFAULT_SETTINGS.topRiskCount, 0, 1000, true),
    // A line chart stays readable up to a few dozen lines.
    milestoneTrendCount: c.number('milestoneTrendCount', input.milestoneTrendCount, DEFAULT_MILESTONE_TREND_COUNT, 1, 50, true),
    statusStaleDays: c.number('statusStaleDays', input.statusStaleDays, DEFAULT_STATUS_STALE_DAYS, 1, 365, true),
  };
  if (input.sheetMappings !== undefined) {
    const { mappings, problems } = validateSheetMappings(input.sheetMappings);
    for (const p of problems) c.problems.push(p);
    if (mappings.length > 0) settings.sheetMappings = mappings;
  }
  return { settings, problems: c.problems };
}

function cloneDefaults(): RollupSettings {
  return {
    ...DEFAULT_SETTINGS,
    weekendDays: [...DEFAULT_SETTINGS.weekendDays],
    health: { ...DEFAULT_SETTINGS.health },
    excludedSheets: [...DEFAULT_SETTINGS.excludedSheets],
    outputNames: { ...DEFAULT_SETTINGS.outputNames },
  };
}

/** The JSON stored in the workbook. Fields are written in a fixed order so saving twice gives the same text. */
export function serializeSettings(settings: RollupSettings): string {
  const { settings: clean } = validateSettings(settings);
  const ordered: RollupSettings = {
    version: 1,
    statusDate: clean.statusDate,
    weekendDays: clean.weekendDays,
    holidaySheet: clean.holidaySheet,
    atRiskSlackDays: clean.atRiskSlackDays,
    health: {
      name: clean.health.name,
      indexGreen: clean.health.indexGreen,
      indexAmber: clean.health.indexAmber,
      finishVarianceRedFraction: clean.health.finishVarianceRedFraction,
      lateHandoffColor: clean.health.lateHandoffColor,
    },
    dateOrder: clean.dateOrder,
    excludedSheets: clean.excludedSheets,
    programName: clean.programName,
    outputNames: {
      summary: clean.outputNames.summary,
      dependencies: clean.outputNames.dependencies,
      risks: clean.outputNames.risks,
      issues: clean.outputNames.issues,
      history: clean.outputNames.history,
      benefits: clean.outputNames.benefits,
      resources: clean.outputNames.resources,
    },
    topRiskCount: clean.topRiskCount,
    milestoneTrendCount: clean.milestoneTrendCount,
    statusStaleDays: clean.statusStaleDays,
  };
  if (clean.sheetMappings !== undefined && clean.sheetMappings.length > 0) ordered.sheetMappings = clean.sheetMappings;
  return JSON.stringify(ordered);
}
