import { merge, mergeCounts } from '@/lib/topology/histogram';
import type {
  EdgeObservation,
  EntryObservation,
  NodeBucketObservation,
  NodeObservation,
  TrustObservation,
} from '@/lib/topology/types';

// Collapses a batch's rows that share a primary key before they reach Postgres: one
// INSERT … ON CONFLICT may not touch the same row twice, and fewer rows is faster anyway.

function addCounts(a: number[] | undefined, b: number[] | undefined): number[] | undefined {
  return a && b ? mergeCounts(a, b) : (a ?? b)?.slice();
}

export function edgeRowKey(e: EdgeObservation): string {
  return `${e.bucketStartMs}|${e.source}|${e.target}|${e.connectionType}|${e.origin}`;
}

export function mergeEdges(edges: EdgeObservation[]): EdgeObservation[] {
  const rows = new Map<string, EdgeObservation>();
  for (const edge of edges) {
    const key = edgeRowKey(edge);
    const seen = rows.get(key);
    if (!seen) {
      rows.set(key, { ...edge });
      continue;
    }
    seen.inferred ||= edge.inferred;
    seen.calls += edge.calls;
    seen.errors += edge.errors;
    seen.clientErrors += edge.clientErrors;
    seen.writes += edge.writes;
    seen.traces += edge.traces;
    seen.clientLatency = merge(seen.clientLatency, edge.clientLatency);
    seen.serverLatency = merge(seen.serverLatency, edge.serverLatency);
    seen.callsPerTrace = addCounts(seen.callsPerTrace, edge.callsPerTrace);
    seen.sampleTraceId ??= edge.sampleTraceId;
    if (edge.detail) seen.detail = { ...seen.detail, ...edge.detail };
  }
  return [...rows.values()];
}

export function mergeNodes(nodes: NodeObservation[]): NodeObservation[] {
  const byKey = new Map<string, NodeObservation>();
  for (const node of nodes) {
    const seen = byKey.get(node.key);
    if (!seen) byKey.set(node.key, { ...node });
    else {
      seen.group ??= node.group;
      if (node.detail) seen.detail = { ...seen.detail, ...node.detail };
    }
  }
  return [...byKey.values()];
}

export function mergeNodeBuckets(rows: NodeBucketObservation[]): NodeBucketObservation[] {
  const byKey = new Map<string, NodeBucketObservation>();
  for (const row of rows) {
    const key = `${row.bucketStartMs}|${row.node}`;
    const seen = byKey.get(key);
    if (!seen)
      byKey.set(key, { ...row, versions: [...row.versions], instances: [...row.instances] });
    else {
      seen.spans += row.spans;
      seen.traces += row.traces;
      seen.entryTraces += row.entryTraces;
      seen.versions = [...new Set([...seen.versions, ...row.versions])];
      seen.instances = [...new Set([...seen.instances, ...row.instances])];
    }
  }
  return [...byKey.values()];
}

export function mergeEntries(rows: EntryObservation[]): EntryObservation[] {
  const byKey = new Map<string, EntryObservation>();
  for (const row of rows) {
    const key = `${row.bucketStartMs}|${row.node}|${row.operation}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...row, depthHist: row.depthHist.slice() });
    else {
      seen.traces += row.traces;
      seen.depthHist = mergeCounts(seen.depthHist, row.depthHist);
    }
  }
  return [...byKey.values()];
}

export function mergeTrust(rows: TrustObservation[]): TrustObservation[] {
  const byBucket = new Map<number, TrustObservation>();
  for (const row of rows) {
    const seen = byBucket.get(row.bucketStartMs);
    if (!seen) byBucket.set(row.bucketStartMs, { ...row });
    else {
      seen.received += row.received;
      seen.paired += row.paired;
      seen.unpaired += row.unpaired;
      seen.expired += row.expired;
      seen.rejected += row.rejected;
    }
  }
  return [...byBucket.values()];
}
