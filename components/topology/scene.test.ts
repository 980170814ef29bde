import { describe, expect, it } from 'vitest';

import type { GraphNode } from '@/lib/graph/types';
import { LABEL_MAX_CHARS } from '@/lib/ui/format';
import { syntheticGraph } from '@/lib/ui/synthetic-graph';

import { buildScene } from './scene';

describe('scene labels', () => {
  it('draws a 5,000-character name and group cut to the label limit, keeping the full name', () => {
    const graph = syntheticGraph(2, 1);
    const long = 'n'.repeat(5_000);
    const group = 'g'.repeat(5_000);
    const nodes: GraphNode[] = graph.nodes.map((n, i) =>
      i === 0 ? { ...n, name: long, group } : { ...n, group },
    );
    const positions = Object.fromEntries(nodes.map((n, i) => [n.id, { x: i * 50, y: 0 }]));
    const scene = buildScene(nodes, graph.edges, positions);

    expect(scene.nodes[0].name).toBe(long);
    expect(scene.nodes[0].label).toBe(`${'n'.repeat(LABEL_MAX_CHARS - 1)}…`);
    expect(scene.nodes[1].label).toBe(nodes[1].name);
    expect(scene.groups.map((g) => g.label)).toEqual([`${'g'.repeat(LABEL_MAX_CHARS - 1)}…`]);
  });
});
