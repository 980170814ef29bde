import { describe, expect, it } from 'vitest';

import { corpusSkipReason, hasCorpus, readCorpusJson } from '@/lib/testing/corpus';

import { decodeZipkinJson } from './zipkin-json';
import { derivedSpanId } from './zipkin-shared';

const decode = (f: string) => decodeZipkinJson(readCorpusJson(f));
const brief = (f: string) =>
  decode(f).spans.map((s) => `${s.service}|${s.kind}|${s.spanId}|${s.parentSpanId ?? '-'}`);

describe.skipIf(!hasCorpus)(`decodeZipkinJson on the corpus ${corpusSkipReason}`, () => {
  it('splits a shared client/server span into a parent/child pair', () => {
    expect(brief('zipkin/lens-testdata/skew.json')).toEqual([
      'serviceb|internal|43210ae0c10d1234|16fded1acb20ab91',
      'serviceb|server|16fded1acb20ab91|74280ae0c10d8062',
      'servicea|client|74280ae0c10d8062|bf396325699c84bf',
      'servicea|server|bf396325699c84bf|-',
    ]);
    // skew.json's server half had id 74280ae0c10d8062 too; it now has a derived id.
    const { spans } = decode('zipkin/lens-testdata/skew.json');
    expect(spans[1].spanId).toBe(
      derivedSpanId(spans[1].traceId, '74280ae0c10d8062', 'serviceb|192.0.0.0||'),
    );
  });

  it('maps the remote endpoint to peer attributes and keeps names with / and unknown', () => {
    const { spans } = decode('zipkin/lens-testdata/yelp.json');
    expect(spans).toHaveLength(16);
    expect(new Set(spans.map((s) => s.service))).toEqual(
      new Set(['mobile_api', 'spectre', 'yelp-main', 'yelp_main/api_proxy', 'unknown', 'routing']),
    );
    expect(
      spans.filter((s) => s.attributes['peer.service'] === 'memcache').map((s) => s.service),
    ).toEqual(['mobile_api', 'mobile_api', 'yelp-main', 'yelp-main', 'yelp-main']);
    const ids = new Set(spans.map((s) => s.spanId));
    expect(ids.size).toBe(16);
    expect(spans.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId))).toEqual([]);
  });

  it('maps Kafka tags and the broker endpoint to messaging attributes', () => {
    const { spans } = decode('zipkin/lens-testdata/messaging-kafka.json');
    expect(spans).toHaveLength(28);
    const messaging = spans.filter((s) => s.kind === 'producer' || s.kind === 'consumer');
    expect(
      messaging
        .map(
          (s) =>
            `${s.service} ${s.kind} ${s.attributes['messaging.destination.name']} ${s.attributes['messaging.system']}`,
        )
        .sort(),
    ).toEqual(
      [
        ...Array(4).fill('servicea consumer messages kafka'),
        ...Array(3).fill('servicea producer central.messages kafka'),
        ...Array(3).fill('servicea producer command-messages kafka'),
        ...Array(3).fill('servicea producer messages kafka'),
        ...Array(3).fill('serviceb consumer messages kafka'),
      ].sort(),
    );
    expect(spans.filter((s) => s.service === 'serviceb' && s.statusError)).toHaveLength(3);
  });

  it('maps RabbitMQ queues and keeps the IPv6 peer of a server span', () => {
    const { spans } = decode('zipkin/lens-testdata/messaging.json');
    expect(
      spans.map((s) => [s.service, s.kind, s.attributes['messaging.destination.name'] ?? null]),
    ).toEqual([
      ['backend', 'consumer', 'backend'],
      ['backend', 'internal', null],
      ['frontend', 'producer', null],
      ['frontend', 'server', null],
    ]);
    expect(spans[2].attributes['messaging.system']).toBe('rabbitmq');
    expect(spans[3].attributes).toMatchObject({
      'network.peer.address': '::1',
      'network.peer.port': 54602,
    });
    expect(spans[0].traceId).toBe('5aab74dbb904746bb33447baae403ed6');
  });

  it('merges fragments and splits the 1,041 SmartThings spans into 957 with no orphans', () => {
    const { spans, rejected } = decode('zipkin/lens-testdata/smartthings-mobile-web-install.json');
    expect(rejected).toEqual([]);
    expect(spans).toHaveLength(957);
    const ids = new Set(spans.map((s) => s.spanId));
    expect(ids.size).toBe(957);
    expect(spans.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId))).toEqual([]);
    expect(new Set(spans.map((s) => s.service)).size).toBe(16);
    expect(spans.filter((s) => s.startTimeMs === 0)).toEqual([]);
    // One message fanned out to five pusher instances: five server halves under one client.
    const client = spans.find((s) => s.spanId === 'cbab506b53f336fc')!;
    expect(client.service).toBe('bouncer');
    expect(
      spans.filter((s) => s.parentSpanId === client.spanId && s.service === 'pusher'),
    ).toHaveLength(5);
  });

  it('reads single span objects with CJK names, IPv6 and an error tag', () => {
    const [cjk] = decode('zipkin/benchmarks/zipkin2-chinese.json').spans;
    expect(cjk).toEqual({
      traceId: '4d1e00c0db9010db86154a4ba6e91385',
      spanId: '4d1e00c0db9010db',
      parentSpanId: '86154a4ba6e91385',
      service: '订单维护服务',
      kind: 'client',
      name: '个人信息查询',
      startTimeMs: 1472470996199,
      durationMs: 207,
      statusError: true,
      attributes: {
        'http.path': '/person/profile/query',
        'http.status_code': 403,
        error: '此用户没有操作权限',
        'peer.service': '个人信息服务',
        'network.peer.address': '192.168.99.101',
        'network.peer.port': 9000,
      },
      resource: { 'service.name': '订单维护服务' },
      links: [],
    });
    expect(decode('zipkin/benchmarks/zipkin2-client.json').spans[0].statusError).toBe(false);
  });
});

describe('decodeZipkinJson edge cases', () => {
  it('accepts spans without timestamp or duration and rejects bad ids', () => {
    const out = decodeZipkinJson([
      {
        traceId: 'a',
        id: '1',
        timestamp: 5000,
        duration: 1000,
        localEndpoint: { serviceName: 's' },
      },
      { traceId: 'a', id: '2', parentId: '1' },
      { traceId: 'a', id: 'zz' },
    ]);
    expect(out.spans.map((s) => [s.spanId, s.startTimeMs, s.durationMs, s.service])).toEqual([
      ['0000000000000001', 5, 1, 's'],
      ['0000000000000002', 5, 0, ''],
    ]);
    expect(out.rejected).toEqual([{ reason: '[2].id: not a valid id' }]);
  });
});
