/**
 * A read-only view of the scheduled network for the analyses that come after it (benefits, shared people):
 * task lookup by "PROJ:ID" (project IDs matched ignoring case, as people type them), each task's PM's own
 * dates and its propagated forecast as serials, and the chain of links that pushed it.
 */
import type { WorkCalendar } from '../calendar';
import type { Task } from '../model';
import type { NetworkResult } from './network';

const MAX_CHAIN = 200;

export class ScheduleView {
  private readonly projects = new Map<string, string>();

  constructor(
    readonly tasks: readonly Task[],
    private readonly find: (projectId: string, taskId: string) => number | undefined,
    private readonly net: NetworkResult,
    private readonly eFrom: Int32Array,
    readonly cal: WorkCalendar,
  ) {
    let last = '';
    // An index loop: this runs once, mostly before V8 optimizes it, where for-of allocates a result per task.
    for (let i = 0; i < tasks.length; i++) {
      const id = tasks[i].projectId;
      if (id === last) continue;
      last = id;
      const k = id.toLowerCase();
      if (!this.projects.has(k)) this.projects.set(k, id);
    }
  }

  /** The project ID as the program spells it, or undefined when no project has it. */
  project(id: string): string | undefined {
    return this.projects.get(id.trim().toLowerCase());
  }

  /** Node index of a task, or undefined. */
  node(projectId: string, taskId: string): number | undefined {
    const p = this.project(projectId);
    return p === undefined ? undefined : this.find(p, taskId.trim());
  }

  /**
   * Working-day ordinals (see WorkCalendar.ordinal; NaN = no dates) of the forecast and the PM's own dates:
   * per-week load is integer arithmetic on these, with no date conversion per task.
   */
  get forecastStartOrd(): Float64Array {
    return this.net.es;
  }

  get forecastFinishOrd(): Float64Array {
    return this.net.ef;
  }

  get ownStartOrd(): Float64Array {
    return this.net.ownStart;
  }

  get ownFinishOrd(): Float64Array {
    return this.net.ownFinish;
  }

  private serial(ord: number): number | null {
    return Number.isNaN(ord) ? null : this.cal.fromOrdinal(ord);
  }

  forecastStart(i: number): number | null {
    return this.serial(this.net.es[i]);
  }

  forecastFinish(i: number): number | null {
    return this.serial(this.net.ef[i]);
  }

  /** The PM's own (un-pushed) dates: actual, else forecast, else baseline, as the network read them. */
  ownStart(i: number): number | null {
    return this.serial(this.net.ownStart[i]);
  }

  ownFinish(i: number): number | null {
    return this.serial(this.net.ownFinish[i]);
  }

  pushed(i: number): boolean {
    return this.net.pushed[i] === 1;
  }

  /** The node where node i's push chain starts (i itself when nothing pushed it); allocates nothing. */
  origin(i: number): number {
    let v = i;
    for (let k = 0; k < MAX_CHAIN; k++) {
      const d = this.net.driver[v];
      if (d === -1) break;
      v = this.eFrom[d];
    }
    return v;
  }

  /**
   * Node indices of the push chain, earliest first, ending at node i (just [i] when nothing pushed it);
   * at most `max` nodes, the nearest ones, so long same-project chains cost little where only the cause matters.
   */
  chain(i: number, max = MAX_CHAIN): number[] {
    const out: number[] = [];
    let v = i;
    while (v !== -1 && out.length < max) {
      out.push(v);
      const d = this.net.driver[v];
      v = d === -1 ? -1 : this.eFrom[d];
    }
    return out.reverse();
  }
}
