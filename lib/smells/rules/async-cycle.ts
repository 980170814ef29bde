import { byName, nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import { shortestPath, stronglyConnected } from '../scc';
import type { Finding } from '../types';
import { asyncServiceEdges } from './messaging';

// MS-10, asynchronous variant: a loop that closes only through queues (A publishes, B
// consumes, B's calls or messages lead back to A). It cannot deadlock, but the services still
// evolve together, so it is reported apart from sync cycles, as info.

function evaluate(ctx: SmellContext): Finding[] {
  const asyncEdges = asyncServiceEdges(ctx);
  if (asyncEdges.length === 0) return [];
  const succ = new Map<string, Set<string>>();
  const add = (a: string, b: string) => succ.set(a, (succ.get(a) ?? new Set()).add(b));
  for (const [id, edges] of ctx.syncOut) for (const e of edges) add(id, e.target);
  for (const e of asyncEdges) add(e.source, e.target);
  const next = (id: string) => [...(succ.get(id) ?? [])];
  const syncNext = (id: string) => (ctx.syncOut.get(id) ?? []).map((e) => e.target);

  const findings: Finding[] = [];
  for (const component of stronglyConnected([...ctx.counted], next)) {
    const members = new Set(component);
    const through = asyncEdges.filter((e) => members.has(e.source) && members.has(e.target));
    // Already a pure sync cycle over the same members: reported by cyclic-dependency.
    const syncOnly = stronglyConnected(component, (id) =>
      syncNext(id).filter((w) => members.has(w)),
    );
    if (syncOnly.length === 1 && syncOnly[0].length === component.length) continue;
    const first = through[0];
    const back = shortestPath(first.target, first.source, members, next);
    const loop = [first.source, ...back.slice(0, -1)];
    const services = [...component].sort(byName(ctx));
    findings.push(
      makeFinding({
        code: 'async-cycle',
        title: `Cycle through queues among ${services.length} services`,
        severity: 'info',
        services,
        resources: [...new Set(through.map((e) => e.via))].sort(),
        evidence: {
          size: services.length,
          loop: loop.map((id) => nameOf(ctx, id)),
          loopNodes: loop,
          queues: [...new Set(through.map((e) => nameOf(ctx, e.via)))].sort(),
        },
        why: 'These services feed each other through queues and calls, so their message contracts evolve together.',
        fix: 'Check that each message flows one way; turn the return leg into a reply the caller awaits or remove it.',
      }),
    );
  }
  return findings;
}

export const asyncCycle: SmellRule = { code: 'async-cycle', evaluate };
