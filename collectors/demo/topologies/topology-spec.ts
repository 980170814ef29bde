import type { DbSystem } from './model';

// What a named topology (hailo, gilt, netflix, twitter) says about itself: how many services of
// each tier live in each cell, the vocabulary its names are made of, how wide it fans out, and
// which services carry the seeded smells. The generator turns a spec and a seed into a model.

/** A cell is one copy of the stack: a region for netflix, the whole estate otherwise. */
export interface CellSpec {
  /** service.namespace of every service in the cell; without it the name's domain is used. */
  region?: string;
  /** Appended to every base name in the cell (`-use1`), so regional copies stay distinct. */
  suffix: string;
  gateways: string[];
  api: number;
  mid: number;
  leaf: number;
  worker: number;
}

export interface Anchors {
  /** Base names (before the cell suffix) of the services that carry the seeded smells. */
  sharedDatabase: { owner: string; reader: string; writer: string };
  /** api tier service, then two mid tier services: 0 → 1 → 2 → 0. */
  cycle: [string, string, string];
  rollout: { service: string; versions: [string, string] };
}

export interface TopologySpec {
  name: string;
  /** DNS suffix of every server.address in the topology. */
  dnsSuffix: string;
  /** Business words names are built from: `<domain>-<noun>`. */
  domains: string[];
  cells: CellSpec[];
  grpcShare: number;
  leafSystems: DbSystem[];
  /** Extra distinct callees per api/mid service, beyond the ones that keep every node reached. */
  extraCallees: [number, number];
  /** How many times one step calls its callee (batch lookups); keep well under 10 (chatty). */
  repeat: [number, number];
  consumersPerTopic: [number, number];
  anchors: Anchors;
}

/** Distinct synchronous callees a non-gateway service may have (greedy fan-out fires at 6). */
export const MAX_CALLEES = 5;
/** Distinct synchronous callers of a service (hub-like starts at three). */
export const MAX_CALLERS = 2;

export const TIER_NOUNS = {
  api: ['api', 'bff', 'public-api', 'mobile-api', 'partner-api'],
  mid: ['service', 'manager', 'engine', 'resolver', 'planner', 'scorer', 'matcher', 'tracker'],
  leaf: ['store', 'ledger', 'index', 'lookup', 'archive', 'history', 'profile', 'snapshot'],
  worker: ['worker', 'indexer', 'notifier', 'projector', 'sink'],
} as const;
