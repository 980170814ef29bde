import { WRITE_OPERATIONS, type Topology } from './model';

// Static facts of a demo topology, read from its model rather than from spans: the tests use
// them to prove that each topology carries its seeded smells and nothing that would look
// like another one (extra cycles, shared stores, wide fan-out, deep chains).

export interface StoreUse {
  system: string;
  namespaces: string[];
  accessors: string[];
  writers: string[];
}

export interface TopologyFacts {
  syncEdges: Map<string, Set<string>>;
  /** Strongly connected groups of two or more services over synchronous calls. */
  syncCycles: string[][];
  /** Same, over synchronous calls plus producer → consumer hops. */
  anyCycles: string[][];
  storesByAddress: Map<string, StoreUse>;
  /** Most distinct services on one synchronous path from an entry. */
  maxSyncDepth: number;
  /** Request paths that meet a service again (a cycle walked inside one request). */
  reentrantPaths: number;
  /** Most distinct synchronous callers of one service (hub-like starts at three). */
  maxCallers: number;
  maxFanOut: { service: string; callees: number };
  versions: Map<string, string[]>;
}

export function analyzeTopology(t: Topology): TopologyFacts {
  const sync = new Map<string, Set<string>>(t.services.map((s) => [s.name, new Set()]));
  const stores = new Map<string, StoreUse>();
  for (const s of t.services) {
    for (const step of s.operations.flatMap((o) => o.groups.flat())) {
      if (step.type === 'call') sync.get(s.name)!.add(step.service);
      if (step.type !== 'db') continue;
      const use = stores.get(step.store.address) ?? {
        system: step.store.system,
        namespaces: [],
        accessors: [],
        writers: [],
      };
      const add = (list: string[], v: string) => !list.includes(v) && list.push(v);
      add(use.namespaces, step.store.namespace);
      add(use.accessors, s.name);
      if (WRITE_OPERATIONS.has(step.operation)) add(use.writers, s.name);
      stores.set(step.store.address, use);
    }
  }
  const withAsync = new Map([...sync].map(([k, v]) => [k, new Set(v)]));
  for (const topic of t.topics)
    topic.consumers.forEach((c) => withAsync.get(topic.producer)!.add(c));

  const fanOut = t.services
    .filter((s) => s.tier !== 'gateway')
    .map((s) => ({ service: s.name, callees: sync.get(s.name)!.size }))
    .sort((a, b) => b.callees - a.callees)[0];
  return {
    syncEdges: sync,
    syncCycles: stronglyConnected(sync),
    anyCycles: stronglyConnected(withAsync),
    storesByAddress: stores,
    ...walkPaths(t),
    maxCallers: Math.max(...[...callerCounts(sync).values()]),
    maxFanOut: fanOut,
    versions: new Map(
      t.services.map((s) => [s.name, [...new Set(s.instances.map((i) => i.version))]]),
    ),
  };
}

/** Tarjan's algorithm; groups of one are left out (a service alone is not a cycle). */
function stronglyConnected(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups;
}

function callerCounts(sync: Map<string, Set<string>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const callees of sync.values())
    callees.forEach((c) => counts.set(c, (counts.get(c) ?? 0) + 1));
  return counts;
}

/** Walks operations from every entry; a service met again on the path ends that branch. */
function walkPaths(t: Topology): { maxSyncDepth: number; reentrantPaths: number } {
  let reentrantPaths = 0;
  const byName = new Map(t.services.map((s) => [s.name, s]));
  const walk = (service: string, operation: string, path: Set<string>): number => {
    if (path.has(service)) {
      reentrantPaths++;
      return path.size;
    }
    const next = new Set(path).add(service);
    const op = byName.get(service)!.operations.find((o) => o.name === operation)!;
    let best = next.size;
    for (const step of op.groups.flat()) {
      if (step.type === 'call') best = Math.max(best, walk(step.service, step.operation, next));
    }
    return best;
  };
  const maxSyncDepth = Math.max(...t.entries.map((e) => walk(e.service, e.operation, new Set())));
  return { maxSyncDepth, reentrantPaths };
}
