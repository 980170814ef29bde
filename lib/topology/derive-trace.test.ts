import { describe, expect, it } from 'vitest';

import { deriveTrace } from './derive-trace';
import { edgeList, nodeList, shuffled, span, T0 } from './testing/span-builder';

describe('deriveTrace: rpc pairs', () => {
  it('client in A with a server child in B gives A->B with both latencies', () => {
    const d = deriveTrace([
      span({ spanId: '1', service: 'a', kind: 'internal' }),
      span({
        spanId: '2',
        parentSpanId: '1',
        service: 'a',
        kind: 'client',
        durationMs: 30,
      }),
      span({
        spanId: '3',
        parentSpanId: '2',
        service: 'b',
        kind: 'server',
        durationMs: 20,
      }),
    ]);
    expect(edgeList(d)).toEqual(['service:a>service:b rpc']);
    expect(d.calls).toEqual([
      {
        source: 'service:a',
        target: 'service:b',
        connectionType: 'rpc',
        inferred: false,
        startTimeMs: T0,
        clientDurationMs: 30,
        serverDurationMs: 20,
        error: false,
        clientError: false,
        write: false,
      },
    ]);
    expect(nodeList(d)).toEqual(['service:a service a', 'service:b service b']);
    expect([d.received, d.paired, d.unpaired]).toEqual([3, 2, 0]);
  });

  it('in-process children never make a self-loop; A->A over the network is a loop', () => {
    const inProcess = deriveTrace([
      span({ spanId: '1', service: 'a', kind: 'server' }),
      span({ spanId: '2', parentSpanId: '1', service: 'a' }),
      span({
        spanId: '3',
        parentSpanId: '2',
        service: 'a',
        kind: 'unspecified',
      }),
      span({ spanId: '4', parentSpanId: '3', service: 'a', kind: 'client' }),
      span({ spanId: '5', parentSpanId: '4', service: 'a', kind: 'internal' }),
    ]);
    // the client's only child is in-process and it names no peer: unpaired, no edge
    expect(edgeList(inProcess)).toEqual(['unknown-caller>service:a rpc inferred']);
    expect(inProcess.unpaired).toBe(1);

    const loop = deriveTrace([
      span({ spanId: '1', service: 'a', kind: 'client' }),
      span({ spanId: '2', parentSpanId: '1', service: 'a', kind: 'server' }),
    ]);
    expect(edgeList(loop)).toEqual(['service:a>service:a rpc']);
  });

  it('a non-client parent with a child in another service is a traced call', () => {
    const d = deriveTrace([
      span({
        spanId: '1',
        service: 'a',
        kind: 'server',
        attributes: { 'client.address': '10.0.0.9' },
      }),
      span({
        spanId: '2',
        parentSpanId: '1',
        service: 'b',
        kind: 'server',
        durationMs: 4,
      }),
    ]);
    expect(edgeList(d)).toEqual([
      'external:10.0.0.9>service:a rpc inferred',
      'service:a>service:b rpc',
    ]);
    expect(d.calls[1]).toMatchObject({
      clientDurationMs: undefined,
      serverDurationMs: 4,
    });
  });

  it('a Zipkin shared span (one id, client and server halves) pairs by id', () => {
    const d = deriveTrace([
      span({
        spanId: 'r',
        service: 'gw',
        kind: 'server',
        attributes: { 'peer.service': 'lb' },
      }),
      span({ spanId: 's', parentSpanId: 'r', service: 'gw', kind: 'client' }),
      span({ spanId: 's', parentSpanId: 'r', service: 'api', kind: 'server' }),
      span({
        spanId: 'c',
        parentSpanId: 's',
        service: 'api',
        kind: 'internal',
      }),
    ]);
    expect(edgeList(d)).toEqual([
      'external:lb>service:gw rpc inferred',
      'service:gw>service:api rpc',
    ]);
  });

  it('gives the same result for every input order', () => {
    const spans = [
      span({ spanId: '1', service: 'a', kind: 'server', startTimeMs: T0 }),
      span({
        spanId: '2',
        parentSpanId: '1',
        service: 'a',
        kind: 'client',
        startTimeMs: T0 + 1,
      }),
      span({
        spanId: '3',
        parentSpanId: '2',
        service: 'b',
        kind: 'server',
        startTimeMs: T0 + 2,
      }),
      span({
        spanId: '4',
        parentSpanId: '3',
        service: 'b',
        kind: 'client',
        startTimeMs: T0 + 3,
        attributes: {
          'db.system': 'postgresql',
          'server.address': 'pg',
          'server.port': 5432,
        },
      }),
      span({
        spanId: '5',
        parentSpanId: '1',
        service: 'a',
        kind: 'client',
        startTimeMs: T0 + 1,
        attributes: { 'server.address': 'api.example.com' },
      }),
    ];
    const expected = deriveTrace(spans);
    for (let seed = 1; seed <= 20; seed++) {
      expect(deriveTrace(shuffled(spans, seed))).toEqual(expected);
    }
    expect(edgeList(expected)).toEqual([
      'service:a>external:api.example.com rpc inferred',
      'service:a>service:b rpc',
      'service:b>database:postgresql@pg:5432 database inferred',
      'unknown-caller>service:a rpc inferred',
    ]);
  });
});

describe('deriveTrace: virtual nodes for unanswered client spans', () => {
  const leaf = (attributes: Record<string, string | number>) =>
    deriveTrace([span({ spanId: '1', service: 'a', kind: 'client', attributes })]);

  it.each([
    [{ 'peer.service': 'billing', 'server.address': 'x' }, 'service:billing>rpc'],
    [{ 'service.peer.name': 'billing' }, 'service:billing>rpc'],
    [
      { 'server.address': 'Pay.Example.com', 'server.port': 443 },
      'external:pay.example.com:443>rpc',
    ],
    [{ 'net.peer.name': 'old-host', 'net.peer.port': '8080' }, 'external:old-host:8080>rpc'],
    [{ 'peer.hostname': 'ot-host' }, 'external:ot-host>rpc'],
    [
      { 'http.url': 'https://user:secret@shop.example:8443/cart?q=1' },
      'external:shop.example:8443>rpc',
    ],
    [{ 'network.peer.address': '10.1.2.3', 'network.peer.port': 80 }, 'external:10.1.2.3:80>rpc'],
    [{ 'net.sock.peer.addr': '::1', 'network.peer.port': 80 }, 'external:[::1]:80>rpc'],
    [{ 'peer.ipv4': '10.9.9.9' }, 'external:10.9.9.9>rpc'],
    [{ 'rpc.service': 'pkg.Greeter' }, 'external:pkg.greeter>rpc'],
    [
      { 'messaging.destination.name': 'orders', 'messaging.system': 'Kafka' },
      'queue:kafka/orders>messaging',
    ],
  ])('%o names %s', (attributes, expected) => {
    const d = leaf(attributes);
    expect(d.edges.map((e) => `${e.target}>${e.connectionType}`)).toEqual([expected]);
    expect(d.edges[0].inferred).toBe(true);
    expect([d.paired, d.unpaired]).toEqual([1, 0]);
  });

  it('a database client is keyed by system and address; the database name is detail only', () => {
    const orders = leaf({
      'db.system': 'postgresql',
      'net.peer.name': 'PG',
      'net.peer.port': 5432,
      'db.name': 'orders',
    });
    const users = leaf({
      'db.system.name': 'postgresql',
      'server.address': 'pg',
      'server.port': 5432,
      'db.namespace': 'users',
    });
    expect(orders.nodes.find((n) => n.kind === 'database')).toEqual({
      key: 'database:postgresql@pg:5432',
      kind: 'database',
      name: 'postgresql@PG:5432',
      detail: { 'db.system': 'postgresql', 'db.namespace': 'orders' },
    });
    expect(users.edges.map((e) => e.target)).toEqual(['database:postgresql@pg:5432']);
    expect(
      leaf({ 'db.type': 'redis', 'peer.ipv4': '10.0.0.5', 'peer.port': 6379 }).edges[0].target,
    ).toBe('database:redis@10.0.0.5');
  });

  it('a client span that names nothing is unpaired and draws no edge', () => {
    const d = leaf({ 'http.request.method': 'GET' });
    expect(d.edges).toEqual([]);
    expect([d.received, d.paired, d.unpaired]).toEqual([1, 0, 1]);
  });

  it('a client span that names its own service is no edge and not unpaired', () => {
    const selfNaming: Array<Record<string, string>> = [
      { 'peer.service': 'A' },
      { 'server.address': 'a' },
      { 'db.system': 'mysql', 'peer.service': 'a' },
    ];
    for (const attributes of selfNaming) {
      const d = leaf(attributes);
      expect(d.edges).toEqual([]);
      expect(nodeList(d)).toEqual(['service:a service a']);
      expect([d.paired, d.unpaired]).toEqual([0, 0]);
    }
  });

  it('a database client whose database sends its own server span gives one edge', () => {
    const d = deriveTrace([
      span({
        spanId: '1',
        service: 'api',
        kind: 'client',
        attributes: {
          'db.system': 'postgresql',
          'server.address': 'pg',
          'db.statement': 'INSERT INTO t VALUES (1)',
        },
      }),
      span({ spanId: '2', parentSpanId: '1', service: 'pg', kind: 'server' }),
    ]);
    expect(edgeList(d)).toEqual(['service:api>service:pg database']);
    expect(d.calls[0].write).toBe(true);
    expect(d.nodes.find((n) => n.key === 'service:pg')?.detail).toEqual({
      'db.system': 'postgresql',
    });
  });
});
