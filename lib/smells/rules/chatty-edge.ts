import { nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';

// MS-12: many calls from A to B within one trace (typically N+1 loops). Per-call overhead
// dominates and the two behave like one component split by a network. Medium from 3× the
// threshold, as perf-sentinel escalates.

function evaluate(ctx: SmellContext): Finding[] {
  const threshold = ctx.config.chattyCallsPerTrace;
  const findings: Finding[] = [];
  for (const edge of ctx.input.edges) {
    const median = edge.callsPerTraceMedian;
    if (median === null || median < threshold) continue;
    const from = nameOf(ctx, edge.source);
    const to = nameOf(ctx, edge.target);
    const involved = [edge.source, edge.target].filter(
      (id) => ctx.nodes.get(id)?.kind === 'service',
    );
    const others = [edge.source, edge.target].filter((id) => ctx.nodes.get(id)?.kind !== 'service');
    findings.push(
      makeFinding({
        code: 'chatty-edge',
        title: `Chatty edge: ${from} → ${to}`,
        severity: median >= 3 * threshold ? 'medium' : 'low',
        services: involved,
        edges: [edge.id],
        resources: others,
        discriminator: edge.id,
        evidence: {
          from,
          to,
          connectionType: edge.connectionType,
          callsPerTraceMedian: median,
          threshold,
          calls: edge.calls,
          traces: edge.traces,
          sampleTraceId: edge.sampleTraceId,
        },
        why: `${from} calls ${to} about ${median} times per request, so per-call overhead dominates the request.`,
        fix: 'Batch the calls (one request for many items), or move the data or logic to one side.',
      }),
    );
  }
  return findings;
}

export const chattyEdge: SmellRule = { code: 'chatty-edge', evaluate };
