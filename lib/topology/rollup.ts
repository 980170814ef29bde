import { emptyCounts, emptyHistogram, observe, observeCount } from './histogram';
import { NodeFacts } from './node-facts';
import { cmp } from './span-index';
import { bucketStartOf } from './time-bucket';
import type { TraceDerivation } from './trace-derivation';
import {
  CALLS_PER_TRACE_BOUNDS,
  DEPTH_BUCKETS,
  type EdgeObservation,
  type EntryObservation,
  type NodeBucketObservation,
  type ObservationBatch,
  type TrustObservation,
} from './types';

// Adds trace derivations up into one ObservationBatch: edges, nodes and entries per 1-minute
// bucket (by the start of the span that made each call) and the trust counters. Every sum
// is commutative and every pick (node version, sample trace) is by content, so the batch
// does not depend on the order traces were derived in.

const MAX_VERSIONS = 64; // limits of lib/ingest/schema.ts
const MAX_INSTANCES = 1024;

interface EdgeState {
  edge: EdgeObservation;
  sampleIsError: boolean;
}

interface NodeBucketState {
  bucket: NodeBucketObservation;
  versions: Set<string>;
  instances: Set<string>;
}

export class Rollup {
  private readonly nodes = new NodeFacts();
  private readonly edges = new Map<string, EdgeState>();
  private readonly nodeBuckets = new Map<string, NodeBucketState>();
  private readonly entries = new Map<string, EntryObservation>();
  private readonly trust = new Map<number, TrustObservation>();

  get empty(): boolean {
    return this.trust.size === 0 && this.edges.size === 0 && this.nodes.size === 0;
  }

  /** `expired`: the trace was cut off by the pairing window, so its gaps count as expired. */
  addTrace(trace: TraceDerivation, expired = false): void {
    for (const node of trace.nodes) this.nodes.add(node, trace.startTimeMs, trace.traceId);

    const error = trace.calls.some((call) => call.error);
    for (const call of trace.calls) {
      const edge = this.edgeAt(bucketStartOf(call.startTimeMs), call.source, call.target, call);
      edge.calls += 1;
      edge.errors += call.error ? 1 : 0;
      edge.clientErrors += call.clientError ? 1 : 0;
      edge.writes += call.write ? 1 : 0;
      edge.inferred &&= call.inferred;
      if (call.clientDurationMs !== undefined) {
        observe((edge.clientLatency ??= emptyHistogram()), call.clientDurationMs);
      }
      if (call.serverDurationMs !== undefined) {
        observe((edge.serverLatency ??= emptyHistogram()), call.serverDurationMs);
      }
    }
    for (const derived of trace.edges) {
      const bucketStartMs = bucketStartOf(derived.firstStartMs);
      const state = this.edges.get(edgeKey(bucketStartMs, derived))!;
      state.edge.traces += 1;
      observeCount(
        (state.edge.callsPerTrace ??= emptyCounts(CALLS_PER_TRACE_BOUNDS)),
        CALLS_PER_TRACE_BOUNDS,
        derived.calls,
      );
      // Prefer a trace with an error as the sample: that is the one a user wants to open.
      const current = state.edge.sampleTraceId;
      const better =
        current === undefined ||
        (error && !state.sampleIsError) ||
        (error === state.sampleIsError && trace.traceId < current);
      if (better) {
        state.edge.sampleTraceId = trace.traceId;
        state.sampleIsError = error;
      }
    }

    this.addNodeBuckets(trace);
    for (const entry of trace.entries) {
      const bucketStartMs = bucketStartOf(entry.startTimeMs);
      const key = `${bucketStartMs}\u0000${entry.node}\u0000${entry.operation}`;
      let observation = this.entries.get(key);
      if (!observation) {
        const depthHist = new Array<number>(DEPTH_BUCKETS).fill(0);
        observation = {
          bucketStartMs,
          node: entry.node,
          operation: entry.operation,
          traces: 0,
          depthHist,
        };
        this.entries.set(key, observation);
      }
      observation.traces += 1;
      observation.depthHist[Math.min(Math.max(entry.depth, 1), DEPTH_BUCKETS) - 1] += 1;
    }

    const trust = this.trustAt(bucketStartOf(trace.startTimeMs));
    trust.received += trace.received;
    trust.paired += trace.paired;
    if (expired) trust.expired += trace.unpaired;
    else trust.unpaired += trace.unpaired;
  }

  /** Spans a decoder refused (invalid ids, …), counted in the bucket they arrived in. */
  addRejected(count: number, atMs: number): void {
    if (count > 0) this.trustAt(bucketStartOf(atMs)).rejected += count;
  }

  toBatch(batchId: string, collector: string): ObservationBatch {
    const byBucket = <T extends { bucketStartMs: number }>(a: T, b: T) =>
      a.bucketStartMs - b.bucketStartMs;
    return {
      batchId,
      collector,
      nodes: this.nodes.toObservations(),
      edges: [...this.edges.values()]
        .map((state) => state.edge)
        .sort(
          (a, b) =>
            byBucket(a, b) ||
            cmp(a.source, b.source) ||
            cmp(a.target, b.target) ||
            cmp(a.connectionType, b.connectionType),
        ),
      nodeBuckets: [...this.nodeBuckets.values()]
        .map(({ bucket, versions, instances }) => ({
          ...bucket,
          versions: [...versions].sort().slice(0, MAX_VERSIONS),
          instances: [...instances].sort().slice(0, MAX_INSTANCES),
        }))
        .sort((a, b) => byBucket(a, b) || cmp(a.node, b.node)),
      entries: [...this.entries.values()].sort(
        (a, b) => byBucket(a, b) || cmp(a.node, b.node) || cmp(a.operation, b.operation),
      ),
      trust: [...this.trust.values()].sort(byBucket),
    };
  }

  private edgeAt(
    bucketStartMs: number,
    source: string,
    target: string,
    call: { connectionType: EdgeObservation['connectionType']; inferred: boolean },
  ): EdgeObservation {
    const key = edgeKey(bucketStartMs, { source, target, connectionType: call.connectionType });
    let state = this.edges.get(key);
    if (!state) {
      const edge: EdgeObservation = {
        bucketStartMs,
        source,
        target,
        connectionType: call.connectionType,
        origin: 'traced',
        inferred: call.inferred,
        calls: 0,
        errors: 0,
        clientErrors: 0,
        writes: 0,
        traces: 0,
      };
      state = { edge, sampleIsError: false };
      this.edges.set(key, state);
    }
    return state.edge;
  }

  /** Spans and versions by bucket; a trace counts once per node, in the node's first bucket. */
  private addNodeBuckets(trace: TraceDerivation): void {
    const firstSeen = new Map<string, number>();
    const see = (node: string, atMs: number) => {
      const known = firstSeen.get(node);
      if (known === undefined || atMs < known) firstSeen.set(node, atMs);
    };
    for (const activity of trace.activity) {
      const state = this.nodeBucketAt(activity.bucketStartMs, activity.node);
      state.bucket.spans += activity.spans;
      for (const version of activity.versions) state.versions.add(version);
      for (const instance of activity.instances) state.instances.add(instance);
      see(activity.node, activity.bucketStartMs);
    }
    for (const call of trace.calls) {
      see(call.source, call.startTimeMs);
      see(call.target, call.startTimeMs);
    }
    for (const [node, atMs] of firstSeen)
      this.nodeBucketAt(bucketStartOf(atMs), node).bucket.traces += 1;

    const entryNodes = new Map<string, number>();
    for (const entry of trace.entries) {
      entryNodes.set(
        entry.node,
        Math.min(entryNodes.get(entry.node) ?? Infinity, entry.startTimeMs),
      );
    }
    for (const [node, atMs] of entryNodes)
      this.nodeBucketAt(bucketStartOf(atMs), node).bucket.entryTraces += 1;
  }

  private nodeBucketAt(bucketStartMs: number, node: string): NodeBucketState {
    const key = `${bucketStartMs}\u0000${node}`;
    let state = this.nodeBuckets.get(key);
    if (!state) {
      const bucket = {
        bucketStartMs,
        node,
        spans: 0,
        traces: 0,
        entryTraces: 0,
        versions: [],
        instances: [],
      };
      state = { bucket, versions: new Set(), instances: new Set() };
      this.nodeBuckets.set(key, state);
    }
    return state;
  }

  private trustAt(bucketStartMs: number): TrustObservation {
    let trust = this.trust.get(bucketStartMs);
    if (!trust) {
      trust = { bucketStartMs, received: 0, paired: 0, unpaired: 0, expired: 0, rejected: 0 };
      this.trust.set(bucketStartMs, trust);
    }
    return trust;
  }
}

function edgeKey(
  bucketStartMs: number,
  edge: { source: string; target: string; connectionType: string },
): string {
  return `${bucketStartMs}\u0000${edge.source}\u0000${edge.target}\u0000${edge.connectionType}`;
}
