import { byName, nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';

// MS-18 (CIMET "greedy"): a service that calls many others synchronously needs all of them
// up and fast to answer; it is usually an orchestrator holding logic that belongs elsewhere.

function evaluate(ctx: SmellContext): Finding[] {
  const findings: Finding[] = [];
  for (const id of [...ctx.counted].sort(byName(ctx))) {
    const edges = ctx.syncOut.get(id) ?? [];
    const callees = [...new Set(edges.map((e) => e.target))];
    if (callees.length < ctx.config.greedyFanOut) continue;
    const name = nameOf(ctx, id);
    findings.push(
      makeFinding({
        code: 'greedy-fan-out',
        title: `Greedy fan-out: ${name}`,
        severity: 'low',
        services: [id],
        edges: edges.map((e) => e.id),
        evidence: {
          service: name,
          outDegree: callees.length,
          threshold: ctx.config.greedyFanOut,
          callees: callees.map((c) => nameOf(ctx, c)).sort(),
        },
        why: `${name} calls ${callees.length} services synchronously, so it fails or slows down when any of them does.`,
        fix: 'Move logic to the callees, call them asynchronously, or cache what it needs from them.',
      }),
    );
  }
  return findings;
}

export const greedyFanOut: SmellRule = { code: 'greedy-fan-out', evaluate };
