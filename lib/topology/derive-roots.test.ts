import { describe, expect, it } from 'vitest';

import { deriveTrace } from './derive-trace';
import { edgeList, nodeList, span } from './testing/span-builder';

describe('deriveTrace: roots and gaps', () => {
  it('a root server span gets the unknown caller only when nothing names its caller', () => {
    const bare = deriveTrace([span({ spanId: '1', service: 'a', kind: 'server' })]);
    expect(edgeList(bare)).toEqual(['unknown-caller>service:a rpc inferred']);
    expect(bare.nodes[1]).toEqual({
      key: 'unknown-caller',
      kind: 'unknown-caller',
      name: 'unknown caller',
    });

    const named = deriveTrace([
      span({
        spanId: '1',
        service: 'a',
        kind: 'server',
        attributes: { 'peer.service': 'Mobile App' },
      }),
    ]);
    expect(nodeList(named)).toEqual([
      'external:mobile app external Mobile App',
      'service:a service a',
    ]);

    const internal = deriveTrace([span({ spanId: '1', service: 'a', kind: 'internal' })]);
    expect(internal.edges).toEqual([]);
  });

  it('a missing parent or intermediate span never links siblings or skips a level', () => {
    // a.client(1) -> [b.server(2) lost] -> b.client(3) -> c.server(4); b.internal(5) also under 2
    const d = deriveTrace([
      span({ spanId: '1', service: 'a', kind: 'client' }),
      span({ spanId: '3', parentSpanId: '2', service: 'b', kind: 'client' }),
      span({ spanId: '4', parentSpanId: '3', service: 'c', kind: 'server' }),
      span({ spanId: '5', parentSpanId: '2', service: 'b', kind: 'internal' }),
      span({ spanId: '6', parentSpanId: 'gone', service: 'd', kind: 'server' }),
    ]);
    expect(edgeList(d)).toEqual(['service:b>service:c rpc']);
    // 1 names nothing; 3, 5 and 6 lost their parent; only 4 is fully paired
    expect([d.received, d.paired, d.unpaired]).toEqual([5, 1, 4]);
  });

  it('HotROD-shaped stores: a store reporting its own client spans adds no node and no loop', () => {
    // customer's server span has a child span in service `mysql` that names itself as peer;
    // driver's has children in `redis-manual` that name nothing (one of them failed)
    const d = deriveTrace([
      span({
        spanId: 'c',
        service: 'customer',
        kind: 'server',
        attributes: { 'client.address': '10.0.0.1' },
      }),
      span({
        spanId: 'm',
        parentSpanId: 'c',
        service: 'mysql',
        kind: 'client',
        attributes: { 'service.peer.name': 'mysql', 'sql.query': 'SELECT 1' },
      }),
      span({ spanId: 'd', parentSpanId: 'c', service: 'driver', kind: 'server' }),
      span({ spanId: 'r1', parentSpanId: 'd', service: 'redis-manual', kind: 'client' }),
      span({
        spanId: 'r2',
        parentSpanId: 'd',
        service: 'redis-manual',
        kind: 'client',
        statusError: true,
      }),
    ]);
    expect(edgeList(d)).toEqual([
      'external:10.0.0.1>service:customer rpc inferred',
      'service:customer>service:driver rpc',
      'service:customer>service:mysql database',
      'service:driver>service:redis-manual rpc x2',
    ]);
    expect(d.calls.filter((c) => c.error).map((c) => c.target)).toEqual(['service:redis-manual']);
    expect([d.received, d.paired, d.unpaired]).toEqual([5, 3, 2]);
  });
});
