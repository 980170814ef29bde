import type { ContainerFacts } from './container-facts';

// Names a container answers to on Docker's embedded DNS: its compose service, container
// name, hostname, network aliases, short id; and its IPs on each network. Only addresses
// Docker itself reports are used, never the host's interfaces, so a host port mapping never
// makes a remote machine look like a local container.

export interface ContainerResolver {
  /** The container an address (name or IP) seen from `from` belongs to, if any. */
  resolve(address: string, from?: ContainerFacts): ContainerFacts | undefined;
  /** A compose service of the same project (depends_on, links). */
  byService(service: string, project: string | undefined): ContainerFacts | undefined;
}

function networkNames(c: ContainerFacts): Set<string> {
  return new Set(c.networks.map((n) => n.name));
}

export function createContainerResolver(containers: readonly ContainerFacts[]): ContainerResolver {
  const byName = new Map<string, ContainerFacts[]>();
  const add = (name: string | undefined, c: ContainerFacts) => {
    if (!name) return;
    const key = name.toLowerCase();
    const list = byName.get(key) ?? [];
    if (!list.includes(c)) list.push(c);
    byName.set(key, list);
  };
  for (const c of containers) {
    add(c.service, c);
    add(c.name, c);
    add(c.hostname, c);
    if (!c.id.includes(':')) add(c.id.slice(0, 12), c);
    for (const n of c.networks) {
      for (const alias of n.aliases) add(alias, c);
      for (const ip of n.ips) add(ip, c);
    }
  }

  // Prefer a running container that shares a network with the caller: that is the one
  // Docker's DNS would answer with.
  const rank = (c: ContainerFacts, from?: ContainerFacts) => {
    const shared = from ? [...networkNames(c)].some((n) => networkNames(from).has(n)) : false;
    return (shared ? 0 : 2) + (c.state === 'running' || c.state === 'declared' ? 0 : 1);
  };

  return {
    resolve(address, from) {
      const candidates = byName.get(address.toLowerCase());
      if (!candidates) return undefined;
      return [...candidates].sort(
        (a, b) => rank(a, from) - rank(b, from) || a.id.localeCompare(b.id),
      )[0];
    },
    byService(service, project) {
      const key = service.toLowerCase();
      return (
        containers.find((c) => c.service.toLowerCase() === key && c.project === project) ??
        containers.find((c) => c.name.toLowerCase() === key)
      );
    },
  };
}
