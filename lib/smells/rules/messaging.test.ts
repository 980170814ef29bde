import { describe, expect, it } from 'vitest';

import { GraphBuilder, runRule, summarize } from '../testing/build-graph';
import { asyncCycle } from './async-cycle';
import { centralBroker } from './central-broker';
import { sharedDestination } from './shared-destination';

function shop(consumers: string[]) {
  const g = new GraphBuilder();
  const orders = g.queue('orders');
  g.edge(g.service('checkout'), orders, 'messaging');
  for (const c of consumers) g.edge(orders, g.service(c), 'messaging');
  g.service('web');
  g.service('catalog');
  return g;
}

describe('central broker', () => {
  it('fires when at least 3 and half of the app services use one broker', () => {
    const g = shop(['billing', 'shipping']); // 3 of 5 apps
    expect(summarize(g.input, runRule(centralBroker, g.input))).toEqual([
      {
        code: 'central-broker',
        severity: 'info',
        services: ['billing', 'checkout', 'shipping'],
        resources: ['orders'],
      },
    ]);
  });

  it('does not fire under half of the services', () => {
    const g = shop(['billing', 'shipping']);
    for (const s of ['a', 'b', 'c']) g.service(s); // 3 of 8
    expect(runRule(centralBroker, g.input)).toEqual([]);
  });
});

describe('shared destination', () => {
  it('flags two producers on one topic as low, three as medium', () => {
    const g = shop(['billing']);
    g.edge(g.service('returns'), g.queue('orders'), 'messaging');
    expect(summarize(g.input, runRule(sharedDestination, g.input))).toEqual([
      {
        code: 'shared-destination',
        severity: 'low',
        services: ['checkout', 'returns'],
        resources: ['orders'],
      },
    ]);
    g.edge(g.service('web'), g.queue('orders'), 'messaging');
    expect(runRule(sharedDestination, g.input).map((f) => f.severity)).toEqual(['medium']);
  });

  it('ignores one producer with many consumers, and dead-letter queues', () => {
    const g = shop(['billing', 'shipping']);
    const dlq = g.queue('orders.dlq');
    g.edge(g.service('billing'), dlq, 'messaging');
    g.edge(g.service('shipping'), dlq, 'messaging');
    expect(runRule(sharedDestination, g.input)).toEqual([]);
  });
});

describe('async cycle', () => {
  it('reports a loop closed through a queue', () => {
    const g = shop(['billing']);
    g.call('billing', 'checkout');
    const findings = runRule(asyncCycle, g.input);
    expect(summarize(g.input, findings)).toEqual([
      {
        code: 'async-cycle',
        severity: 'info',
        services: ['billing', 'checkout'],
        resources: ['orders'],
      },
    ]);
    expect(findings[0].evidence.loop).toEqual(['checkout', 'billing']);
  });

  it('stays quiet when messages flow one way', () => {
    const g = shop(['billing']);
    g.call('checkout', 'billing');
    expect(runRule(asyncCycle, g.input)).toEqual([]);
  });
});
