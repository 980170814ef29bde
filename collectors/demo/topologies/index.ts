import { generateTopology, type GeneratedTopology } from './generate-topology';
import { gilt } from './gilt';
import { hailo } from './hailo';
import type { SeededSmells, Topology } from './model';
import { netflix } from './netflix';
import type { TopologySpec } from './topology-spec';
import { twitter } from './twitter';

export type { SeededSmells, Topology } from './model';

export const TOPOLOGY_NAMES = ['hailo', 'gilt', 'netflix', 'twitter'] as const;
export type TopologyName = (typeof TOPOLOGY_NAMES)[number];
export const DEFAULT_SEED = 1;

const SPECS: Record<TopologyName, TopologySpec> = {
  hailo,
  gilt,
  netflix,
  twitter,
};
const cache = new Map<string, GeneratedTopology>();

function generated(name: TopologyName, seed: number): GeneratedTopology {
  const spec = SPECS[name];
  if (!spec) throw new Error(`unknown demo topology "${name}"`);
  const key = `${name}#${seed}`;
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = generateTopology(spec, seed)));
  return hit;
}

export function buildTopology(name: TopologyName, seed = DEFAULT_SEED): Topology {
  return generated(name, seed).topology;
}

/**
 * The smells a demo topology carries on purpose, with the services involved. The anchor
 * services are fixed per topology; the central broker's users depend on the seed.
 */
export function seededSmells(name: TopologyName, seed = DEFAULT_SEED): SeededSmells {
  return generated(name, seed).seeded;
}
