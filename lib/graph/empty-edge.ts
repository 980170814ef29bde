import type { ConnectionType } from '@/lib/topology/types';

import type { GraphEdge, LatencySummary } from './types';

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
