import { operationName, readStep, storeFor, writeStep } from './build-operations';
import type { Draft } from './draft-services';
import type { Operation, SeededSmells, Service, Step, Topology } from './model';
import type { Random } from './random';
import type { TopologySpec } from './topology-spec';

// Third pass: plants the smells the demo is meant to show, all in the first cell, on the
// anchor services the spec names. Everything else stays clean, so the smells view must find
// exactly these (see the topology tests, which check this statically).

export function seedSmells(
  spec: TopologySpec,
  drafts: Draft[],
  services: Service[],
  rng: Random,
): Omit<SeededSmells, 'centralBroker'> {
  const suffix = spec.cells[0].suffix;
  const a = spec.anchors;
  const get = (base: string) => {
    const s = services.find((x) => x.name === `${base}${suffix}`);
    if (!s) throw new Error(`${spec.name}: anchor ${base} missing`);
    return s;
  };
  const draftOf = (s: Service) => drafts.find((d) => d.name === s.name)!;
  const firstOp = (s: Service) => s.operations[0];
  const add = (o: Operation, group: Step[]) => o.groups.push(group);

  // Shared persistence: the owner's postgres database, written by the owner and by a worker,
  // read by a second leaf service. Three accessors, two writers, overlapping tables.
  const owner = get(a.sharedDatabase.owner);
  const shared = storeFor(draftOf(owner), 'postgresql', spec);
  for (const o of owner.operations) {
    o.groups = o.groups.filter((g) => !g.some((st) => st.type === 'db'));
    add(o, [readStep(shared)]);
  }
  add(firstOp(owner), [writeStep(shared, 'Create')]);
  add(firstOp(get(a.sharedDatabase.reader)), [readStep(shared)]);
  add(firstOp(get(a.sharedDatabase.writer)), [writeStep(shared, 'Update')]);

  // Synchronous cycle x → y → z → x. Each hop is its own operation that calls nothing else, so
  // the loop does not also make a deep chain (gateway, x, y, z: four services).
  const [x, y, z] = a.cycle.map(get);
  const hop = (s: Service, write: boolean, group: Step[]): Operation => {
    const op: Operation = {
      ...firstOp(s),
      name: operationName(draftOf(s), s.operations[0].protocol, rng, write),
      groups: [group],
    };
    while (s.operations.some((o) => o.name === op.name)) op.name += '-loop';
    s.operations.push(op);
    return op;
  };
  const xLookup = hop(x, false, [readStep(storeFor(draftOf(x), 'redis', spec))]);
  const zHop = hop(z, true, [
    { type: 'call', service: x.name, operation: xLookup.name, repeat: 1 },
  ]);
  const yHop = hop(y, true, [{ type: 'call', service: z.name, operation: zHop.name, repeat: 1 }]);
  add(firstOp(x), [{ type: 'call', service: y.name, operation: yHop.name, repeat: 1 }]);

  // Version rollout: one instance of three already runs the new version.
  const rolled = get(a.rollout.service);
  const [oldVersion, newVersion] = a.rollout.versions;
  rolled.instances = [0, 1, 2].map((i) => ({
    id: `${rolled.name}-${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}`,
    version: i < 2 ? oldVersion : newVersion,
  }));

  return {
    sharedDatabase: {
      system: 'postgresql',
      address: shared.address,
      namespace: shared.namespace,
      services: [
        owner.name,
        get(a.sharedDatabase.reader).name,
        get(a.sharedDatabase.writer).name,
      ].sort(),
      writers: [owner.name, get(a.sharedDatabase.writer).name].sort(),
    },
    cycle: { services: [x.name, y.name, z.name] },
    versionRollout: {
      service: rolled.name,
      versions: [oldVersion, newVersion],
    },
  };
}

/** Services that produce to or consume from the broker: all of them use one Kafka. */
export function brokerUsers(topology: Pick<Topology, 'topics'>): string[] {
  const users = new Set<string>();
  for (const t of topology.topics) [t.producer, ...t.consumers].forEach((s) => users.add(s));
  return [...users].sort();
}
