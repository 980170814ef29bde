import { describe, expect, it } from 'vitest';

import { isWriteOperation } from './db-operation';
import { deriveTrace } from './derive-trace';
import { edgeList, nodeList, span, T0 } from './testing/span-builder';

const pair = (client: object, server: object) =>
  deriveTrace([
    span({ spanId: '1', service: 'a', kind: 'client', ...client }),
    span({ spanId: '2', parentSpanId: '1', service: 'b', kind: 'server', ...server }),
  ]).calls[0];

describe('deriveTrace: errors', () => {
  it('counts status ERROR and server-side 5xx as errors, 4xx apart', () => {
    expect(pair({}, {})).toMatchObject({ error: false, clientError: false });
    expect(pair({ statusError: true }, {})).toMatchObject({ error: true, clientError: false });
    expect(pair({}, { statusError: true })).toMatchObject({ error: true, clientError: false });
    const code = (c: number | string) => ({ attributes: { 'http.response.status_code': c } });
    expect(pair({}, code(503))).toMatchObject({ error: true, clientError: false });
    expect(pair({}, { attributes: { 'http.status_code': '500' } })).toMatchObject({ error: true });
    // the client marks a 404 as ERROR; it is still a client error, not a failure of b
    expect(pair({ statusError: true, ...code(404) }, code(404))).toMatchObject({
      error: false,
      clientError: true,
    });
  });
});

describe('deriveTrace: names', () => {
  it('makes empty service names an explicit unknown node; odd names are plain text', () => {
    const names = [
      '',
      '  ',
      'yelp_main/api_proxy',
      'a:b c',
      'サービス',
      '<img src=x onerror=alert(1)>',
    ];
    const d = deriveTrace(
      names.map((service, i) => span({ spanId: `${i}`, service, kind: 'server' })),
    );
    expect(d.servicesPassed).toEqual([
      'service:<img src=x onerror=alert(1)>',
      'service:a:b c',
      'service:unknown',
      'service:yelp_main/api_proxy',
      'service:サービス',
    ]);
  });

  it('applies the service map to span services and to peer.service names', () => {
    const d = deriveTrace(
      [
        span({
          spanId: '1',
          service: 'web-v2',
          kind: 'client',
          attributes: { 'peer.service': 'pay' },
        }),
      ],
      { serviceMap: { 'web-v2': 'web', pay: 'payments' } },
    );
    expect(edgeList(d)).toEqual(['service:web>service:payments rpc inferred']);
  });
});

describe('deriveTrace: database writes', () => {
  it.each([
    ['INSERT', undefined, true],
    ['update orders', undefined, true],
    ['HSET', undefined, true],
    ['SELECT', 'INSERT INTO t VALUES (1)', false], // the operation attribute wins
    [undefined, '  /* tag */ (DELETE FROM t)', true],
    [undefined, '-- note\nupsert into t', true],
    [undefined, 'select * from t', false],
    [undefined, undefined, false],
  ])('operation %s, statement %s -> write %s', (operation, statement, expected) => {
    expect(isWriteOperation(operation, statement)).toBe(expected);
  });

  it('marks a write on the database edge', () => {
    const d = deriveTrace([
      span({
        spanId: '1',
        service: 'a',
        kind: 'client',
        attributes: { 'db.system': 'redis', 'server.address': 'cache', 'db.operation': 'SET' },
      }),
    ]);
    expect(d.calls[0]).toMatchObject({ connectionType: 'database', write: true, inferred: true });
  });
});

describe('deriveTrace: facts for the smell engine', () => {
  // web -> api -> auth -> users (three rpc hops: four services), api -> pg (database)
  const chain = [
    span({ spanId: 'r', service: 'web', kind: 'server', name: 'GET /home', startTimeMs: T0 }),
    span({ spanId: 'c1', parentSpanId: 'r', service: 'web', kind: 'client', startTimeMs: T0 + 1 }),
    span({
      spanId: 's1',
      parentSpanId: 'c1',
      service: 'api',
      kind: 'server',
      startTimeMs: T0 + 2,
      resource: {
        'service.version': '1.2',
        'service.instance.id': 'api-1',
        'service.namespace': 'core',
      },
    }),
    span({
      spanId: 's1b',
      parentSpanId: 'c1',
      service: 'api',
      kind: 'server',
      startTimeMs: T0 + 3,
      resource: { 'service.version': '1.3', 'host.name': 'host-b', 'service.namespace': 'core' },
    }),
    span({
      spanId: 'c2',
      parentSpanId: 's1',
      service: 'api',
      kind: 'client',
      startTimeMs: T0 + 4,
      attributes: { 'peer.service': 'auth' },
    }),
    span({
      spanId: 'c3',
      parentSpanId: 's1',
      service: 'api',
      kind: 'client',
      startTimeMs: T0 + 5,
      attributes: { 'db.system': 'postgresql', 'server.address': 'pg' },
    }),
    span({
      spanId: 'c2s',
      parentSpanId: 'c2',
      service: 'auth',
      kind: 'server',
      startTimeMs: T0 + 6,
    }),
    span({
      spanId: 'c4',
      parentSpanId: 'c2s',
      service: 'auth',
      kind: 'client',
      startTimeMs: T0 + 7,
      attributes: { 'peer.service': 'users' },
    }),
  ];

  it('reports depth per entry, calls per edge, services, versions and instances', () => {
    const d = deriveTrace(chain);
    expect(d.entries).toEqual([
      { node: 'service:web', operation: 'GET /home', startTimeMs: T0, depth: 4 },
    ]);
    expect(edgeList(d)).toEqual([
      'service:api>database:postgresql@pg database inferred',
      'service:api>service:auth rpc',
      'service:auth>service:users rpc inferred',
      'service:web>service:api rpc x2',
      'unknown-caller>service:web rpc inferred',
    ]);
    expect(d.servicesPassed).toEqual(['service:api', 'service:auth', 'service:web']);
    expect(d.activity.find((a) => a.node === 'service:api')).toEqual({
      node: 'service:api',
      bucketStartMs: T0,
      spans: 4,
      versions: ['1.2', '1.3'],
      instances: ['api-1', 'host-b'],
    });
    expect(nodeList(d)).toContain('service:users service users');
    // the latest span decides the node's version and instance; group from service.namespace
    expect(d.nodes.find((n) => n.key === 'service:api')).toEqual({
      key: 'service:api',
      kind: 'service',
      name: 'api',
      group: 'core',
      version: '1.3',
      instanceId: 'host-b',
    });
  });

  it('reads the group from a configurable resource attribute', () => {
    const d = deriveTrace(
      [
        span({
          spanId: '1',
          service: 'a',
          resource: { team: 'payments', 'service.namespace': 'x' },
        }),
      ],
      { groupAttribute: 'team' },
    );
    expect(d.nodes[0].group).toBe('payments');
  });
});
