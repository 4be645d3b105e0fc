/**
 * Header matching: PMs name columns many ways, in many languages. Names are compared after normalising
 * case, accents, spaces, underscores and punctuation ("% Complete", "%_Complete" and "PCT. complete" are one
 * name; "Predecessor(s)" is "Predecessor"); "%" and "#" carry meaning so they become words first. Task
 * headings that no exact name covers go through the keyword rules of vocabulary.ts.
 */
import type { CellValue } from '../grid';
import type { TaskField } from './vocabulary';
import { DATE_WORDS, RAID_HEADERS, RAID_KIND_TITLES, RISK_HEADERS, TASK_HEADERS, TASK_KEYWORD_RULES } from './vocabulary';

export type { RaidField, RiskField, TaskField } from './vocabulary';
export { RISK_HEADERS, TASK_HEADERS } from './vocabulary';

/** Printable ASCII only: such text needs no Unicode folding (most headings; a char loop, no regex). */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code > 126) return false;
  }
  return true;
}

/** Lower case without accents; full-width forms folded (NFKD); "(s)" plural markers dropped. */
function fold(text: string): string {
  const lower = isPlainAscii(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return lower.includes('(s)') ? lower.replace(/\(s\)/g, '') : lower;
}

/**
 * Normalised keys by text. Each sheet's first rows are matched against several tables' headings (task,
 * risk, benefits, capacity, dependencies, metadata), and a workbook's sheets repeat their texts: each short
 * text is normalised once. Bounded, like the heading cache below.
 */
const NORMALIZED = new Map<string, string>();
const NORMALIZED_MAX = 20_000;
/** Longer texts are not kept: titles and notes, seldom asked twice. */
const NORMALIZED_KEPT_LENGTH = 80;

export function normalizeHeader(text: string): string {
  return text.length > NORMALIZED_KEPT_LENGTH ? normalizeUncached(text) : memo(NORMALIZED, NORMALIZED_MAX, text, normalizeUncached);
}

/** `cache`'s answer for `text`, computed once; the cache is emptied when it reaches `max` entries. */
function memo<V extends string | object | null>(cache: Map<string, V>, max: number, text: string, compute: (text: string) => V): V {
  const known = cache.get(text);
  if (known !== undefined) return known;
  const value = compute(text);
  if (cache.size >= max) cache.clear();
  cache.set(text, value);
  return value;
}

function normalizeUncached(text: string): string {
  return fold(text)
    .replace(/%/g, ' pct ')
    .replace(/[#№]|\bn[°º]/g, ' no ')
    .replace(/\?/g, ' q ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Words of a heading for the keyword rules: "% OF TASK_COMPLETE" -> "pct of task complete". */
export function looseHeader(text: string): string {
  return fold(text)
    .replace(/%/g, ' pct ')
    .replace(/[#№]/g, ' no ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type EvmField = 'date' | 'pv' | 'ev' | 'ac';
export type DependencyField = 'fromProject' | 'fromTask' | 'toProject' | 'toTask' | 'type' | 'lag' | 'needBy' | 'owner' | 'notes';
export type HistoryField = 'rollupAt' | 'statusDate' | 'projectId' | 'projectName' | 'spi' | 'cpi' | 'svtDays' | 'finishVarianceDays' | 'riskExposure' | 'health';
export type MetaField = 'name' | 'id' | 'manager' | 'statusDate' | 'budget';

export const EVM_HEADERS: Record<EvmField, string[]> = {
  date: ['Period End', 'As Of', 'Date', 'Period', 'Period Ending', 'Period End Date', 'Month'],
  pv: ['PV', 'Planned Value', 'BCWS', 'Cumulative PV', 'Cum PV'],
  ev: ['EV', 'Earned Value', 'BCWP', 'Cumulative EV', 'Cum EV'],
  ac: ['AC', 'Actual Cost', 'ACWP', 'Cumulative AC', 'Cum AC'],
};

export const DEPENDENCY_HEADERS: Record<DependencyField, string[]> = {
  fromProject: ['From Project', 'Predecessor Project', 'Supplier Project'],
  fromTask: ['From Task', 'Predecessor Task', 'Supplier Task'],
  toProject: ['To Project', 'Successor Project', 'Receiver Project'],
  toTask: ['To Task', 'Successor Task', 'Receiver Task'],
  type: ['Type', 'Link Type', 'Dependency Type'],
  lag: ['Lag', 'Lag Days', 'Lead/Lag'],
  needBy: ['Need By', 'Needed By', 'Need Date', 'Required By'],
  owner: ['Owner'],
  notes: ['Notes', 'Comments'],
};

export const HISTORY_HEADERS: Record<HistoryField, string[]> = {
  rollupAt: ['Roll-up at', 'Rollup At', 'Rolled Up', 'Run At'],
  statusDate: ['Status date', 'As Of'],
  projectId: ['Project ID'],
  projectName: ['Project', 'Project Name'],
  spi: ['SPI'],
  cpi: ['CPI'],
  svtDays: ['SV(t) days', 'SVt Days', 'SV(t)'],
  finishVarianceDays: ['Finish variance (d)', 'Finish Variance', 'Finish Variance Days'],
  riskExposure: ['Risk exposure'],
  health: ['Health', 'RAG'],
};

export const META_LABELS: Record<MetaField, string[]> = {
  name: ['Project', 'Project Name', 'Program', 'Name', 'Project Title', 'Title', 'Projekttitel', 'Titre du projet', 'Título del proyecto', 'Título do projeto', 'Titolo del progetto', 'Projekt', 'Projektname', 'Projet', 'Nom du projet', 'Proyecto', 'Nombre del proyecto', 'Projeto', 'Nome do projeto', 'Progetto', 'Projectnaam', 'プロジェクト名', 'プロジェクト', '项目名称', '项目', '專案名稱'],
  id: ['Project ID', 'Key', 'Code', 'Project Key', 'Project Code', 'ID', 'Projektnummer', 'Projekt-ID', 'Code projet', 'Código del proyecto', 'Código do projeto', 'Codice progetto', 'Projectcode', 'プロジェクトID', '项目编号'],
  manager: ['Manager', 'PM', 'Owner', 'Project Manager', 'Project Owner', 'Projektleiter', 'Projektmanager', 'Chef de projet', 'Jefe de proyecto', 'Gerente del proyecto', 'Gerente do projeto', 'Responsabile di progetto', 'Projectleider', 'プロジェクトマネージャー', '担当者', '项目经理'],
  statusDate: ['Status Date', 'As Of', 'Data Date', 'As Of Date', 'Report Date', 'Stichtag', 'Statusdatum', 'Date d\'état', 'Fecha de estado', 'Data de status', 'Data di stato', 'Statusdatum', '状況報告日', '基準日', '状态日期'],
  budget: ['Budget', 'BAC', 'Project Budget', 'Total Budget', 'Projektbudget', 'Presupuesto', 'Orçamento', 'Budget du projet', '予算', '预算'],
};

export type Lookup<F extends string> = Map<string, F>;

/** Exact names, by normalised key; a plural "s" or its absence matches too (Predecessor / Predecessors). */
export function buildLookup<F extends string>(table: Record<F, string[]>): Lookup<F> {
  const map = new Map<string, F>();
  for (const field of Object.keys(table) as F[]) {
    for (const name of table[field]) {
      const key = normalizeHeader(name);
      if (key === '') continue;
      if (!map.has(key)) map.set(key, field);
    }
  }
  // Plural forms after all exact names, so an exact name always wins over a derived one.
  for (const [key, field] of [...map]) {
    const other = key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : /[a-z]$/.test(key) ? `${key}s` : '';
    if (other !== '' && !map.has(other)) map.set(other, field);
  }
  return map;
}

export const TASK_LOOKUP = buildLookup(TASK_HEADERS);
/** Position of each exact task name in its field's list: of two columns both named exactly, the earlier name wins. */
const TASK_RANK = new Map<string, number>();
for (const names of Object.values(TASK_HEADERS) as string[][]) names.forEach((n, i) => {
  const key = normalizeHeader(n);
  if (!TASK_RANK.has(key)) TASK_RANK.set(key, i);
});
export const RISK_LOOKUP = buildLookup(RISK_HEADERS);
export const EVM_LOOKUP = buildLookup(EVM_HEADERS);
export const RAID_LOOKUP = buildLookup(RAID_HEADERS);
/** Normalised title heading -> the kind of log it names ("Action Item" -> action). */
export const RAID_KIND_LOOKUP = buildLookup(RAID_KIND_TITLES);
export const DEPENDENCY_LOOKUP = buildLookup(DEPENDENCY_HEADERS);
export const HISTORY_LOOKUP = buildLookup(HISTORY_HEADERS);
export const META_LOOKUP = buildLookup(META_LABELS);

/** Field -> zero-based column within the grid, for one header row. */
export type ColumnMap<F extends string> = Partial<Record<F, number>>;

/** Exact-name match of one row; the first column wins a repeated name. */
export function matchRow<F extends string>(row: readonly CellValue[], lookup: Lookup<F>): { cols: ColumnMap<F>; count: number } {
  const cols: ColumnMap<F> = {};
  let count = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v.length > 60) continue;
    const field = lookup.get(normalizeHeader(v));
    if (field !== undefined && cols[field] === undefined) {
      cols[field] = c;
      count++;
    }
  }
  return { cols, count };
}

/** What a task heading names: the field, and how sure (2 = an exact name, 1 = a keyword rule). */
export interface HeadingMatch {
  field: TaskField | 'ignore';
  strength: 1 | 2;
  /** Among exact names, the position of the name in its field's list (lower = more usual); 999 for keywords. */
  rank: number;
}

/** Longest heading considered: a cell longer than this is a title or a note, not a column heading. */
export const MAX_HEADING_LENGTH = 60;

/** Headings with a date word: baseline/actual/forecast by qualifier, start/finish by the date word. */
function dateField(loose: string): TaskField | null {
  const isStart = DATE_WORDS.start.test(loose);
  const isFinish = DATE_WORDS.finish.test(loose);
  if (isStart === isFinish) return null;
  if (DATE_WORDS.actual.test(loose)) return isStart ? 'actualStart' : 'actualFinish';
  if (DATE_WORDS.baseline.test(loose)) return isStart ? 'baselineStart' : 'baselineFinish';
  return isStart ? 'start' : 'finish';
}

/**
 * Classifies one task heading. Exact names first; then dates (a heading with a start or finish word and no
 * other meaning), then the keyword rules in order. Null when the heading names nothing we read.
 */
export function classifyTaskHeading(text: string): HeadingMatch | null {
  if (text.length > MAX_HEADING_LENGTH) return null;
  // Every sheet of a workbook repeats its headings: each spelling is classified once.
  return memo(HEADING_CACHE, HEADING_CACHE_MAX, text, classifyUncached);
}

const HEADING_CACHE = new Map<string, HeadingMatch | null>();
const HEADING_CACHE_MAX = 20_000;

function classifyUncached(text: string): HeadingMatch | null {
  const key = normalizeHeader(text);
  if (key === '') return null;
  const exact = TASK_LOOKUP.get(key);
  if (exact !== undefined) return { field: exact, strength: 2, rank: TASK_RANK.get(key) ?? 500 };
  const loose = looseHeader(text);
  // Predecessor, percent and cost rules come before dates: "Dependencies (finish)" is still a predecessor.
  for (const rule of TASK_KEYWORD_RULES) {
    if (rule.field === 'name' || rule.field === 'owner' || rule.field === 'notes' || rule.field === 'status' || rule.field === 'milestone') break;
    if (rule.test.test(loose)) return { field: rule.field, strength: 1, rank: 999 };
  }
  const date = dateField(loose);
  if (date !== null) return { field: date, strength: 1, rank: 999 };
  let past = false;
  for (const rule of TASK_KEYWORD_RULES) {
    if (rule.field === 'owner') past = true;
    if (past && rule.test.test(loose)) return { field: rule.field, strength: 1, rank: 999 };
  }
  return null;
}

/**
 * Task header of one row, by heading alone (no look at the data below): the first column for each field.
 * "Milestone" names the task column only when no other column does; otherwise it is the flag.
 */
export function matchTaskRow(row: readonly CellValue[]): ColumnMap<TaskField> {
  const cols: ColumnMap<TaskField> = {};
  const strength: Partial<Record<TaskField, number>> = {};
  let milestoneCol: number | undefined;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string') continue;
    if (normalizeHeader(v) === 'milestone') {
      if (milestoneCol === undefined) milestoneCol = c;
      continue;
    }
    const m = classifyTaskHeading(v);
    if (m === null || m.field === 'ignore') continue;
    if (cols[m.field] === undefined || m.strength > (strength[m.field] ?? 0)) {
      cols[m.field] = c;
      strength[m.field] = m.strength;
    }
  }
  if (milestoneCol !== undefined) {
    if (cols.name === undefined) cols.name = milestoneCol;
    else if (cols.milestone === undefined) cols.milestone = milestoneCol;
  }
  return cols;
}

export function hasDateColumn(cols: ColumnMap<TaskField>): boolean {
  return (['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish'] as const).some((f) => cols[f] !== undefined);
}
