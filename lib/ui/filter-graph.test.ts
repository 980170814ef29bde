import { describe, expect, it } from 'vitest';

import type { GraphEdge, GraphNode, GraphResponse } from '@/lib/graph/types';
import type { EdgeOrigin } from '@/lib/topology/types';

import { filterBySources, matchNodes } from './filter-graph';

const node = (id: string, name: string, origins: EdgeOrigin[]): GraphNode =>
  ({ id, name, origins }) as GraphNode;
const edge = (source: string, target: string, origins: EdgeOrigin[]): GraphEdge =>
  ({ id: `${source}>${target}>rpc`, source, target, origins }) as GraphEdge;

const graph = {
  nodes: [
    node('a', 'Frontend', ['traced', 'declared']),
    node('b', 'cart-api', ['traced']),
    node('c', 'postgres', ['declared']),
    node('d', 'legacy', []),
  ],
  edges: [edge('a', 'b', ['traced']), edge('a', 'c', ['declared'])],
} as GraphResponse;

describe('filterBySources', () => {
  it('keeps everything with all sources shown', () => {
    const v = filterBySources(graph, ['traced', 'observed', 'declared']);
    expect(v.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(v.edges.map((e) => e.id)).toEqual(['a>b>rpc', 'a>c>rpc']);
  });

  it('hides declared-only edges and nodes when declared is off', () => {
    const v = filterBySources(graph, ['traced']);
    expect(v.nodes.map((n) => n.id)).toEqual(['a', 'b', 'd']);
    expect(v.edges.map((e) => e.id)).toEqual(['a>b>rpc']);
  });

  it('hides all known-origin nodes with no sources', () => {
    expect(filterBySources(graph, []).nodes.map((n) => n.id)).toEqual(['d']);
  });
});

describe('matchNodes', () => {
  it('matches case-insensitive substrings and nothing for an empty query', () => {
    expect([...matchNodes(graph.nodes, 'FRONT')]).toEqual(['a']);
    // none starts with "r" and all are 8 characters long: graph order is kept
    expect([...matchNodes(graph.nodes, 'R')]).toEqual(['a', 'b', 'c']);
    expect(matchNodes(graph.nodes, '  ').size).toBe(0);
  });

  it('puts an exact name first, then names that start with the query', () => {
    const nodes = [
      node('x', 'job-mobile-api.events', []),
      node('y', 'api-gateway', []),
      node('z', 'api', []),
      node('w', 'pay-api', []),
    ];
    expect([...matchNodes(nodes, 'api')]).toEqual(['z', 'y', 'w', 'x']);
  });
});
