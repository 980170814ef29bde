import { z } from 'zod';

import type { GraphResponse } from '@/lib/graph/types';

// The smell engine's input and output. Input is the graph of one window (the JSON of
// /api/graph) plus optional facts the graph does not carry; output is a list of findings,
// each naming the services, edges and resources involved and the numbers behind it.

export type Severity = 'info' | 'low' | 'medium' | 'high';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

/** When a node reported which versions (from NodeBucket rows); used by lock-step. */
export interface VersionSample {
  node: string; // node id
  bucketStartMs: number;
  versions: string[];
}

/**
 * The graph of a window, plus what the graph response does not hold. `versionTimeline` is
 * optional: without it lock-step versions cannot be judged and does not fire.
 */
export interface SmellInput extends GraphResponse {
  versionTimeline?: VersionSample[];
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const evidenceValueSchema = z.union([
  scalar,
  z.array(z.union([z.string(), z.number()])),
  z.array(z.record(z.string(), scalar)),
]);
export type EvidenceValue = z.infer<typeof evidenceValueSchema>;

export const smellCodeSchema = z.enum([
  'shared-persistence',
  'shared-database-server',
  'central-broker',
  'shared-destination',
  'esb-mediator',
  'cyclic-dependency',
  'async-cycle',
  'hub-like',
  'greedy-fan-out',
  'deep-chain',
  'chatty-edge',
  'single-point-of-failure',
  'version-skew',
  'lock-step-versions',
  'hard-coded-endpoint',
  'no-api-gateway',
  'shared-writable-volume',
]);
export type SmellCode = z.infer<typeof smellCodeSchema>;

export const findingSchema = z.object({
  /** Stable across refreshes: a hash of the code and the sorted entities. */
  id: z.string(),
  code: smellCodeSchema,
  title: z.string(),
  severity: z.enum(['info', 'low', 'medium', 'high']),
  /** Node ids of the services involved. */
  services: z.array(z.string()),
  /** Edge ids (`source>target>connectionType`). */
  edges: z.array(z.string()),
  /**
   * Node ids of non-service nodes (databases, queues, externals); things that are not
   * graph nodes carry a prefix with a colon, e.g. `volume:orders-data`.
   */
  resources: z.array(z.string()),
  evidence: z.record(z.string(), evidenceValueSchema),
  why: z.string(),
  fix: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

/** JSON of GET /api/smells?from&to (documented in docs/smells.md). */
export const smellsResponseSchema = z.object({
  window: z.object({ fromMs: z.number(), toMs: z.number() }),
  generatedAtMs: z.number(),
  findings: z.array(findingSchema),
  /** Names of the nodes the findings mention, so the page can label them without /api/graph. */
  nodes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      group: z.string().nullable(),
    }),
  ),
  counts: z.object({
    bySeverity: z.record(z.string(), z.number()),
    byCode: z.record(z.string(), z.number()),
  }),
});
export type SmellsResponse = z.infer<typeof smellsResponseSchema>;
