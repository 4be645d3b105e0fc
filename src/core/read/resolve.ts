/**
 * Cross-sheet resolution, once every project is known: a predecessor or register entry may name a project
 * by its ID or by its sheet name (any case); unknown projects and tasks, and links to the task itself,
 * become issues and are left out of the model so analysis only ever sees links that exist.
 */
import type { RollupIssue } from '../issues';
import { issue } from '../issues';
import type { CellRef, LinkRef, Project, RegisterDependency, Task } from '../model';
import type { ParsedLink } from './predecessors';
import type { PendingLink } from './tasks';

export interface ProjectIndex {
  find(name: string): Project | undefined;
  hasTask(project: Project, taskId: string): boolean;
  /** The task ID as the project spells it (IDs match ignoring case). */
  taskId(project: Project, taskId: string): string;
  /** The task ID as the project spells it, or undefined when it has no such task: hasTask and taskId in one lookup. */
  findTask(project: Project, taskId: string): string | undefined;
}

/** A task ID as a task list spells it, or undefined when the list has no such task. */
export type TaskIdLookup = (taskId: string) => string | undefined;

/**
 * IDs match ignoring case. Exact IDs are tried first (the common case, no string work); the case-folded map
 * is built only on the first miss. `exact` lets a caller that already holds the IDs (the task table's own
 * map) skip building the set again.
 */
export function taskIdLookup(tasks: readonly Task[], exact?: ReadonlySet<string> | ReadonlyMap<string, unknown>): TaskIdLookup {
  let ids = exact ?? TASK_IDS.get(tasks);
  let folded: Map<string, string> | undefined;
  return (taskId) => {
    ids ??= idSet(tasks);
    if (ids.has(taskId)) return taskId;
    folded ??= new Map(tasks.map((t) => [t.id.toLowerCase(), t.id]));
    return folded.get(taskId.trim().toLowerCase());
  };
}

/**
 * A task table's own map of its IDs, kept with the task list it holds exactly (see rememberTaskIds): the
 * cross-sheet lookups of resolveLinks then build no set of their own, one per project.
 */
const TASK_IDS = new WeakMap<readonly Task[], ReadonlySet<string> | ReadonlyMap<string, unknown>>();

/** Records that `ids` holds exactly the IDs of `tasks` (the list must not change until forgetTaskIds). */
export function rememberTaskIds(tasks: readonly Task[], ids: ReadonlySet<string> | ReadonlyMap<string, unknown>): void {
  TASK_IDS.set(tasks, ids);
}

/** Drops the tables' maps once links are resolved: the model does not keep them. */
export function forgetTaskIds(projects: readonly Project[]): void {
  for (const p of projects) TASK_IDS.delete(p.tasks);
}

function idSet(tasks: readonly Task[]): Set<string> {
  const ids = new Set<string>();
  for (const t of tasks) ids.add(t.id);
  return ids;
}

export function indexProjects(projects: readonly Project[]): ProjectIndex {
  const byName = new Map<string, Project>();
  // IDs win over sheet names when both could match.
  for (const p of projects) byName.set(p.sheet.trim().toLowerCase(), p);
  for (const p of projects) byName.set(p.id.trim().toLowerCase(), p);
  const lookups = new Map<Project, TaskIdLookup>();
  const lookup = (p: Project, taskId: string): string | undefined => {
    let find = lookups.get(p);
    if (!find) {
      find = taskIdLookup(p.tasks);
      lookups.set(p, find);
    }
    return find(taskId);
  };
  return {
    find: (name) => byName.get(name.trim().toLowerCase()),
    hasTask: (project, taskId) => lookup(project, taskId) !== undefined,
    taskId: (project, taskId) => lookup(project, taskId) ?? taskId,
    findTask: lookup,
  };
}

function linkRef(project: string, task: string, link: ParsedLink, source: CellRef): LinkRef {
  return { project, task, type: link.type, lag: link.lag, lagUnit: link.lagUnit, text: link.text, source };
}

/**
 * A task's links in model form, settled while its sheet is being read, when every one names a task of the
 * same sheet and resolves without an issue (nearly always); null otherwise, and the links then wait, as
 * written, for resolveLinks once every project is known. A task is settled whole or not at all, so its links
 * keep their order; settling raises no issue, so the issues resolveLinks raises come out exactly as if
 * nothing had been settled. This spares carrying a pending record for nearly every task to the end of the read.
 */
export function settleOwnLinks(projectId: string, taskId: string, links: readonly ParsedLink[], sheet: string, cell: string, findTask: TaskIdLookup): LinkRef[] | null {
  const own = (link: ParsedLink): LinkRef | null => (link.project === null ? ownLink(projectId, taskId, link.task, link, link.text, sheet, cell, findTask) : null);
  // The usual single link: an array literal, which V8 sizes exactly and pretenures like the record in it.
  if (links.length === 1) {
    const only = own(links[0]);
    return only === null ? null : [only];
  }
  const refs = links.map(own);
  return refs.every((ref): ref is LinkRef => ref !== null) ? refs : null;
}

/** How a link ties two tasks: the part of a parsed link that a LinkRef carries over unchanged. */
export type LinkKind = Pick<ParsedLink, 'type' | 'lag' | 'lagUnit'>;

/**
 * Task `taskId`'s link, written `text`, to task `target` of its own project, in model form; null when the
 * project has no such task (so far) or the task names itself, which resolveLinks reports.
 */
export function ownLink(projectId: string, taskId: string, target: string, kind: LinkKind, text: string, sheet: string, cell: string, findTask: TaskIdLookup): LinkRef | null {
  const id = findTask(target);
  if (id === undefined || id === taskId) return null;
  return {
    project: projectId, task: id, type: kind.type, lag: kind.lag, lagUnit: kind.lagUnit, text,
    // A literal within the literal (not a shared CellRef): V8 tracks such allocation sites and, as these
    // records live as long as the model, places them straight in the old generation instead of copying
    // them there through the young one.
    source: { sheet, cell },
  };
}

export function resolveLinks(projects: readonly Project[], pending: readonly PendingLink[], issues: RollupIssue[], index: ProjectIndex = indexProjects(projects)): void {
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const { task, links, source } of pending) for (const link of links) {
    const own = byId.get(task.projectId);
    const target = link.project === null ? own : index.find(link.project);
    if (!target) {
      issues.push(issue('error', 'PREDECESSOR_UNKNOWN_PROJECT', source.sheet, source.cell,
        `Predecessor "${link.text}" of task "${task.id}" names project "${link.project ?? ''}", which is not a project ID or sheet in this workbook. Check the spelling.`));
      continue;
    }
    const taskId = index.findTask(target, link.task);
    // A link to a summary row (phase) is a link to each of its tasks, as in MS Project.
    const phase = taskId === undefined ? target.phases?.find((p) => p.id.toLowerCase() === link.task.trim().toLowerCase()) : undefined;
    if (phase !== undefined) {
      for (const id of phase.taskIds) if (!(target.id === task.projectId && id === task.id)) task.predecessors.push(linkRef(target.id, id, link, source));
      continue;
    }
    if (taskId === undefined) {
      issues.push(issue('error', 'PREDECESSOR_UNKNOWN_TASK', source.sheet, source.cell,
        `Predecessor "${link.text}" of task "${task.id}" names task "${link.task}", which project "${target.id}" does not have. Check the task ID.`));
      continue;
    }
    if (target.id === task.projectId && taskId === task.id) {
      issues.push(issue('error', 'PREDECESSOR_SELF', source.sheet, source.cell, `Task "${task.id}" lists itself as a predecessor; the link is ignored. Remove it.`));
      continue;
    }
    task.predecessors.push(linkRef(target.id, taskId, link, source));
  }
}

export function resolveRegister(projects: readonly Project[], rows: readonly RegisterDependency[], issues: RollupIssue[], index: ProjectIndex = indexProjects(projects)): RegisterDependency[] {
  const out: RegisterDependency[] = [];
  for (const row of rows) {
    const from = index.find(row.fromProject);
    const to = index.find(row.toProject);
    const unknownProject = !from ? row.fromProject : !to ? row.toProject : null;
    if (unknownProject !== null || !from || !to) {
      issues.push(issue('error', 'DEPENDENCY_UNKNOWN_PROJECT', row.source.sheet, row.source.cell,
        `Dependency names project "${unknownProject ?? ''}", which is not a project ID or sheet in this workbook. Check the spelling.`));
      continue;
    }
    const missing = !index.hasTask(from, row.fromTask) ? { p: from, t: row.fromTask } : !index.hasTask(to, row.toTask) ? { p: to, t: row.toTask } : null;
    if (missing) {
      issues.push(issue('error', 'DEPENDENCY_UNKNOWN_TASK', row.source.sheet, row.source.cell,
        `Dependency names task "${missing.t}", which project "${missing.p.id}" does not have. Check the task ID.`));
      continue;
    }
    if (from === to && index.taskId(from, row.fromTask) === index.taskId(to, row.toTask)) {
      issues.push(issue('error', 'DEPENDENCY_SELF', row.source.sheet, row.source.cell, `Dependency links task "${row.fromTask}" to itself; it is ignored.`));
      continue;
    }
    out.push({ ...row, fromProject: from.id, fromTask: index.taskId(from, row.fromTask), toProject: to.id, toTask: index.taskId(to, row.toTask) });
  }
  return out;
}
