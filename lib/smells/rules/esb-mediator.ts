import { byName, nameOf, type SmellContext } from '../context';
import { gapOutlierStart } from '../degree';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';

// MS-05: a service whose in- and out-degree are both outliers (MSANose's gap test) and that
// forwards most of what it receives is acting as an ESB: routing logic every change must
// pass through. Gateways are excluded by role; small systems (< esbMinServices) are skipped
// because the gap test is unstable on a handful of values.

function evaluate(ctx: SmellContext): Finding[] {
  if (ctx.counted.size < ctx.config.esbMinServices) return [];
  const stats = [...ctx.counted].map((id) => {
    const inEdges = ctx.syncIn.get(id) ?? [];
    const outEdges = ctx.syncOut.get(id) ?? [];
    return {
      id,
      inDegree: new Set(inEdges.map((e) => e.source)).size,
      outDegree: new Set(outEdges.map((e) => e.target)).size,
      callsIn: inEdges.reduce((s, e) => s + e.calls, 0),
      callsOut: outEdges.reduce((s, e) => s + e.calls, 0),
    };
  });
  const inStart = gapOutlierStart(
    stats.map((s) => s.inDegree),
    ctx.config.esbGapFactor,
  );
  const outStart = gapOutlierStart(
    stats.map((s) => s.outDegree),
    ctx.config.esbGapFactor,
  );

  const findings: Finding[] = [];
  for (const s of stats.sort((a, b) => byName(ctx)(a.id, b.id))) {
    if (s.inDegree < inStart || s.outDegree < outStart) continue;
    const relayRatio = s.callsIn > 0 ? s.callsOut / s.callsIn : 0;
    if (relayRatio < ctx.config.esbRelayRatio) continue;
    const name = nameOf(ctx, s.id);
    findings.push(
      makeFinding({
        code: 'esb-mediator',
        title: `ESB-like mediator: ${name}`,
        severity: 'medium',
        services: [s.id],
        edges: [...(ctx.syncIn.get(s.id) ?? []), ...(ctx.syncOut.get(s.id) ?? [])].map((e) => e.id),
        evidence: {
          service: name,
          inDegree: s.inDegree,
          outDegree: s.outDegree,
          inOutlierFrom: inStart,
          outOutlierFrom: outStart,
          callsIn: s.callsIn,
          callsOut: s.callsOut,
          relayRatio,
        },
        why: `${name} receives from ${s.inDegree} services and forwards to ${s.outDegree}, so routing logic every change must pass through sits in one place.`,
        fix: 'Let services talk to each other through contracts or events and keep the mediator dumb (routing only), or remove it.',
      }),
    );
  }
  return findings;
}

export const esbMediator: SmellRule = { code: 'esb-mediator', evaluate };
