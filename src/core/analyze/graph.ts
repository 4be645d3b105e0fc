/**
 * Graph algorithms on compressed adjacency rows (typed arrays, no object per node or edge): strongly
 * connected components, the loop through a node, row compression, and a topological order. Iterative
 * throughout: project chains are deep enough to overflow recursion.
 */

/** Tarjan's strongly connected components, iterative (deep project chains would overflow recursion). */
export function stronglyConnected(n: number, outStart: Int32Array, outTo: Int32Array): Int32Array {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  // Typed stacks (each node enters each stack at most once, so n slots suffice): no array growth or boxing
  // on programs with hundreds of thousands of tasks.
  const stack = new Int32Array(n);
  let sp = 0;
  const callNode = new Int32Array(n);
  const callPos = new Int32Array(n);
  let cp = 0;
  let counter = 0;
  let compId = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callNode[cp] = root;
    callPos[cp++] = outStart[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (cp > 0) {
      const top = cp - 1;
      const v = callNode[top];
      const pos = callPos[top];
      if (pos < outStart[v + 1]) {
        callPos[top] = pos + 1;
        const w = outTo[pos];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[cp] = w;
          callPos[cp++] = outStart[w];
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          comp[w] = compId;
        } while (w !== v);
        compId++;
      }
      cp--;
      if (cp > 0) {
        const u = callNode[cp - 1];
        low[u] = Math.min(low[u], low[v]);
      }
    }
  }
  return comp;
}

/** A shortest loop from v back to v inside its component (BFS), as node indices with v repeated. */
export function loopThrough(v: number, comp: Int32Array, outStart: Int32Array, outEdges: Int32Array, eTo: Int32Array): number[] {
  const parent = new Map<number, number>();
  const queue: number[] = [v];
  for (let qi = 0; qi < queue.length; qi++) {
    const u = queue[qi];
    for (let p = outStart[u]; p < outStart[u + 1]; p++) {
      const w = eTo[outEdges[p]];
      if (comp[w] !== comp[v]) continue;
      if (w === v) {
        const path = [v];
        let x = u;
        while (x !== v) {
          path.push(x);
          x = parent.get(x) as number;
        }
        path.push(v);
        path.reverse();
        return path;
      }
      if (!parent.has(w)) {
        parent.set(w, u);
        queue.push(w);
      }
    }
  }
  return [v, v];
}

/** Edge indices grouped by key node (compressed rows); within a node, edges keep their input order. */
export function csr(n: number, key: Int32Array): { start: Int32Array; list: Int32Array } {
  const m = key.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) start[key[i] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Int32Array(m);
  for (let i = 0; i < m; i++) list[fill[key[i]]++] = i;
  return { start, list };
}

/** Kahn's order over the edges that are constraints (cycle edges removed, so the rest is acyclic). */
export function topoOrder(n: number, outStart: Int32Array, outList: Int32Array, outTo: Int32Array, inCycleEdge: Uint8Array): Int32Array {
  const indeg = new Int32Array(n);
  const m = outList.length;
  for (let p = 0; p < m; p++) if (!inCycleEdge[outList[p]]) indeg[outTo[p]]++;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indeg[i] === 0) order[tail++] = i;
  while (head < tail) {
    const v = order[head++];
    for (let p = outStart[v]; p < outStart[v + 1]; p++) {
      if (inCycleEdge[outList[p]]) continue;
      const w = outTo[p];
      if (--indeg[w] === 0) order[tail++] = w;
    }
  }
  return order.subarray(0, tail);
}
