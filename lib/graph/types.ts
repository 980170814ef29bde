import type { ConnectionType, EdgeOrigin, NodeKind } from '@/lib/topology/types';

// The JSON of GET /api/graph (documented in README "API"). The UI, the smell engine and
// the diff views all read this shape.

export interface GraphNode {
  id: string; // opaque, URL-safe
  key: string;
  kind: NodeKind;
  name: string;
  group: string | null;
  detail: Record<string, string> | null;
  versions: string[];
  instances: string[];
  /** Calls into this node in the window (sum over incoming edges), and spans it reported. */
  callsIn: number;
  spans: number;
  traces: number;
  entryTraces: number;
  errorRate: number; // 0..1 over incoming calls
  origins: EdgeOrigin[]; // which sources know this node
  containers: GraphContainer[];
}

export interface GraphContainer {
  id: string;
  name: string;
  image: string;
  tag: string;
  state: string;
  health: string | null;
  networks: Array<{ name: string; ips: string[]; aliases: string[] }>;
  mounts: Array<{ type: string; name: string; destination: string; rw: boolean }>;
}

export interface LatencySummary {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  meanMs: number | null;
}

export interface GraphEdge {
  id: string; // `${source}>${target}>${connectionType}`
  source: string; // node id
  target: string; // node id
  connectionType: ConnectionType;
  origins: EdgeOrigin[];
  inferred: boolean;
  calls: number;
  ratePerSec: number;
  errors: number;
  errorRate: number;
  clientErrors: number;
  writes: number;
  traces: number;
  /** Median calls of this edge per trace that contains it (null when unknown). */
  callsPerTraceMedian: number | null;
  /** Server-side latency where known, else client-side. */
  latency: LatencySummary;
  clientLatency: LatencySummary;
  serverLatency: LatencySummary;
  sampleTraceId: string | null;
  /** Declared edges: how (env / depends_on / links) and secrets-free evidence. */
  declared: Array<{ via: string; detail: Record<string, string> | null }>;
}

export interface GraphTrust {
  received: number;
  paired: number;
  unpaired: number;
  expired: number;
  rejected: number;
}

export interface GraphEntry {
  node: string; // node id
  operation: string;
  traces: number;
  depthHist: number[];
}

export interface GraphResponse {
  window: { fromMs: number; toMs: number };
  nodes: GraphNode[];
  edges: GraphEdge[];
  entries: GraphEntry[];
  trust: GraphTrust;
  generatedAtMs: number;
}
