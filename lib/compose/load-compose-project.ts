import { randomUUID } from 'node:crypto';

import { buildDockerTopology } from '@/lib/docker/build-docker-snapshot';
import type { ContainerFacts } from '@/lib/docker/container-facts';
import { parseEnvReferences } from '@/lib/docker/parse-env-references';
import type { ContainerObservation, ObservationBatchWithDocker } from '@/lib/topology/types';

import type { ComposeService } from './compose-service';
import { readComposeProject, type ComposeProject, type ReadOptions } from './read-compose-project';

// A compose project without a running engine, as the live collector would have seen it had
// the project been `docker compose up`: same names (`<project>_<network>`, `<project>-<svc>-1`),
// same labels, hence the same nodes and declared edges.

export interface LoadOptions extends ReadOptions {
  serviceMap?: Record<string, string>;
}

function networksOf(s: ComposeService, p: ComposeProject): ContainerObservation['networks'] {
  if (s.networkMode) return [];
  const names = Object.keys(s.networks).length > 0 ? Object.keys(s.networks) : ['default'];
  return names.map((n) => {
    const declared = p.networks[n];
    const name = declared?.name ?? (declared?.external ? n : `${p.name}_${n}`);
    const aliases = [s.name, ...(s.networks[n]?.aliases ?? [])];
    return { name, ips: [], aliases };
  });
}

function mountsOf(s: ComposeService, p: ComposeProject): ContainerObservation['mounts'] {
  return s.volumes
    .filter((v) => v.type !== 'tmpfs')
    .map((v) => {
      const declared = p.volumes[v.source];
      const name =
        v.type === 'bind'
          ? v.source
          : (declared?.name ?? (declared?.external ? v.source : `${p.name}_${v.source}`));
      return { type: v.type, name, destination: v.target, rw: !v.readOnly };
    });
}

export function composeFacts(project: ComposeProject): ContainerFacts[] {
  return [...project.services.values()].map((s) => {
    const labels: Record<string, string> = {
      'com.docker.compose.project': project.name,
      'com.docker.compose.service': s.name,
    };
    if (s.dependsOn.length > 0)
      labels['com.docker.compose.depends_on'] = s.dependsOn
        .map((d) => `${d}:service_started:false`)
        .join(',');
    return {
      id: `compose:${project.name}/${s.name}`,
      name: s.containerName ?? `${project.name}-${s.name}-1`,
      service: s.name,
      project: project.name,
      hostname: s.hostname,
      image: s.image ?? `${project.name}-${s.name}`,
      state: 'declared',
      references: parseEnvReferences(Object.entries(s.environment)),
      networks: networksOf(s, project),
      mounts: mountsOf(s, project),
      labels,
      dependsOn: s.dependsOn,
      links: s.links.map((l) => l.split(':')[0]!),
    };
  });
}

/** Reads compose files (base first, overrides after) into the batch the collector would send. */
export async function loadComposeProject(
  files: string[],
  options: LoadOptions = {},
): Promise<ObservationBatchWithDocker> {
  const project = await readComposeProject(files, options);
  const topology = buildDockerTopology(composeFacts(project), {
    serviceMap: options.serviceMap,
  });
  return {
    batchId: randomUUID(),
    collector: 'compose-import',
    nodes: topology.nodes,
    edges: [],
    nodeBuckets: [],
    entries: [],
    trust: [],
    docker: {
      host: `compose:${project.name}`,
      full: true,
      containers: topology.containers,
      removed: [],
      declared: topology.declared,
    },
  };
}
