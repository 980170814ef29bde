import { z } from 'zod';

import type { GraphResponse } from '@/lib/graph/types';

// The browser's check of GET /api/graph. The API is ours, but the page must not draw
// garbage (or crash deep inside the canvas code) when a proxy, an old server or a bug
// returns something else: a mismatch becomes a visible error state at the fetch boundary.

const nodeKind = z.enum(['service', 'database', 'queue', 'external', 'unknown-caller']);
const origin = z.enum(['traced', 'observed', 'declared']);
const connectionType = z.enum(['rpc', 'messaging', 'database']);
const ms = z.number().nullable();

const latency = z.object({ p50: ms, p95: ms, p99: ms, meanMs: ms });

const container = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  tag: z.string(),
  state: z.string(),
  health: z.string().nullable(),
  networks: z.array(
    z.object({
      name: z.string(),
      ips: z.array(z.string()),
      aliases: z.array(z.string()),
    }),
  ),
  mounts: z.array(
    z.object({
      type: z.string(),
      name: z.string(),
      destination: z.string(),
      rw: z.boolean(),
    }),
  ),
});

const node = z.object({
  id: z.string().min(1),
  key: z.string(),
  kind: nodeKind,
  name: z.string(),
  group: z.string().nullable(),
  detail: z.record(z.string(), z.string()).nullable(),
  versions: z.array(z.string()),
  instances: z.array(z.string()),
  callsIn: z.number(),
  spans: z.number(),
  traces: z.number(),
  entryTraces: z.number(),
  errorRate: z.number(),
  origins: z.array(origin),
  containers: z.array(container),
});

const edge = z.object({
  id: z.string().min(1),
  source: z.string(),
  target: z.string(),
  connectionType,
  origins: z.array(origin),
  inferred: z.boolean(),
  calls: z.number(),
  ratePerSec: z.number(),
  errors: z.number(),
  errorRate: z.number(),
  clientErrors: z.number(),
  writes: z.number(),
  traces: z.number(),
  callsPerTraceMedian: z.number().nullable(),
  latency,
  clientLatency: latency,
  serverLatency: latency,
  sampleTraceId: z.string().nullable(),
  declared: z.array(
    z.object({
      via: z.string(),
      detail: z.record(z.string(), z.string()).nullable(),
    }),
  ),
});

export const graphResponseSchema: z.ZodType<GraphResponse> = z.object({
  window: z.object({ fromMs: z.number(), toMs: z.number() }),
  nodes: z.array(node),
  edges: z.array(edge),
  entries: z.array(
    z.object({
      node: z.string(),
      operation: z.string(),
      traces: z.number(),
      depthHist: z.array(z.number()),
    }),
  ),
  trust: z.object({
    received: z.number(),
    paired: z.number(),
    unpaired: z.number(),
    expired: z.number(),
    rejected: z.number(),
  }),
  generatedAtMs: z.number(),
});
