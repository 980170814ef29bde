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
  // Every operation of the three touches the database: callers reach only some operations
  // of a service, and the smell must not depend on which ones the walk happens to pick.
  owner.operations.forEach((o) => add(o, [writeStep(shared, 'Create')]));
  get(a.sharedDatabase.reader).operations.forEach((o) => add(o, [readStep(shared)]));
  get(a.sharedDatabase.writer).operations.forEach((o) => add(o, [writeStep(shared, 'Update')]));

  // Synchronous cycle x → y → z → x, made of three hops that never follow each other in one
  // request: gateway → x → y → z, and gateway → (a caller of z) → z → x. The loop is real in
  // the graph, but no request walks it, so it does not also make a five-service deep chain.
  const [x, y, z] = a.cycle.map(get);
  const hop = (s: Service, write: boolean, group: Step[]): Operation => {
    const base = firstOp(s);
    const op: Operation = {
      ...base,
      name: operationName(draftOf(s), base.protocol, rng, write),
      groups: [group],
    };
    while (s.operations.some((o) => o.name === op.name)) op.name += '-loop';
    s.operations.push(op);
    return op;
  };
  const call = (s: Service, o: Operation): Step => ({
    type: 'call',
    service: s.name,
    operation: o.name,
    repeat: 1,
  });
  const zEnd = hop(z, true, [readStep(storeFor(draftOf(z), 'redis', spec))]);
  const yHop = hop(y, true, [call(z, zEnd)]);
  add(firstOp(x), [call(y, yHop)]);
  const xLookup = hop(x, false, [readStep(storeFor(draftOf(x), 'redis', spec))]);
  const zBack = hop(z, false, [call(x, xLookup)]);
  const zCaller = services
    .filter((s) => s.tier === 'api' && s.name !== x.name)
    .flatMap((s) => s.operations)
    .find((o) => o.groups.flat().some((st) => st.type === 'call' && st.service === z.name));
  if (!zCaller) throw new Error(`${spec.name}: nothing calls ${z.name}`);
  add(zCaller, [call(z, zBack)]);

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
