import { byName, nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';

// MS-07: several services produce to one topic or queue, so none can evolve the message
// schema alone. Consumers may be many (fan-out is fine). Needs traced or observed produce
// edges: a connection string names the broker, not the destination.

const INTERNAL = /(^__|^_schemas$|dead-?letter|(^|[.\-_])dlq$|(^|[.\-_])retry$)/i;

function evaluate(ctx: SmellContext): Finding[] {
  const producers = new Map<string, Map<string, { edge: string; calls: number }>>();
  for (const edge of ctx.input.edges) {
    if (edge.connectionType !== 'messaging') continue;
    if (!edge.origins.some((o) => o !== 'declared')) continue;
    const target = ctx.nodes.get(edge.target);
    if (target?.kind !== 'queue' || !ctx.counted.has(edge.source)) continue;
    if (INTERNAL.test(target.detail?.['messaging.destination.name'] ?? target.name)) continue;
    const map = producers.get(target.id) ?? new Map();
    map.set(edge.source, { edge: edge.id, calls: edge.calls });
    producers.set(target.id, map);
  }

  const findings: Finding[] = [];
  for (const [queue, map] of producers) {
    if (map.size < ctx.config.sharedDestinationMinProducers) continue;
    const services = [...map.keys()].sort(byName(ctx));
    const name = nameOf(ctx, queue);
    findings.push(
      makeFinding({
        code: 'shared-destination',
        title: `Shared destination: ${name}`,
        severity: map.size >= 3 ? 'medium' : 'low',
        services,
        edges: services.map((s) => map.get(s)!.edge),
        resources: [queue],
        evidence: {
          destination: name,
          producerCount: map.size,
          producers: services.map((s) => ({
            service: nameOf(ctx, s),
            calls: map.get(s)!.calls,
          })),
        },
        why: `${map.size} services produce to ${name}, so its message schema can only change in step.`,
        fix: 'Give each producer its own destination (or one owning publisher) and version the message schema.',
      }),
    );
  }
  return findings;
}

export const sharedDestination: SmellRule = {
  code: 'shared-destination',
  evaluate,
};
