import type { GraphEdge, GraphNode } from '@/lib/graph/types';

import type { NodeRole, SmellConfig } from './config';
import { classifyNode } from './roles';
import type { SmellInput } from './types';

// One pass over the graph that every rule shares: nodes by id, roles, and adjacency of the
// service-to-service edges the graph-metric rules count. Rules stay small because of it.

export interface SmellContext {
  input: SmellInput;
  config: SmellConfig;
  nodes: Map<string, GraphNode>;
  roles: Map<string, NodeRole>;
  /** Service nodes the graph-metric rules count (apps; plus infra when includeInfra). */
  counted: Set<string>;
  /** Synchronous (rpc) edges between counted services, by source and by target. */
  syncOut: Map<string, GraphEdge[]>;
  syncIn: Map<string, GraphEdge[]>;
  /** All edges by target node id. */
  edgesIn: Map<string, GraphEdge[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildContext(input: SmellInput, config: SmellConfig): SmellContext {
  const nodes = new Map(input.nodes.map((n) => [n.id, n]));
  const roles = new Map<string, NodeRole>();
  const counted = new Set<string>();
  for (const node of input.nodes) {
    const role = classifyNode(node, config);
    roles.set(node.id, role);
    const serviceLike = node.kind === 'service' && role !== 'datastore' && role !== 'broker';
    if (serviceLike && (role === 'app' || config.includeInfra)) counted.add(node.id);
  }

  const syncOut = new Map<string, GraphEdge[]>();
  const syncIn = new Map<string, GraphEdge[]>();
  const edgesIn = new Map<string, GraphEdge[]>();
  for (const edge of input.edges) {
    push(edgesIn, edge.target, edge);
    if (edge.connectionType !== 'rpc' || edge.source === edge.target) continue;
    if (!counted.has(edge.source) || !counted.has(edge.target)) continue;
    push(syncOut, edge.source, edge);
    push(syncIn, edge.target, edge);
  }
  return { input, config, nodes, roles, counted, syncOut, syncIn, edgesIn };
}

/**
 * Whether an edge shows actual use: traced or observed calls, or a connection the container
 * configures (env). A bare depends_on/links only orders start-up; eShopOnContainers'
 * aggregators depend on sqldata and rabbitmq without using either.
 */
export function showsUse(edge: GraphEdge): boolean {
  return (
    edge.origins.includes('traced') ||
    edge.origins.includes('observed') ||
    edge.declared.some((d) => d.via === 'env')
  );
}

/** Node name for evidence and sentences; names are data, shown as text only. */
export function nameOf(ctx: SmellContext, id: string): string {
  return ctx.nodes.get(id)?.name ?? id;
}

export function byName(ctx: SmellContext): (a: string, b: string) => number {
  return (a, b) => nameOf(ctx, a).localeCompare(nameOf(ctx, b)) || a.localeCompare(b);
}
