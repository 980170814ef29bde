import { pool } from '@/lib/db/pool';
import type { ConnectionType, EdgeOrigin } from '@/lib/topology/types';

import { emptyGraphEdge } from './empty-edge';
import { callsPerTraceMedian, summarize } from './latency';
import type { GraphContainer, GraphEdge, GraphNode, GraphResponse } from './types';

// Reads the graph of one time window. Rollups are reduced in Postgres (sums and the
// histogram aggregate) so the app receives one row per edge, not one per bucket. Declared
// edges and containers are current state, shown for the containers that existed during
// the window (first seen before its end, not removed before its start).

const MINUTE = 60_000;

export interface GraphWindow {
  fromMs: number;
  toMs: number;
}

export async function loadGraph({ fromMs, toMs }: GraphWindow): Promise<GraphResponse> {
  const from = new Date(Math.floor(fromMs / MINUTE) * MINUTE);
  const to = new Date(toMs);
  const db = pool();
  const [edgeRows, declaredRows, nodeBucketRows, entryRows, trustRows, containerRows] =
    await Promise.all([
      db.query(EDGES_SQL, [from, to]),
      db.query(DECLARED_SQL, [from, to]),
      db.query(NODE_BUCKETS_SQL, [from, to]),
      db.query(ENTRIES_SQL, [from, to]),
      db.query(TRUST_SQL, [from, to]),
      db.query(CONTAINERS_SQL, [from, to]),
    ]);

  const seconds = Math.max(1, (toMs - fromMs) / 1000);
  const edges = new Map<string, GraphEdge>();
  for (const r of edgeRows.rows) {
    const id = `${r.source_id}>${r.target_id}>${r.connection_type}`;
    const server = summarize(r.server_latency, r.server_sum);
    const client = summarize(r.client_latency, r.client_sum);
    edges.set(id, {
      id,
      source: r.source_id,
      target: r.target_id,
      connectionType: r.connection_type as ConnectionType,
      origins: (r.origins as EdgeOrigin[]).sort(),
      inferred: r.inferred,
      calls: r.calls,
      ratePerSec: round(r.calls / seconds),
      errors: r.errors,
      errorRate: r.calls > 0 ? r.errors / r.calls : 0,
      clientErrors: r.client_errors,
      writes: r.writes,
      traces: r.traces,
      callsPerTraceMedian: callsPerTraceMedian(r.calls_per_trace),
      latency: server.p50 !== null ? server : client,
      clientLatency: client,
      serverLatency: server,
      sampleTraceId: r.sample_trace_id,
      declared: [],
    });
  }
  for (const r of declaredRows.rows) {
    const id = `${r.source_id}>${r.target_id}>${r.connection_type}`;
    let edge = edges.get(id);
    if (!edge) {
      edge = emptyGraphEdge(id, r.source_id, r.target_id, r.connection_type);
      edges.set(id, edge);
    }
    if (!edge.origins.includes('declared'))
      edge.origins = [...edge.origins, 'declared' as const].sort();
    edge.declared.push({ via: r.via, detail: r.detail });
  }

  const nodeIds = new Set<string>();
  for (const e of edges.values()) nodeIds.add(e.source).add(e.target);
  for (const r of nodeBucketRows.rows) nodeIds.add(r.node_id);
  for (const r of containerRows.rows) nodeIds.add(r.node_id);
  const nodeRows = await db.query(NODES_SQL, [[...nodeIds]]);

  const nodes = buildNodes(nodeRows.rows, edges, nodeBucketRows.rows, containerRows.rows);
  const trust = trustRows.rows[0] ?? {};
  return {
    window: { fromMs, toMs },
    nodes,
    edges: [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    entries: entryRows.rows.map((r) => ({
      node: r.node_id,
      operation: r.operation,
      traces: r.traces,
      depthHist: r.depth_hist ?? [],
    })),
    trust: {
      received: trust.received ?? 0,
      paired: trust.paired ?? 0,
      unpaired: trust.unpaired ?? 0,
      expired: trust.expired ?? 0,
      rejected: trust.rejected ?? 0,
    },
    generatedAtMs: Date.now(),
  };
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function buildNodes(
  nodeRows: Row[],
  edges: Map<string, GraphEdge>,
  bucketRows: Row[],
  containerRows: Row[],
): GraphNode[] {
  const buckets = new Map(bucketRows.map((r) => [r.node_id as string, r]));
  const containers = new Map<string, GraphContainer[]>();
  for (const c of containerRows) {
    const list = containers.get(c.node_id) ?? [];
    list.push({
      id: c.id,
      name: c.name,
      image: c.image,
      tag: c.tag,
      state: c.state,
      health: c.health,
      networks: c.networks,
      mounts: c.mounts,
    });
    containers.set(c.node_id, list);
  }

  const callsIn = new Map<string, number>();
  const errorsIn = new Map<string, number>();
  const originsOf = new Map<string, Set<EdgeOrigin>>();
  for (const e of edges.values()) {
    callsIn.set(e.target, (callsIn.get(e.target) ?? 0) + e.calls);
    errorsIn.set(e.target, (errorsIn.get(e.target) ?? 0) + e.errors);
    for (const id of [e.source, e.target]) {
      const set = originsOf.get(id) ?? new Set<EdgeOrigin>();
      e.origins.forEach((o) => set.add(o));
      originsOf.set(id, set);
    }
  }

  return nodeRows
    .map((n): GraphNode => {
      const calls = callsIn.get(n.id) ?? 0;
      const b = buckets.get(n.id);
      const own = containers.get(n.id) ?? [];
      const tags = own
        .filter((c) => c.state !== 'exited')
        .map((c) => c.tag)
        .filter(Boolean);
      const origins = new Set<EdgeOrigin>(originsOf.get(n.id));
      if (b) origins.add('traced');
      if (own.length > 0) origins.add('declared');
      return {
        id: n.id,
        key: n.key,
        kind: n.kind,
        name: n.name,
        group: n.group,
        detail: n.detail,
        versions: [...new Set([...(b?.versions ?? []), ...(b ? [] : tags)])].sort(),
        instances: (b?.instances ?? []).sort(),
        callsIn: calls,
        spans: b?.spans ?? 0,
        traces: b?.traces ?? 0,
        entryTraces: b?.entry_traces ?? 0,
        errorRate: calls > 0 ? (errorsIn.get(n.id) ?? 0) / calls : 0,
        origins: [...origins].sort(),
        containers: own,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

const EDGES_SQL = `
  SELECT source_id, target_id, connection_type::text, array_agg(DISTINCT origin::text) AS origins,
    bool_or(inferred) AS inferred, sum(calls)::bigint AS calls, sum(errors)::bigint AS errors,
    sum(client_errors)::bigint AS client_errors, sum(writes)::bigint AS writes,
    sum(traces)::bigint AS traces,
    orrery_sum_counts(client_latency) AS client_latency, sum(client_latency_sum_ms) AS client_sum,
    orrery_sum_counts(server_latency) AS server_latency, sum(server_latency_sum_ms) AS server_sum,
    orrery_sum_counts(calls_per_trace) AS calls_per_trace, min(sample_trace_id) AS sample_trace_id
  FROM edge_bucket WHERE bucket_start >= $1 AND bucket_start < $2
  GROUP BY source_id, target_id, connection_type`;

const DECLARED_SQL = `
  SELECT d.source_id, d.target_id, d.connection_type::text, d.via, d.detail
  FROM declared_edge d JOIN container c ON c.id = d.container_id
  WHERE c.first_seen_at < $2 AND (c.removed_at IS NULL OR c.removed_at >= $1)
  ORDER BY d.container_id, d.via`;

const NODE_BUCKETS_SQL = `
  WITH w AS (SELECT * FROM node_bucket WHERE bucket_start >= $1 AND bucket_start < $2),
  s AS (SELECT node_id, sum(spans)::bigint AS spans, sum(traces)::bigint AS traces,
          sum(entry_traces)::bigint AS entry_traces FROM w GROUP BY node_id),
  v AS (SELECT node_id, array_agg(DISTINCT x) AS versions FROM w, unnest(w.versions) x GROUP BY node_id),
  i AS (SELECT node_id, array_agg(DISTINCT x) AS instances FROM w, unnest(w.instances) x GROUP BY node_id)
  SELECT s.*, COALESCE(v.versions, '{}') AS versions, COALESCE(i.instances, '{}') AS instances
  FROM s LEFT JOIN v USING (node_id) LEFT JOIN i USING (node_id)`;

const ENTRIES_SQL = `
  SELECT node_id, operation, sum(traces)::bigint AS traces,
    orrery_sum_counts(depth_hist) AS depth_hist
  FROM entry_bucket WHERE bucket_start >= $1 AND bucket_start < $2
  GROUP BY node_id, operation ORDER BY node_id, operation`;

const TRUST_SQL = `
  SELECT sum(received)::bigint AS received, sum(paired)::bigint AS paired,
    sum(unpaired)::bigint AS unpaired, sum(expired)::bigint AS expired,
    sum(rejected)::bigint AS rejected
  FROM trust_bucket WHERE bucket_start >= $1 AND bucket_start < $2`;

const CONTAINERS_SQL = `
  SELECT id, node_id, name, image, tag, state, health, networks, mounts
  FROM container WHERE first_seen_at < $2 AND (removed_at IS NULL OR removed_at >= $1)
  ORDER BY name`;

const NODES_SQL = `SELECT id, key, kind::text, name, "group", detail FROM node WHERE id = ANY($1::text[])`;
