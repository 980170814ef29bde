import { z } from 'zod';

import { hasUnstorableText } from '@/lib/topology/clean-text';
import {
  CALLS_PER_TRACE_BUCKETS,
  DEPTH_BUCKETS,
  LATENCY_BUCKETS,
  type ObservationBatchWithDocker,
} from '@/lib/topology/types';

// The one validated entry into storage. Every collector, in-process or remote, sends this
// shape; zod errors name the offending field path so a remote collector's author can fix it.

const storable = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !hasUnstorableText(v), 'contains a NUL or an unpaired surrogate character');
const count = z.number().int().nonnegative();
const key = storable(1024).min(1);
const bucketStartMs = z
  .number()
  .int()
  .refine((ms) => ms % 60_000 === 0, 'must be the start of a 1-minute bucket');
const shortText = storable(1024);
const detail = z.record(storable(256), storable(2048)).optional();

const histogram = z.object({
  counts: z.array(count).length(LATENCY_BUCKETS),
  sumMs: z.number().nonnegative(),
});

const node = z.object({
  key,
  kind: z.enum(['service', 'database', 'queue', 'external', 'unknown-caller']),
  name: shortText,
  group: shortText.optional(),
  version: shortText.optional(),
  instanceId: shortText.optional(),
  detail,
});

const connectionType = z.enum(['rpc', 'messaging', 'database']);

const edge = z.object({
  bucketStartMs,
  source: key,
  target: key,
  connectionType,
  origin: z.enum(['traced', 'observed', 'declared']),
  inferred: z.boolean(),
  calls: count,
  errors: count,
  clientErrors: count,
  writes: count,
  clientLatency: histogram.optional(),
  serverLatency: histogram.optional(),
  traces: count,
  callsPerTrace: z.array(count).length(CALLS_PER_TRACE_BUCKETS).optional(),
  sampleTraceId: z.string().max(64).optional(),
  detail,
});

const nodeBucket = z.object({
  bucketStartMs,
  node: key,
  spans: count,
  traces: count,
  entryTraces: count,
  versions: z.array(shortText).max(64),
  instances: z.array(shortText).max(1024),
});

const entry = z.object({
  bucketStartMs,
  node: key,
  operation: shortText,
  traces: count,
  depthHist: z.array(count).length(DEPTH_BUCKETS),
});

const trust = z.object({
  bucketStartMs,
  received: count,
  paired: count,
  unpaired: count,
  expired: count,
  rejected: count,
});

const container = z.object({
  id: z.string().min(1).max(256),
  name: shortText,
  node: key,
  image: shortText,
  tag: shortText,
  state: z.string().max(64),
  health: z.string().max(64).optional(),
  networks: z.array(
    z.object({ name: shortText, ips: z.array(z.string().max(64)), aliases: z.array(shortText) }),
  ),
  mounts: z.array(
    z.object({
      type: z.string().max(32),
      name: shortText,
      destination: shortText,
      rw: z.boolean(),
    }),
  ),
  labels: z.record(z.string().max(256), z.string().max(2048)).optional(),
});

const declared = z.object({
  containerId: z.string().min(1).max(256),
  source: key,
  target: key,
  connectionType,
  via: z.enum(['env', 'depends_on', 'links']),
  detail,
});

const docker = z.object({
  host: z.string().min(1).max(256),
  full: z.boolean(),
  containers: z.array(container).max(10_000),
  removed: z.array(z.string().max(256)).max(10_000),
  declared: z.array(declared).max(100_000),
});

export const observationBatchSchema = z.object({
  batchId: z.string().min(8).max(128),
  collector: z.string().min(1).max(128),
  nodes: z.array(node).max(100_000),
  edges: z.array(edge).max(500_000),
  nodeBuckets: z.array(nodeBucket).max(100_000),
  entries: z.array(entry).max(100_000),
  trust: z.array(trust).max(10_000),
  docker: docker.optional(),
}) satisfies z.ZodType<ObservationBatchWithDocker>;

/** Turns a zod error into one line naming each offending field, for HTTP 400 bodies. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
