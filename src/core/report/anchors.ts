/**
 * Keys and look-ups for the plan's anchors (see PlanAnchors in plan.ts). The same link can be listed twice
 * (a PM's Predecessors cell and the program register both name it, or a cell repeats it), so a link's key is
 * "from->to:type" and a repeat of it gets "#2", "#3", … in the order of result.dependencies.
 */
import type { DependencyResult } from '../result';
import type { PlanAnchor } from './plan';

/** One unique key per link, index-aligned with `dependencies`. */
export function dependencyKeys(dependencies: readonly Pick<DependencyResult, 'from' | 'to' | 'type'>[]): string[] {
  const used = new Set<string>();
  return dependencies.map((d) => {
    const base = `${d.from}->${d.to}:${d.type}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}#${n}`;
    used.add(key);
    return key;
  });
}

/** An empty anchor map that no key (not even "__proto__" or "constructor") can reach through a prototype. */
export function anchorMap(): Record<string, PlanAnchor> {
  return Object.create(null) as Record<string, PlanAnchor>;
}

/** The anchor stored under `key`, or null; inherited properties never count. */
export function anchorFor(map: Record<string, PlanAnchor> | undefined, key: string): PlanAnchor | null {
  return map !== undefined && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null;
}
