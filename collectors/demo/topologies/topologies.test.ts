import { describe, expect, it } from 'vitest';

import { analyzeTopology } from './analyze-topology';
import { buildTopology, seededSmells, TOPOLOGY_NAMES, type TopologyName } from './index';
import type { Topology } from './model';

const EXPECTED: Record<
  TopologyName,
  { services: number; tiers: Record<string, number>; groups: number }
> = {
  hailo: {
    services: 160,
    tiers: { gateway: 3, api: 24, mid: 50, leaf: 60, worker: 23 },
    groups: 31,
  },
  gilt: {
    services: 450,
    tiers: { gateway: 3, api: 60, mid: 150, leaf: 170, worker: 67 },
    groups: 41,
  },
  netflix: {
    services: 1000,
    tiers: { gateway: 3, api: 120, mid: 360, leaf: 390, worker: 127 },
    groups: 3,
  },
  twitter: {
    services: 300,
    tiers: { gateway: 3, api: 30, mid: 90, leaf: 120, worker: 57 },
    groups: 31,
  },
};

function reachable(t: Topology): Set<string> {
  const byName = new Map(t.services.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const todo = t.entries.map((e) => e.service);
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const step of byName.get(name)!.operations.flatMap((o) => o.groups.flat())) {
      if (step.type === 'call') todo.push(step.service);
      if (step.type === 'produce')
        todo.push(...t.topics.find((x) => x.name === step.topic)!.consumers);
    }
  }
  return seen;
}

describe.each(TOPOLOGY_NAMES)('demo topology %s', (name) => {
  const topology = buildTopology(name);
  const facts = analyzeTopology(topology);
  const seeded = seededSmells(name);

  it('has the expected number of services per tier and groups', () => {
    const tiers: Record<string, number> = {};
    for (const s of topology.services) tiers[s.tier] = (tiers[s.tier] ?? 0) + 1;
    expect(topology.services).toHaveLength(EXPECTED[name].services);
    expect(new Set(topology.services.map((s) => s.name)).size).toBe(EXPECTED[name].services);
    expect(tiers).toEqual(EXPECTED[name].tiers);
    expect(new Set(topology.services.map((s) => s.namespace)).size).toBe(EXPECTED[name].groups);
  });

  it('is deterministic under a seed and varies with it', () => {
    expect(JSON.stringify(buildTopology(name, 7))).toBe(JSON.stringify(buildTopology(name, 7)));
    expect(JSON.stringify(buildTopology(name, 8))).not.toBe(JSON.stringify(buildTopology(name, 7)));
    expect(seededSmells(name, 8).cycle).toEqual(seeded.cycle);
  });

  it('reaches every service from an entry', () => {
    expect(reachable(topology).size).toBe(topology.services.length);
  });

  it('has exactly one synchronous cycle, the seeded one, and no other loop', () => {
    expect(facts.syncCycles).toEqual([[...seeded.cycle.services].sort()]);
    expect(facts.anyCycles).toEqual([[...seeded.cycle.services].sort()]);
    const [x, y, z] = seeded.cycle.services;
    expect([
      facts.syncEdges.get(x)!.has(y),
      facts.syncEdges.get(y)!.has(z),
      facts.syncEdges.get(z)!.has(x),
    ]).toEqual([true, true, true]);
  });

  it('shares exactly one database, the seeded one, and no database server', () => {
    const shared = [...facts.storesByAddress].filter(([, use]) => use.accessors.length > 1);
    expect(
      shared.map(([address, use]) => ({
        address,
        ...use,
        accessors: [...use.accessors].sort(),
        writers: [...use.writers].sort(),
      })),
    ).toEqual([
      {
        address: seeded.sharedDatabase.address,
        system: 'postgresql',
        namespaces: [seeded.sharedDatabase.namespace],
        accessors: seeded.sharedDatabase.services,
        writers: seeded.sharedDatabase.writers,
      },
    ]);
    expect(seeded.sharedDatabase.writers).toHaveLength(2);
    expect([...facts.storesByAddress.values()].every((u) => u.namespaces.length === 1)).toBe(true);
  });

  it('routes most app services through one broker, each topic with one producer', () => {
    const app = topology.services.filter((s) => s.tier !== 'gateway').length;
    expect(seeded.centralBroker.services.length).toBeGreaterThanOrEqual(Math.ceil(app / 2));
    const producers = topology.topics.map((t) => t.producer);
    expect(new Set(producers).size).toBe(producers.length);
    expect(new Set(topology.topics.map((t) => t.name)).size).toBe(topology.topics.length);
  });

  it('runs two versions of exactly the seeded service and distinct ones elsewhere', () => {
    const multi = [...facts.versions].filter(([, v]) => v.length > 1);
    expect(multi).toEqual([[seeded.versionRollout.service, seeded.versionRollout.versions]]);
    const single = [...facts.versions.values()].map((v) => v[0]);
    const counts = new Map<string, number>();
    single.forEach((v) => counts.set(v, (counts.get(v) ?? 0) + 1));
    const top = Math.max(...counts.values());
    expect(top / single.length).toBeLessThan(0.1);
  });

  it('stays under the fan-out and depth thresholds of the other smells', () => {
    expect(facts.maxFanOut.callees).toBeLessThanOrEqual(5);
    expect(facts.maxSyncDepth).toBe(4);
    expect(facts.reentrantPaths).toBe(0);
    expect(facts.maxCallers).toBe(2);
    const entryServices = new Set(topology.entries.map((e) => e.service));
    expect([...entryServices].every((s) => s.includes('-gateway'))).toBe(true);
  });
});
