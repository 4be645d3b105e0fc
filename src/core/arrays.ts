/**
 * Array helpers that never spread a data-sized array into function arguments: `Math.max(...xs)` and
 * `list.push(...xs)` pass every element on the stack and throw "Maximum call stack size exceeded" somewhere
 * past 100,000 elements (a sheet of 150,000 issues or risks did).
 */

/** The largest of `values`, or `floor` when it is larger (or the list is empty). */
export function maxOf(values: Iterable<number>, floor: number): number {
  let m = floor;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** The smallest of `values`, or `ceiling` when it is smaller (or the list is empty). */
export function minOf(values: Iterable<number>, ceiling: number): number {
  let m = ceiling;
  for (const v of values) if (v < m) m = v;
  return m;
}

/** Appends every item of `items` to `target` in place. */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
