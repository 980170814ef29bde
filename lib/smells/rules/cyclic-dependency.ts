import type { GraphEdge } from '@/lib/graph/types';

import { byName, nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import { shortestPath, stronglyConnected } from '../scc';
import type { Finding } from '../types';

// MS-10: services that call each other synchronously, directly or round a loop, cannot be
// released or reasoned about apart, and a sync loop can amplify load. One finding per
// strongly connected group; the loop shown is a real cycle through the group's weakest edge
// (fewest calls: the cheapest one to break).

function shape(size: number, inside: number): string {
  if (size === 2) return '2-cycle';
  if (inside === size) return 'ring';
  if (inside >= (size * (size - 1)) / 2) return 'dense';
  return 'tangle';
}

function evaluate(ctx: SmellContext): Finding[] {
  const strong = (e: GraphEdge) => e.calls >= ctx.config.cycleMinCalls || e.calls === 0;
  const next = (id: string) => (ctx.syncOut.get(id) ?? []).filter(strong).map((e) => e.target);
  const components = stronglyConnected([...ctx.counted], next);

  return components.map((component): Finding => {
    const members = new Set(component);
    const inside = component.flatMap((id) =>
      (ctx.syncOut.get(id) ?? []).filter((e) => strong(e) && members.has(e.target)),
    );
    const weakest = [...inside].sort((a, b) => a.calls - b.calls || a.id.localeCompare(b.id))[0];
    const back = shortestPath(weakest.target, weakest.source, members, next);
    const loop = [weakest.source, ...back.slice(0, -1)];
    const services = [...component].sort(byName(ctx));
    return makeFinding({
      code: 'cyclic-dependency',
      title: `Cyclic dependency among ${services.length} services`,
      severity: 'medium',
      services,
      edges: inside.map((e) => e.id),
      evidence: {
        size: services.length,
        edgesInside: inside.length,
        shape: shape(services.length, inside.length),
        loop: loop.map((id) => nameOf(ctx, id)),
        loopNodes: loop,
        weakestEdge: weakest.id,
        weakestEdgeFrom: nameOf(ctx, weakest.source),
        weakestEdgeTo: nameOf(ctx, weakest.target),
        weakestEdgeCalls: weakest.calls,
      },
      why: `${services.length} services call each other synchronously in a loop, so none can be released, tested or scaled apart.`,
      fix: `Break the loop at its weakest call (${nameOf(ctx, weakest.source)} → ${nameOf(ctx, weakest.target)}, ${weakest.calls} calls): invert it into an event or merge the services.`,
    });
  });
}

export const cyclicDependency: SmellRule = {
  code: 'cyclic-dependency',
  evaluate,
};
