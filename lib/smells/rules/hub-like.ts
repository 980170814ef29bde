import { byName, nameOf, type SmellContext } from '../context';
import { adaptiveThreshold } from '../degree';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import { stronglyConnected } from '../scc';
import type { Finding } from '../types';

// MS-17: a service that many others depend on; a change in it ripples to all its callers.
// In-degree = distinct calling services over synchronous edges. The threshold adapts to the
// system's own degree distribution (Arcan's method) with a floor, or is fixed by config.

export function distinctCallers(ctx: SmellContext, id: string): string[] {
  return [...new Set((ctx.syncIn.get(id) ?? []).map((e) => e.source))];
}

function evaluate(ctx: SmellContext): Finding[] {
  const degrees = [...ctx.counted].map((id) => ({
    id,
    callers: distinctCallers(ctx, id),
  }));
  const adaptive = adaptiveThreshold(degrees.map((d) => d.callers.length));
  const threshold = ctx.config.hubInDegree ?? Math.max(ctx.config.hubMinInDegree, adaptive);
  const hubs = degrees.filter((d) => d.callers.length >= threshold);
  if (hubs.length === 0) return [];

  const next = (id: string) => (ctx.syncOut.get(id) ?? []).map((e) => e.target);
  const cyclic = new Set(stronglyConnected([...ctx.counted], next).flat());
  hubs.sort((a, b) => b.callers.length - a.callers.length || byName(ctx)(a.id, b.id));
  return hubs.map(({ id, callers }): Finding => {
    const name = nameOf(ctx, id);
    const callees = new Set((ctx.syncOut.get(id) ?? []).map((e) => e.target));
    return makeFinding({
      code: 'hub-like',
      title: `Hub-like service: ${name}`,
      severity: cyclic.has(id) ? 'high' : 'medium',
      services: [id],
      edges: (ctx.syncIn.get(id) ?? []).map((e) => e.id),
      evidence: {
        service: name,
        inDegree: callers.length,
        outDegree: callees.size,
        threshold,
        adaptiveThreshold: Number.isFinite(adaptive) ? adaptive : null,
        inCycle: cyclic.has(id),
        callers: callers.map((c) => nameOf(ctx, c)).sort(),
      },
      why: `${callers.length} services call ${name}, so any change to its API or behaviour ripples to all of them.`,
      fix: 'Split it by responsibility, or put a stable, versioned contract (or events) in front of it.',
    });
  });
}

export const hubLike: SmellRule = { code: 'hub-like', evaluate };
