/**
 * Cross-sheet resolution, once every project is known: a predecessor or register entry may name a project
 * by its ID or by its sheet name (any case); unknown projects and tasks, and links to the task itself,
 * become issues and are left out of the model so analysis only ever sees links that exist.
 */
import type { RollupIssue } from '../issues';
import { issue } from '../issues';
import type { Project, RegisterDependency } from '../model';
import type { PendingLink } from './tasks';

export interface ProjectIndex {
  find(name: string): Project | undefined;
  hasTask(project: Project, taskId: string): boolean;
  /** The task ID as the project spells it (IDs match ignoring case). */
  taskId(project: Project, taskId: string): string;
}

export function indexProjects(projects: readonly Project[]): ProjectIndex {
  const byName = new Map<string, Project>();
  // IDs win over sheet names when both could match.
  for (const p of projects) byName.set(p.sheet.trim().toLowerCase(), p);
  for (const p of projects) byName.set(p.id.trim().toLowerCase(), p);
  // Exact IDs first (the common case, no string work); a case-insensitive map is built only on a miss.
  const exact = new Map<Project, Set<string>>();
  const folded = new Map<Project, Map<string, string>>();
  const exactOf = (p: Project): Set<string> => {
    let set = exact.get(p);
    if (!set) {
      set = new Set(p.tasks.map((t) => t.id));
      exact.set(p, set);
    }
    return set;
  };
  const lookup = (p: Project, taskId: string): string | undefined => {
    if (exactOf(p).has(taskId)) return taskId;
    let map = folded.get(p);
    if (!map) {
      map = new Map(p.tasks.map((t) => [t.id.toLowerCase(), t.id]));
      folded.set(p, map);
    }
    return map.get(taskId.trim().toLowerCase());
  };
  return {
    find: (name) => byName.get(name.trim().toLowerCase()),
    hasTask: (project, taskId) => lookup(project, taskId) !== undefined,
    taskId: (project, taskId) => lookup(project, taskId) ?? taskId,
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
    const taskId = index.hasTask(target, link.task) ? index.taskId(target, link.task) : null;
    if (taskId === null) {
      issues.push(issue('error', 'PREDECESSOR_UNKNOWN_TASK', source.sheet, source.cell,
        `Predecessor "${link.text}" of task "${task.id}" names task "${link.task}", which project "${target.id}" does not have. Check the task ID.`));
      continue;
    }
    if (target.id === task.projectId && taskId === task.id) {
      issues.push(issue('error', 'PREDECESSOR_SELF', source.sheet, source.cell, `Task "${task.id}" lists itself as a predecessor; the link is ignored. Remove it.`));
      continue;
    }
    task.predecessors.push({ project: target.id, task: taskId, type: link.type, lag: link.lag, lagUnit: link.lagUnit, text: link.text, source });
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
