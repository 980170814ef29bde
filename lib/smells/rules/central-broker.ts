import { byName, nameOf, showsUse, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';
import { brokerKeyOf } from './messaging';

// MS-06: one broker that most services publish to or consume from is a shared failure and
// capacity domain, and tends to attract cross-team topic coupling. Info on its own; medium
// when the broker runs as a single container (then it is also a single point of failure).

function evaluate(ctx: SmellContext): Finding[] {
  const groups = new Map<
    string,
    { nodes: Set<string>; services: Set<string>; edges: Set<string> }
  >();
  for (const edge of ctx.input.edges) {
    if (!showsUse(edge)) continue;
    for (const [end, other] of [
      [edge.target, edge.source],
      [edge.source, edge.target],
    ]) {
      const node = ctx.nodes.get(end);
      if (!node || !ctx.counted.has(other)) continue;
      const brokerKey = brokerKeyOf(node, ctx.roles.get(end));
      if (!brokerKey) continue;
      if (node.kind !== 'service' && edge.connectionType !== 'messaging') continue;
      const group = groups.get(brokerKey) ?? {
        nodes: new Set(),
        services: new Set(),
        edges: new Set(),
      };
      group.nodes.add(end);
      group.services.add(other);
      group.edges.add(edge.id);
      groups.set(brokerKey, group);
    }
  }

  const apps = [...ctx.roles.entries()].filter(
    ([id, role]) => role === 'app' && ctx.nodes.get(id)?.kind === 'service',
  ).length;
  const needed = Math.max(
    ctx.config.centralBrokerMinServices,
    Math.ceil(ctx.config.centralBrokerMinShare * apps),
  );
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    if (group.services.size < needed) continue;
    const services = [...group.services].sort(byName(ctx));
    const brokers = [...group.nodes].sort(byName(ctx));
    // The broker's own containers (compose/Docker) tell how many instances it runs.
    const hosts = brokers.map((id) => ctx.nodes.get(id)!).filter((n) => n.containers.length > 0);
    const node = hosts[0] ?? ctx.nodes.get(brokers[0])!;
    const replicas = hosts.length === 1 ? node.containers.length : null;
    const label =
      hosts.length === 1 || brokers.length === 1
        ? node.name
        : (node.detail?.['messaging.system'] ?? node.name);
    findings.push(
      makeFinding({
        code: 'central-broker',
        title: `Central broker: ${label}`,
        severity: replicas !== null && replicas <= 1 ? 'medium' : 'info',
        services,
        edges: [...group.edges],
        resources: brokers,
        evidence: {
          broker: label,
          services: services.map((id) => nameOf(ctx, id)),
          serviceCount: services.length,
          appServices: apps,
          share: apps ? services.length / apps : 0,
          replicas,
          queues: brokers
            .filter((id) => ctx.nodes.get(id)?.kind === 'queue')
            .map((id) => nameOf(ctx, id)),
        },
        why: `${services.length} of ${apps} services depend on one broker, so its outages and capacity limits reach all of them.`,
        fix: 'Run the broker replicated and split topics by domain, or give domains their own brokers.',
      }),
    );
  }
  return findings;
}

export const centralBroker: SmellRule = { code: 'central-broker', evaluate };
