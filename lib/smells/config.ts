import { existsSync, readFileSync } from 'node:fs';

import { z } from 'zod';

import { smellCodeSchema } from './types';

// Every threshold of the smell engine, with its default. Users change them with
// ORRERY_SMELLS: either inline JSON (`{"greedyFanOut":8}`) or the path of a JSON file.
// Unknown keys are rejected so a typo does not silently keep a default.

const count = z.number().int().positive();
const share = z.number().min(0).max(1);
const role = z.enum(['app', 'gateway', 'datastore', 'broker', 'infra', 'loadgen', 'external']);

export const smellConfigSchema = z
  .object({
    sharedPersistenceMinServices: count.default(2),
    sharedPersistenceHighWriters: count.default(2),
    sharedServerMinServices: count.default(2),
    centralBrokerMinServices: count.default(3),
    centralBrokerMinShare: share.default(0.5),
    sharedDestinationMinProducers: count.default(2),
    esbMinServices: count.default(8),
    esbGapFactor: z.number().positive().default(2),
    esbRelayRatio: z.number().nonnegative().default(0.6),
    cycleMinCalls: count.default(1),
    hubMinInDegree: count.default(3),
    /** A fixed in-degree threshold instead of the adaptive one (null = adaptive). */
    hubInDegree: count.nullable().default(null),
    greedyFanOut: count.default(6),
    deepChainLow: count.default(5),
    deepChainMedium: count.default(6),
    deepChainHigh: count.default(8),
    chattyCallsPerTrace: z.number().positive().default(10),
    spofMinShare: share.default(0.5),
    versionSkewMin: count.default(2),
    versionSkewHigh: count.default(3),
    lockStepShare: share.default(0.8),
    lockStepWindowMs: count.default(30 * 60_000),
    lockStepMinChanges: count.default(2),
    noGatewayMinServices: count.default(2),
    sharedVolumeMinContainers: count.default(2),
    /** Count infrastructure (agents, registries, gateways, load generators) in graph rules. */
    includeInfra: z.boolean().default(false),
    /** Role overrides by node name, e.g. {"auth": "infra", "legacy-db": "datastore"}. */
    roles: z.record(z.string(), role).default({}),
    disabled: z.array(smellCodeSchema).default([]),
  })
  .strict();

export type SmellConfig = z.infer<typeof smellConfigSchema>;
export type NodeRole = z.infer<typeof role>;

export const DEFAULT_SMELL_CONFIG: SmellConfig = smellConfigSchema.parse({});

export class SmellConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SmellConfigError';
  }
}

export function resolveSmellConfig(partial: Partial<SmellConfig> = {}): SmellConfig {
  const result = smellConfigSchema.safeParse(partial);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SmellConfigError(`Invalid smell configuration: ${lines.join('; ')}`);
  }
  return result.data;
}

/** Reads ORRERY_SMELLS: inline JSON when it starts with `{`, otherwise a JSON file path. */
export function smellConfigFromEnv(
  source: Record<string, string | undefined> = process.env,
): SmellConfig {
  const raw = source.ORRERY_SMELLS?.trim();
  if (!raw) return DEFAULT_SMELL_CONFIG;
  let text = raw;
  if (!raw.startsWith('{')) {
    if (!existsSync(raw)) throw new SmellConfigError(`ORRERY_SMELLS: file not found: ${raw}`);
    text = readFileSync(raw, 'utf8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new SmellConfigError('ORRERY_SMELLS: not valid JSON', { cause: err });
  }
  try {
    return resolveSmellConfig(parsed as Partial<SmellConfig>);
  } catch (err) {
    throw new SmellConfigError(`ORRERY_SMELLS: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
