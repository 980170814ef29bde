import type { GraphEdge, GraphNode, GraphResponse } from '@/lib/graph/types';
import type { NodeKind } from '@/lib/topology/types';

import { mulberry32 } from './force-layout';

// Deterministic synthetic graphs for the render benchmark and UI development: n nodes in
// groups of ~25, about three edges per node (the shape of the d3-force reference figures
// in ENVIRONMENT.md), a sprinkling of databases, queues and externals, some errors.

const KINDS: NodeKind[] = [
  'service',
  'service',
  'service',
  'service',
  'database',
  'queue',
  'external',
];

function emptyLatency() {
  return { p50: null, p95: null, p99: null, meanMs: null };
}

export function syntheticGraph(n: number, seed = 1, nowMs = 0): GraphResponse {
  const random = mulberry32(seed);
  const nodes: GraphNode[] = Array.from({ length: n }, (_, i) => {
    const errorRate = random() < 0.1 ? random() * 0.2 : 0;
    return {
      id: `n${i}`,
      key: `service:svc-${i}`,
      kind: i === 0 ? 'unknown-caller' : KINDS[Math.floor(random() * KINDS.length)],
      name: `svc-${i}`,
      group: `group-${Math.floor(i / 25)}`,
      detail: null,
      versions: ['1.0.0'],
      instances: [],
      callsIn: Math.floor(random() * 5000),
      spans: 0,
      traces: 0,
      entryTraces: 0,
      errorRate,
      origins: ['traced'],
      containers: [],
    };
  });
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < 3; j++) {
      // Mostly within the group, sometimes across: that is what makes groups visible.
      const sameGroup = random() < 0.8;
      const base = sameGroup ? Math.floor(i / 25) * 25 : 0;
      const span = sameGroup ? Math.min(25, n - base) : n;
      const target = base + Math.floor(random() * span);
      const id = `n${i}>n${target}>rpc`;
      if (target === i || seen.has(id)) continue;
      seen.add(id);
      const calls = 1 + Math.floor(random() * 3000);
      const errors = random() < 0.1 ? Math.floor(calls * random() * 0.1) : 0;
      edges.push({
        id,
        source: `n${i}`,
        target: `n${target}`,
        connectionType: 'rpc',
        origins: [random() < 0.9 ? 'traced' : 'declared'],
        inferred: false,
        calls,
        ratePerSec: calls / 900,
        errors,
        errorRate: errors / calls,
        clientErrors: 0,
        writes: 0,
        traces: calls,
        callsPerTraceMedian: 1,
        latency: emptyLatency(),
        clientLatency: emptyLatency(),
        serverLatency: emptyLatency(),
        sampleTraceId: null,
        declared: [],
      });
    }
  }
  return {
    window: { fromMs: nowMs - 900_000, toMs: nowMs },
    nodes,
    edges,
    entries: [],
    trust: { received: 0, paired: 0, unpaired: 0, expired: 0, rejected: 0 },
    generatedAtMs: nowMs,
  };
}
