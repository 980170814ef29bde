import type { Draft } from './draft-services';
import type { DbSystem, Operation, Protocol, Service, Step, Store } from './model';
import type { Random } from './random';
import type { TopologySpec } from './topology-spec';

// Second pass of the generator: gives every drafted service its instances, version, private
// stores and operations. Each store gets its own host, so no two services share a database
// or a database server unless a seeded smell says so.

const PORTS: Record<DbSystem, number> = {
  postgresql: 5432,
  mysql: 3306,
  cassandra: 9042,
  redis: 6379,
};
const HTTP_VERBS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'] as const;
const RESOURCES = ['items', '{id}', 'search', 'summary', 'batch', 'status'];
const READ_RPC = ['Get', 'List', 'Lookup', 'Search'];
const WRITE_RPC = ['Create', 'Update', 'Delete'];

export function storeFor(d: Draft, system: DbSystem, spec: TopologySpec): Store {
  const role = system === 'redis' ? 'cache' : 'db';
  const ident = d.base.replace(/-/g, '_');
  return {
    system,
    address: `${d.name}-${role}.${spec.dnsSuffix}`,
    port: PORTS[system],
    namespace: system === 'redis' ? '0' : ident,
    collection: system === 'redis' ? `${d.base}:*` : `${d.base.split('-')[0]}_records`,
  };
}

export const pascal = (s: string) =>
  s.replace(/(^|[-_.])(\w)/g, (_m, _sep, c: string) => c.toUpperCase());

export function readStep(store: Store): Step {
  return {
    type: 'db',
    store,
    operation: store.system === 'redis' ? 'GET' : 'SELECT',
  };
}

export function writeStep(store: Store, verb: string): Step {
  if (store.system === 'redis') return { type: 'db', store, operation: 'SET' };
  const op = verb.startsWith('PUT') || verb.startsWith('Update') ? 'UPDATE' : 'INSERT';
  return {
    type: 'db',
    store,
    operation: verb.startsWith('DELETE') || verb.startsWith('Delete') ? 'DELETE' : op,
  };
}

export function operationName(d: Draft, protocol: Protocol, rng: Random, write?: boolean): string {
  const domain = d.base.split('-')[0];
  if (protocol === 'grpc') {
    const verbs = write === undefined ? [...READ_RPC, ...WRITE_RPC] : write ? WRITE_RPC : READ_RPC;
    return `${rng.pick(verbs)}${pascal(domain)}${rng.pick(['', 'Batch', 'Details'])}`;
  }
  const verb =
    write === undefined ? rng.pick(HTTP_VERBS) : write ? rng.pick(['POST', 'PUT']) : 'GET';
  return `${verb} /v1/${domain}/${d.base.slice(domain.length + 1)}/${rng.pick(RESOURCES)}`;
}

export const isWriteName = (name: string) => /^(POST|PUT|DELETE|Create|Update|Delete)/.test(name);

/** Builds services in dependency order, so every call names an operation that exists. */
export function buildServices(drafts: Draft[], spec: TopologySpec, rng: Random): Service[] {
  const built = new Map<string, Service>();
  const order = ['leaf', 'worker', 'mid', 'api', 'gateway'] as const;
  for (const tier of order) {
    for (const d of drafts.filter((x) => x.tier === tier))
      built.set(d.name, buildOne(d, built, spec, rng));
  }
  return drafts.map((d) => built.get(d.name)!);
}

function buildOne(d: Draft, built: Map<string, Service>, spec: TopologySpec, rng: Random): Service {
  const protocol: Protocol = d.tier !== 'gateway' && rng.chance(spec.grpcShare) ? 'grpc' : 'http';
  const instanceCount = d.tier === 'gateway' ? rng.int(3, 4) : rng.int(2, 3);
  const version = `${rng.int(1, 6)}.${rng.int(0, 30)}.${rng.int(0, 12)}`;
  const instances = Array.from({ length: instanceCount }, () => ({
    id: `${d.name}-${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}`,
    version,
  }));
  const own =
    d.tier === 'leaf' || d.tier === 'worker'
      ? storeFor(
          d,
          rng.pick(spec.leafSystems.filter((s) => d.tier === 'leaf' || s !== 'redis')),
          spec,
        )
      : undefined;
  const cache =
    (d.tier === 'mid' && rng.chance(0.5)) || (d.tier === 'api' && rng.chance(0.3))
      ? storeFor(d, 'redis', spec)
      : undefined;
  const timing: Record<Draft['tier'], [number, number]> = {
    gateway: [0.3, 1.5],
    api: [1, 5],
    mid: [1, 8],
    leaf: [0.5, 4],
    worker: [2, 10],
  };
  const op = (name: string, groups: Step[][]): Operation => ({
    name,
    protocol,
    groups: groups.filter((g) => g.length > 0),
    selfMs: timing[d.tier],
    errorRate: rng.range(0.001, 0.008),
    clientErrorRate: d.tier === 'api' ? rng.range(0.01, 0.03) : rng.range(0.001, 0.008),
  });
  const callOf = (callee: string): Step => {
    const target = built.get(callee)!;
    // Only data services are batch-called; repeating a mid-tier call would multiply the
    // calls below it and make chatty edges that are not meant to be there.
    const repeat = target.tier === 'leaf' && rng.chance(0.3) ? rng.int(...spec.repeat) : 1;
    return {
      type: 'call',
      service: callee,
      operation: rng.pick(target.operations).name,
      repeat,
    };
  };

  let operations: Operation[];
  if (d.tier === 'gateway') {
    operations = d.callees.flatMap((api) =>
      built.get(api)!.operations.map((target) =>
        op(target.protocol === 'http' ? target.name : `POST /rpc/${api}/${target.name}`, [
          [
            {
              type: 'call',
              service: api,
              operation: target.name,
              repeat: 1,
            },
          ],
        ]),
      ),
    );
  } else if (d.tier === 'worker') {
    operations = d.consumes.map((topic) =>
      op(`process ${topic}`, [[readStep(own!)], [writeStep(own!, 'Create')]]),
    );
  } else {
    const count = rng.int(1, 3);
    const callees = rng.shuffle(d.callees);
    const used = new Set<string>();
    operations = Array.from({ length: count }, (_, i) => {
      const write = d.tier === 'leaf' ? undefined : i > 0 && rng.chance(0.4);
      let name = operationName(d, protocol, rng, write);
      for (let tries = 0; used.has(name); tries++) {
        name = tries < 8 ? operationName(d, protocol, rng, write) : `${name}-${tries}`;
      }
      used.add(name);
      const mine = callees.filter((_c, j) => j % count === i).map(callOf);
      const split = rng.int(0, mine.length);
      const groups: Step[][] = [
        cache ? [readStep(cache)] : [],
        mine.slice(0, split),
        mine.slice(split),
      ];
      if (own) groups.push([readStep(own)], isWriteName(name) ? [writeStep(own, name)] : []);
      if (d.produces && (i === 0 || rng.chance(0.4)))
        groups.push([{ type: 'produce', topic: d.produces }]);
      return op(name, groups);
    });
  }
  return {
    name: d.name,
    namespace: d.namespace,
    tier: d.tier,
    instances,
    operations,
    consumes: d.consumes.map((topic) => ({
      topic,
      operation: `process ${topic}`,
    })),
  };
}
