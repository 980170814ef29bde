import { describe, expect, it } from 'vitest';

import { corpusSkipReason, hasCorpus, readCorpusJson } from '@/lib/testing/corpus';

import { TraceFormatError } from './decode-result';
import { decodeOtlpJson } from './otlp-json';

const count = (items: string[]) =>
  items.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

describe.skipIf(!hasCorpus)(`decodeOtlpJson on the corpus ${corpusSkipReason}`, () => {
  it('reads the HotROD capture inside Jaeger API v3 {"result": …}', () => {
    const { spans, rejected } = decodeOtlpJson(
      readCorpusJson('jaeger-ui/otlp/getTrace-response.json'),
    );
    expect(rejected).toEqual([]);
    expect(spans).toHaveLength(40);
    expect(count(spans.map((s) => `${s.service}/${s.kind}`))).toEqual({
      'frontend/client': 12,
      'frontend/server': 1,
      'driver/server': 1,
      'route/server': 10,
      'mysql/client': 1,
      'redis-manual/client': 14,
      'customer/server': 1,
    });
    expect(spans.filter((s) => !s.parentSpanId).map((s) => s.spanId)).toEqual(['c8d93156b47cd010']);
    expect(spans.filter((s) => s.statusError)).toHaveLength(3);
    expect(spans[0]).toEqual({
      traceId: '2ea75461946a7dd10f2c15ab36a076cb',
      spanId: '9082d67808fc8870',
      parentSpanId: 'c8d93156b47cd010',
      service: 'frontend',
      kind: 'client',
      name: 'HTTP GET',
      startTimeMs: 1782036644636.668325,
      durationMs: 261.558454,
      statusError: false,
      attributes: {
        'http.request.method': 'GET',
        'http.response.status_code': 200,
        'network.protocol.version': '1.1',
        'server.address': '0.0.0.0',
        'server.port': 8081,
        'url.full': 'http://0.0.0.0:8081/customer?customer=123',
      },
      resource: {
        'host.name': '2fd43f7d79c6',
        'os.type': 'linux',
        'service.name': 'frontend',
        'telemetry.sdk.language': 'go',
        'telemetry.sdk.name': 'opentelemetry',
        'telemetry.sdk.version': '1.44.0',
      },
      links: [],
    });
    const mysql = spans.find((s) => s.service === 'mysql')!;
    expect(mysql.attributes['service.peer.name']).toBe('mysql');
  });

  it('lowercases the uppercase hex ids of the spec example', () => {
    const { spans } = decodeOtlpJson(readCorpusJson('otel-proto/trace.json'));
    expect(spans).toEqual([
      {
        traceId: '5b8efff798038103d269b633813fc60c',
        spanId: 'eee19b7ec3c1b174',
        parentSpanId: 'eee19b7ec3c1b173',
        service: 'my.service',
        kind: 'server',
        name: "I'm a server span",
        startTimeMs: 1544712660000,
        durationMs: 1000,
        statusError: false,
        attributes: { 'my.span.attr': 'some value' },
        resource: { 'service.name': 'my.service' },
        links: [],
      },
    ]);
  });

  it('reads every attribute type, links, statuses and all kinds', () => {
    const { spans } = decodeOtlpJson(readCorpusJson('jaeger/otlp/memory-otel_traces_01.json'));
    expect(spans.map((s) => [s.spanId, s.kind, s.parentSpanId, s.statusError])).toEqual([
      ['0000000000000002', 'server', '0000000000000003', true],
      ['0000000000000003', 'client', '0000000000000010', true],
      ['0000000000000004', 'producer', '0000000000000011', true],
      ['0000000000000005', 'consumer', '0000000000000010', true],
    ]);
    expect(spans[0].attributes).toEqual({
      'peer.service': 'service-y',
      'peer.ipv4': 23456,
      blob: 'AAAwOQ==',
      temperature: 72.5,
    });
    expect(spans[0].links).toEqual([
      { traceId: '00000000000000010000000000000000', spanId: '0000000000000004' },
      { traceId: '00000000000000ff0000000000000000', spanId: '00000000000000ff' },
    ]);
    expect(spans[0].durationMs).toBe(0.005);
  });

  it('reads parentless spans of several resources', () => {
    const { spans } = decodeOtlpJson(readCorpusJson('jaeger/otlp/integration-example_trace.json'));
    expect(spans.map((s) => `${s.service}:${s.spanId}:${s.kind}:${s.parentSpanId ?? '-'}`)).toEqual(
      [
        'example-service-2:0000000000000004:unspecified:-',
        'example-service-3:0000000000000005:unspecified:-',
        'example-service-1:0000000000000003:unspecified:-',
        'example-service-1:0000000000000006:server:-',
        'example-service-1:0000000000000007:client:-',
      ],
    );
    const twice = decodeOtlpJson(readCorpusJson('jaeger/otlp/otlp2jaeger-in.json')).spans;
    expect(twice.map((s) => s.spanId)).toEqual(['e127af99e3b3e074', 'e127af99e3b3e074']);
  });
});

describe('decodeOtlpJson variants and bad input', () => {
  const T = '0af7651916cd43dd8448eb211c80319c';
  const body = (spans: unknown[], wrap = 'resourceSpans') => ({
    [wrap]: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'a' } }] },
        scopeSpans: [{ spans }],
      },
    ],
  });

  it('accepts base64 ids, enum names, snake_case, the batches envelope and number times', () => {
    const span = {
      trace_id: 'CvdlGRbNQ92ESOshHIAxnA==',
      spanId: 't61rcWkgMzE=',
      kind: 'SPAN_KIND_CONSUMER',
      status: { code: 'STATUS_CODE_ERROR' },
      startTimeUnixNano: 1_000_000,
      end_time_unix_nano: '3500000',
      attributes: [
        {
          key: 'arr',
          value: {
            arrayValue: { values: [{ intValue: '9007199254740993' }, { boolValue: true }] },
          },
        },
        {
          key: 'map',
          value: { kvlistValue: { values: [{ key: 'k', value: { doubleValue: 'NaN' } }] } },
        },
        { key: 'empty', value: {} },
      ],
    };
    const [s] = decodeOtlpJson(body([span], 'batches')).spans;
    expect(s).toMatchObject({
      traceId: T,
      spanId: 'b7ad6b7169203331',
      kind: 'consumer',
      statusError: true,
      startTimeMs: 1,
      durationMs: 2.5,
      attributes: { arr: '["9007199254740993",true]', map: '{"k":"NaN"}' },
    });
    expect(Object.keys(s.attributes)).toEqual(['arr', 'map']);
  });

  it('rejects spans with invalid ids or fields by path, keeps the rest', () => {
    const ok = { traceId: T, spanId: 'b7ad6b7169203331' };
    const result = decodeOtlpJson(
      body([
        ok,
        { ...ok, traceId: 'not-hex' },
        { ...ok, spanId: '00000000' },
        { ...ok, kind: 'SIDEWAYS' },
        7,
      ]),
    );
    expect(result.spans).toHaveLength(1);
    expect(result.rejected).toEqual([
      { reason: 'resourceSpans[0].scopeSpans[0].spans[1].traceId: not a valid id' },
      { reason: 'resourceSpans[0].scopeSpans[0].spans[2].spanId: not a valid id' },
      { reason: 'resourceSpans[0].scopeSpans[0].spans[3].kind: not a span kind' },
      { reason: 'resourceSpans[0].scopeSpans[0].spans[4].not an object' },
    ]);
  });

  it('throws TraceFormatError naming the path for malformed structure', () => {
    expect(() => decodeOtlpJson([])).toThrow(new TraceFormatError('request: not a JSON object'));
    expect(() => decodeOtlpJson({ resourceSpans: 1 })).toThrow('resourceSpans: not an array');
    expect(() => decodeOtlpJson({ result: { resourceSpans: [{ scopeSpans: {} }] } })).toThrow(
      'result.resourceSpans[0].scopeSpans: not an array',
    );
    expect(decodeOtlpJson({})).toEqual({ spans: [], rejected: [] });
  });
});
