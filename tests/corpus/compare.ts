/**
 * Compares what the reader made of a corpus workbook with its hand-written truth, check by check. Each check
 * has a stable name ("Project Plan: task 7") so tests/corpus/known-gaps.ts can list the ones that fail today,
 * and a detail that says exactly what differs, so a failing check tells the reader's author what to fix.
 */
import { readFileSync } from 'node:fs';
import type { ProgramModel, Project, Task } from '../../src/core/model';
import { serialToIso } from '../../src/core/calendar';

export interface TruthTask {
  /** Task ID as the sheet gives it (an ID or WBS column); the key when present. */
  id?: string;
  /** 1-based worksheet row; the key when the sheet has no IDs and names repeat. */
  row?: number;
  /** Task name as written (trimmed); the key when neither id nor row is given. */
  name?: string;
  start?: string | null;
  finish?: string | null;
  baselineStart?: string | null;
  baselineFinish?: string | null;
  actualStart?: string | null;
  actualFinish?: string | null;
  /** 0..1. */
  percent?: number | null;
  milestone?: boolean;
  /** Predecessors in the project's `linkKey` terms (IDs or names), any order. */
  predecessors?: string[];
}

export interface TruthProject {
  sheet: string;
  /** The project's name when the sheet states one (a title cell); omitted when it does not. */
  name?: string;
  /** Task rows that are not summary (phase) rows, milestones included. */
  leafTasks: number;
  /** Summary (phase) rows; null when the sheet does not settle it (see notes). */
  summaries: number | null;
  /** Zero-duration tasks or tasks flagged as milestones; null when the sheet does not settle it. */
  milestones: number | null;
  /** Predecessor references written on the sheet, one per (task, predecessor). */
  links: number;
  risks?: number;
  /** How predecessors are given in `tasks[].predecessors`: the predecessor's ID or its name. */
  linkKey?: 'id' | 'name';
  /**
   * True when the sheet has one pair of plan dates and either reading is right: the truth's start/finish may
   * then match the task's forecast or its baseline.
   */
  eitherDates?: boolean;
  tasks: TruthTask[];
  notes?: string[];
}

export interface Truth {
  file: string;
  projectCount: number;
  projects: TruthProject[];
  /** Sheets that must not become projects. */
  skip: string[];
  notes?: string[];
}

export interface CheckResult {
  name: string;
  pass: boolean;
  /** What differs ("finish: expected 2026-03-05, read 2026-05-03"), or "" when it passes. */
  detail: string;
  /** The check this one cannot be evaluated without ("<sheet>: read"), if any. */
  dependsOn?: string;
}

export function loadTruth(path: string): Truth {
  return JSON.parse(readFileSync(path, 'utf8')) as Truth;
}

const iso = (serial: number | null): string | null => (serial === null ? null : serialToIso(Math.floor(serial)));
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

function taskKey(t: TruthTask): string {
  if (t.id !== undefined) return t.id;
  if (t.row !== undefined) return `row ${t.row}`;
  return t.name ?? '?';
}

function findTask(project: Project, t: TruthTask): Task | undefined {
  if (t.id !== undefined) return project.tasks.find((m) => m.id === t.id);
  if (t.row !== undefined) return project.tasks.find((m) => m.row === t.row);
  const want = norm(t.name ?? '');
  return project.tasks.find((m) => norm(m.name) === want);
}

/**
 * The project read from the truth's sheet. A sheet holding several projects (a tracker) is matched by project
 * name, strictly: falling back to another project of the sheet would let one read project pass for all of them.
 */
function findProject(model: ProgramModel, truth: TruthProject, shared: boolean): Project | undefined {
  const onSheet = model.projects.filter((p) => p.sheet === truth.sheet);
  if (shared) return onSheet.find((p) => norm(p.name) === norm(truth.name ?? ''));
  if (onSheet.length <= 1 || truth.name === undefined) return onSheet[0];
  return onSheet.find((p) => norm(p.name) === norm(truth.name ?? '')) ?? onSheet[0];
}

type DateField = 'start' | 'finish' | 'baselineStart' | 'baselineFinish' | 'actualStart' | 'actualFinish';
const DATE_FIELDS: DateField[] = ['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish'];

function compareTask(project: Project, truth: TruthProject, t: TruthTask, m: Task): string[] {
  const diffs: string[] = [];
  if (t.name !== undefined && (t.id !== undefined || t.row !== undefined) && norm(m.name) !== norm(t.name)) {
    diffs.push(`name: expected "${t.name}", read "${m.name}"`);
  }
  for (const f of DATE_FIELDS) {
    const want = t[f];
    if (want === undefined) continue;
    const got = iso(m[f]);
    const alt = truth.eitherDates && (f === 'start' || f === 'finish') ? iso(f === 'start' ? m.baselineStart : m.baselineFinish) : undefined;
    if (got !== want && alt !== want) diffs.push(`${f}: expected ${want}, read ${got}${alt !== undefined ? ` (baseline ${alt})` : ''}`);
  }
  if (t.percent !== undefined) {
    const got = m.percentComplete;
    const same = t.percent === null ? got === null : got !== null && Math.abs(got - t.percent) < 0.005;
    if (!same) diffs.push(`percent: expected ${t.percent}, read ${got}`);
  }
  if (t.milestone !== undefined && m.isMilestone !== t.milestone) diffs.push(`milestone: expected ${t.milestone}, read ${m.isMilestone}`);
  if (t.predecessors !== undefined) {
    const byName = truth.linkKey === 'name';
    const got = m.predecessors
      .map((l) => {
        if (!byName) return l.task;
        const target = project.tasks.find((x) => x.id === l.task);
        return target ? target.name.trim() : `?${l.task}`;
      })
      .sort();
    const want = [...t.predecessors].sort();
    if (JSON.stringify(got.map(norm)) !== JSON.stringify(want.map(norm))) {
      diffs.push(`predecessors: expected [${want.join(', ')}], read [${got.join(', ')}]`);
    }
  }
  return diffs;
}

function check(name: string, pass: boolean, detail: string, dependsOn?: string): CheckResult {
  return { name, pass, detail: pass ? '' : detail, ...(dependsOn ? { dependsOn } : {}) };
}

function countCheck(name: string, want: number, got: number, dependsOn: string, what: string): CheckResult {
  return check(name, want === got, `expected ${want} ${what}, read ${got}`, dependsOn);
}

/** Every check of one workbook, in a stable order. */
export function compare(model: ProgramModel, truth: Truth): CheckResult[] {
  const out: CheckResult[] = [];
  const sheets = model.projects.map((p) => `${p.sheet} (${p.tasks.length} tasks)`).join(', ') || 'none';
  out.push(check('projects', model.projects.length === truth.projectCount, `expected ${truth.projectCount} projects, read ${model.projects.length}: ${sheets}`));
  for (const sheet of truth.skip) {
    const p = model.projects.find((x) => x.sheet === sheet);
    out.push(check(`skip ${sheet}`, !p, `sheet "${sheet}" must not be a project, read as "${p?.name}" with ${p?.tasks.length} tasks`));
  }
  for (const tp of truth.projects) {
    // Check names start with the sheet, or "sheet / project" when the sheet holds several projects.
    const shared = truth.projects.filter((x) => x.sheet === tp.sheet).length > 1;
    const label = shared ? `${tp.sheet} / ${tp.name ?? '?'}` : tp.sheet;
    const readName = `${label}: read`;
    const project = findProject(model, tp, shared);
    const skipped = model.skipped.find((s) => s.sheet === tp.sheet);
    const what = shared ? `no project named "${tp.name}" read from "${tp.sheet}" (read: ${model.projects.filter((p) => p.sheet === tp.sheet).map((p) => `"${p.name}"`).join(', ') || 'none'})` : `no project read from "${tp.sheet}"`;
    out.push(check(readName, project !== undefined, `${what}${skipped ? `; skipped: ${skipped.reason}` : ''}`));
    if (!project) continue;
    if (tp.name !== undefined) {
      out.push(check(`${label}: name`, norm(project.name) === norm(tp.name), `expected "${tp.name}", read "${project.name}"`, readName));
    }
    out.push(countCheck(`${label}: leaf tasks`, tp.leafTasks, project.tasks.length, readName, 'leaf tasks'));
    if (tp.summaries !== null) out.push(countCheck(`${label}: summaries`, tp.summaries, project.phases?.length ?? 0, readName, 'summary rows'));
    if (tp.milestones !== null) {
      out.push(countCheck(`${label}: milestones`, tp.milestones, project.tasks.filter((t) => t.isMilestone).length, readName, 'milestones'));
    }
    const links = project.tasks.reduce((n, t) => n + t.predecessors.length, 0);
    out.push(countCheck(`${label}: links`, tp.links, links, readName, 'links'));
    if (tp.risks !== undefined) out.push(countCheck(`${label}: risks`, tp.risks, project.risks.length, readName, 'risks'));
    for (const t of tp.tasks) {
      const name = `${label}: task ${taskKey(t)}`;
      const m = findTask(project, t);
      if (!m) {
        const near = project.tasks.slice(0, 5).map((x) => `${x.id}=${JSON.stringify(x.name)}`).join(', ');
        out.push(check(name, false, `not found (first tasks read: ${near})`, readName));
        continue;
      }
      const diffs = compareTask(project, tp, t, m);
      out.push(check(name, diffs.length === 0, diffs.join('; '), readName));
    }
  }
  return out;
}
