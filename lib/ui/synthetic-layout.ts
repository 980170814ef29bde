import type { GraphResponse } from '@/lib/graph/types';

import { mulberry32 } from './force-layout';
import type { LayoutPositions } from './force-layout';

// A cheap, deterministic placement for the render benchmark: groups on a sunflower spiral,
// members scattered around their group's centre. The benchmark measures drawing, not the
// force layout (that has its own figures in ENVIRONMENT.md and runs in a worker anyway).
export function syntheticLayout(graph: GraphResponse, seed = 1): LayoutPositions {
  const random = mulberry32(seed);
  const groups = [...new Set(graph.nodes.map((n) => n.group ?? ''))].sort();
  const centre = new Map(
    groups.map((g, i) => {
      const r = 260 * Math.sqrt(i);
      const a = i * 2.39996; // golden angle
      return [g, { x: r * Math.cos(a), y: r * Math.sin(a) }];
    }),
  );
  const out: LayoutPositions = {};
  for (const n of graph.nodes) {
    const c = centre.get(n.group ?? '')!;
    const r = 110 * Math.sqrt(random());
    const a = random() * Math.PI * 2;
    out[n.id] = { x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) };
  }
  return out;
}
