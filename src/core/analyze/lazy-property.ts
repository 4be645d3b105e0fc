/**
 * A property of a result built on first read. Large parts of the result (the task table, each conflict's
 * tasks) are read by `--json` alone: JSON.stringify reads getters, and so do spreads, structuredClone and
 * jest's equality, while the pane and the workbook plan never touch most of them. The property is enumerable
 * from the start, so keys keep their order; after its first read, or a write, it is an ordinary data property.
 */
export function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, build: () => T[K]): void {
  const settle = (value: T[K]): void => {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      const value = build();
      settle(value);
      return value;
    },
    set: settle,
  });
}
