import type { ContainerObservation } from '@/lib/topology/types';

import type { EnvReference } from './parse-env-references';

/**
 * One container (or one compose service) reduced to what the topology needs, with its
 * environment already parsed into secrets-free references. Both the live collector and the
 * compose importer produce these, so both produce the same snapshot from the same facts.
 */
export interface ContainerFacts {
  id: string;
  name: string;
  /** Compose service, else OTEL_SERVICE_NAME, else the container name. */
  service: string;
  /** Compose project: the node's group. */
  project?: string;
  hostname?: string;
  image: string;
  state: string;
  health?: string;
  references: EnvReference[];
  networks: ContainerObservation['networks'];
  mounts: ContainerObservation['mounts'];
  labels?: Record<string, string>;
  /** Service names from `depends_on` (compose file or `com.docker.compose.depends_on`). */
  dependsOn: string[];
  /** `links`: the linked container or service name. */
  links: string[];
}

/** `com.docker.compose.depends_on` = `db:service_healthy:false,redis:service_started:true`. */
export function parseDependsOnLabel(label: string | undefined): string[] {
  if (!label) return [];
  return label
    .split(',')
    .map((entry) => entry.split(':')[0]!.trim())
    .filter(Boolean);
}

/** OTEL_SERVICE_NAME, else `service.name=` inside OTEL_RESOURCE_ATTRIBUTES. */
export function serviceNameFromEnv(env: Iterable<[string, string]>): string | undefined {
  let fromAttributes: string | undefined;
  for (const [name, value] of env) {
    if (name === 'OTEL_SERVICE_NAME' && value.trim()) return value.trim();
    if (name === 'OTEL_RESOURCE_ATTRIBUTES') {
      const pair = value.split(',').find((p) => p.trim().startsWith('service.name='));
      if (pair) fromAttributes = decodeURIComponent(pair.split('=')[1]!.trim()) || undefined;
    }
  }
  return fromAttributes;
}

const DEFAULT_NETWORKS = new Set(['bridge', 'host', 'none']);
const DOCKER_SOCKET = /(^|\/)docker\.sock$/;

/** User-defined networks shared by two containers (the default bridge says nothing). */
export function sharedNetworks(a: ContainerObservation, b: ContainerObservation): string[] {
  const theirs = new Set(b.networks.map((n) => n.name));
  return a.networks.map((n) => n.name).filter((n) => !DEFAULT_NETWORKS.has(n) && theirs.has(n));
}

/** Whether a mount counts as shared-state evidence: read-write and not the Docker socket. */
export function isSharingEvidence(mount: ContainerObservation['mounts'][number]): boolean {
  return (
    mount.rw &&
    mount.name !== '' &&
    !DOCKER_SOCKET.test(mount.name) &&
    !DOCKER_SOCKET.test(mount.destination)
  );
}

/** Volumes or bind sources mounted read-write by more than one container: name → container ids. */
export function sharedWritableMounts(containers: ContainerObservation[]): Map<string, string[]> {
  const byName = new Map<string, Set<string>>();
  for (const c of containers) {
    for (const m of c.mounts.filter(isSharingEvidence)) {
      const ids = byName.get(m.name) ?? new Set<string>();
      byName.set(m.name, ids.add(c.id));
    }
  }
  return new Map(
    [...byName].filter(([, ids]) => ids.size > 1).map(([n, ids]) => [n, [...ids].sort()]),
  );
}
