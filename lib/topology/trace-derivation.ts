import type { ConnectionType, NodeObservation } from './types';

// What derivation learns from one whole trace. The rollup turns many of these into an
// ObservationBatch; the smell engine's per-trace facts (depth, calls per trace, services
// passed) are already computed here because they need the trace's tree, which the rollup
// no longer has.

export interface DeriveOptions {
  /** Resource attribute that names a service's group (default `service.namespace`). */
  groupAttribute?: string;
  /** Renames services (and `peer.service` names) before any rule runs. */
  serviceMap?: Record<string, string>;
  /** Finds a producer span of another trace that a consumer links to (pipeline's index). */
  resolveProducer?: (traceId: string, spanId: string) => ProducerRef | undefined;
}

/** The facts of a producer span that a consumer in another trace needs for the join. */
export interface ProducerRef {
  /** Node key of the producing service. */
  node: string;
  /** Queue node key the producer sent to, when it named one. */
  queue?: string;
  queueName?: string;
  messagingSystem?: string;
}

/** One call: a client/server pair, a named peer, a publish or a delivery. */
export interface DerivedCall {
  source: string;
  target: string;
  connectionType: ConnectionType;
  inferred: boolean;
  startTimeMs: number;
  clientDurationMs?: number;
  serverDurationMs?: number;
  error: boolean;
  clientError: boolean;
  write: boolean;
}

/** One edge of this trace with the number of its calls in the trace. */
export interface DerivedEdge {
  source: string;
  target: string;
  connectionType: ConnectionType;
  /** True when every call of the edge in this trace went to a virtual node. */
  inferred: boolean;
  calls: number;
  firstStartMs: number;
}

export interface DerivedNodeActivity {
  node: string;
  bucketStartMs: number;
  spans: number;
  versions: string[];
  instances: string[];
}

/** A root server span: an entry operation and its longest synchronous chain. */
export interface DerivedEntry {
  node: string;
  operation: string;
  startTimeMs: number;
  /** Services on the longest chain of rpc hops from this span (the entry service is 1). */
  depth: number;
}

export interface TraceDerivation {
  traceId: string;
  startTimeMs: number;
  /** Every node this trace touches, sorted by key. */
  nodes: NodeObservation[];
  /** Sorted by start time, then source, target. */
  calls: DerivedCall[];
  /** Sorted by source, target, connection type. */
  edges: DerivedEdge[];
  /** Spans, versions and instances per node and bucket (only nodes that report spans). */
  activity: DerivedNodeActivity[];
  entries: DerivedEntry[];
  /** Node keys of the services whose spans are in the trace, sorted. */
  servicesPassed: string[];
  received: number;
  /** Spans that took part in an edge and lack no partner. */
  paired: number;
  /** Spans whose partner is missing: unnamed client, lost parent, unmatched message. */
  unpaired: number;
  /** Consumer spans whose producer link could not be resolved (may resolve later). */
  unresolvedLinks: number;
}
