import type { GraphEdge, GraphNode, GraphResponse } from '@/lib/graph/types';
import type { EdgeOrigin } from '@/lib/topology/types';

export interface VisibleGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

// Source toggles hide evidence, not facts: an edge stays while any of its sources is
// shown, and a node stays while a shown source knows it or a shown edge touches it. Nodes
// with no recorded origin (older servers) are always kept.
export function filterBySources(graph: GraphResponse, sources: EdgeOrigin[]): VisibleGraph {
  const shown = new Set(sources);
  const edges = graph.edges.filter((e) => e.origins.some((o) => shown.has(o)));
  const touched = new Set<string>();
  for (const e of edges) {
    touched.add(e.source);
    touched.add(e.target);
  }
  const nodes = graph.nodes.filter(
    (n) => touched.has(n.id) || n.origins.length === 0 || n.origins.some((o) => shown.has(o)),
  );
  return { nodes, edges };
}

/**
 * Case-insensitive substring match on the display name; empty query matches nothing. The
 * set iterates best match first — exact name, then names starting with the query, then the
 * rest, shorter names first — so Enter opens what the user most likely meant.
 */
export function matchNodes(nodes: GraphNode[], query: string): Set<string> {
  const q = query.trim().toLowerCase();
  if (!q) return new Set();
  const rank = (name: string) => (name === q ? 0 : name.startsWith(q) ? 1 : 2);
  return new Set(
    nodes
      .map((n) => ({ id: n.id, name: n.name.toLowerCase() }))
      .filter((n) => n.name.includes(q))
      .sort((a, b) => rank(a.name) - rank(b.name) || a.name.length - b.name.length)
      .map((n) => n.id),
  );
}
