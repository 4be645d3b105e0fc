/**
 * The program's tasks as network nodes: a program-wide ID index, and nodes and edges in flat arrays built
 * straight from the projects' predecessor cells and the Dependencies register.
 */
import type { RollupIssue } from '../issues';
import { issue } from '../issues';
import type { LinkRef, ProgramModel, RegisterDependency, Task } from '../model';
import type { FlatNetwork } from './network';
import { linkKind } from './network';
import { isFinished } from './project-evm';

/** Where an edge came from: the predecessor cell's link, or the Dependencies register row. */
export type EdgeOrigin = LinkRef | RegisterDependency;
export const isRegister = (o: EdgeOrigin): o is RegisterDependency => 'fromProject' in o;

/** Program-wide task lookup: project ID, then task ID, without building a "PROJECT:TASK" string per link. */
export class ProgramIndex {
  readonly byProject = new Map<string, TaskIds>();
  /**
   * By the model's project order: whether the project's tasks alone fill the table of its ID (each task
   * carries the project's ID and no other project shares it), so find(p.id, id) is p's first row with that ID.
   */
  readonly sole: boolean[] = [];
  // Links mostly name the same project as the previous link: remember the last project's table.
  private lastProject: string | null = null;
  private lastIds: TaskIds | undefined;

  find(projectId: string, taskId: string): number | undefined {
    if (projectId !== this.lastProject) {
      this.lastProject = projectId;
      this.lastIds = this.byProject.get(projectId);
    }
    return this.lastIds?.get(taskId);
  }

  /**
   * Whether find(projectId, id) answers from the rows of the model's project `pi` alone (its first row with
   * that ID, or none), so a project's own lookups can go through the index instead of a table of their own.
   */
  ownRows(pi: number, projectId: string): boolean {
    const ids = this.byProject.get(projectId);
    return this.sole[pi] && (ids === undefined || ids.owner === pi);
  }

  /** Lookup by program-wide key "PROJECT:TASK". */
  get(key: string): number | undefined {
    const c = key.indexOf(':');
    return c < 0 ? undefined : this.find(key.slice(0, c), key.slice(c + 1));
  }
}

/** The tasks as network nodes (first row of a duplicated ID only), with each project's row -> node map. */
export function indexTasks(model: ProgramModel, issues: RollupIssue[]): { tasks: Task[]; rowIndex: Int32Array[]; index: ProgramIndex } {
  const tasks: Task[] = [];
  const index = new ProgramIndex();
  const byProject = index.byProject;
  /** Global node index of each project's task rows (-1 for a duplicate row). */
  const rowIndex: Int32Array[] = [];
  const sole = index.sole;
  for (let pi = 0; pi < model.projects.length; pi++) {
    const p = model.projects[pi];
    sole.push(true);
    const rows = new Int32Array(p.tasks.length).fill(-1);
    const list = p.tasks;
    // Consecutive tasks carry the same project ID: look its table up only when the ID changes.
    let idsFor: string | null = null;
    let ids: TaskIds | undefined;
    for (let k = 0; k < list.length; k++) {
      const t = list[k];
      if (ids === undefined || t.projectId !== idsFor) {
        idsFor = t.projectId;
        ids = byProject.get(t.projectId);
        if (!ids) {
          ids = new TaskIds(list.length, pi);
          byProject.set(t.projectId, ids);
        } else if (ids.owner !== pi) {
          sole[pi] = false;
          sole[ids.owner] = false;
        }
        if (t.projectId !== p.id) sole[pi] = false;
      }
      if (ids.get(t.id) !== undefined) {
        issues.push(issue('warning', 'TASK_KEY_DUPLICATE', t.source.sheet, t.source.cell,
          `Task ID ${t.id} appears more than once in project ${t.projectId}; links to it use the first row.`));
        continue;
      }
      ids.set(t.id, tasks.length);
      rows[k] = tasks.length;
      tasks.push(t);
    }
    rowIndex.push(rows);
  }
  return { tasks, rowIndex, index };
}

/**
 * Nodes and edges straight into flat arrays (see FlatNetwork): no object per task or per link. Also lists
 * the hand-off candidates in edge order: cross-project predecessor links and every register row.
 */
export function buildNetwork(
  model: ProgramModel, tasks: Task[], index: ProgramIndex, issues: RollupIssue[],
): { g: FlatNetwork; handoffEdges: number[]; handoffOrigins: EdgeOrigin[] } {
  const n = tasks.length;
  let linkCount = model.dependencies.length;
  for (let i = 0; i < n; i++) linkCount += tasks[i].predecessors.length;
  const g: FlatNetwork = {
    start: new Float64Array(n), finish: new Float64Array(n), fixed: new Uint8Array(n), started: new Uint8Array(n),
    eFrom: new Int32Array(linkCount), eTo: new Int32Array(linkCount), eKind: new Uint8Array(linkCount),
    eLag: new Float64Array(linkCount), eElapsed: new Uint8Array(linkCount),
  };
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    const fixed = isFinished(t);
    const start = t.actualStart ?? t.start ?? t.baselineStart;
    const finish = fixed ? (t.actualFinish ?? t.finish ?? t.baselineFinish) : (t.finish ?? t.baselineFinish);
    // Sanitized dates are finite or null, so NaN can stand for null.
    g.start[i] = start ?? NaN;
    g.finish[i] = finish ?? NaN;
    g.fixed[i] = fixed ? 1 : 0;
    g.started[i] = t.actualStart !== null ? 1 : 0;
  }
  const handoffEdges: number[] = [];
  const handoffOrigins: EdgeOrigin[] = [];
  let m = 0;
  const addEdge = (from: number, to: number, o: EdgeOrigin): void => {
    g.eFrom[m] = from;
    g.eTo[m] = to;
    g.eKind[m] = linkKind(o.type);
    g.eLag[m] = o.lag;
    g.eElapsed[m] = o.lagUnit === 'elapsed' ? 1 : 0;
    m++;
  };
  for (let ti = 0; ti < n; ti++) {
    const t = tasks[ti];
    const preds = t.predecessors;
    for (let j = 0; j < preds.length; j++) {
      const link = preds[j];
      const from = index.find(link.project, link.task);
      if (from === undefined) {
        issues.push(issue('warning', 'LINK_TARGET_MISSING', link.source.sheet, link.source.cell,
          `Predecessor "${link.text}" of task ${t.key} names a task that does not exist (${link.project}:${link.task}); the link is ignored.`));
        continue;
      }
      if (tasks[from].projectId !== t.projectId) {
        handoffEdges.push(m);
        handoffOrigins.push(link);
      }
      addEdge(from, ti, link);
    }
  }
  for (const reg of model.dependencies) {
    const from = index.find(reg.fromProject, reg.fromTask);
    const to = index.find(reg.toProject, reg.toTask);
    if (from === undefined || to === undefined) {
      const missing = from === undefined ? `${reg.fromProject}:${reg.fromTask}` : `${reg.toProject}:${reg.toTask}`;
      issues.push(issue('warning', 'LINK_TARGET_MISSING', reg.source.sheet, reg.source.cell,
        `The Dependencies row names task ${missing}, which does not exist; the hand-off is ignored.`));
      continue;
    }
    handoffEdges.push(m);
    handoffOrigins.push(reg);
    addEdge(from, to, reg);
  }
  if (m < linkCount) {
    g.eFrom = g.eFrom.subarray(0, m);
    g.eTo = g.eTo.subarray(0, m);
    g.eKind = g.eKind.subarray(0, m);
    g.eLag = g.eLag.subarray(0, m);
    g.eElapsed = g.eElapsed.subarray(0, m);
  }
  return { g, handoffEdges, handoffOrigins };
}

/** Parses a canonical whole number below cap ("0", "17"; not "017", "1.0", "+1", " 1"), else -1. */
function smallId(s: string, cap: number): number {
  const len = s.length;
  if (len === 0 || len > 9 || (len > 1 && s.charCodeAt(0) === 48)) return -1;
  let v = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v < cap ? v : -1;
}

/**
 * One project's task IDs -> node index, answering exactly as a Map<string, number> would. Task IDs are
 * nearly always row numbers ("1" … "2000"): those index a typed array (parsed from char codes), which spares
 * hashing a fresh string per link on 300k-link programs. Only canonical numbers go to the array, and each
 * has one spelling, so any other ID ("007", "A1", "1.5", huge numbers) lives in the Map without clashing.
 */
class TaskIds {
  private readonly cap: number;
  /** Node index + 1 per numeric ID (0 = absent). */
  private readonly nums: Int32Array;
  private readonly other = new Map<string, number>();

  /** Position of the project that made the table. */
  readonly owner: number;

  constructor(taskCount: number, owner: number) {
    this.owner = owner;
    this.cap = 2 * taskCount + 64;
    this.nums = new Int32Array(this.cap);
  }

  get(id: string): number | undefined {
    const k = smallId(id, this.cap);
    if (k < 0) return this.other.get(id);
    const v = this.nums[k];
    return v === 0 ? undefined : v - 1;
  }

  set(id: string, node: number): void {
    const k = smallId(id, this.cap);
    if (k < 0) this.other.set(id, node);
    else this.nums[k] = node + 1;
  }
}
