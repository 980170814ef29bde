import { nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding, Severity } from '../types';

// MS-11: per entry operation, the p95 number of services on the longest synchronous path of
// its traces. Latency and failure probability compound with every synchronous hop.

/** p95 of a depth histogram (index i = i+1 services); 0 for an empty histogram. */
export function depthP95(hist: number[]): number {
  const total = hist.reduce((s, n) => s + n, 0);
  if (total === 0) return 0;
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i];
    if (seen >= 0.95 * total) return i + 1;
  }
  return hist.length;
}

function evaluate(ctx: SmellContext): Finding[] {
  const { deepChainLow, deepChainMedium, deepChainHigh } = ctx.config;
  const findings: Finding[] = [];
  for (const entry of ctx.input.entries) {
    const role = ctx.roles.get(entry.node);
    if (!ctx.config.includeInfra && (role === 'infra' || role === 'loadgen')) continue;
    const p95 = depthP95(entry.depthHist);
    if (p95 < deepChainLow) continue;
    const severity: Severity =
      p95 >= deepChainHigh ? 'high' : p95 >= deepChainMedium ? 'medium' : 'low';
    const name = nameOf(ctx, entry.node);
    const last = entry.depthHist.reduce((m, n, i) => (n > 0 ? i + 1 : m), 0);
    findings.push(
      makeFinding({
        code: 'deep-chain',
        title: `Deep synchronous chain: ${name} ${entry.operation}`,
        severity,
        services: [entry.node],
        discriminator: entry.operation,
        evidence: {
          service: name,
          operation: entry.operation,
          p95Services: p95,
          maxServices: last,
          traces: entry.traces,
          depthHist: entry.depthHist,
          thresholds: [deepChainLow, deepChainMedium, deepChainHigh],
        },
        why: `Requests to ${entry.operation} wait on ${p95} services in a row (p95), so latency and failures compound at every hop.`,
        fix: 'Flatten the chain: call in parallel from one place, cache, or hand work off asynchronously.',
      }),
    );
  }
  return findings;
}

export const deepChain: SmellRule = { code: 'deep-chain', evaluate };
