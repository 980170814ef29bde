import type pg from 'pg';

import { pool } from '@/lib/db/pool';
import { childLogger } from '@/lib/logger';
import { kindOfKey, nodeId } from '@/lib/topology/node-key';
import type { NodeObservation, ObservationBatchWithDocker } from '@/lib/topology/types';

import { storeDocker } from './store-docker';
import { mergeEdges, mergeEntries, mergeNodeBuckets, mergeNodes, mergeTrust } from './merge';

// Writes one batch in one transaction: all of it or none of it, and only once. The batch id
// goes into `ingest_batch` first; a retry of a batch already stored hits the primary key and
// is acknowledged without adding anything. Rollups are additive upserts, so batches from
// several collectors for the same bucket add up. Rows are sorted by primary key so that
// concurrent batches take row locks in the same order and cannot deadlock.

const log = childLogger('ingest.store');

export interface StoreResult {
  duplicate: boolean;
  newNodeIds: string[];
  newEdgeIds: string[];
  fromMs: number;
  toMs: number;
}

export class StoreError extends Error {}

export async function storeBatch(batch: ObservationBatchWithDocker): Promise<StoreResult> {
  const client = await pool().connect();
  try {
    await client.query('BEGIN');
    const fresh = await client.query(
      'INSERT INTO ingest_batch (id, collector) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
      [batch.batchId, batch.collector],
    );
    if (fresh.rowCount === 0) {
      await client.query('ROLLBACK');
      return { duplicate: true, newNodeIds: [], newEdgeIds: [], fromMs: 0, toMs: 0 };
    }
    const result = await writeRows(client, batch);
    await client.query('COMMIT');
    log.debug({ batchId: batch.batchId, edges: batch.edges.length }, 'batch stored');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new StoreError(`could not store batch ${batch.batchId}`, { cause: err });
  } finally {
    client.release();
  }
}

async function writeRows(client: pg.PoolClient, batch: ObservationBatchWithDocker) {
  const edges = mergeEdges(batch.edges);
  const nodes = withReferencedNodes(batch);
  const newNodeIds = await upsertNodes(client, nodes);
  const newEdgeIds = await findNewEdges(client, edges);
  const ms = edges.map((e) => e.bucketStartMs).concat(batch.trust.map((t) => t.bucketStartMs));

  await upsertEdges(client, edges);
  await upsertNodeBuckets(client, batch);
  await upsertEntries(client, batch);
  await upsertTrust(client, batch);
  if (batch.docker) await storeDocker(client, batch.docker);

  return {
    duplicate: false,
    newNodeIds,
    newEdgeIds,
    fromMs: ms.length ? Math.min(...ms) : Date.now(),
    toMs: ms.length ? Math.max(...ms) + 60_000 : Date.now(),
  };
}

/** Every key an edge, bucket or container names becomes a node, even if not listed. */
function withReferencedNodes(batch: ObservationBatchWithDocker): NodeObservation[] {
  const listed = mergeNodes(batch.nodes);
  const known = new Set(listed.map((n) => n.key));
  const referenced = [
    ...batch.edges.flatMap((e) => [e.source, e.target]),
    ...batch.nodeBuckets.map((b) => b.node),
    ...batch.entries.map((e) => e.node),
    ...(batch.docker?.containers.map((c) => c.node) ?? []),
    ...(batch.docker?.declared.flatMap((d) => [d.source, d.target]) ?? []),
  ];
  for (const key of referenced) {
    if (known.has(key)) continue;
    known.add(key);
    listed.push({ key, kind: kindOfKey(key), name: key.slice(key.indexOf(':') + 1) || key });
  }
  return listed.sort((a, b) => (nodeId(a.key) < nodeId(b.key) ? -1 : 1));
}

async function upsertNodes(client: pg.PoolClient, nodes: NodeObservation[]): Promise<string[]> {
  if (nodes.length === 0) return [];
  const rows = nodes.map((n) => ({
    id: nodeId(n.key),
    key: n.key,
    kind: n.kind,
    name: n.name,
    group: n.group ?? null,
    detail: n.detail ?? null,
  }));
  const result = await client.query<{ id: string; inserted: boolean }>(
    `INSERT INTO node (id, key, kind, name, "group", detail)
     SELECT id, key, kind::node_kind, name, "group", detail
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, key text, kind text, name text, "group" text, detail jsonb)
     ON CONFLICT (id) DO UPDATE SET
       last_seen_at = now(),
       "group" = COALESCE(EXCLUDED."group", node."group"),
       detail = CASE WHEN EXCLUDED.detail IS NULL THEN node.detail
                     ELSE COALESCE(node.detail, '{}'::jsonb) || EXCLUDED.detail END
     RETURNING id, (xmax = 0) AS inserted`,
    [JSON.stringify(rows)],
  );
  return result.rows.filter((r) => r.inserted).map((r) => r.id);
}

async function findNewEdges(
  client: pg.PoolClient,
  edges: ReturnType<typeof mergeEdges>,
): Promise<string[]> {
  const triples = new Map<string, { s: string; t: string; c: string }>();
  for (const e of edges) {
    const s = nodeId(e.source);
    const t = nodeId(e.target);
    triples.set(`${s}>${t}>${e.connectionType}`, { s, t, c: e.connectionType });
  }
  if (triples.size === 0) return [];
  const existing = await client.query<{ id: string }>(
    `SELECT DISTINCT x.s || '>' || x.t || '>' || x.c AS id
     FROM jsonb_to_recordset($1::jsonb) AS x(s text, t text, c text)
     WHERE EXISTS (SELECT 1 FROM edge_bucket e WHERE e.source_id = x.s AND e.target_id = x.t
                   AND e.connection_type = x.c::connection_type)`,
    [JSON.stringify([...triples.values()])],
  );
  const old = new Set(existing.rows.map((r) => r.id));
  return [...triples.keys()].filter((id) => !old.has(id));
}

async function upsertEdges(client: pg.PoolClient, edges: ReturnType<typeof mergeEdges>) {
  if (edges.length === 0) return;
  const rows = edges
    .map((e) => ({
      b: e.bucketStartMs,
      s: nodeId(e.source),
      t: nodeId(e.target),
      c: e.connectionType,
      o: e.origin,
      inf: e.inferred,
      calls: e.calls,
      err: e.errors,
      cerr: e.clientErrors,
      w: e.writes,
      tr: e.traces,
      cl: e.clientLatency?.counts ?? null,
      cls: e.clientLatency?.sumMs ?? 0,
      sl: e.serverLatency?.counts ?? null,
      sls: e.serverLatency?.sumMs ?? 0,
      cpt: e.callsPerTrace ?? null,
      st: e.sampleTraceId ?? null,
      d: e.detail ?? null,
    }))
    .sort((a, b) => a.b - b.b || cmp(a.s, b.s) || cmp(a.t, b.t) || cmp(a.c, b.c) || cmp(a.o, b.o));
  await client.query(
    `INSERT INTO edge_bucket (bucket_start, source_id, target_id, connection_type, origin, inferred,
       calls, errors, client_errors, writes, traces, client_latency, client_latency_sum_ms,
       server_latency, server_latency_sum_ms, calls_per_trace, sample_trace_id, detail)
     SELECT to_timestamp(b / 1000.0), s, t, c::connection_type, o::edge_origin, inf, calls, err,
       cerr, w, tr, cl, cls, sl, sls, cpt, st, d
     FROM jsonb_to_recordset($1::jsonb) AS x(b bigint, s text, t text, c text, o text, inf boolean,
       calls bigint, err bigint, cerr bigint, w bigint, tr bigint, cl bigint[], cls float8,
       sl bigint[], sls float8, cpt bigint[], st text, d jsonb)
     ON CONFLICT (bucket_start, source_id, target_id, connection_type, origin) DO UPDATE SET
       inferred = edge_bucket.inferred OR EXCLUDED.inferred,
       calls = edge_bucket.calls + EXCLUDED.calls,
       errors = edge_bucket.errors + EXCLUDED.errors,
       client_errors = edge_bucket.client_errors + EXCLUDED.client_errors,
       writes = edge_bucket.writes + EXCLUDED.writes,
       traces = edge_bucket.traces + EXCLUDED.traces,
       client_latency = orrery_add_counts(edge_bucket.client_latency, EXCLUDED.client_latency),
       client_latency_sum_ms = edge_bucket.client_latency_sum_ms + EXCLUDED.client_latency_sum_ms,
       server_latency = orrery_add_counts(edge_bucket.server_latency, EXCLUDED.server_latency),
       server_latency_sum_ms = edge_bucket.server_latency_sum_ms + EXCLUDED.server_latency_sum_ms,
       calls_per_trace = orrery_add_counts(edge_bucket.calls_per_trace, EXCLUDED.calls_per_trace),
       sample_trace_id = COALESCE(edge_bucket.sample_trace_id, EXCLUDED.sample_trace_id),
       detail = CASE WHEN EXCLUDED.detail IS NULL THEN edge_bucket.detail
                     ELSE COALESCE(edge_bucket.detail, '{}'::jsonb) || EXCLUDED.detail END`,
    [JSON.stringify(rows)],
  );
}

async function upsertNodeBuckets(client: pg.PoolClient, batch: ObservationBatchWithDocker) {
  const rows = mergeNodeBuckets(batch.nodeBuckets)
    .map((r) => ({ ...r, id: nodeId(r.node) }))
    .sort((a, b) => a.bucketStartMs - b.bucketStartMs || cmp(a.id, b.id));
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO node_bucket (bucket_start, node_id, spans, traces, entry_traces, versions, instances)
     SELECT to_timestamp("bucketStartMs" / 1000.0), id, spans, traces, "entryTraces", versions, instances
     FROM jsonb_to_recordset($1::jsonb) AS x("bucketStartMs" bigint, id text, spans bigint,
       traces bigint, "entryTraces" bigint, versions text[], instances text[])
     ON CONFLICT (bucket_start, node_id) DO UPDATE SET
       spans = node_bucket.spans + EXCLUDED.spans,
       traces = node_bucket.traces + EXCLUDED.traces,
       entry_traces = node_bucket.entry_traces + EXCLUDED.entry_traces,
       versions = ARRAY(SELECT DISTINCT unnest(node_bucket.versions || EXCLUDED.versions)),
       instances = ARRAY(SELECT DISTINCT unnest(node_bucket.instances || EXCLUDED.instances))`,
    [JSON.stringify(rows)],
  );
}

async function upsertEntries(client: pg.PoolClient, batch: ObservationBatchWithDocker) {
  const rows = mergeEntries(batch.entries)
    .map((r) => ({ ...r, id: nodeId(r.node) }))
    .sort(
      (a, b) =>
        a.bucketStartMs - b.bucketStartMs || cmp(a.id, b.id) || cmp(a.operation, b.operation),
    );
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO entry_bucket (bucket_start, node_id, operation, traces, depth_hist)
     SELECT to_timestamp("bucketStartMs" / 1000.0), id, operation, traces, "depthHist"
     FROM jsonb_to_recordset($1::jsonb) AS x("bucketStartMs" bigint, id text, operation text,
       traces bigint, "depthHist" bigint[])
     ON CONFLICT (bucket_start, node_id, operation) DO UPDATE SET
       traces = entry_bucket.traces + EXCLUDED.traces,
       depth_hist = orrery_add_counts(entry_bucket.depth_hist, EXCLUDED.depth_hist)`,
    [JSON.stringify(rows)],
  );
}

async function upsertTrust(client: pg.PoolClient, batch: ObservationBatchWithDocker) {
  const rows = mergeTrust(batch.trust).sort((a, b) => a.bucketStartMs - b.bucketStartMs);
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO trust_bucket (bucket_start, collector, received, paired, unpaired, expired, rejected)
     SELECT to_timestamp("bucketStartMs" / 1000.0), $2, received, paired, unpaired, expired, rejected
     FROM jsonb_to_recordset($1::jsonb) AS x("bucketStartMs" bigint, received bigint,
       paired bigint, unpaired bigint, expired bigint, rejected bigint)
     ON CONFLICT (bucket_start, collector) DO UPDATE SET
       received = trust_bucket.received + EXCLUDED.received,
       paired = trust_bucket.paired + EXCLUDED.paired,
       unpaired = trust_bucket.unpaired + EXCLUDED.unpaired,
       expired = trust_bucket.expired + EXCLUDED.expired,
       rejected = trust_bucket.rejected + EXCLUDED.rejected`,
    [JSON.stringify(rows), batch.collector],
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
