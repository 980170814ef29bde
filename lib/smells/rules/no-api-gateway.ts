import { byName, nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding, Severity } from '../types';

// MS-16: outside clients (the unknown caller, external nodes, or root spans) reach several
// services directly instead of through one gateway, so clients bind to internal boundaries
// and cross-cutting concerns (auth, rate limits) get duplicated. Severity grows with system
// size: Taibi's interviewees put the pain point near 50 services.

function evaluate(ctx: SmellContext): Finding[] {
  const outside = new Set<string>();
  const edges: string[] = [];
  for (const edge of ctx.input.edges) {
    const source = ctx.nodes.get(edge.source);
    if (source?.kind !== 'unknown-caller' && source?.kind !== 'external') continue;
    if (!ctx.counted.has(edge.target) || edge.connectionType !== 'rpc') continue;
    outside.add(edge.target);
    edges.push(edge.id);
  }
  for (const entry of ctx.input.entries) if (ctx.counted.has(entry.node)) outside.add(entry.node);

  const exposed = [...outside].filter((id) => ctx.roles.get(id) === 'app').sort(byName(ctx));
  if (exposed.length < ctx.config.noGatewayMinServices) return [];
  const apps = ctx.counted.size;
  const severity: Severity = apps >= 50 ? 'high' : apps >= 10 ? 'medium' : 'low';
  const gateways = ctx.input.nodes
    .filter((n) => ctx.roles.get(n.id) === 'gateway')
    .map((n) => n.name);
  return [
    makeFinding({
      code: 'no-api-gateway',
      title: `No API gateway: ${exposed.length} services take outside traffic`,
      severity,
      services: exposed,
      edges,
      evidence: {
        exposedServices: exposed.map((id) => nameOf(ctx, id)),
        exposedCount: exposed.length,
        appServices: apps,
        gateways: gateways.sort(),
      },
      why: `Outside clients call ${exposed.length} services directly, so they depend on internal boundaries and each service repeats auth and limits.`,
      fix: 'Put an API gateway (or a backend-for-frontend) in front and route outside traffic through it.',
    }),
  ];
}

export const noApiGateway: SmellRule = { code: 'no-api-gateway', evaluate };
