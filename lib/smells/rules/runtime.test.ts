import { describe, expect, it } from 'vitest';

import { DEPTH_BUCKETS } from '@/lib/topology/types';

import { GraphBuilder, runRule, summarize } from '../testing/build-graph';
import { chattyEdge } from './chatty-edge';
import { deepChain, depthP95 } from './deep-chain';
import { singlePointOfFailure } from './single-point-of-failure';

function hist(counts: Record<number, number>): number[] {
  const h = new Array(DEPTH_BUCKETS).fill(0);
  for (const [services, n] of Object.entries(counts)) h[Number(services) - 1] = n;
  return h;
}

describe('deep synchronous chain', () => {
  it('grades the p95 depth per entry operation', () => {
    const g = new GraphBuilder();
    const web = g.service('web');
    g.input.entries.push(
      { node: web, operation: 'GET /a', traces: 100, depthHist: hist({ 3: 90, 5: 10 }) },
      { node: web, operation: 'GET /b', traces: 100, depthHist: hist({ 6: 100 }) },
      { node: web, operation: 'GET /c', traces: 100, depthHist: hist({ 2: 50, 9: 50 }) },
      { node: web, operation: 'GET /d', traces: 100, depthHist: hist({ 4: 96, 12: 4 }) },
    );
    const findings = runRule(deepChain, g.input);
    expect(findings.map((f) => [f.evidence.operation, f.severity, f.evidence.p95Services])).toEqual(
      [
        ['GET /a', 'low', 5],
        ['GET /b', 'medium', 6],
        ['GET /c', 'high', 9],
      ],
    );
  });

  it('computes p95 from the histogram', () => {
    expect(depthP95(hist({}))).toBe(0);
    expect(depthP95(hist({ 1: 95, 7: 5 }))).toBe(1);
    expect(depthP95(hist({ 1: 94, 7: 6 }))).toBe(7);
  });
});

describe('chatty edge', () => {
  it('flags a median of 10 calls per trace, medium from 30', () => {
    const g = new GraphBuilder();
    g.call('orders', 'items', { callsPerTraceMedian: 10 });
    g.edge(g.service('orders'), g.database('pg'), 'database', { callsPerTraceMedian: 30 });
    g.call('orders', 'users', { callsPerTraceMedian: 7 });
    g.call('orders', 'auth', { callsPerTraceMedian: null });
    expect(summarize(g.input, runRule(chattyEdge, g.input))).toEqual([
      { code: 'chatty-edge', severity: 'low', services: ['orders', 'items'], resources: [] },
      { code: 'chatty-edge', severity: 'medium', services: ['orders'], resources: ['pg'] },
    ]);
  });
});

describe('single point of failure', () => {
  function graph(instances: string[]) {
    const g = new GraphBuilder();
    const web = g.service('web', { instances: ['w1', 'w2'], traces: 100 });
    g.service('auth', { instances, traces: 80 });
    g.service('search', { instances: ['s1'], traces: 30 });
    g.input.entries.push({
      node: web,
      operation: 'GET /',
      traces: 100,
      depthHist: hist({ 2: 100 }),
    });
    return g;
  }

  it('is high for a single-instance service in most requests', () => {
    const g = graph(['a1']);
    expect(summarize(g.input, runRule(singlePointOfFailure, g.input))).toEqual([
      { code: 'single-point-of-failure', severity: 'info', services: ['web'], resources: [] },
      { code: 'single-point-of-failure', severity: 'high', services: ['auth'], resources: [] },
    ]);
  });

  it('is info only when replicated, and silent when instances are unknown', () => {
    const g = graph(['a1', 'a2']);
    expect(runRule(singlePointOfFailure, g.input).map((f) => f.severity)).toEqual(['info', 'info']);
    const unknown = graph([]);
    expect(summarize(unknown.input, runRule(singlePointOfFailure, unknown.input))).toEqual([
      { code: 'single-point-of-failure', severity: 'info', services: ['web'], resources: [] },
    ]);
  });
});
