import { databaseKey, externalKey, queueKey, serviceKey } from '@/lib/topology/node-key';
import type {
  ConnectionType,
  ContainerObservation,
  DeclaredEdgeObservation,
  NodeObservation,
} from '@/lib/topology/types';

import { classifyImage, parseImageRef, type ImageClass } from './classify-image';
import type { ContainerFacts } from './container-facts';
import { createContainerResolver, type ContainerResolver } from './container-resolver';

// From container facts to the observations the ingest path stores: one node per service
// (replicas are instances of it), one per datastore and broker, one per unresolvable
// address; one declared edge per (container, target, via) with the variables as evidence.

export interface DockerTopology {
  nodes: NodeObservation[];
  containers: ContainerObservation[];
  declared: DeclaredEdgeObservation[];
  resolver: ContainerResolver;
  /** Node key of each container id. */
  nodeOf: Map<string, string>;
}

export interface BuildOptions {
  /** Docker service name → trace service name, where they differ. */
  serviceMap?: Record<string, string>;
}

function typeFor(kind: ImageClass['kind'], fallback: ConnectionType): ConnectionType {
  return kind === 'database' ? 'database' : kind === 'queue' ? 'messaging' : fallback;
}

/** Image first; a custom image is a datastore when other containers address it as one. */
function classify(
  facts: readonly ContainerFacts[],
  resolver: ContainerResolver,
): Map<string, ImageClass> {
  const classes = new Map(facts.map((c) => [c.id, classifyImage(c.image)]));
  for (const c of facts) {
    if (classes.get(c.id)!.kind !== 'service') continue;
    for (const ref of c.references) {
      const target = resolver.resolve(ref.host, c);
      if (!target || target === c || !ref.system || ref.connectionType === 'rpc') continue;
      if (classes.get(target.id)!.kind !== 'service') continue;
      classes.set(target.id, {
        kind: ref.connectionType === 'database' ? 'database' : 'queue',
        system: ref.system,
      });
    }
  }
  return classes;
}

function nodeKeyOf(c: ContainerFacts, cls: ImageClass, options: BuildOptions): string {
  if (cls.kind === 'database') return databaseKey(cls.system ?? 'unknown', c.service);
  if (cls.kind === 'queue') return queueKey(c.service, cls.system);
  return serviceKey(options.serviceMap?.[c.service] ?? c.service);
}

export function buildDockerTopology(
  facts: readonly ContainerFacts[],
  options: BuildOptions = {},
): DockerTopology {
  const resolver = createContainerResolver(facts);
  const classes = classify(facts, resolver);
  const nodeOf = new Map(facts.map((c) => [c.id, nodeKeyOf(c, classes.get(c.id)!, options)]));
  const nodes = new Map<string, NodeObservation>();
  const databases = new Map<string, Set<string>>();

  for (const c of [...facts].sort(
    (a, b) => Number(b.state === 'running') - Number(a.state === 'running'),
  )) {
    const key = nodeOf.get(c.id)!;
    if (nodes.has(key)) continue;
    const cls = classes.get(c.id)!;
    const { name: image, tag } = parseImageRef(c.image);
    const detail: Record<string, string> = { image };
    if (cls.system) detail.system = cls.system;
    const name =
      cls.kind === 'service' ? (options.serviceMap?.[c.service] ?? c.service) : c.service;
    nodes.set(key, {
      key,
      kind: cls.kind,
      name,
      group: c.project,
      version: tag,
      detail,
    });
  }

  const declared = new Map<string, DeclaredEdgeObservation>();
  const addEdge = (edge: DeclaredEdgeObservation, variable?: string) => {
    const id = `${edge.containerId}\0${edge.target}\0${edge.via}`;
    const existing = declared.get(id);
    if (!existing) return void declared.set(id, edge);
    if (!variable || !existing.detail) return;
    const vars = new Set([...(existing.detail.variable ?? '').split(','), variable]);
    existing.detail.variable = [...vars].filter(Boolean).sort().join(',');
    if (edge.detail?.database && !existing.detail.database)
      existing.detail.database = edge.detail.database;
  };

  for (const c of facts) {
    const source = nodeOf.get(c.id)!;
    // A datastore's own environment (POSTGRES_DB, RABBITMQ_DEFAULT_USER) configures it; it
    // names no dependency.
    const ownEnvCounts = classes.get(c.id)!.kind === 'service';
    for (const ref of ownEnvCounts ? c.references : []) {
      const target = resolver.resolve(ref.host, c);
      if (target === c) continue;
      if (!target && !ref.explicit) continue;
      const targetKey = target ? nodeOf.get(target.id)! : externalKey(ref.host);
      if (targetKey === source) continue;
      if (!target && !nodes.has(targetKey)) {
        const detail: Record<string, string> = { host: ref.host };
        if (ref.system) detail.system = ref.system;
        nodes.set(targetKey, {
          key: targetKey,
          kind: 'external',
          name: ref.host,
          detail,
        });
      }
      const detail: Record<string, string> = {
        variable: ref.variable,
        host: ref.host,
      };
      if (ref.port) detail.port = String(ref.port);
      if (ref.database) detail.database = ref.database;
      if (ref.database)
        databases.set(targetKey, (databases.get(targetKey) ?? new Set()).add(ref.database));
      const connectionType = target
        ? typeFor(classes.get(target.id)!.kind, ref.connectionType)
        : ref.connectionType;
      addEdge(
        {
          containerId: c.id,
          source,
          target: targetKey,
          connectionType,
          via: 'env',
          detail,
        },
        ref.variable,
      );
    }
    for (const [via, names] of [
      ['depends_on', c.dependsOn],
      ['links', c.links],
    ] as const) {
      for (const name of names) {
        const target = resolver.byService(name, c.project) ?? resolver.resolve(name, c);
        if (!target || target === c) continue;
        const connectionType = typeFor(classes.get(target.id)!.kind, 'rpc');
        addEdge({
          containerId: c.id,
          source,
          target: nodeOf.get(target.id)!,
          connectionType,
          via,
          detail: { service: name },
        });
      }
    }
  }

  for (const [key, names] of databases) {
    const node = nodes.get(key);
    if (node) node.detail = { ...node.detail, databases: [...names].sort().join(',') };
  }

  const containers: ContainerObservation[] = facts.map((c) => {
    const { name: image, tag } = parseImageRef(c.image);
    const obs: ContainerObservation = {
      id: c.id,
      name: c.name,
      node: nodeOf.get(c.id)!,
      image,
      tag,
      state: c.state,
      networks: c.networks,
      mounts: c.mounts,
    };
    if (c.health) obs.health = c.health;
    if (c.labels && Object.keys(c.labels).length > 0) obs.labels = c.labels;
    return obs;
  });

  return {
    nodes: [...nodes.values()],
    containers,
    declared: [...declared.values()],
    resolver,
    nodeOf,
  };
}
