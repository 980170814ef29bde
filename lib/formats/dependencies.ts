import { createHash } from 'node:crypto';

import { z } from 'zod';

import { serviceKey } from '@/lib/topology/node-key';
import type { EdgeObservation, NodeObservation, ObservationBatch } from '@/lib/topology/types';

import { TraceFormatError } from './decode-result';

// Dependency-link files: Jaeger's GET /api/dependencies (a bare array, or {data: [...]}
// as the query service wraps it) and Zipkin's GET /api/v2/dependencies. Both are lists of
// {parent, child, callCount} (Zipkin adds errorCount). They carry no time, so the links are
// stored as traced rpc edges in the bucket of the import time. Reference:
// https://zipkin.io/zipkin-api/#/default/get_dependencies and jaeger-ui's dependencies API.

/** A link file that cannot be read; the message names the entry and field. */
export class DependencyFormatError extends TraceFormatError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DependencyFormatError';
  }
}

const name = z.string().trim().min(1).max(1024);
const count = z.number().int().nonnegative();
const linkSchema = z.object({
  parent: name,
  child: name,
  callCount: count,
  errorCount: count.optional(),
});

export interface DependencyImportOptions {
  /** Import time; floored to its 1-minute bucket. */
  bucketStartMs: number;
  collector?: string;
  batchId?: string;
}

/** True when the value looks like a dependency-link file (for format sniffing). */
export function isDependencyLinks(value: unknown): boolean {
  const list = Array.isArray(value) ? value : (value as { data?: unknown } | null)?.data;
  if (!Array.isArray(list) || list.length === 0) return false;
  const first = list[0] as Record<string, unknown> | null;
  return typeof first === 'object' && first !== null && 'parent' in first && 'child' in first;
}

export function parseDependencyLinks(
  value: unknown,
  options: DependencyImportOptions,
): ObservationBatch {
  const list = Array.isArray(value) ? value : (value as { data?: unknown } | null)?.data;
  if (!Array.isArray(list)) {
    throw new DependencyFormatError(
      'dependency links: expected an array or an object with a "data" array',
    );
  }
  const bucketStartMs = Math.floor(options.bucketStartMs / 60_000) * 60_000;
  const edges = new Map<string, EdgeObservation>();
  const nodes = new Map<string, NodeObservation>();

  list.forEach((raw, index) => {
    const parsed = linkSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join('.') || '(entry)';
      throw new DependencyFormatError(`dependency links[${index}].${field}: ${issue.message}`, {
        cause: parsed.error,
      });
    }
    const link = parsed.data;
    for (const service of [link.parent, link.child]) {
      const key = serviceKey(service);
      if (!nodes.has(key)) nodes.set(key, { key, kind: 'service', name: service });
    }
    const source = serviceKey(link.parent);
    const target = serviceKey(link.child);
    const id = `${source}\u0000${target}`;
    // Duplicate pairs (files merged from several days) add up.
    const edge = edges.get(id) ?? {
      bucketStartMs,
      source,
      target,
      connectionType: 'rpc',
      origin: 'traced',
      inferred: false,
      calls: 0,
      errors: 0,
      clientErrors: 0,
      writes: 0,
      traces: 0,
    };
    edge.calls += link.callCount;
    edge.errors += link.errorCount ?? 0;
    edges.set(id, edge);
  });

  // Same links at the same minute = same batch (a retried import is stored once); any other
  // file gets its own id even when it has as many links.
  const digest = createHash('sha256')
    .update(JSON.stringify([...edges.values()].map((e) => [e.source, e.target, e.calls, e.errors])))
    .digest('hex')
    .slice(0, 16);
  return {
    batchId: options.batchId ?? `dependencies-${bucketStartMs}-${digest}`,
    collector: options.collector ?? 'import.dependencies',
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    nodeBuckets: [],
    entries: [],
    trust: [],
  };
}
