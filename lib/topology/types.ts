// The shapes every source is reshaped into before derivation, and the observations that
// derivation (and the Docker source) hand to the one ingest path. Collectors produce these;
// the app stores them. Keep them plain data: they cross process boundaries as JSON.

export type SpanKind = 'internal' | 'server' | 'client' | 'producer' | 'consumer' | 'unspecified';

export type AttributeValue = string | number | boolean;

/** One span, whatever its wire format (OTLP JSON/protobuf, Jaeger JSON, Zipkin v2). */
export interface NormalizedSpan {
  /** Lowercase hex, 32 chars for 128-bit ids; shorter ids are left-padded with zeros. */
  traceId: string;
  /** Lowercase hex, 16 chars (left-padded). */
  spanId: string;
  parentSpanId?: string;
  /** `service.name` of the resource; '' when absent (derivation names it `unknown`). */
  service: string;
  kind: SpanKind;
  name: string;
  startTimeMs: number;
  durationMs: number;
  /** Span status ERROR (OTLP), `error` tag (Jaeger/Zipkin). */
  statusError: boolean;
  /** Span attributes, flattened: arrays and maps are JSON-encoded strings. */
  attributes: Record<string, AttributeValue>;
  /** Resource attributes (service.namespace, service.version, service.instance.id, …). */
  resource: Record<string, AttributeValue>;
  links: Array<{ traceId: string; spanId: string }>;
}

export type NodeKind = 'service' | 'database' | 'queue' | 'external' | 'unknown-caller';
export type ConnectionType = 'rpc' | 'messaging' | 'database';
/** Where an edge's evidence comes from. */
export type EdgeOrigin = 'traced' | 'observed' | 'declared';

/**
 * A node as a source sees it. `key` is the identity (see lib/topology/node-key.ts); the
 * opaque id stored in Postgres is derived from it.
 */
export interface NodeObservation {
  key: string;
  kind: NodeKind;
  name: string;
  group?: string;
  version?: string;
  instanceId?: string;
  /** Extra facts shown in the UI: db system, database name, messaging system, host… */
  detail?: Record<string, string>;
}

/** Upper bounds (ms) of the latency histogram buckets; one more bucket counts the overflow. */
export const LATENCY_BOUNDS_MS = [
  0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000,
  3000, 5000, 7500, 10000, 20000, 30000, 60000,
] as const;
export const LATENCY_BUCKETS = LATENCY_BOUNDS_MS.length + 1;

/** Upper bounds of the calls-per-trace histogram (chatty-edge evidence); last bucket = more. */
export const CALLS_PER_TRACE_BOUNDS = [1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 50, 100] as const;
export const CALLS_PER_TRACE_BUCKETS = CALLS_PER_TRACE_BOUNDS.length + 1;

/** Upper bounds of the services-on-longest-sync-path histogram (deep-chain evidence). */
export const DEPTH_BUCKETS = 16; // index i counts paths of i+1 services; last one = 16 or more

export interface LatencyHistogram {
  counts: number[]; // length LATENCY_BUCKETS
  sumMs: number;
}

/** Rollup of one edge in one 1-minute bucket. Several of these for the same key add up. */
export interface EdgeObservation {
  bucketStartMs: number;
  source: string; // node key
  target: string; // node key
  connectionType: ConnectionType;
  origin: EdgeOrigin;
  /** True when the target is a virtual node named from the client's attributes. */
  inferred: boolean;
  calls: number;
  errors: number;
  /** 4xx responses, counted apart from errors. */
  clientErrors: number;
  /** Database edges: calls whose operation writes (INSERT/UPDATE/DELETE/…). */
  writes: number;
  clientLatency?: LatencyHistogram;
  serverLatency?: LatencyHistogram;
  /** Number of traces in which this edge occurred, and the calls-per-trace histogram. */
  traces: number;
  callsPerTrace?: number[]; // length CALLS_PER_TRACE_BUCKETS
  sampleTraceId?: string;
  /** Free-form evidence for declared/observed edges, e.g. {"env":"DATABASE_URL"}. */
  detail?: Record<string, string>;
}

/** Per-node, per-bucket facts: traffic through it, entry traffic, versions, instances. */
export interface NodeBucketObservation {
  bucketStartMs: number;
  node: string; // node key
  spans: number;
  traces: number;
  entryTraces: number;
  versions: string[];
  instances: string[];
}

/** Per entry operation (root server span), per bucket: how deep its sync call chains go. */
export interface EntryObservation {
  bucketStartMs: number;
  node: string; // node key of the entry service
  operation: string;
  traces: number;
  /** depthHist[i] = traces whose longest synchronous path has i+1 services (last = more). */
  depthHist: number[]; // length DEPTH_BUCKETS
}

/** Data-trust counters of one collector in one bucket. */
export interface TrustObservation {
  bucketStartMs: number;
  received: number;
  paired: number;
  unpaired: number;
  expired: number;
  rejected: number;
}

/** What one collector hands to the ingest path in one go. Stored all-or-nothing, once. */
export interface ObservationBatch {
  /** Unique per batch; a retried batch with the same id is stored once. */
  batchId: string;
  collector: string;
  nodes: NodeObservation[];
  edges: EdgeObservation[];
  nodeBuckets: NodeBucketObservation[];
  entries: EntryObservation[];
  trust: TrustObservation[];
}

/** One container as the Docker source (or a compose file) describes it. */
export interface ContainerObservation {
  id: string; // container id; compose import uses `compose:<project>/<service>`
  name: string;
  node: string; // node key of the service it runs
  image: string;
  tag: string;
  state: string; // running, exited, … ; 'declared' for compose import
  health?: string;
  networks: Array<{ name: string; ips: string[]; aliases: string[] }>;
  /** Mounts with secrets-free sources: named volumes and bind mounts. */
  mounts: Array<{ type: string; name: string; destination: string; rw: boolean }>;
  labels?: Record<string, string>; // compose labels only
}

/** A dependency a container's configuration declares (env var, depends_on, links). */
export interface DeclaredEdgeObservation {
  containerId: string;
  source: string; // node key
  target: string; // node key
  connectionType: ConnectionType;
  /** 'env' | 'depends_on' | 'links' */
  via: 'env' | 'depends_on' | 'links';
  /** Secrets-free evidence, e.g. {"variable":"DATABASE_URL","database":"orders"}. */
  detail?: Record<string, string>;
}

/** Container state from one Docker host (or one compose project). */
export interface DockerSnapshot {
  /** Identifies the host or compose project; containers are replaced per host. */
  host: string;
  /** True: these are all of the host's containers (others are removed). */
  full: boolean;
  containers: ContainerObservation[];
  removed: string[]; // container ids
  declared: DeclaredEdgeObservation[]; // replaces the declared edges of the listed containers
}

export interface ObservationBatchWithDocker extends ObservationBatch {
  docker?: DockerSnapshot;
}
