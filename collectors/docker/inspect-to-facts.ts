import type { ContainerFacts } from '@/lib/docker/container-facts';
import { parseDependsOnLabel, serviceNameFromEnv } from '@/lib/docker/container-facts';
import { parseEnvReferences } from '@/lib/docker/parse-env-references';
import { splitEnvList } from '@/lib/docker/strip-secrets';

import type { ContainerInspect } from './engine-schema';

// A container as the Engine reports it, reduced to facts. The raw environment is read here
// once, through parseEnvReferences (which strips secrets first), and then dropped: nothing
// downstream of this function holds an env value.

const COMPOSE = 'com.docker.compose.';

/** `/web/db` (Docker's link naming: `/<target>:/<source>/<alias>`) → `db`. */
function linkTarget(link: string): string {
  return link.split(':')[0]!.replace(/^\//, '');
}

export function inspectToFacts(c: ContainerInspect): ContainerFacts {
  const env = splitEnvList(c.Config.Env);
  const labels = c.Config.Labels;
  const name = c.Name.replace(/^\//, '');
  const composeService = labels[`${COMPOSE}service`];
  const project = labels[`${COMPOSE}project`];
  const composeLabels = Object.fromEntries(
    Object.entries(labels).filter(([k]) => k.startsWith(COMPOSE)),
  );

  const networks = Object.entries(c.NetworkSettings.Networks).map(([netName, ep]) => ({
    name: netName,
    ips: [ep.IPAddress, ep.GlobalIPv6Address].filter((ip): ip is string => !!ip),
    aliases: [...new Set([...ep.Aliases, ...ep.DNSNames])].filter((a) => a !== c.Id.slice(0, 12)),
  }));

  const mounts = c.Mounts.map((m) => ({
    type: m.Type,
    name: (m.Type === 'volume' ? m.Name : m.Source) ?? '',
    destination: m.Destination,
    rw: m.RW,
  }));

  return {
    id: c.Id,
    name,
    service: composeService ?? serviceNameFromEnv(env) ?? name,
    project,
    hostname: c.Config.Hostname,
    image: c.Config.Image,
    state: c.State.Status,
    health: c.State.Health?.Status,
    references: parseEnvReferences(env),
    networks,
    mounts,
    labels: composeLabels,
    dependsOn: parseDependsOnLabel(labels[`${COMPOSE}depends_on`]),
    links: (c.HostConfig.Links ?? []).map(linkTarget),
  };
}
