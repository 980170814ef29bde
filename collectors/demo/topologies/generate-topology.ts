import { buildServices } from './build-operations';
import { baseNames, draftCell } from './draft-services';
import type { SeededSmells, Topology } from './model';
import { createRandom, deriveSeed } from './random';
import { brokerUsers, seedSmells } from './seed-smells';
import type { TopologySpec } from './topology-spec';

export interface GeneratedTopology {
  topology: Topology;
  seeded: SeededSmells;
}

/** Spec + seed → the same topology every time (names, calls, stores, versions). */
export function generateTopology(spec: TopologySpec, seed: number): GeneratedTopology {
  const rng = createRandom(deriveSeed(seed, spec.name));
  const names = baseNames(spec, rng);
  const suffix0 = spec.cells[0].suffix;
  // The cycle's three hops each take one more callee; keep room for them under the cap.
  const reserved = new Map(spec.anchors.cycle.map((base) => [`${base}${suffix0}`, 1]));
  // z must be reached from some api service other than x, or the z → x hop would run
  // inside a request that came through x (a re-entrant call, and a five-service chain).
  const [x, , z] = spec.anchors.cycle.map((base) => `${base}${suffix0}`);
  const forbidden = new Set([`${x}>${z}`]);
  const drafts = spec.cells.flatMap((_cell, i) =>
    draftCell(spec, i, names, reserved, forbidden, rng),
  );
  const services = buildServices(drafts, spec, rng);
  const seeded = seedSmells(spec, drafts, services, rng);

  const topics = drafts
    .filter((d) => d.produces)
    .map((d) => ({
      name: d.produces!,
      producer: d.name,
      consumers: drafts.filter((w) => w.consumes.includes(d.produces!)).map((w) => w.name),
    }));
  const entries = services
    .filter((s) => s.tier === 'gateway')
    .flatMap((s) =>
      s.operations.map((o) => ({
        service: s.name,
        operation: o.name,
        weight: rng.int(1, 3),
      })),
    );
  const broker = {
    system: 'kafka' as const,
    address: `kafka.${spec.dnsSuffix}`,
    port: 9092,
  };
  const topology: Topology = {
    name: spec.name,
    dnsSuffix: spec.dnsSuffix,
    services,
    entries,
    broker,
    topics,
  };
  return {
    topology,
    seeded: {
      ...seeded,
      centralBroker: {
        system: 'kafka',
        address: broker.address,
        services: brokerUsers(topology),
      },
    },
  };
}
