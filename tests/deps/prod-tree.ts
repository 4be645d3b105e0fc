/**
 * The production dependency tree, read offline from package-lock.json (npm audit needs its advisory service,
 * which is not reachable from every machine; CI with network runs `npm audit --omit=dev`, see
 * docs/dependencies.md). What this can check without a network: which production packages are known to be
 * unmaintained, and that they stay where they were reviewed (reachable only through ExcelJS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockPackage {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * Production packages known to be deprecated or unmaintained, keyed by name@major, with npm's deprecation
 * notice (as `npm install` prints it). The registry mirror reachable here does not serve the `deprecated`
 * field, so this list is kept by hand; docs/dependencies.md has the review and the recommendation.
 */
export const UNMAINTAINED: Record<string, string> = {
  'inflight@1': 'deprecated: "This module is not supported, and leaks memory"',
  'rimraf@2': 'deprecated: "Rimraf versions prior to v4 are no longer supported"',
  'glob@7': 'deprecated: "Glob versions prior to v9 are no longer supported"',
  'fstream@1': 'deprecated: "This package is no longer supported"',
  'lodash.isequal@4': 'deprecated: "Use require(\'node:util\').isDeepStrictEqual instead"',
  'unzipper@0': 'old line (0.10; current 0.12) pinned by ExcelJS 4.4.0; pulls fstream, rimraf 2, glob 7 and bluebird 3.4',
};

export interface ProdPackage {
  name: string;
  version: string;
  /** Direct dependencies of the project through which this package is installed. */
  via: string[];
}

const ROOT = join(__dirname, '..', '..');

/** Every production package with the direct dependencies that pull it in (breadth-first over the lock). */
export function productionTree(lockPath = join(ROOT, 'package-lock.json')): ProdPackage[] {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockPackage> };
  const pkgs = lock.packages;
  /** npm's resolution: from the requiring package's folder up to the root node_modules. */
  const resolve = (from: string, name: string): string | null => {
    for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
      const path = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (pkgs[path]) return path;
      if (dir === '') return null;
    }
  };
  const via = new Map<string, Set<string>>();
  for (const direct of Object.keys(pkgs[''].dependencies ?? {})) {
    const start = resolve('', direct);
    if (start === null) continue;
    const queue = [start];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (!via.has(path)) via.set(path, new Set());
      via.get(path)!.add(direct);
      const p = pkgs[path];
      for (const dep of Object.keys({ ...(p.dependencies ?? {}), ...(p.optionalDependencies ?? {}) })) {
        const next = resolve(path, dep);
        if (next !== null && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return [...via.entries()].map(([path, from]) => ({
    name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
    version: pkgs[path].version ?? '0.0.0',
    via: [...from].sort(),
  })).sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The production packages listed in UNMAINTAINED, with why and through what. */
export function unmaintained(tree: ProdPackage[] = productionTree()): (ProdPackage & { why: string })[] {
  return tree.flatMap((p) => {
    const why = UNMAINTAINED[`${p.name}@${p.version.split('.')[0]}`];
    return why ? [{ ...p, why }] : [];
  });
}

if (require.main === module) {
  // `npm run audit:offline`: the review table, printed.
  const tree = productionTree();
  console.log(`${tree.length} production packages (from package-lock.json, offline).`);
  for (const p of unmaintained(tree)) console.log(`UNMAINTAINED ${p.name}@${p.version} (via ${p.via.join(', ')}): ${p.why}`);
}
