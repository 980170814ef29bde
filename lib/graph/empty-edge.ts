import type { ConnectionType, NodeKind } from '@/lib/topology/types';

import type { GraphEdge, GraphNode, LatencySummary } from './types';

export const NO_LATENCY: LatencySummary = { p50: null, p95: null, p99: null, meanMs: null };

/** An edge of the graph response before any rollup or declaration was added to it. */
export function emptyGraphEdge(
  id: string,
  source: string,
  target: string,
  connectionType: ConnectionType,
): GraphEdge {
  return {
    id,
    source,
    target,
    connectionType,
    origins: [],
    inferred: false,
    calls: 0,
    ratePerSec: 0,
    errors: 0,
    errorRate: 0,
    clientErrors: 0,
    writes: 0,
    traces: 0,
    callsPerTraceMedian: null,
    latency: NO_LATENCY,
    clientLatency: NO_LATENCY,
    serverLatency: NO_LATENCY,
    sampleTraceId: null,
    declared: [],
  };
}

/** A node of the graph response before any traffic, container or origin was added to it. */
export function emptyGraphNode(id: string, key: string, kind: NodeKind, name: string): GraphNode {
  return {
    id,
    key,
    kind,
    name,
    group: null,
    detail: null,
    versions: [],
    instances: [],
    callsIn: 0,
    spans: 0,
    traces: 0,
    entryTraces: 0,
    errorRate: 0,
    origins: [],
    containers: [],
  };
}
