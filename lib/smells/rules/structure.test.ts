import { describe, expect, it } from 'vitest';

import { GraphBuilder, runRule, summarize } from '../testing/build-graph';
import { cyclicDependency } from './cyclic-dependency';
import { esbMediator } from './esb-mediator';
import { greedyFanOut } from './greedy-fan-out';
import { hubLike } from './hub-like';

describe('cyclic dependency', () => {
  it('reports each SCC once with its loop through the weakest edge', () => {
    const g = new GraphBuilder();
    g.call('a', 'b', { calls: 50 });
    g.call('b', 'c', { calls: 40 });
    g.call('c', 'a', { calls: 3 });
    g.call('c', 'd');
    g.call('x', 'y');
    g.call('y', 'x');
    const findings = runRule(cyclicDependency, g.input);
    expect(summarize(g.input, findings)).toEqual([
      { code: 'cyclic-dependency', severity: 'medium', services: ['a', 'b', 'c'], resources: [] },
      { code: 'cyclic-dependency', severity: 'medium', services: ['x', 'y'], resources: [] },
    ]);
    expect(findings[0].evidence.loop).toEqual(['c', 'a', 'b']);
    expect(findings[0].evidence.weakestEdgeCalls).toBe(3);
    expect(findings[0].evidence.shape).toBe('ring');
    expect(findings[0].edges).toHaveLength(3);
  });

  it('ignores DAGs, self-calls, database edges and loops through infrastructure', () => {
    const g = new GraphBuilder();
    g.call('a', 'b');
    g.call('a', 'a');
    g.call('b', 'c');
    g.call('a', 'c');
    g.call('b', 'eureka');
    g.call('eureka', 'a');
    const db = g.database('pg');
    g.edge(g.service('c'), db, 'database');
    g.edge(db, g.service('a'), 'database');
    expect(runRule(cyclicDependency, g.input)).toEqual([]);
    expect(runRule(cyclicDependency, g.input, { includeInfra: true })).toHaveLength(1);
  });
});

describe('hub-like and greedy fan-out', () => {
  it('flags the in-degree tail and a service calling six others', () => {
    const g = new GraphBuilder();
    for (let i = 0; i < 8; i++) g.call(`caller${i}`, 'auth');
    for (let i = 0; i < 3; i++) g.call(`caller${i}`, 'catalog');
    for (const callee of ['s1', 's2', 's3', 's4', 's5', 's6']) g.call('bff', callee);
    const hubs = runRule(hubLike, g.input);
    expect(summarize(g.input, hubs)).toEqual([
      { code: 'hub-like', severity: 'medium', services: ['auth'], resources: [] },
    ]);
    expect(hubs[0].evidence.inDegree).toBe(8);
    expect(summarize(g.input, runRule(greedyFanOut, g.input))).toEqual([
      { code: 'greedy-fan-out', severity: 'low', services: ['bff'], resources: [] },
    ]);
  });

  it('does not flag a flat graph or five callees; the threshold is configurable', () => {
    const g = new GraphBuilder();
    for (const callee of ['s1', 's2', 's3', 's4', 's5']) g.call('bff', callee);
    expect(runRule(hubLike, g.input)).toEqual([]);
    expect(runRule(greedyFanOut, g.input)).toEqual([]);
    expect(runRule(greedyFanOut, g.input, { greedyFanOut: 5 })).toHaveLength(1);
  });

  it('never counts infrastructure as a hub', () => {
    const g = new GraphBuilder();
    for (let i = 0; i < 10; i++) g.call(`svc${i}`, 'jaeger-agent');
    expect(runRule(hubLike, g.input)).toEqual([]);
  });
});

describe('ESB-like mediator', () => {
  function star(relayCalls: number) {
    const g = new GraphBuilder();
    for (let i = 0; i < 8; i++) g.call(`in${i}`, 'bus', { calls: 10 });
    for (let i = 0; i < 8; i++) g.call('bus', `out${i}`, { calls: relayCalls });
    g.call('in0', 'out0');
    return g;
  }

  it('flags a service with outlying in- and out-degree that relays', () => {
    const g = star(10);
    const findings = runRule(esbMediator, g.input);
    expect(summarize(g.input, findings)).toEqual([
      { code: 'esb-mediator', severity: 'medium', services: ['bus'], resources: [] },
    ]);
    expect(findings[0].evidence.relayRatio).toBe(1);
  });

  it('does not flag it when it answers most requests itself', () => {
    expect(runRule(esbMediator, star(2).input)).toEqual([]);
  });
});
