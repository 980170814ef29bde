import { merge, mergeCounts } from '@/lib/topology/histogram';
import { kindOfKey, nodeId, UNKNOWN_CALLER_KEY } from '@/lib/topology/node-key';
import {
  DEPTH_BUCKETS,
  type EdgeOrigin,
  type LatencyHistogram,
  type ObservationBatchWithDocker,
} from '@/lib/topology/types';

import { emptyGraphEdge, emptyGraphNode, NO_LATENCY } from './empty-edge';
import { callsPerTraceMedian, summarize } from './latency';
import type { GraphEdge, GraphNode, GraphResponse, LatencySummary } from './types';

// The graph of one batch without a database: the same shape /api/graph serves, built by
// summing the batch's buckets. Used by tests and to evaluate smells on an import before (or
// without) storing it. Sums calls/errors/writes/traces over buckets; unions versions,
// instances and origins; takes the first sample trace id.

const BUCKET_MS = 60_000;

export interface FromLinksOptions {
  window?: { fromMs: number; toMs: number };
  generatedAtMs?: number;
}

function addHist(into: number[] | undefined, add: number[] | undefined): number[] | undefined {
  return into && add ? mergeCounts(into, add) : (into ?? add)?.slice();
}

function summary(h: LatencyHistogram | undefined): LatencySummary {
  return h ? summarize(h.counts, h.sumMs) : NO_LATENCY;
}

function nameOfKey(key: string): string {
  if (key === UNKNOWN_CALLER_KEY) return 'unknown caller';
  const i = key.indexOf(':');
  return i < 0 ? key : key.slice(i + 1);
}

export function graphFromBatch(
  batch: ObservationBatchWithDocker,
  options: FromLinksOptions = {},
): GraphResponse {
  const nodes = new Map<string, GraphNode>();
  const ensure = (key: string): GraphNode => {
    let node = nodes.get(key);
    if (!node) {
      node = emptyGraphNode(nodeId(key), key, kindOfKey(key), nameOfKey(key));
      nodes.set(key, node);
    }
    return node;
  };
  const addOrigin = (node: GraphNode, origin: EdgeOrigin) => {
    if (!node.origins.includes(origin)) node.origins.push(origin);
  };
  const addUnique = (list: string[], value: string | undefined) => {
    if (value && !list.includes(value)) list.push(value);
  };

  for (const obs of batch.nodes) {
    const node = ensure(obs.key);
    node.kind = obs.kind;
    node.name = obs.name;
    node.group = obs.group ?? node.group;
    if (obs.detail) node.detail = { ...(node.detail ?? {}), ...obs.detail };
    addUnique(node.versions, obs.version);
    addUnique(node.instances, obs.instanceId);
  }
  for (const b of batch.nodeBuckets) {
    const node = ensure(b.node);
    node.spans += b.spans;
    node.traces += b.traces;
    node.entryTraces += b.entryTraces;
    for (const v of b.versions) addUnique(node.versions, v);
    for (const i of b.instances) addUnique(node.instances, i);
  }

  type Acc = GraphEdge & {
    cl?: LatencyHistogram;
    sl?: LatencyHistogram;
    cpt?: number[];
  };
  const edges = new Map<string, Acc>();
  const ensureEdge = (
    source: string,
    target: string,
    connectionType: GraphEdge['connectionType'],
  ) => {
    const s = ensure(source);
    const t = ensure(target);
    const id = `${s.id}>${t.id}>${connectionType}`;
    let edge = edges.get(id);
    if (!edge) {
      edge = emptyGraphEdge(id, s.id, t.id, connectionType);
      edges.set(id, edge);
    }
    return edge;
  };

  for (const e of batch.edges) {
    const edge = ensureEdge(e.source, e.target, e.connectionType);
    if (!edge.origins.includes(e.origin)) edge.origins.push(e.origin);
    edge.inferred ||= e.inferred;
    edge.calls += e.calls;
    edge.errors += e.errors;
    edge.clientErrors += e.clientErrors;
    edge.writes += e.writes;
    edge.traces += e.traces;
    edge.cl = merge(edge.cl, e.clientLatency);
    edge.sl = merge(edge.sl, e.serverLatency);
    edge.cpt = addHist(edge.cpt, e.callsPerTrace);
    edge.sampleTraceId ??= e.sampleTraceId ?? null;
    if (e.origin === 'declared')
      edge.declared.push({
        via: e.detail?.via ?? 'declared',
        detail: e.detail ?? null,
      });
  }
  for (const d of batch.docker?.declared ?? []) {
    const edge = ensureEdge(d.source, d.target, d.connectionType);
    if (!edge.origins.includes('declared')) edge.origins.push('declared');
    edge.declared.push({ via: d.via, detail: d.detail ?? null });
  }
  for (const c of batch.docker?.containers ?? []) {
    const node = ensure(c.node);
    node.containers.push({
      id: c.id,
      name: c.name,
      image: c.image,
      tag: c.tag,
      state: c.state,
      health: c.health ?? null,
      networks: c.networks,
      mounts: c.mounts,
    });
    addOrigin(node, c.state === 'declared' ? 'declared' : 'observed');
  }

  const buckets = [
    ...batch.edges.map((e) => e.bucketStartMs),
    ...batch.nodeBuckets.map((b) => b.bucketStartMs),
  ];
  const window = options.window ?? {
    fromMs: buckets.length ? Math.min(...buckets) : 0,
    toMs: buckets.length ? Math.max(...buckets) + BUCKET_MS : BUCKET_MS,
  };
  const seconds = Math.max(1, (window.toMs - window.fromMs) / 1000);
  const byId = new Map([...nodes.values()].map((n) => [n.id, n]));
  const errorsIn = new Map<string, number>();
  const out: GraphEdge[] = [];
  for (const { cl, sl, cpt, ...edge } of edges.values()) {
    edge.ratePerSec = edge.calls / seconds;
    edge.errorRate = edge.calls > 0 ? edge.errors / edge.calls : 0;
    edge.clientLatency = summary(cl);
    edge.serverLatency = summary(sl);
    edge.latency = sl ? edge.serverLatency : edge.clientLatency;
    edge.callsPerTraceMedian = callsPerTraceMedian(cpt);
    const target = byId.get(edge.target)!;
    target.callsIn += edge.calls;
    errorsIn.set(target.id, (errorsIn.get(target.id) ?? 0) + edge.errors);
    for (const o of edge.origins) {
      addOrigin(byId.get(edge.source)!, o);
      addOrigin(target, o);
    }
    out.push(edge);
  }
  for (const node of nodes.values()) {
    node.errorRate = node.callsIn > 0 ? (errorsIn.get(node.id) ?? 0) / node.callsIn : 0;
  }

  const entries = new Map<string, GraphResponse['entries'][number]>();
  for (const e of batch.entries) {
    const id = ensure(e.node).id;
    const k = `${id}\u0000${e.operation}`;
    const entry = entries.get(k) ?? {
      node: id,
      operation: e.operation,
      traces: 0,
      depthHist: new Array(DEPTH_BUCKETS).fill(0),
    };
    entry.traces += e.traces;
    entry.depthHist = entry.depthHist.map((n, i) => n + (e.depthHist[i] ?? 0));
    entries.set(k, entry);
  }
  const trust = {
    received: 0,
    paired: 0,
    unpaired: 0,
    expired: 0,
    rejected: 0,
  };
  for (const t of batch.trust) {
    trust.received += t.received;
    trust.paired += t.paired;
    trust.unpaired += t.unpaired;
    trust.expired += t.expired;
    trust.rejected += t.rejected;
  }
  return {
    window,
    nodes: [...nodes.values()],
    edges: out,
    entries: [...entries.values()],
    trust,
    generatedAtMs: options.generatedAtMs ?? window.toMs,
  };
}
