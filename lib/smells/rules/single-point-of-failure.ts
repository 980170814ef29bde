import type { SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';

// MS-13: a service present in most entry requests that runs one instance takes those
// requests down with it. Blast radius here = traces containing the service / entry traces of
// the window (the graph keeps per-node trace counts, not per-trace paths). Replicated: info.
// Instance count unknown (no instance ids, no containers): not judged.

function evaluate(ctx: SmellContext): Finding[] {
  const entryTraces = ctx.input.entries.reduce((s, e) => s + e.traces, 0);
  if (entryTraces === 0) return [];
  const findings: Finding[] = [];
  for (const node of ctx.input.nodes) {
    if (node.kind !== 'service') continue;
    const role = ctx.roles.get(node.id);
    if (role === 'datastore' || role === 'broker' || role === 'loadgen') continue;
    const share = Math.min(1, node.traces / entryTraces);
    if (share < ctx.config.spofMinShare) continue;
    const instances = Math.max(node.instances.length, node.containers.length);
    if (instances === 0) continue;
    findings.push(
      makeFinding({
        code: 'single-point-of-failure',
        title: `${instances === 1 ? 'Single point of failure' : 'Critical (replicated) service'}: ${node.name}`,
        severity: instances === 1 ? 'high' : 'info',
        services: [node.id],
        evidence: {
          service: node.name,
          blastRadius: share,
          traces: node.traces,
          entryTraces,
          instances,
          role: role ?? 'app',
        },
        why: `${Math.round(share * 100)}% of requests pass through ${node.name}, which runs ${instances} instance${instances === 1 ? '' : 's'}.`,
        fix: 'Run more than one instance behind load balancing, and give callers a timeout and a fallback.',
      }),
    );
  }
  return findings;
}

export const singlePointOfFailure: SmellRule = {
  code: 'single-point-of-failure',
  evaluate,
};
