import { nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';

// MS-15: a dependency configured as an IP literal or localhost breaks when the callee's
// container is recreated, moved or scaled. Read from the secrets-free detail of declared
// edges (the compose/Docker source never passes values with credentials). High when the IP
// is a container's address on a Docker network: those change on every recreate.

const IPV4 = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])/;
const IPV6 = /\[([0-9a-f:]+)\]/i;
const LOCAL = /(^|[^a-z0-9-])(localhost)([^a-z0-9-]|$)/i;
// The telemetry exporter pointing at a local agent is the normal set-up, not coupling.
const EXEMPT = /^OTEL_|JAEGER_AGENT|ZIPKIN/i;

function literal(value: string): string | null {
  return value.match(IPV4)?.[1] ?? value.match(IPV6)?.[1] ?? value.match(LOCAL)?.[2] ?? null;
}

function evaluate(ctx: SmellContext): Finding[] {
  const containerIps = new Set(
    ctx.input.nodes.flatMap((n) => n.containers.flatMap((c) => c.networks.flatMap((w) => w.ips))),
  );
  const findings: Finding[] = [];
  for (const edge of ctx.input.edges) {
    for (const declared of edge.declared) {
      const detail = declared.detail ?? {};
      const variable = detail.variable ?? detail.env ?? '';
      if (EXEMPT.test(variable)) continue;
      const hits = Object.entries(detail)
        .filter(([key]) => key !== 'variable')
        .map(([key, value]) => ({ key, host: literal(value) }))
        .filter((h): h is { key: string; host: string } => h.host !== null);
      if (hits.length === 0) continue;
      const host = hits[0].host;
      const onDockerNetwork = containerIps.has(host);
      const from = nameOf(ctx, edge.source);
      const to = nameOf(ctx, edge.target);
      findings.push(
        makeFinding({
          code: 'hard-coded-endpoint',
          title: `Hard-coded endpoint: ${from} → ${host}`,
          severity: onDockerNetwork ? 'high' : 'medium',
          services: [edge.source],
          edges: [edge.id],
          resources: ctx.nodes.get(edge.target)?.kind === 'service' ? [] : [edge.target],
          discriminator: `${edge.id}|${variable}|${host}`,
          evidence: {
            from,
            to,
            variable: variable || null,
            field: hits[0].key,
            host,
            via: declared.via,
            containerAddress: onDockerNetwork,
          },
          why: `${from} reaches ${to} at the fixed address ${host}, which breaks when that container is recreated, moved or scaled.`,
          fix: 'Use the service name (Docker DNS or service discovery) instead of an address.',
        }),
      );
    }
  }
  return findings;
}

export const hardCodedEndpoint: SmellRule = {
  code: 'hard-coded-endpoint',
  evaluate,
};
