import type { GraphNode } from '@/lib/graph/types';

import type { SmellContext } from '../context';

// Which broker a queue belongs to. A traced queue carries its system and, where the client
// reported it, the broker host; a compose file only knows the broker container. Both reduce
// to one broker key so the central-broker rule counts services per broker, not per topic.

const HOST_KEYS = ['broker', 'server.address', 'host', 'messaging.url'];
const SYSTEM_KEYS = ['messaging.system', 'system'];

export function brokerKeyOf(node: GraphNode, role: string | undefined): string | null {
  if (node.kind === 'service') return role === 'broker' ? `node:${node.id}` : null;
  if (node.kind !== 'queue' && node.kind !== 'external') return null;
  if (node.kind === 'external' && role !== 'broker') return null;
  const detail = node.detail ?? {};
  const host = HOST_KEYS.map((k) => detail[k]).find(Boolean);
  const system =
    SYSTEM_KEYS.map((k) => detail[k]).find(Boolean) ??
    (node.key.startsWith('queue:') && node.key.includes('/')
      ? node.key.slice('queue:'.length, node.key.indexOf('/'))
      : undefined);
  if (host) return `host:${(system ?? '').toLowerCase()}@${host.toLowerCase()}`;
  if (system) return `system:${system.toLowerCase()}`;
  return `node:${node.id}`;
}

/** Async service edges A⇢C: A publishes to a queue that C consumes (traced or observed). */
export function asyncServiceEdges(
  ctx: SmellContext,
): Array<{ source: string; target: string; via: string }> {
  const producers = new Map<string, Set<string>>();
  const consumers = new Map<string, Set<string>>();
  for (const edge of ctx.input.edges) {
    if (edge.connectionType !== 'messaging') continue;
    if (!edge.origins.some((o) => o !== 'declared')) continue;
    const source = ctx.nodes.get(edge.source);
    const target = ctx.nodes.get(edge.target);
    if (!source || !target) continue;
    if (target.kind === 'queue' && ctx.counted.has(source.id)) {
      producers.set(target.id, (producers.get(target.id) ?? new Set()).add(source.id));
    } else if (source.kind === 'queue' && ctx.counted.has(target.id)) {
      consumers.set(source.id, (consumers.get(source.id) ?? new Set()).add(target.id));
    }
  }
  const out: Array<{ source: string; target: string; via: string }> = [];
  for (const [queue, from] of producers) {
    for (const a of from) {
      for (const c of consumers.get(queue) ?? [])
        if (a !== c) out.push({ source: a, target: c, via: queue });
    }
  }
  return out;
}
